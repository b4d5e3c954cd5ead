; Inno Setup script for CDO Desktop (首席数据官协同桌面): per-user install, no administrator rights needed.
; Build on Windows after `pyinstaller packaging\cdo-desktop.spec` (see docs/packaging.md):
;   iscc packaging\windows\cdo-desktop.iss
#define AppVersion GetEnv("CDO_VERSION")
#if AppVersion == ""
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6F1C1D7E-3B8A-4C52-9D0E-5A1F2B3C4D5E}
AppName=CDO Desktop
AppVerName=CDO Desktop {#AppVersion}
AppVersion={#AppVersion}
AppPublisher=Foshan Data Bureau
DefaultDirName={localappdata}\Programs\CDO Desktop
DefaultGroupName=CDO Desktop
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=cdo-desktop-{#AppVersion}-setup
SetupIconFile=cdo-desktop.ico
UninstallDisplayIcon={app}\cdo-desktop.exe
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=yes

[Languages]
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
chinesesimplified.AppName=首席数据官协同桌面
english.AppName=CDO Desktop
chinesesimplified.SelfTest=安装完成后运行自检
english.SelfTest=Run the self-test after installing

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "..\..\dist\cdo-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{cm:AppName}"; Filename: "{app}\cdo-desktop.exe"
Name: "{group}\{cm:UninstallProgram,{cm:AppName}}"; Filename: "{uninstallexe}"
Name: "{userdesktop}\{cm:AppName}"; Filename: "{app}\cdo-desktop.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\cdo-desktop.exe"; Parameters: "--self-test"; Description: "{cm:SelfTest}"; Flags: postinstall skipifsilent unchecked runhidden
Filename: "{app}\cdo-desktop.exe"; Description: "{cm:LaunchProgram,{cm:AppName}}"; Flags: nowait postinstall skipifsilent
