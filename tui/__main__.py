"""`python -m tui` runs brief."""

from tui.cli import main

# Guarded: a process that parses a large book in the background imports this module again.
if __name__ == "__main__":
    raise SystemExit(main())
