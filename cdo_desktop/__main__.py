"""`python -m cdo_desktop` runs the `cdo` command line."""

from cdo_desktop.cli import main

raise SystemExit(main())
