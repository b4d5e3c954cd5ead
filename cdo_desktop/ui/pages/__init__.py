"""The pages of the main window, one module each; they react to `AppState.changed` and never call each other."""
