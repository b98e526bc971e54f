"""One deadline for a whole HTTP fetch: connect, headers and body, redirects included.

A socket timeout bounds each read, not the fetch: a server that sends one byte a second
never trips it. :class:`Deadline` shuts down every socket the fetch opened when its time is
up, so the blocked read returns at once and the caller reports a page that came too slowly.
Imported only when a URL is fetched (it loads ``http.client`` and ``ssl``).
"""

from __future__ import annotations

import contextlib
import http.client
import socket
import threading
import time
import urllib.request
from types import TracebackType
from typing import Any


class Deadline:
    """A timer that shuts down the registered sockets once ``seconds`` have passed."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._end = time.monotonic() + seconds
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def left(self) -> float:
        """Seconds left (a small positive number once the time is up)."""
        return max(0.01, self._end - time.monotonic())

    def watch(self, sock: socket.socket) -> None:
        """Shut ``sock`` down at the deadline (at once if it has passed)."""
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                _shut(sock)

    def __enter__(self) -> Deadline:
        self._timer.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._timer.cancel()


def _shut(sock: socket.socket) -> None:
    # OSError: already closed, or handed over to TLS (the TLS socket is watched too).
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


class _Watched:
    """Mixin for ``http.client`` connections: every socket they open is watched."""

    deadline: Deadline
    sock: Any

    def __init__(self, *args: Any, deadline: Deadline, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.deadline = deadline
        self._create_connection = self._connect_watched

    def _connect_watched(self, address: tuple[str, int], timeout: Any, *args: Any) -> socket.socket:
        if not isinstance(timeout, int | float):  # the "no timeout given" sentinel
            timeout = self.deadline.left()
        sock = socket.create_connection(address, min(timeout, self.deadline.left()), *args)
        self.deadline.watch(sock)
        return sock

    def connect(self) -> None:
        super().connect()  # type: ignore[misc]
        self.deadline.watch(self.sock)  # the TLS socket, for HTTPS


class _HTTPConnection(_Watched, http.client.HTTPConnection):
    pass


class _HTTPSConnection(_Watched, http.client.HTTPSConnection):
    pass


class _HTTPHandler(urllib.request.HTTPHandler):
    def __init__(self, deadline: Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        def connection(host: str, **kwargs: Any) -> http.client.HTTPConnection:
            return _HTTPConnection(host, deadline=self.deadline, **kwargs)

        return self.do_open(connection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, deadline: Deadline) -> None:
        super().__init__()
        self.deadline = deadline

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        def connection(host: str, **kwargs: Any) -> http.client.HTTPConnection:
            return _HTTPSConnection(host, deadline=self.deadline, **kwargs)

        return self.do_open(connection, req)


def opener(deadline: Deadline) -> urllib.request.OpenerDirector:
    """A urllib opener whose HTTP(S) connections are all bound by ``deadline``."""
    return urllib.request.build_opener(_HTTPHandler(deadline), _HTTPSHandler(deadline))
