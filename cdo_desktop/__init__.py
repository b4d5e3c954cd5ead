"""CDO Desktop (首席数据官协同桌面): data-sharing governance for department data commissioners and the bureau."""

__version__ = "0.1.0"
PROTOCOL_VERSION = 1
