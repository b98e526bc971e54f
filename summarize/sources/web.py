"""Web pages as input: ``summarize https://...`` and batch records with a ``url`` field.

One GET with one deadline for the whole fetch (connect, headers, body: a server that
trickles bytes is cut off, see :mod:`summarize.sources.transport`), a size limit and a
User-Agent that names this tool. Each failure is one line naming the URL (never its
password) and what went wrong: a user name in it or a bad port, the host does not resolve,
TLS fails, the server answers an HTTP error or redirects in a loop, the page is not HTML
(or text), it is too large, shorter than its Content-Length, or not complete in time. The
declared charset is a hint that the bytes must bear out (:mod:`summarize.sources.charset`).
Under ``--offline`` (or ``SUMMARIZE_OFFLINE``) a URL is refused as a
usage error before anything is sent.
"""

from __future__ import annotations

import urllib.parse
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from summarize.errors import InputError, UsageError, one_line
from summarize.text.limit import MAX_CHARS
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


def _shown(url: str) -> str:
    """``url`` as error lines show it: a password in it is never repeated."""
    parts = urllib.parse.urlsplit(url)
    if parts.password is None:
        return url
    netloc = f"{parts.username}:***@{parts.netloc.rpartition('@')[2]}"
    return urllib.parse.urlunsplit(parts._replace(netloc=netloc))


def _check(url: str, offline: bool) -> None:
    shown = _shown(url)
    if offline:
        raise UsageError(f"{shown}: fetching a URL needs the network, and offline mode is on")
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InputError(f"{shown}: not an http(s) URL with a host")
    if parts.username is not None or parts.password is not None:
        raise InputError(f"{shown}: a user name or password in a URL is not supported")
    try:
        parts.port  # noqa: B018 (reading it validates it)
    except ValueError:
        port = parts.netloc.rpartition(":")[2]
        raise InputError(f"{shown}: invalid port {port!r} (ports run from 1 to 65535)") from None


def _read(response: urllib.response.addinfourl, url: str, max_bytes: int) -> bytes:
    length = _content_length(response.headers)
    if length is not None and length > max_bytes:
        raise InputError(f"{url}: the page is too large ({length} bytes; limit {max_bytes})")
    chunks: list[bytes] = []
    total = 0
    while chunk := response.read(_CHUNK):
        total += len(chunk)
        if total > max_bytes:
            raise InputError(f"{url}: the page is too large (over {max_bytes} bytes)")
        chunks.append(chunk)
    return b"".join(chunks)


def _content_length(headers: Message) -> int | None:
    length = (headers.get("Content-Length") or "").strip()
    return int(length) if length.isdigit() else None


def _check_complete(headers: Message, data: bytes, url: str) -> None:
    """A body shorter than its Content-Length is a truncated page, not a short one."""
    length = _content_length(headers)
    if length is not None and len(data) < length and not headers.get("Content-Encoding"):
        raise InputError(
            f"{url}: the page was cut short ({len(data)} of the {length} bytes announced arrived)"
        )


def _content_type(headers: Message, url: str) -> str | None:
    """The declared charset; raises when the type is not a page."""
    ctype = headers.get_content_type()
    if headers.get("Content-Type") and ctype not in _PAGE_TYPES:
        raise InputError(f"{url}: not a web page (Content-Type: {ctype})")
    return headers.get_content_charset()


def _reason(exc: Exception, url: str) -> str:
    """One line for a failed fetch (the deadline is handled before)."""
    import http.client
    import socket
    import ssl
    import urllib.error

    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    host = urllib.parse.urlsplit(url).hostname
    if isinstance(exc, urllib.error.HTTPError):
        return _http_error(exc, url)
    if isinstance(reason, socket.gaierror):
        return f"{url}: cannot resolve the host name {host!r}"
    if isinstance(reason, ssl.SSLError):
        return f"{url}: TLS error ({getattr(reason, 'reason', None) or reason})"
    if isinstance(reason, ConnectionRefusedError):
        return f"{url}: connection refused by {host}"
    if isinstance(reason, http.client.HTTPException | ConnectionResetError):
        return f"{url}: the server broke off the answer ({type(reason).__name__})"
    if isinstance(reason, OSError) and reason.strerror:
        return f"{url}: cannot fetch ({reason.strerror})"
    return f"{url}: cannot fetch ({one_line(str(reason)) or type(reason).__name__})"


def _http_error(exc: urllib.error.HTTPError, url: str) -> str:
    if 300 <= exc.code < 400 and "infinite loop" in str(exc.reason):
        return f"{url}: the server redirects in a loop (or more than 10 times)"
    return f"{url}: HTTP {exc.code} {one_line(str(exc.reason)).split(' - ')[0]}"


def fetch(
    url: str,
    *,
    offline: bool = False,
    timeout: float = TIMEOUT_S,
    max_bytes: int = MAX_BYTES,
) -> Page:
    """Fetch ``url`` within ``timeout`` seconds in all; raise :class:`InputError` (one line)."""
    import http.client
    import urllib.error
    import urllib.request  # here, not at import: it loads ssl and http.client

    from summarize.sources.transport import Deadline, opener

    _check(url, offline)
    shown = _shown(url)
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "*/*"})
    slow = f"{shown}: the page came too slowly (not complete within {timeout:g} s)"
    with Deadline(timeout) as deadline:
        try:
            with opener(deadline).open(request, timeout=timeout) as response:
                charset = _content_type(response.headers, shown)
                data = _read(response, shown, max_bytes)
                if deadline.expired:
                    raise InputError(slow)
                _check_complete(response.headers, data, shown)
                return Page(response.geturl(), data, charset)
        except (urllib.error.URLError, http.client.HTTPException, OSError) as exc:
            if deadline.expired or isinstance(exc, TimeoutError):
                raise InputError(slow) from None
            raise InputError(_reason(exc, shown)) from None


def page_text(page: Page) -> tuple[str, str | None]:
    """The page decoded and a decoding warning or ``None``.

    The declared charset is a hint: the bytes decide (:mod:`summarize.sources.charset`).
    """
    from summarize.sources.charset import decode_page
    from summarize.sources.decode import DecodeError
    from summarize.sources.inputs import decoding_warning

    name = _shown(page.url)
    if _cut_mid_character(page.data):
        raise InputError(
            f"{name}: the page ends inside a UTF-8 character: it was cut short "
            "(the server's Content-Length is smaller than the page)"
        )
    try:
        decoded = decode_page(page.data, page.charset)
    except DecodeError as exc:
        raise InputError(f"{name}: {exc}") from None
    return decoded.text, decoding_warning(decoded, name)


def _cut_mid_character(data: bytes) -> bool:
    """UTF-8 text (with some non-ASCII) whose only fault is a character cut at the end."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason != "unexpected end of data" or exc.end != len(data):
            return False
        head = data[: exc.start]
        try:
            return not head.decode("utf-8").isascii()
        except UnicodeDecodeError:
            return False
    return False


def read_url(url: str, offline: bool = False, max_chars: int = MAX_CHARS) -> Source:
    """Fetch ``url`` and read it as any input (HTML pages through the extractor)."""
    from summarize.sources.inputs import to_source

    text, warning = page_text(fetch(url, offline=offline))
    return replace(to_source(text, _shown(url), max_chars), warning=warning)
