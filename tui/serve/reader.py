"""The reader `brief serve` starts for each visitor: `python -m tui.serve.reader PATH…`.

It opens only the paths the server was given (one folder, or files), in served mode: no suspend, no
file saved, no screenshot, copying by OSC 52 to the visitor's own terminal. Nothing the visitor types
is ever used as a path. It imports no asyncssh: it is brief, started by the server in a terminal.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Sequence
from pathlib import Path

SERVED = "BRIEF_SERVED"
"""Set to 1 in the reader's environment by the server, so the reader knows it is served."""


def main(argv: Sequence[str]) -> int:
    if os.environ.get(SERVED) != "1" or not argv:
        print("brief: the served reader is started by `brief serve`", file=sys.stderr)
        return 2
    from tui.model.errors import BriefError
    from tui.parse import DEFAULT_MAX_SIZE, read_path

    paths = [Path(path) for path in argv]
    article = pending = library = files = opened = None
    if len(paths) == 1 and paths[0].is_dir():
        library = paths[0]
    elif len(paths) > 1:
        library, files = Path(os.path.commonpath([path.parent for path in paths])), paths
    else:
        from tui.reading.loading import open_input

        try:
            # A large file opens on its preview while the whole is parsed, as with `brief FILE`.
            opened = open_input(read_path(paths[0], max_size=DEFAULT_MAX_SIZE))
        except BriefError as error:
            print(f"brief: {error}", file=sys.stderr)
            return 2
    gc.disable()  # as in tui.cli._run_reader: the first screen turns it back on
    try:
        from tui.ui.app import BriefApp

        if opened is not None:
            try:
                # Above 2 MB the parse process makes the preview while the import above runs.
                opened = opened.ready()
            except BriefError as error:
                print(f"brief: {error}", file=sys.stderr)
                return 2
            article, pending = opened.article, opened.pending
        app = BriefApp(
            article, library=library, library_files=files, clipboard_mode="osc52", pending=pending, served=True
        )
        app.run()
    finally:
        gc.enable()
    return app.return_code or 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
