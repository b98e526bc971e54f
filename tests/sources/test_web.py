"""URL input against a local HTTP server on 127.0.0.1 (no other address is ever contacted)."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import pytest

from summarize.errors import InputError, UsageError
from summarize.sources.web import USER_AGENT, fetch, is_url, read_url
from tests.cli.helpers import run_cli
from tests.hang import HANG_S

_PARAGRAPHS = (
    "ارتفعت أسعار القمح في الأسواق العالمية بنسبة 12 في المئة خلال الأسبوع الماضي.",
    "وقال محللون إن الجفاف في مناطق الإنتاج الرئيسية هو السبب الأول للارتفاع.",
    "وأضاف المحللون أن الأسعار قد تواصل الصعود إذا استمر الجفاف حتى نهاية الموسم.",
)
_HEADLINE = "ارتفاع أسعار القمح في الأسواق العالمية"
PAGE = (
    "<!DOCTYPE html><html><head><meta charset='utf-8'>"
    f"<meta property='og:title' content='{_HEADLINE}'><title>الموقع</title></head>"
    f"<body><nav><a>الرئيسية</a></nav><article><h1>{_HEADLINE}</h1>"
    + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS)
    + "</article></body></html>"
).encode()
# Arabic sites often send a wrong charset header: Latin-1 decodes any bytes.
_LATIN1_HEADER = "text/html; charset=iso-8859-1"
_CP1256_PAGE = PAGE.decode().replace("charset='utf-8'", "").encode("cp1256")
ROUTES: dict[str, tuple[int, str, bytes]] = {
    "/page": (200, "text/html; charset=utf-8", PAGE),
    "/wrong-header": (200, _LATIN1_HEADER, PAGE),
    "/wrong-header-cp1256": (200, _LATIN1_HEADER, _CP1256_PAGE),
    "/text": (200, "text/plain; charset=windows-1256", "\n".join(_PARAGRAPHS).encode("cp1256")),
    "/image": (200, "image/png", b"\x89PNG\r\n\x1a\n"),
    "/big": (200, "text/html", b"<p>" + b"x" * 5000 + b"</p>"),
}


_SLOW_RELEASE = threading.Event()


class _Handler(BaseHTTPRequestHandler):
    agents: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.agents.append(self.headers.get("User-Agent", ""))
        if self.path == "/slow":
            # Answers only once the test is over: a client's timeout always comes first.
            _SLOW_RELEASE.wait(HANG_S)
        if self.path in _SPECIAL:
            _SPECIAL[self.path](self)
            return
        status, ctype, body = ROUTES.get(self.path, (404, "text/html", b"<p>missing</p>"))
        try:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first (the timeout test)

    def log_message(self, format: str, *args: object) -> None:
        pass


def _trickle(handler: BaseHTTPRequestHandler, head: bytes, body: bytes) -> None:
    """Send ``head`` at once, then ``body`` a byte at a time, 0.1 s apart."""
    try:
        handler.wfile.write(head)
        handler.wfile.flush()
        for byte in body:
            time.sleep(0.1)
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()
    except (BrokenPipeError, ConnectionResetError):
        pass


def _head(length: int) -> bytes:
    return (
        f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
        f"Content-Length: {length}\r\nConnection: close\r\n\r\n"
    ).encode()


def _short(handler: BaseHTTPRequestHandler) -> None:
    handler.wfile.write(_head(len(PAGE) + 100) + PAGE)
    handler.close_connection = True


def _long(handler: BaseHTTPRequestHandler) -> None:
    # A Content-Length two bytes short (the full stop and half the last letter).
    body = "\n".join(_PARAGRAPHS).encode()
    head = _head(len(body) - 2).replace(b"text/html", b"text/plain")
    handler.wfile.write(head + body)
    handler.close_connection = True


def _loop(handler: BaseHTTPRequestHandler) -> None:
    handler.send_response(302)
    handler.send_header("Location", "/loop")
    handler.send_header("Content-Length", "0")
    handler.end_headers()


_SPECIAL = {
    # A whole page that takes 50 s at a byte every 0.1 s (each read well within any timeout).
    "/trickle-body": lambda h: _trickle(h, _head(500), b"x" * 500),
    "/trickle-head": lambda h: _trickle(h, b"", _head(2) + b"ok"),
    "/short": _short,
    "/long": _long,
    "/loop": _loop,
}


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{httpd.server_address[1]}"
    _SLOW_RELEASE.set()
    httpd.shutdown()
    httpd.server_close()


def _online(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZE_OFFLINE", "0")
    monkeypatch.setenv("HF_HUB_OFFLINE", "0")


def test_is_url() -> None:
    assert is_url("https://example.org/a") and is_url("HTTP://x")
    assert not is_url("article.txt") and not is_url("-")


def test_page_is_fetched_with_our_user_agent(server: str) -> None:
    source = read_url(f"http://{server}/page")
    assert source.title == _HEADLINE
    assert source.text.split("\n")[1:] == list(_PARAGRAPHS)
    assert _Handler.agents[-1] == USER_AGENT


def test_declared_charset_is_used(server: str) -> None:
    assert read_url(f"http://{server}/text").text.split("\n") == list(_PARAGRAPHS)


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "HTTP 404 Not Found"),
        ("/image", "not a web page (Content-Type: image/png)"),
    ],
)
def test_http_failures_are_one_line(server: str, path: str, message: str) -> None:
    with pytest.raises(InputError) as exc:
        fetch(f"http://{server}{path}")
    assert str(exc.value) == f"http://{server}{path}: {message}"


def test_too_large(server: str) -> None:
    with pytest.raises(InputError, match=r"/big: the page is too large \(5007 bytes; limit 1000\)"):
        fetch(f"http://{server}/big", max_bytes=1000)


def test_timeout(server: str) -> None:
    with pytest.raises(InputError, match=r"/slow: the page came too slowly \(.* 0.3 s\)$"):
        fetch(f"http://{server}/slow", timeout=0.3)


@pytest.mark.parametrize("path", ["/trickle-body", "/trickle-head"])
def test_one_deadline_bounds_the_whole_fetch(server: str, path: str) -> None:
    # Every read returns within 0.1 s, so a per-read timeout never fires; the fetch's does.
    with pytest.raises(InputError) as exc:
        fetch(f"http://{server}{path}", timeout=1.0)
    assert str(exc.value) == (
        f"http://{server}{path}: the page came too slowly (not complete within 1 s)"
    )


def test_a_body_shorter_than_its_content_length_is_an_error(server: str) -> None:
    with pytest.raises(InputError) as exc:
        fetch(f"http://{server}/short")
    n = len(PAGE)
    assert str(exc.value) == (
        f"http://{server}/short: the page was cut short "
        f"({n} of the {n + 100} bytes announced arrived)"
    )


@pytest.mark.parametrize(
    ("url", "message"),
    [
        (
            "http://user:secret@{server}/page",
            "http://user:***@{server}/page: a user name or password in a URL is not supported",
        ),
        (
            "http://127.0.0.1:99999/page",
            "http://127.0.0.1:99999/page: invalid port '99999' (ports run from 1 to 65535)",
        ),
        (
            "http://{server}/loop",
            "http://{server}/loop: the server redirects in a loop (or more than 10 times)",
        ),
        (
            "http://{server}/long",
            "http://{server}/long: the page ends inside a UTF-8 character: it was cut short "
            "(the server's Content-Length is smaller than the page)",
        ),
    ],
)
def test_url_faults_are_one_right_line(server: str, url: str, message: str) -> None:
    with pytest.raises(InputError) as exc:
        read_url(url.format(server=server))
    assert str(exc.value) == message.format(server=server)


@pytest.mark.parametrize("path", ["/wrong-header", "/wrong-header-cp1256"])
def test_a_wrong_charset_header_is_a_hint_not_proof(server: str, path: str) -> None:
    source = read_url(f"http://{server}{path}")
    assert source.title == _HEADLINE
    assert source.text.split("\n")[1:] == list(_PARAGRAPHS)


def test_a_latin1_page_declared_latin1_is_read_as_such() -> None:
    from summarize.sources.charset import decode_page

    text = "Le prix du blé a augmenté de 12 % cette semaine, selon les marchés."
    assert decode_page(text.encode("latin-1"), "iso-8859-1").text == text


def test_tls_failure(server: str) -> None:
    with pytest.raises(InputError, match=r"^https://127\.0\.0\.1:\d+/page: TLS error \("):
        fetch(f"https://{server}/page", timeout=HANG_S)


def test_dns_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_such_host(*args: object, **kwargs: object) -> list[object]:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    with pytest.raises(InputError) as exc:
        fetch("http://news.invalid/a")
    assert str(exc.value) == "http://news.invalid/a: cannot resolve the host name 'news.invalid'"


def test_offline_refuses_before_sending() -> None:
    with pytest.raises(UsageError, match="offline mode is on"):
        fetch("http://127.0.0.1:9/page", offline=True)


def test_cli_summarises_a_url(capsys, monkeypatch, server: str) -> None:  # type: ignore[no-untyped-def]
    _online(monkeypatch)
    res = run_cli(capsys, monkeypatch, [f"http://{server}/page", "-f", "json", "--sentences", "1"])
    assert res.code == 0, res.err
    out = json.loads(res.out)
    assert out["title"] == _HEADLINE
    assert out["summary"] in _PARAGRAPHS


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/missing", "HTTP 404 Not Found"),
        ("/short", "the page was cut short"),
        ("/loop", "the server redirects in a loop"),
    ],
)
def test_cli_url_errors(capsys, monkeypatch, server: str, path: str, message: str) -> None:  # type: ignore[no-untyped-def]
    _online(monkeypatch)
    res = run_cli(capsys, monkeypatch, [f"http://{server}{path}"])
    assert (res.code, res.out) == (1, "")
    assert f"http://{server}{path}: {message}" in res.err
    assert len(res.err.strip().splitlines()) == 1, res.err


def test_cli_offline_url_is_a_usage_error(capsys, monkeypatch, server: str) -> None:  # type: ignore[no-untyped-def]
    res = run_cli(capsys, monkeypatch, [f"http://{server}/page"])
    assert (res.code, res.out) == (2, "")
    assert "offline mode is on" in res.err


def _batch(capsys, monkeypatch, server: str) -> tuple[int, list[dict[str, object]]]:  # type: ignore[no-untyped-def]
    records = [
        {"id": "page", "url": f"http://{server}/page"},
        {"id": "gone", "url": f"http://{server}/missing"},
    ]
    stdin = "".join(json.dumps(r) + "\n" for r in records).encode()
    res = run_cli(capsys, monkeypatch, ["batch", "-", "-n", "1", "-q"], stdin=stdin)
    return res.code, [json.loads(line) for line in res.out.splitlines()]


def test_batch_records_with_a_url(capsys, monkeypatch, server: str) -> None:  # type: ignore[no-untyped-def]
    _online(monkeypatch)
    code, out = _batch(capsys, monkeypatch, server)
    assert code == 1  # one record failed, the other was written
    page, gone = out
    assert page["id"] == "page" and page["url"] == f"http://{server}/page"
    assert page["title"] == _HEADLINE and page["summary"] in _PARAGRAPHS
    assert gone["error"] == f"http://{server}/missing: HTTP 404 Not Found"


def test_batch_url_records_fail_offline(capsys, monkeypatch, server: str) -> None:  # type: ignore[no-untyped-def]
    code, out = _batch(capsys, monkeypatch, server)
    assert code == 1
    assert all("offline mode is on" in str(r["error"]) for r in out)
