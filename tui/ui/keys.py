"""One table of keys, made from the bindings themselves, for the help screen and the README."""

from __future__ import annotations

from collections.abc import Iterable

from textual.binding import Binding

_KEY_NAMES = {
    "right_square_bracket": "]",
    "left_square_bracket": "[",
    "question_mark": "?",
    "apostrophe": "'",
    "slash": "/",
    "space": "Space",
    "pagedown": "PageDown",
    "pageup": "PageUp",
    "home": "Home",
    "end": "End",
    "up": "↑",
    "down": "↓",
    "tab": "Tab",
    "shift+tab": "Shift+Tab",
    "shift+down": "Shift+↓",
    "shift+up": "Shift+↑",
    "enter": "Enter",
    "escape": "Escape",
    "backspace": "Backspace",
}


def key_name(key: str) -> str:
    """How a key is written for people: `right_square_bracket` is `]`, `ctrl+p` is `Ctrl+P`."""
    if key in _KEY_NAMES:
        return _KEY_NAMES[key]
    if key.startswith("ctrl+"):
        return "Ctrl+" + key_name(key[5:]).upper()
    return key


def key_table(bindings: Iterable[Binding]) -> list[tuple[str, str]]:
    """(keys, description) rows in binding order; bindings that share a description share a row.

    The longer `tooltip` is used where a binding has one (the footer shows the short description).

    Runs of digit keys are written as a range (`1–9`).
    """
    rows: dict[str, list[str]] = {}
    for binding in bindings:
        description = binding.tooltip or binding.description
        if not description:
            continue
        keys = rows.setdefault(description, [])
        for key in binding.key.split(","):
            name = key_name(key.strip())
            if name not in keys:
                keys.append(name)
    return [(_join_keys(keys), description) for description, keys in rows.items()]


def _join_keys(keys: list[str]) -> str:
    if len(keys) > 2 and all(k.isdigit() and len(k) == 1 for k in keys):
        return f"{keys[0]}–{keys[-1]}"
    return " / ".join(keys)


def markdown_key_table(rows: list[tuple[str, str]]) -> str:
    """The key table as the README shows it."""
    lines = ["| key | action |", "| --- | --- |"]
    for keys, description in rows:
        shown = " ".join(f"`{key}`" for key in keys.split(" / "))
        lines.append(f"| {shown} | {description} |")
    return "\n".join(lines)
