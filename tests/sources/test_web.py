"""URL input against a local HTTP server on 127.0.0.1 (no other address is ever contacted)."""

from __future__ import annotations

import json
import socket
import threading
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
ROUTES: dict[str, tuple[int, str, bytes]] = {
    "/page": (200, "text/html; charset=utf-8", PAGE),
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
    with pytest.raises(InputError, match=r"/slow: no answer within 0.3 s$"):
        fetch(f"http://{server}/slow", timeout=0.3)


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


def test_cli_url_errors(capsys, monkeypatch, server: str) -> None:  # type: ignore[no-untyped-def]
    _online(monkeypatch)
    res = run_cli(capsys, monkeypatch, [f"http://{server}/missing"])
    assert (res.code, res.out) == (1, "")
    assert res.err.strip().endswith(f"http://{server}/missing: HTTP 404 Not Found")
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
