"""Start the CDO Desktop app: ``python main.py [--demo] [--data-dir DIR] [--screenshot DIR]``."""

from cdo_desktop.ui.app import main

if __name__ == "__main__":
    raise SystemExit(main())
