"""The `brief` command: arguments, the non-interactive outputs, and errors as one line with status 2."""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import re
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from tui import __version__
from tui.model.article import Article
from tui.model.errors import BriefError
from tui.parse import DEFAULT_MAX_SIZE, RawInput, read_path, read_stream
from tui.parse.detect import looks_like_url
from tui.parse.sanitize import printable
from tui.platform.clipboard import MODES, ClipboardError, resolve_mode
from tui.platform.resources import MissingResource, seed_path

if TYPE_CHECKING:
    from tui.reading.loading import Opened

EXIT_ERROR = 2
EXIT_EMPTY = 1
"""A list option with nothing to print: status 1, as grep's when nothing matched."""
LISTS = {"takeaways": "key takeaways", "pros": "pros", "cons": "cons", "key-points": "key points to suggest",
         "highlights": "highlights"}  # fmt: skip

EXAMPLES = """\
examples:
  brief                          open the bundled sample article
  brief report.txt               read a plain-text article
  brief notes.md                 read a Markdown article
  brief page.html                read the article of a saved web page
  brief https://example.org/a    fetch a web page and read its article
  brief book.epub                read an e-book
  brief ~/reading/               the library: every article in a folder, filter and open
  curl -s URL | brief -          read from standard input
  brief --takeaways report.txt   print the key takeaways as a Markdown list
  brief --key-points report.txt  print brief's suggested key points (when the author gave none)
  brief --highlights ~/articles  print your highlights of every article in a folder
  brief --json report.txt | jq '.sections[].heading'
  brief report.txt | less        not a terminal: prints the article as wrapped text
  brief serve ~/briefings        let colleagues read a folder over SSH (brief serve --help)
"""

_SIZE = re.compile(r"(?i)\s*(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?\s*")
_UNITS = {None: 1, "b": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def parse_size(value: str) -> int:
    """`64M`, `10MB`, `500k` or a number of bytes, for --max-size."""
    match = _SIZE.fullmatch(value)
    if match is None:
        raise argparse.ArgumentTypeError(f"not a size: {value!r} (try 64M or 500k)")
    unit = match.group(2)
    return int(float(match.group(1)) * _UNITS[unit[0].lower() if unit else None])


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="brief",
        description="Read long-form articles in the terminal: sections, the text, and its key takeaways.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="article to read (.txt, .md, .html, .epub, or an http(s) URL), or a folder (DIR) to list its"
        " articles in a library; - reads standard input; default: the bundled sample",
    )
    output = parser.add_argument_group("print instead of opening the reader").add_mutually_exclusive_group()
    output.add_argument("--json", action="store_const", const="json", dest="output", help="the parsed article as JSON")
    output.add_argument(
        "--outline", action="store_const", const="outline", dest="output", help="the title and headings"
    )
    output.add_argument(
        "--takeaways",
        action="store_const",
        const="takeaways",
        dest="output",
        help="the key takeaways as a Markdown list",
    )
    output.add_argument(
        "--key-points",
        action="store_const",
        const="key-points",
        dest="output",
        help="brief's suggested key points (sentences of the article; per chapter for a book) as a Markdown list",
    )
    output.add_argument(
        "--highlights",
        action="store_const",
        const="highlights",
        dest="output",
        help="your highlights as Markdown (## section, > quote); for a folder, of every article in it",
    )
    output.add_argument("--pros", action="store_const", const="pros", dest="output", help="the pros as a Markdown list")
    output.add_argument("--cons", action="store_const", const="cons", dest="output", help="the cons as a Markdown list")
    output.add_argument(
        "--plain",
        action="store_const",
        const="plain",
        dest="output",
        help="the article as wrapped plain text (the default when output is not a terminal)",
    )
    parser.add_argument(
        "--no-references",
        dest="references",
        action="store_false",
        help="with --plain, the text alone: no numbered list of link targets at the end",
    )
    parser.add_argument(
        "--width",
        type=int,
        default=None,
        metavar="N",
        help="wrap --plain output at N columns (default: the terminal's width, at most 80)",
    )
    # Parsed in main(), so that a bad value is one line `brief: --max-size: ...` like every other error.
    parser.add_argument("--max-size", default=None, metavar="SIZE", help="refuse files larger than SIZE (default: 64M)")
    parser.add_argument(
        "--timeout", default=None, metavar="SECONDS", help="give up fetching a URL after SECONDS (default: 10)"
    )
    parser.add_argument(
        "--clipboard",
        choices=MODES,
        default=None,
        help="how y, Y and c copy: auto (default), system (pyperclip), osc52 (the terminal, for SSH) "
        "or off; also BRIEF_CLIPBOARD",
    )
    parser.add_argument("--no-resume", action="store_true", help="open at the top, not where you left the article")
    parser.add_argument(
        "--forget",
        action="store_true",
        help="forget the saved position and bookmarks of FILE (of every article when no FILE is given)",
    )
    parser.add_argument(
        "--theme", metavar="NAME", help="colour theme of the reader (any Textual theme, e.g. nord, gruvbox)"
    )
    parser.add_argument("--version", action="version", version=f"brief {__version__}")
    return parser  # fmt: skip


def read(file: str | None, max_size: int, timeout: float | None = None) -> RawInput:
    """The input the user asked for: a path, a URL, `-` for standard input, or the bundled sample."""
    if file == "-":
        return read_stream(max_size=max_size)
    if looks_like_url(file):
        from tui.reading.fetching import read_url  # urllib: only a URL needs it

        return read_url(file, timeout, max_size)
    return read_path(file if file is not None else seed_path(), max_size=max_size)


def load(file: str | None, max_size: int) -> Article:
    """The article the user asked for, parsed."""
    return read(file, max_size).parse()


def render(article: Article, output: str, width: int | None, references: bool = True) -> str:
    """The text printed for one of the non-interactive outputs."""
    from tui.reading import export  # only output to print needs it

    if output == "json":
        return export.to_json(article)
    if output == "outline":
        return export.outline(article)
    if output == "takeaways":
        return export.markdown_list(article.takeaways)
    if output == "pros":
        return export.markdown_list(article.pros)
    if output == "cons":
        return export.markdown_list(article.cons)
    if output == "key-points":
        from tui.reading import key_points
        from tui.reading.layout import Document

        return key_points.markdown(Document(article))
    if width is None:
        width = min(shutil.get_terminal_size((80, 24)).columns, 80)
    return export.plain_text(article, width, references).rstrip("\n")


def main(argv: Sequence[str] | None = None) -> int:
    arguments = sys.argv[1:] if argv is None else list(argv)
    # `serve` is a command of its own; the parser below would take it for the name of a file.
    if arguments[:1] == ["serve"]:
        from tui.serve.options import main as serve

        return serve(arguments[1:])
    args = build_parser().parse_args(arguments)
    if args.theme is not None:
        from textual.theme import BUILTIN_THEMES

        if args.theme not in BUILTIN_THEMES:
            return _fail(f"unknown theme {args.theme!r} (themes: {', '.join(sorted(BUILTIN_THEMES))})")
    try:
        max_size = DEFAULT_MAX_SIZE if args.max_size is None else parse_size(args.max_size)
    except argparse.ArgumentTypeError as error:
        return _fail(f"--max-size: {error}")
    try:
        timeout = None if args.timeout is None else float(args.timeout)
    except ValueError:
        timeout = -1.0
    if timeout is not None and not 0 < timeout < float("inf"):
        return _fail(f"--timeout: not a number of seconds: {args.timeout!r} (try 10 or 2.5)")
    if args.forget:
        return _forget(args.file, max_size)
    interactive = args.output is None and _is_terminal(sys.stdout)
    is_folder = args.file not in (None, "-") and not looks_like_url(args.file) and _is_folder(args.file)
    if is_folder and args.output == "highlights":
        return _library_highlights(Path(args.file), max_size)
    if is_folder and interactive:
        return _run_reader(args, library=Path(args.file).resolve(), max_size=max_size)
    try:
        if interactive and looks_like_url(args.file):
            from tui.reading.fetching import open_url

            opened = open_url(args.file, timeout, max_size)  # the reader shows while the page is fetched
        elif interactive:
            from tui.reading.loading import open_input

            opened = open_input(read(args.file, max_size, timeout))
        else:
            article = read(args.file, max_size, timeout).parse()
    except BriefError as error:
        return _fail(str(error))
    except MissingResource as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return 130
    if interactive:
        return _run_reader(args, opened=opened)
    if args.output == "highlights":
        return _highlights(article, args.file)
    text = render(article, args.output or "plain", args.width, args.references)
    if not text and args.output in LISTS:
        return _empty(f"{args.file or 'the sample'}: no {LISTS[args.output]}")
    return _print(text)


def _highlights(article: Article, file: str | None) -> int:
    """`--highlights FILE`: the highlights kept for this article, found again in its current text."""
    where = file or "the sample"
    text, lost = _highlights_markdown(article, file)
    if lost:
        lost_ones = f"{lost} highlight{'' if lost == 1 else 's'}"
        print(f"brief: {where}: {lost_ones} no longer found in the text", file=sys.stderr)
    if not text:
        return _empty(f"{where}: no highlights")
    return _print(text)


def _highlights_markdown(article: Article, file: str | None) -> tuple[str, int]:
    from tui.platform.state import StateStore
    from tui.reading import highlights
    from tui.reading.layout import Document

    source = str(Path(file).expanduser().resolve()) if file not in (None, "-") and not looks_like_url(file) else None
    state, _ = StateStore().get(article.digest or "", source)
    if state is None or not state.highlights:
        return "", 0
    document = Document(article)
    placed, lost = highlights.resolve(document, state.highlights)
    return highlights.to_markdown(document, placed), lost


def _library_highlights(folder: Path, max_size: int) -> int:
    """`--highlights DIR`: every article of the folder that has highlights, as `# title` and its sections."""
    from tui.reading.library import find_articles

    parts = []
    for path in find_articles(folder)[0]:
        with contextlib.suppress(BriefError):  # a file that cannot be read has no highlights to show
            article = read_path(path, max_size=max_size, pipes=False).parse()
            text, _ = _highlights_markdown(article, str(path))
            if text:
                parts.append(f"# {' '.join(article.title.split())}\n\n{text}")
    if not parts:
        return _empty(f"{folder}: no highlights in any article")
    return _print("\n\n".join(parts))


def _run_reader(
    args: argparse.Namespace,
    library: Path | None = None,
    opened: Opened | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
) -> int:
    """Start the interactive reader on the `opened` input or the `library` (Textual is imported
    only here, so printing stays fast)."""
    if args.file == "-" and not _attach_terminal_input():
        return _fail("-: standard input was the article, and there is no terminal to read keys from")
    try:
        mode = resolve_mode(args.clipboard)
    except ClipboardError as error:
        return _fail(f"BRIEF_CLIPBOARD: {error}")
    # Until the first frame is drawn the garbage collector finds nothing to free: it would only walk
    # the objects Textual's import creates, again and again (tens of milliseconds of start-up). The
    # first screen turns it back on once its frame is out.
    gc.disable()
    try:
        try:
            from tui.ui.app import BriefApp

            article = pending = None
            if opened is not None:
                # A large input's preview is made in its parse process while the import above runs.
                opened = opened.ready()
                article, pending = opened.article, opened.pending
        except BriefError as error:  # one that cannot be cut is parsed whole here: it may fail
            return _fail(str(error))
        except KeyboardInterrupt:
            # Ctrl+C before the reader is up (a large input's preview on its way): no traceback.
            if opened is not None and opened.pending is not None:
                opened.pending.cancel()
            return 130
        app = BriefApp(
            article,
            library=library,
            max_size=max_size,
            theme=args.theme,
            clipboard_mode=mode,
            resume=not args.no_resume,
            pending=pending,
        )
        app.run()
    finally:
        gc.enable()
    if app.failure is not None:
        return _fail(app.failure)
    return app.return_code or 0


def _is_folder(file: str) -> bool:
    """True for a folder; False for anything else, including a path that cannot be looked up (reading
    it then says why in one line)."""
    try:
        return Path(file).is_dir()
    except OSError:
        return False


def _is_terminal(stream: TextIO | None) -> bool:
    """Whether `stream` is a terminal; False when it was closed before brief started (`>&-`)."""
    try:
        return stream is not None and stream.isatty()
    except (OSError, ValueError):
        return False


def _forget(file: str | None, max_size: int) -> int:
    """`--forget`: drop what is stored for one article (by its bytes' digest and its path), or for all."""
    from tui.platform.state import StateStore

    store = StateStore()
    if file == "-":
        return _fail("--forget: name a file, or give no FILE to forget every article")
    try:
        if file is None:
            forgotten = store.forget()
            return _print(f"Forgot {forgotten} article{'' if forgotten == 1 else 's'}.")
        if looks_like_url(file):  # forgotten by its address: nothing is fetched to forget it
            forgotten = store.forget(None, source=file)
        else:
            path = Path(file).expanduser().resolve()
            digest = None
            # The digest is of the bytes, so the file is read, never parsed; a file that is gone,
            # broken or not a regular file (a pipe would wait for its writer) is forgotten by its path.
            with contextlib.suppress(BriefError):
                digest = read_path(path, max_size=max_size, pipes=False).digest
            forgotten = store.forget(digest, source=str(path))
    except OSError as error:  # StateUnavailable says which folder and why; a full disk is an OSError too
        return _fail(f"--forget: {store.unavailable or _reason(error)}")
    name = printable(file)
    return _print(f"Forgot {name}." if forgotten else f"brief had nothing stored for {name}.")


def _attach_terminal_input() -> bool:
    """After reading the article from a pipe, take keys from the terminal, as `less` does."""
    try:
        terminal = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        return False
    os.dup2(terminal, sys.stdin.fileno())
    os.close(terminal)
    sys.stdin = open(sys.stdin.fileno(), encoding="utf-8", closefd=False)  # noqa: SIM115
    sys.__stdin__ = sys.stdin
    return True


def _print(text: str) -> int:
    if sys.stdout is None:  # started with standard output closed (`>&-`)
        return _fail("cannot write the output: standard output is closed")
    try:
        # UTF-8 whatever the locale says: the output is for scripts and pipes.
        sys.stdout.buffer.write((text + "\n" if text else "").encode("utf-8"))
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader of the pipe (head, less) went away: that is not an error worth a traceback.
        _silence_stdout()
    except (OSError, ValueError) as error:  # a full disk (`>/dev/full`), a closed descriptor
        _silence_stdout()
        return _fail(f"cannot write the output: {_reason(error)}")
    return 0


def _silence_stdout() -> None:
    """Point standard output at the null device, so the flush at exit cannot fail a second time."""
    with contextlib.suppress(OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def _reason(error: Exception) -> str:
    """`no space left on device`: an OS error's reason as the rest of a one-line message."""
    strerror = getattr(error, "strerror", None)
    if strerror:
        return strerror[:1].lower() + strerror[1:]
    return str(error) or type(error).__name__


def _empty(message: str) -> int:
    """A list option found nothing: nothing on stdout, one line on stderr, status 1 (as grep)."""
    print(f"brief: {message}", file=sys.stderr)
    return EXIT_EMPTY


def _fail(message: str) -> int:
    # Messages name files, and a file name is outside text: it may hold escape sequences.
    with contextlib.suppress(OSError, ValueError, AttributeError):  # stderr closed or full: the status still says it
        sys.stderr.write(f"brief: {printable(message)}\n")
        sys.stderr.flush()
    return EXIT_ERROR
