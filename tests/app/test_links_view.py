"""The links view: `L` lists the links of the section at the top with their targets, and Enter
copies the chosen one's address through brief's clipboard (over SSH, OSC 52)."""

from __future__ import annotations

from textual.widgets import OptionList

from tests.app.helpers import top_text, wait_until
from tests.app.test_copying import SSH, decoded, notifications
from tests.reading.samples import rich_article
from tui.platform.clipboard import Clipboard, Environment
from tui.ui.app import BriefApp
from tui.ui.screens.links import LinksScreen


def app_copying_over_ssh() -> tuple[BriefApp, list[str]]:
    sent: list[str] = []
    clipboard = Clipboard("auto", Environment.from_environ(SSH), write_terminal=sent.append)
    return BriefApp(rich_article(), clipboard=clipboard), sent


def listed(app: BriefApp) -> list[str]:
    options = app.screen.query_one(OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_l_lists_the_links_of_the_section_at_the_top_and_enter_copies_the_address():
    app, sent = app_copying_over_ssh()
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("2", "right_square_bracket")
        assert top_text(app) == "Voices"
        await pilot.press("L")
        await wait_until(pilot, lambda: isinstance(app.screen, LinksScreen))
        assert listed(app) == ["[2] the minutes\nhttps://example.org/minutes"]
        await pilot.press("enter")
        await wait_until(pilot, lambda: bool(sent))
        assert [decoded(s) for s in sent] == ["https://example.org/minutes"]
        assert not isinstance(app.screen, LinksScreen)
        await wait_until(pilot, lambda: any("link 2" in n for n in notifications(app)))


async def test_the_opening_text_has_its_own_links_and_escape_closes_without_copying():
    app, sent = app_copying_over_ssh()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("L")
        await wait_until(pilot, lambda: isinstance(app.screen, LinksScreen))
        assert listed(app) == ["[1] guide\nhttps://example.org/guide"]
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, LinksScreen))
        assert sent == []


async def test_a_section_without_links_says_so():
    app, _ = app_copying_over_ssh()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("1", "L")
        await wait_until(pilot, lambda: isinstance(app.screen, LinksScreen))
        assert not app.screen.query(OptionList)
        assert "This section has no links." in str(app.screen.query_one("#links-hint").render())
