#!/usr/bin/env bash
# Build the Linux desktop bundle (dist/cdo-desktop/), check it with --self-test, and package a .deb for /opt.
#   packaging/linux/build.sh            # office bundle (no bureau server)
#   CDO_BUNDLE=full packaging/linux/build.sh
# Uses the Python of $PYTHON (default: the active venv's python); PyInstaller is installed into it if missing.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PYTHON="${PYTHON:-python3}"
VERSION="$("$PYTHON" -c 'import cdo_desktop; print(cdo_desktop.__version__)')"
ARCH="$(dpkg --print-architecture 2>/dev/null || echo amd64)"
cd "$ROOT"
started=$(date +%s)

if [ -n "${PYSIDE6_VERSION:-}" ]; then
    # A build for older glibc (PySide6 6.9.x wheels need glibc 2.28; 6.10+ need 2.34): its own venv, with QtPdf
    # from PySide6-Addons of that version (PySide6-Pdf is published from 6.12 on). Run it on the oldest target.
    VENV="$ROOT/build/venv-pyside-$PYSIDE6_VERSION"
    [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
    mapfile -t DEPS < <(python3 -c 'import tomllib; d = tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]; print("\n".join(x for x in d if not x.lower().startswith("pyside6")))')
    "$VENV/bin/pip" install -q "${DEPS[@]}" "PySide6-Essentials==$PYSIDE6_VERSION" "PySide6-Addons==$PYSIDE6_VERSION" "pyinstaller>=6.6"
    "$VENV/bin/pip" install -q --no-deps -e .
    PYTHON="$VENV/bin/python"
fi
"$PYTHON" -m PyInstaller --version >/dev/null 2>&1 || "$PYTHON" -m pip install -q "pyinstaller>=6.6"
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$ROOT/dist" --workpath "$ROOT/build/pyinstaller" packaging/cdo-desktop.spec

echo "== self-test of the bundle"
QT_QPA_PLATFORM=offscreen "$ROOT/dist/cdo-desktop/cdo-desktop" --self-test

echo "== .deb"
STAGE="$ROOT/build/deb/cdo-desktop_${VERSION}_${ARCH}"
rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/share/applications" "$STAGE/usr/share/icons/hicolor/256x256/apps" \
    "$STAGE/usr/bin"
cp -a "$ROOT/dist/cdo-desktop" "$STAGE/opt/cdo-desktop"
ln -s /opt/cdo-desktop/cdo-desktop "$STAGE/usr/bin/cdo-desktop"
install -m 644 packaging/linux/cdo-desktop.desktop "$STAGE/usr/share/applications/cdo-desktop.desktop"
install -m 644 packaging/linux/cdo-desktop.png "$STAGE/usr/share/icons/hicolor/256x256/apps/cdo-desktop.png"
SIZE_KB=$(du -sk "$STAGE/opt" | cut -f1)
cat > "$STAGE/DEBIAN/control" <<CONTROL
Package: cdo-desktop
Version: ${VERSION}
Architecture: ${ARCH}
Maintainer: Foshan Data Bureau <cdo-desktop@foshan.gov.cn>
Installed-Size: ${SIZE_KB}
Depends: libgl1, libegl1, libfontconfig1, libglib2.0-0, libxkbcommon0, libx11-6, libdbus-1-3
Recommends: libcups2, gnome-keyring | kwalletmanager
Section: misc
Priority: optional
Description: CDO Desktop 首席数据官协同桌面
 Data-sharing governance for department data commissioners and the city data bureau:
 catalogue, sharing requests, objections, disputes, rulings and accountability, offline, with sync.
CONTROL
mkdir -p "$ROOT/dist"
DEB="$ROOT/dist/cdo-desktop_${VERSION}_${ARCH}.deb"
dpkg-deb --root-owner-group -Zxz -z6 --build "$STAGE" "$DEB" >/dev/null

echo "== the .deb installs into a scratch root and its binary passes the self-test"
SCRATCH="$(mktemp -d /tmp/cdo-deb-root-XXXXXX)"
dpkg -x "$DEB" "$SCRATCH"
test -f "$SCRATCH/usr/share/applications/cdo-desktop.desktop"
QT_QPA_PLATFORM=offscreen "$SCRATCH/opt/cdo-desktop/cdo-desktop" --self-test
rm -rf "$SCRATCH"
elapsed=$(( $(date +%s) - started ))
echo "bundle: $(du -sh "$ROOT/dist/cdo-desktop" | cut -f1)  deb: $(du -h "$DEB" | cut -f1)  build time: ${elapsed}s"
