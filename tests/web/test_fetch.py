"""`brief URL`: pages fetched from a local server, and each way a fetch fails, as one line and status 2."""

from __future__ import annotations

import json

import pytest

from tui.cli import main, read
from tui.model.article import block_text
from tui.model.errors import InputError
from tui.parse import DEFAULT_MAX_SIZE
from tui.platform.fetch import USER_AGENT

VOX = "16c30add7e96315e9cc957d85aa876ccb6b70055f0ddab51547a586117cc1f56.html"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_page_is_fetched_and_its_article_extracted(server, capsys):
    code, out, err = run(capsys, "--json", server.url(f"/corpus/{VOX}"))
    assert (code, err) == (0, "")
    article = json.loads(out)
    assert article["format"] == "html"
    assert article["title"] == "The law that’s helping fuel Delhi’s deadly air pollution"
    assert article["sections"][1]["heading"] == "Why Delhi’s air pollution gets so bad this time of year"


def test_plain_and_takeaways_work_on_urls(server, capsys):
    code, out, _ = run(capsys, "--plain", "--width", "60", server.url(f"/corpus/{VOX}"))
    assert code == 0
    assert out.startswith("The law that’s helping fuel Delhi’s deadly air pollution\n")
    assert "\nIt’s the latest wave of severe air pollution in recent" in out
    url = server.url(f"/corpus/{VOX}")
    code, out, err = run(capsys, "--takeaways", url)
    # The page has no takeaways list: nothing on stdout, one line on stderr, status 1 (as grep).
    assert (code, out, err) == (1, "", f"brief: {url}: no key takeaways\n")


def test_a_gzipped_body_is_unzipped(server):
    raw = read(server.url(f"/gzip/{VOX}"), DEFAULT_MAX_SIZE)
    assert raw.data.startswith(b"<!DOCTYPE html") or raw.data.lstrip().lower().startswith(b"<")
    assert raw.parse().title == "The law that’s helping fuel Delhi’s deadly air pollution"


def test_redirects_are_followed_up_to_five(server, capsys):
    code, out, err = run(capsys, "--outline", server.url(f"/redirect/5/corpus/{VOX}"))
    assert (code, err) == (0, "")
    assert out.startswith("The law that’s helping fuel Delhi’s deadly air pollution\n")


def test_a_sixth_redirect_is_refused(server, capsys):
    url = server.url(f"/redirect/6/corpus/{VOX}")
    assert run(capsys, url) == (2, "", f"brief: {url}: too many redirects (more than 5)\n")


def test_a_redirect_loop_is_named(server, capsys):
    url = server.url("/loop/a")
    code, out, err = run(capsys, "--plain", url)
    assert (code, out) == (2, "")
    assert err == f"brief: {url}: redirect loop (301 back to {server.url('/loop/a')})\n"


def test_http_404(server, capsys):
    url = server.url("/missing.html")
    assert run(capsys, "--plain", url) == (2, "", f"brief: {url}: HTTP 404\n")


def test_a_slow_server_times_out(server, capsys):
    url = server.url("/slow")
    assert run(capsys, "--timeout", "0.5", "--plain", url) == (2, "", f"brief: {url}: timed out after 0.5 s\n")


def test_the_timeout_is_for_the_whole_fetch_not_each_read(server, capsys):
    url = server.url("/trickle")
    assert run(capsys, "--timeout", "0.5", "--plain", url) == (2, "", f"brief: {url}: timed out after 0.5 s\n")


def test_an_oversized_body_is_refused(server, capsys):
    url = server.url("/big")
    code, _, err = run(capsys, "--max-size", "100k", "--plain", url)
    assert (code, err) == (2, f"brief: {url}: page is too large (256.0 KB; the limit is 100.0 KB)\n")


@pytest.mark.parametrize("path", ["/big-unsized", "/bomb"])
def test_the_size_limit_holds_while_streaming_and_unzipping(server, capsys, path):
    url = server.url(path)
    assert run(capsys, "--max-size", "100k", "--plain", url) == (
        2,
        "",
        f"brief: {url}: page is too large (over 100.0 KB)\n",
    )


def test_a_wrong_content_type_is_not_an_article(server, capsys):
    url = server.url("/image.png")
    assert run(capsys, "--plain", url) == (2, "", f"brief: {url}: not an article (image/png)\n")


def test_an_unknown_host_is_one_line(capsys, monkeypatch):
    import socket

    def no_such_host(*args, **kwargs):
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)  # no lookup leaves the machine
    url = "http://brief-test.invalid/article"
    assert run(capsys, url) == (2, "", f"brief: {url}: could not resolve host\n")


def test_the_charset_named_by_the_header_is_used(server, capsys):
    code, out, _ = run(capsys, "--json", server.url("/latin1"))
    article = json.loads(out)
    assert code == 0 and article["title"] == "Café crème"
    assert article["encoding"] == "cp1252"  # ISO-8859-1 is read as its superset, as browsers do
    assert "près de la fenêtre" in out


def test_the_charset_named_by_a_meta_tag_is_used(server, capsys):
    code, out, _ = run(capsys, "--plain", server.url("/meta-charset"))
    assert code == 0 and out.startswith("Café crème\n")
    assert "météo" in out and "Ã" not in out


def test_markdown_goes_to_the_markdown_parser(server, capsys):
    code, out, _ = run(capsys, "--outline", server.url("/notes.md"))
    assert (code, out) == (0, "Field notes\n  1. Morning\n  2. Evening\n")


def test_the_request_names_brief_and_sends_no_cookie(server):
    page = read(server.url("/agent"), DEFAULT_MAX_SIZE).parse()
    said = " ".join(block_text(block) for section in page.sections for block in section.blocks)
    assert f"User-Agent: {USER_AGENT}" in said
    assert USER_AGENT.startswith("brief/")
    assert "Accept-Encoding: gzip" in said
    assert "cookie" not in said.lower()


def test_the_fetched_input_carries_where_it_came_from(server):
    raw = read(server.url(f"/redirect/1/corpus/{VOX}"), DEFAULT_MAX_SIZE)
    assert raw.source == server.url(f"/redirect/1/corpus/{VOX}")  # what the user typed: resume finds it again
    assert raw.url == server.url(f"/corpus/{VOX}")
    assert raw.format == "html" and raw.charset == "utf-8"


def test_resume_is_keyed_by_the_text_of_the_page(server):
    first = read(server.url(f"/corpus/{VOX}"), DEFAULT_MAX_SIZE).parse()
    again = read(server.url(f"/gzip/{VOX}"), DEFAULT_MAX_SIZE).parse()
    assert first.digest == again.digest and first.digest is not None
    assert first.source != again.source


def test_forget_a_url_fetches_nothing(capsys):
    url = "http://brief-test.invalid/never-fetched"
    assert run(capsys, "--forget", url) == (0, f"brief had nothing stored for {url}.\n", "")


def test_a_bad_timeout_is_one_line(capsys):
    assert run(capsys, "--timeout", "soon", "x.txt") == (
        2,
        "",
        "brief: --timeout: not a number of seconds: 'soon' (try 10 or 2.5)\n",
    )


def test_the_reader_opens_at_once_and_the_page_follows(server):
    from tui.reading.fetching import open_url

    opened = open_url(server.url(f"/corpus/{VOX}"), timeout=10, max_size=DEFAULT_MAX_SIZE)
    assert not opened.article.complete
    assert opened.article.sections[0].blocks[0].text == f"Fetching {server.url(f'/corpus/{VOX}')}… (q quits)"
    prepared = opened.pending.result()
    assert prepared.document.article.title == "The law that’s helping fuel Delhi’s deadly air pollution"


def test_a_fetch_waited_for_can_be_cancelled_at_once(server):
    import time

    from tui.reading.fetching import open_url
    from tui.reading.loading import LoadCancelled

    pending = open_url(server.url("/slow"), timeout=10, max_size=DEFAULT_MAX_SIZE).pending
    pending.cancel()
    started = time.monotonic()
    with pytest.raises(LoadCancelled):
        pending.result()
    assert time.monotonic() - started < 1.0  # the server answers only after 3 s


def test_a_failed_fetch_is_its_error_when_waited_for(server):
    from tui.reading.fetching import open_url

    url = server.url("/missing.html")
    pending = open_url(url, timeout=10, max_size=DEFAULT_MAX_SIZE).pending
    with pytest.raises(InputError) as caught:
        pending.result()
    assert str(caught.value) == f"{url}: HTTP 404"
