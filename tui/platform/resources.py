"""Where the files brief ships (styles, seed articles) are, in a wheel and in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent  # tui/, where the wheel puts styles/ and seeds/


class MissingResource(RuntimeError):
    """A folder that brief ships is not where it should be: the installation is broken."""


def resource_dir(name: str) -> Path:
    """The `styles` or `seeds` folder: inside the package when installed, at the top level in a checkout."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise MissingResource(f"brief's {name!r} folder is missing; reinstall brief")


def seed_path() -> Path:
    """The bundled sample article, opened when no file is given."""
    return resource_dir("seeds") / "diplomatic-gauntlet.txt"


def stylesheet_path(name: str = "brief") -> Path:
    """A stylesheet: `brief` for the reader, `dialogs` and `library` for the screens that load them
    when they first open (what the first frame does not show, it need not parse)."""
    return resource_dir("styles") / f"{name}.tcss"
