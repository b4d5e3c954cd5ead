"""Entry script of the frozen desktop app: `--self-test` runs the installation check, anything else starts the app."""

import sys

if "--self-test" in sys.argv[1:]:
    from cdo_desktop.selftest import run

    raise SystemExit(run())

from cdo_desktop.ui.app import main

raise SystemExit(main())
