"""Front matter: the YAML (`---`) or TOML (`+++`) block that opens many Markdown files, or
Pandoc's title block (`% Title`, `% Author`, `% Date`, as Rust's release notes open).

Static-site generators keep a post's title, description, author and date there, and nowhere else.
The block is read as data with a real parser (PyYAML's safe loader, `tomllib`); what does not parse
as a table of fields is not front matter, and stays Markdown (`---` is also a thematic break).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache

DEK_KEYS = ("description", "summary", "subtitle")
AUTHOR_KEYS = ("author", "authors")
DATE_KEYS = ("date",)
FENCES = {"---": ("---", "..."), "+++": ("+++",)}
MAX_FRONT_MATTER = 64 * 1024
"""A longer block is not front matter: a thematic break and, far below, another one."""


@dataclass
class FrontMatter:
    """The fields brief knows, and every other field as `(key, value)` text so that no word is lost."""

    title: str | None = None
    dek: str | None = None
    author: str | None = None
    date: str | None = None
    fields: list[tuple[str, str]] = field(default_factory=list)


def split_front_matter(text: str) -> tuple[FrontMatter | None, str]:
    """The front matter at the very start of `text` and the Markdown after it, or (None, text)."""
    if text.startswith("% "):
        return _pandoc_title_block(text)
    end = text.find("\n")
    closers = FENCES.get(text[:end].rstrip()) if end > 0 else None
    if closers is None:
        return None, text
    start = end + 1
    while end >= 0:
        line_start, end = end + 1, text.find("\n", end + 1)
        line = text[line_start:] if end < 0 else text[line_start:end]
        if line_start - start > MAX_FRONT_MATTER:
            return None, text
        if line.rstrip() in closers:
            data = _load(text[start:line_start], text[:3])
            if data is None:
                return None, text
            return _front_matter(data), "" if end < 0 else text[end + 1 :]
    return None, text


def _pandoc_title_block(text: str) -> tuple[FrontMatter, str]:
    """Up to three `%` lines, title, author(s) and date, each continued by lines that open with a
    space; an empty `% ` line skips its field. What follows is the Markdown."""
    values: list[str] = []
    lines = text.split("\n")
    taken = 0
    for line in lines:
        if line.startswith("%") and len(values) < 3:
            values.append(line[1:].strip())
        elif line.startswith((" ", "\t")) and values and line.strip():
            values[-1] = f"{values[-1]} {line.strip()}".strip()
        else:
            break
        taken += 1
    values += [""] * (3 - len(values))
    matter = FrontMatter(values[0] or None, author=values[1] or None, date=values[2] or None)
    return matter, "\n".join(lines[taken:])


@cache
def _text_loader() -> type:
    """A YAML loader, read safely, that keeps every scalar as the text the author wrote: `00` stays
    "00", `yes` "yes" and `1.10` "1.10", where plain YAML makes them 0, True and 1.1 (words lost).

    Made when a block is first read: PyYAML's import is a fifth of the Markdown parser's, and the
    reader imports that parser before its first frame (a 1 MB file's preview), most files having
    no front matter."""
    import yaml

    class TextLoader(yaml.SafeLoader):
        yaml_implicit_resolvers = {
            first: [(tag, pattern) for tag, pattern in resolvers if tag == "tag:yaml.org,2002:merge"]
            for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
        }

    return TextLoader


def _load(source: str, fence: str) -> dict | None:
    """The fields of the block, or None when it is not a table of fields."""
    if fence == "+++":
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover - Python 3.10
            import tomli as tomllib
        try:
            data = tomllib.loads(source)
        except (tomllib.TOMLDecodeError, ValueError, RecursionError):
            return None
    else:
        import yaml

        try:
            data = yaml.load(source, Loader=_text_loader())  # noqa: S506
        except (yaml.YAMLError, ValueError, RecursionError):
            return None
    return data if isinstance(data, dict) and data else None


def _front_matter(data: dict) -> FrontMatter:
    matter = FrontMatter()
    for key, value in data.items():
        name, shown = str(key), as_text(value)
        lowered = name.casefold()
        if lowered == "title" and matter.title is None and shown:
            matter.title = shown
        elif lowered in DEK_KEYS and matter.dek is None and shown:
            matter.dek = shown
        elif lowered in AUTHOR_KEYS and matter.author is None and shown:
            matter.author = shown
        elif lowered in DATE_KEYS and matter.date is None and shown:
            matter.date = shown
        else:
            matter.fields.append((name, shown))
    return matter


def as_text(value: object, depth: int = 0) -> str:
    """A field's value as one line a reader can read: lists joined by commas, tables as `key: value`.

    YAML aliases can repeat a value exponentially ("billion laughs"): past a few levels, or past the
    size of the block itself, nothing more is shown (the words are all in the block already).
    """
    import datetime  # loaded already by the YAML and TOML parsers, whose values these are

    if value is None or depth > 8:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (datetime.date, datetime.time)):
        return value.isoformat()
    if isinstance(value, dict):
        return _joined("; ", (f"{key}: {as_text(item, depth + 1)}" for key, item in value.items()))
    if isinstance(value, (list, tuple)):
        return _joined(", ", (as_text(item, depth + 1) for item in value))
    return " ".join(str(value).split())


def _joined(separator: str, parts: Iterable[str]) -> str:
    shown: list[str] = []
    size = 0
    for part in parts:
        shown.append(part)
        size += len(part) + len(separator)
        if size > MAX_FRONT_MATTER:
            break
    return separator.join(shown)
