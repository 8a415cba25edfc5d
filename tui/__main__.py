"""`python -m tui` runs brief."""

from tui.cli import main

raise SystemExit(main())
