"""A UTF-8 text with a damaged byte opens, and the reader says how many bytes it replaced."""

from __future__ import annotations

from tests.app.helpers import toasts, wait_until
from tui.parse import parse_bytes
from tui.ui.app import BriefApp


async def test_the_reader_says_how_many_bytes_were_replaced(isolated_state):
    text = "Titre\n\n" + "Le français se lit ici, à côté du café. " * 60
    data = text.encode("utf-8")
    article = parse_bytes(data[:900] + b"\xff" + data[900:], name="fr.txt")
    app = BriefApp(article)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await wait_until(pilot, lambda: any("1 invalid byte" in toast for toast in toasts(app)))
        await pilot.press("q")
