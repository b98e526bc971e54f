"""Web pages as input: ``summarize https://...`` and batch records with a ``url`` field.

One GET with a timeout, a size limit and a User-Agent that names this tool. Each failure
is one line naming the URL and what went wrong: the host does not resolve, TLS fails, the
server answers an HTTP error, the page is not HTML (or text), it is too large, or it does
not answer in time. Under ``--offline`` (or ``SUMMARIZE_OFFLINE``) a URL is refused as a
usage error before anything is sent.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass
from typing import TYPE_CHECKING

from summarize.errors import InputError, UsageError
from summarize.version import __version__

if TYPE_CHECKING:
    import urllib.error
    import urllib.response
    from email.message import Message

    from summarize.sources.inputs import Source

USER_AGENT = f"summarize/{__version__} (Arabic news summariser; Python urllib)"
TIMEOUT_S = 20.0
MAX_BYTES = 10 * 1024 * 1024
_PAGE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Page:
    """The body of a fetched page and its character set (``None`` when not declared)."""

    url: str
    data: bytes
    charset: str | None


def is_url(arg: str) -> bool:
    """Whether an input argument is an http(s) URL rather than a path."""
    return arg.lower().startswith(("http://", "https://"))


def _check(url: str, offline: bool) -> None:
    if offline:
        raise UsageError(f"{url}: fetching a URL needs the network, and offline mode is on")
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InputError(f"{url}: not an http(s) URL with a host")


def _read(response: urllib.response.addinfourl, url: str, max_bytes: int) -> bytes:
    length = response.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > max_bytes:
        raise InputError(f"{url}: the page is too large ({int(length)} bytes; limit {max_bytes})")
    chunks: list[bytes] = []
    total = 0
    while chunk := response.read(_CHUNK):
        total += len(chunk)
        if total > max_bytes:
            raise InputError(f"{url}: the page is too large (over {max_bytes} bytes)")
        chunks.append(chunk)
    return b"".join(chunks)


def _content_type(headers: Message, url: str) -> str | None:
    """The declared charset; raises when the type is not a page."""
    ctype = headers.get_content_type()
    if headers.get("Content-Type") and ctype not in _PAGE_TYPES:
        raise InputError(f"{url}: not a web page (Content-Type: {ctype})")
    return headers.get_content_charset()


def _reason(exc: urllib.error.URLError, url: str, timeout: float) -> str:
    import socket
    import ssl

    reason = exc.reason
    host = urllib.parse.urlsplit(url).hostname
    if isinstance(reason, socket.gaierror):
        return f"{url}: cannot resolve the host name {host!r}"
    if isinstance(reason, ssl.SSLError):
        return f"{url}: TLS error ({getattr(reason, 'reason', None) or reason})"
    if isinstance(reason, TimeoutError | socket.timeout):
        return f"{url}: no answer within {timeout:g} s"
    if isinstance(reason, ConnectionRefusedError):
        return f"{url}: connection refused by {host}"
    return f"{url}: cannot fetch ({reason})"


def fetch(
    url: str,
    *,
    offline: bool = False,
    timeout: float = TIMEOUT_S,
    max_bytes: int = MAX_BYTES,
) -> Page:
    """Fetch ``url``; raise :class:`InputError` (one line) on any failure."""
    import ssl
    import urllib.error
    import urllib.request  # here, not at import: it loads ssl and http.client

    _check(url, offline)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            charset = _content_type(response.headers, url)
            return Page(response.geturl(), _read(response, url, max_bytes), charset)
    except urllib.error.HTTPError as exc:
        raise InputError(f"{url}: HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise InputError(_reason(exc, url, timeout)) from None
    except ssl.SSLError as exc:
        raise InputError(f"{url}: TLS error ({exc.reason or exc})") from None
    except TimeoutError:
        raise InputError(f"{url}: no answer within {timeout:g} s") from None
    except OSError as exc:
        raise InputError(f"{url}: cannot fetch ({exc.strerror or exc})") from None


def page_text(page: Page) -> str:
    """The page decoded: its declared charset when valid, else the usual detection."""
    if page.charset:
        try:
            return page.data.decode(page.charset)
        except (LookupError, UnicodeDecodeError):
            pass
    from summarize.sources.inputs import decode_bytes

    return decode_bytes(page.data, page.url)


def read_url(url: str, offline: bool = False) -> Source:
    """Fetch ``url`` and read it as any input (HTML pages through the extractor)."""
    from summarize.sources.inputs import to_source

    return to_source(page_text(fetch(url, offline=offline)), url)
