"""Fetching a page as a logged-out stranger would: the only code in Offduty that uses the network.

A fresh `requests` session for every check: no cookies kept or sent, an honest user agent,
a size limit enforced while streaming, and nothing else loaded (no scripts, styles or images).
Network failures become a `Fetched` with a plain-language `error`, never an exception.

Promises kept here, whatever the server does:

- an overall deadline per page (`PAGE_DEADLINE_S`, redirects included) and per check (the
  caller's `deadline`): a page sent one byte a second is cut off, not read for minutes. Reading
  runs on a worker thread the caller stops waiting for at the deadline; the connection's socket
  is shut down then, so a server dripping even its headers cannot hold it either;
- redirects only within the host given, or its www/non-www twin, on the same port, never from
  https down to http: anything else is stopped and said (`web.fetch.redirect_elsewhere`).
"""

from __future__ import annotations

import http.cookiejar
import socket
import threading
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from checks.records import Message, msg
from checks.report.masking import safe_text
from checks.version import __version__

USER_AGENT = (f"Offduty/{__version__} (a privacy self-check run by the profile's owner; "
              "fetches one public page as a logged-out visitor)")
CONNECT_TIMEOUT_S = 6.0
READ_TIMEOUT_S = 12.0
MAX_BYTES = 3 * 1024 * 1024
MAX_REDIRECTS = 4
PAGE_DEADLINE_S = 25.0  # one page, with its redirects, from first byte sent to last byte read
CHECK_DEADLINE_S = 60.0  # one target's requests together (a Mastodon profile and its posts)
_DEFAULT_PORTS = {"http": 80, "https": 443}


class _NoCookies(http.cookiejar.CookiePolicy):
    """Refuse every cookie: a stranger's first visit has none, and we keep none."""

    netscape = True
    rfc2965 = hide_cookie2 = False

    def set_ok(self, cookie: http.cookiejar.Cookie, request: object) -> bool:
        return False

    def return_ok(self, cookie: http.cookiejar.Cookie, request: object) -> bool:
        return False

    def domain_return_ok(self, domain: str, request: object) -> bool:
        return False

    def path_return_ok(self, path: str, request: object) -> bool:
        return False


@dataclass(frozen=True)
class Fetched:
    """What one request came back with."""

    url: str  # what was asked for
    final_url: str  # after redirects
    status: int  # 0 when nothing came back
    content_type: str
    body: bytes
    error: Message | str = ""  # what went wrong ("web.fetch.*"), empty when the fetch worked
    truncated: bool = False  # the page was larger than the limit; the start was kept
    redirects: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.error and 200 <= self.status < 300

    def text(self) -> str:
        charset = "utf-8"
        for part in self.content_type.split(";"):
            part = part.strip()
            if part.lower().startswith("charset="):
                charset = part.split("=", 1)[1].strip() or "utf-8"
        try:
            return self.body.decode(charset, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


class _Watch:
    """The sockets one fetch opened, to shut down when its deadline passes."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.sockets: list[socket.socket] = []
        self.cut = False

    def add(self, sock: socket.socket | None) -> None:
        if sock is None:
            return
        with self.lock:
            self.sockets.append(sock)
            if self.cut:
                _shut(sock)

    def cut_all(self) -> None:
        with self.lock:
            self.cut = True
            for sock in self.sockets:
                _shut(sock)


def _shut(sock: socket.socket) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)  # wakes a read blocked on a dripping server at once
    except OSError:
        pass


_CURRENT = threading.local()  # the running fetch's _Watch, on its worker thread


def _watched(sock: socket.socket | None) -> None:
    watch = getattr(_CURRENT, "watch", None)
    if isinstance(watch, _Watch):
        watch.add(sock)


class _HTTPConnection(HTTPConnection):
    def connect(self) -> None:
        super().connect()
        _watched(self.sock)


class _HTTPSConnection(HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        _watched(self.sock)


class _HTTPPool(HTTPConnectionPool):
    ConnectionCls = _HTTPConnection


class _HTTPSPool(HTTPSConnectionPool):
    ConnectionCls = _HTTPSConnection


class _Adapter(HTTPAdapter):
    """requests' adapter whose connections say their sockets to the fetch that opened them."""

    def init_poolmanager(self, *args: object, **kwargs: object) -> None:
        super().init_poolmanager(*args, **kwargs)  # type: ignore[arg-type]
        self.poolmanager.pool_classes_by_scheme = {"http": _HTTPPool, "https": _HTTPSPool}


def new_session() -> requests.Session:
    """A session that keeps no cookies and sends nothing but an honest user agent."""
    session = requests.Session()
    session.cookies.set_policy(_NoCookies())
    session.trust_env = False  # no .netrc credentials, no proxy surprises from the environment
    for prefix in ("http://", "https://"):
        session.mount(prefix, _Adapter())
    session.headers.clear()
    session.headers.update({
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.5",
        "Accept-Language": "en-GB,en;q=0.8",
        "Connection": "close",  # every request on a connection of its own, watched by its own fetch
    })
    return session


# What went wrong, most specific first (SSLError and the timeouts are ConnectionErrors too).
_FAILURES: tuple[tuple[type[requests.exceptions.RequestException], Message], ...] = (
    (requests.exceptions.SSLError, msg("web.fetch.certificate")),
    (requests.exceptions.ConnectTimeout, msg("web.fetch.no_answer")),
    (requests.exceptions.ReadTimeout, msg("web.fetch.stopped")),
    (requests.exceptions.ConnectionError, msg("web.fetch.unreachable")),
)


def _failure(url: str, current: str, exc: requests.exceptions.RequestException,
             redirects: list[str]) -> Fetched:
    error = next((m for kind, m in _FAILURES if isinstance(exc, kind)),
                 msg("web.fetch.failed", error=type(exc).__name__))
    return Fetched(url, current, 0, "", b"", error=error, redirects=tuple(redirects))


def _body(url: str, current: str, response: requests.Response, max_bytes: int, redirects: list[str],
          deadline: float) -> Fetched:
    """The answer's first `max_bytes` bytes (truncated says so), read until the deadline at most."""
    body = bytearray()
    truncated = False
    error: Message | str = ""
    try:
        while True:
            if time.monotonic() > deadline:
                return _too_slow(url, current, redirects)
            chunk = response.raw.read1(64 * 1024, decode_content=True)  # returns what has come, not 64 KiB
            if not chunk:
                break
            body.extend(chunk)
            if len(body) > max_bytes:
                del body[max_bytes:]
                truncated = True
                break
    except Exception:  # urllib3's and requests' read errors alike: the page stopped part way
        error = msg("web.fetch.stopped_loading")
    return Fetched(url, current, response.status_code, response.headers.get("content-type", ""), bytes(body),
                   truncated=truncated and not error, error=error, redirects=tuple(redirects))


def _too_slow(url: str, current: str, redirects: list[str]) -> Fetched:
    return Fetched(url, current, 0, "", b"", error=msg("web.fetch.too_slow", seconds=round(PAGE_DEADLINE_S)),
                   redirects=tuple(redirects))


def _origin(url: str) -> tuple[str, str, int]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:
        port = None
    return scheme, (parts.hostname or "").lower(), port or _DEFAULT_PORTS.get(scheme, 0)


def redirect_refused(origin: str, target: str) -> Message | None:
    """Why a redirect from the address given to `target` is not followed, or None to follow it.

    Only the host given or its www/non-www twin, on the same port (or the default ports when
    http becomes https), and never from https down to http.
    """
    scheme, host, port = _origin(origin)
    new_scheme, new_host, new_port = _origin(target)
    if new_scheme not in ("http", "https"):
        return msg("web.fetch.not_web", scheme=safe_text(new_scheme)[:20] or "?")
    if scheme == "https" and new_scheme == "http":
        return msg("web.fetch.redirect_insecure")
    twins = {host.removeprefix("www."), "www." + host.removeprefix("www.")}
    default_ports = port == _DEFAULT_PORTS.get(scheme) and new_port == _DEFAULT_PORTS.get(new_scheme)
    if new_host not in twins or not (new_port == port or default_ports):
        return msg("web.fetch.redirect_elsewhere", host=safe_text(new_host)[:80] or "?")
    return None


def fetch(url: str, session: requests.Session | None = None, *, accept_json: bool = False,
          max_bytes: int = MAX_BYTES, deadline: float | None = None) -> Fetched:
    """GET `url` as a logged-out stranger; never raises for network trouble, never waits past
    `PAGE_DEADLINE_S` (or `deadline`, a `time.monotonic()` moment, when that comes first)."""
    session = session or new_session()
    limit = time.monotonic() + PAGE_DEADLINE_S
    limit = min(limit, deadline) if deadline is not None else limit
    watch = _Watch()
    result: list[Fetched] = []

    def run() -> None:
        _CURRENT.watch = watch
        result.append(_fetch(url, session, accept_json, max_bytes, limit))

    worker = threading.Thread(target=run, name="offduty-fetch", daemon=True)
    worker.start()
    worker.join(max(0.0, limit - time.monotonic()))
    in_time = list(result)
    if not in_time:
        watch.cut_all()  # the worker's read fails at once; nothing it returns now is used
        worker.join(1.0)
        return _too_slow(url, url, [])
    return in_time[0]


def _fetch(url: str, session: requests.Session, accept_json: bool, max_bytes: int, deadline: float) -> Fetched:
    headers = {"Accept": "application/json"} if accept_json else {}
    current = url
    redirects: list[str] = []
    for _ in range(MAX_REDIRECTS + 1):
        scheme = urlsplit(current).scheme.lower()
        if scheme not in ("http", "https"):
            return Fetched(url, current, 0, "", b"", error=msg("web.fetch.not_web", scheme=scheme or "?"))
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return _too_slow(url, current, redirects)
        try:
            response = session.get(current, headers=headers, allow_redirects=False, stream=True,
                                   timeout=(min(CONNECT_TIMEOUT_S, remaining), min(READ_TIMEOUT_S, remaining)))
        except requests.exceptions.RequestException as exc:
            return _failure(url, current, exc, redirects)
        with response:
            if not (response.is_redirect and "location" in response.headers):
                return _body(url, current, response, max_bytes, redirects, deadline)
            target = urljoin(current, response.headers["location"])
        refused = redirect_refused(url, target)
        if refused is not None:
            return Fetched(url, current, 0, "", b"", error=refused, redirects=(*redirects, current))
        redirects.append(current)
        current = target
    return Fetched(url, current, 0, "", b"", error=msg("web.fetch.redirects", most=MAX_REDIRECTS),
                   redirects=tuple(redirects))
