"""A peer for benchmarks/terminal.py: Textual's own MarkdownViewer on the Markdown file given on argv.

python benchmarks/markdown_viewer.py FILE.md
"""

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import MarkdownViewer


class ViewerApp(App[None]):
    """The whole file in one MarkdownViewer, with its table of contents, as a user would write it."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        yield MarkdownViewer(self.path.read_text(encoding="utf-8"), show_table_of_contents=True)


if __name__ == "__main__":
    ViewerApp(Path(sys.argv[1])).run()
