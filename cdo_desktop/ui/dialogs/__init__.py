"""Dialogs: forms that build one mutation each, the ruling editor, PDF preview, verify, sign-in."""
