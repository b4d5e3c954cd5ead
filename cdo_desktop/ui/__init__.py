"""The PySide6 desktop app: bootstrap, main window, pages, Qt models over store queries, dialogs, workers."""
