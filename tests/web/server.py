"""A local HTTP server for the fetch tests: corpus pages and every way a fetch can go wrong.

It listens on 127.0.0.1 only, on a port the system picks, in a thread of the test process. Nothing
here ever reaches the network.
"""

from __future__ import annotations

import contextlib
import gzip
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SLOW_SECONDS = 3.0
"""How long /slow waits before answering: longer than the tests' timeout, short enough to end soon."""
BIG_BYTES = 256 * 1024

LATIN1_PAGE = (
    "<!DOCTYPE html><html><head><title>Café crème</title></head><body><article>"
    "<h1>Café crème</h1><p>Le café crème est servi à la terrasse, près de la fenêtre, "
    "avec un croissant doré et une tartine beurrée. Les habitués lisent le journal du matin.</p>"
    "<p>Au comptoir, le garçon essuie les verres pendant que la radio annonce la météo "
    "de la journée: soleil sur Paris, averses en Bretagne.</p></article></body></html>"
)
META_PAGE = LATIN1_PAGE.replace(
    "<head>", '<head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
)
MARKDOWN = "# Field notes\n\n## Morning\n\nThe river was high after the rain.\n\n## Evening\n\nThe heron came back.\n"


class Handler(BaseHTTPRequestHandler):
    pages: Path

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # quiet: pytest shows what matters

    def do_GET(self) -> None:  # noqa: N802
        path = self.path
        if path.startswith("/corpus/"):
            name = path.removeprefix("/corpus/")
            source = self.pages / f"{name}.gz"
            if not name.endswith(".html") or "/" in name or not source.is_file():
                return self._send(404, "text/plain", b"no such page")
            return self._send(200, "text/html; charset=utf-8", gzip.decompress(source.read_bytes()))
        if path.startswith("/gzip/"):
            source = self.pages / f"{path.removeprefix('/gzip/')}.gz"
            if not source.is_file():
                return self._send(404, "text/plain", b"no such page")
            return self._send(200, "text/html; charset=utf-8", source.read_bytes(), {"Content-Encoding": "gzip"})
        if path.startswith("/redirect/"):  # /redirect/N/target: N hops, then the target
            hops, _, target = path.removeprefix("/redirect/").partition("/")
            location = f"/redirect/{int(hops) - 1}/{target}" if int(hops) > 1 else f"/{target}"
            return self._send(302, "text/plain", b"", {"Location": location})
        if path == "/loop/a":
            return self._send(301, "text/plain", b"", {"Location": "/loop/b"})
        if path == "/loop/b":
            return self._send(301, "text/plain", b"", {"Location": "/loop/a"})
        if path == "/slow":
            time.sleep(SLOW_SECONDS)
            return self._send(200, "text/html", LATIN1_PAGE.encode())
        if path == "/trickle":  # headers at once, then a byte at a time: only a deadline stops it
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            for _ in range(int(SLOW_SECONDS * 10)):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.1)
            return None
        if path == "/big":
            return self._send(
                200, "text/html", b"<html><body><p>" + b"word " * (BIG_BYTES // 5) + b"</p></body></html>"
            )
        if path == "/big-unsized":  # no Content-Length: the limit must hold while streaming
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"word " * (BIG_BYTES // 5))
            return None
        if path == "/bomb":  # a small gzip body that unpacks to far more than the limit
            return self._send(200, "text/plain", gzip.compress(b"a" * (BIG_BYTES * 8)), {"Content-Encoding": "gzip"})
        if path == "/image.png":
            return self._send(200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
        if path == "/latin1":
            return self._send(200, "text/html; charset=ISO-8859-1", LATIN1_PAGE.encode("latin-1"))
        if path == "/meta-charset":
            return self._send(200, "text/html", META_PAGE.encode("cp1252"))
        if path == "/notes.md":
            return self._send(200, "text/markdown; charset=utf-8", MARKDOWN.encode())
        if path == "/agent":  # says back the request's headers, as a page
            lines = "".join(f"<li>{key}: {value}</li>" for key, value in self.headers.items())
            body = f"<html><head><title>Headers</title></head><body><ul>{lines}</ul></body></html>"
            return self._send(200, "text/html; charset=utf-8", body.encode())
        return self._send(404, "text/plain", b"not found")

    def _send(self, status: int, kind: str, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):
            self.wfile.write(body)  # the client may give up first (a size limit, a timeout): that is the test


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:  # noqa: ANN001
        pass  # a client that hung up on /trickle or /big is what those tests do, not an error


class LocalServer:
    """The server, started in a daemon thread; `url(path)` names one of its pages."""

    def __init__(self, pages: Path) -> None:
        handler = type("BoundHandler", (Handler,), {"pages": pages})
        self.httpd = _QuietServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> LocalServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path: str) -> str:
        host, port = self.httpd.server_address[:2]
        return f"http://{host}:{port}{path}"
