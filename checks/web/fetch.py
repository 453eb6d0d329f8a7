"""Fetching a page as a logged-out stranger would: the only code in Offduty that uses the network.

A fresh `requests` session for every check: no cookies kept or sent, an honest user agent,
timeouts, at most a few redirects (each one re-checked), a size limit enforced while streaming,
and nothing else loaded (no scripts, styles or images). Network failures become a `Fetched`
with a plain-language `error`, never an exception.
"""

from __future__ import annotations

import http.cookiejar
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import requests

from checks.records import Message, msg
from checks.version import __version__

USER_AGENT = (f"Offduty/{__version__} (a privacy self-check run by the profile's owner; "
              "fetches one public page as a logged-out visitor)")
CONNECT_TIMEOUT_S = 6.0
READ_TIMEOUT_S = 12.0
MAX_BYTES = 3 * 1024 * 1024
MAX_REDIRECTS = 4


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


def new_session() -> requests.Session:
    """A session that keeps no cookies and sends nothing but an honest user agent."""
    session = requests.Session()
    session.cookies.set_policy(_NoCookies())
    session.trust_env = False  # no .netrc credentials, no proxy surprises from the environment
    session.headers.clear()
    session.headers.update({
        "User-Agent": USER_AGENT,
        "Accept": "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.5",
        "Accept-Language": "en-GB,en;q=0.8",
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


def _body(url: str, current: str, response: requests.Response, max_bytes: int, redirects: list[str]) -> Fetched:
    """The answer's first `max_bytes` bytes (truncated says so)."""
    body = bytearray()
    truncated = False
    error: Message | str = ""
    try:
        for chunk in response.iter_content(64 * 1024):
            body.extend(chunk)
            if len(body) > max_bytes:
                del body[max_bytes:]
                truncated = True
                break
    except requests.exceptions.RequestException:
        error = msg("web.fetch.stopped_loading")
    return Fetched(url, current, response.status_code, response.headers.get("content-type", ""), bytes(body),
                   truncated=truncated and not error, error=error, redirects=tuple(redirects))


def fetch(url: str, session: requests.Session | None = None, *, accept_json: bool = False,
          max_bytes: int = MAX_BYTES) -> Fetched:
    """GET `url` as a logged-out stranger; never raises for network trouble."""
    session = session or new_session()
    headers = {"Accept": "application/json"} if accept_json else {}
    current = url
    redirects: list[str] = []
    for _ in range(MAX_REDIRECTS + 1):
        scheme = urlsplit(current).scheme.lower()
        if scheme not in ("http", "https"):
            return Fetched(url, current, 0, "", b"", error=msg("web.fetch.not_web", scheme=scheme or "?"))
        try:
            response = session.get(current, headers=headers, timeout=(CONNECT_TIMEOUT_S, READ_TIMEOUT_S),
                                   allow_redirects=False, stream=True)
        except requests.exceptions.RequestException as exc:
            return _failure(url, current, exc, redirects)
        with response:
            if not (response.is_redirect and "location" in response.headers):
                return _body(url, current, response, max_bytes, redirects)
            redirects.append(current)
            current = urljoin(current, response.headers["location"])
    return Fetched(url, current, 0, "", b"", error=msg("web.fetch.redirects", most=MAX_REDIRECTS),
                   redirects=tuple(redirects))
