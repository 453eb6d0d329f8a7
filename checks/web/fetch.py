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
    error: str = ""  # a plain sentence when the fetch failed
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
            return Fetched(url, current, 0, "", b"", error=f"only web addresses can be checked, not {scheme or 'this'}")
        try:
            response = session.get(current, headers=headers, timeout=(CONNECT_TIMEOUT_S, READ_TIMEOUT_S),
                                   allow_redirects=False, stream=True)
        except requests.exceptions.SSLError:
            return Fetched(url, current, 0, "", b"", error="the site's security certificate could not be verified")
        except requests.exceptions.ConnectTimeout:
            return Fetched(url, current, 0, "", b"", error="the site did not answer in time")
        except requests.exceptions.ReadTimeout:
            return Fetched(url, current, 0, "", b"", error="the site stopped answering part way")
        except requests.exceptions.ConnectionError:
            return Fetched(url, current, 0, "", b"",
                           error="the site could not be reached (no internet connection, or the address is wrong)")
        except requests.exceptions.RequestException as exc:
            return Fetched(url, current, 0, "", b"", error=f"the request failed ({type(exc).__name__})")
        with response:
            if response.is_redirect and "location" in response.headers:
                redirects.append(current)
                current = urljoin(current, response.headers["location"])
                continue
            body = bytearray()
            truncated = False
            try:
                for chunk in response.iter_content(64 * 1024):
                    body.extend(chunk)
                    if len(body) > max_bytes:
                        del body[max_bytes:]
                        truncated = True
                        break
            except requests.exceptions.RequestException:
                return Fetched(url, current, response.status_code, response.headers.get("content-type", ""),
                               bytes(body), error="the page stopped loading part way", redirects=tuple(redirects))
            return Fetched(url, current, response.status_code, response.headers.get("content-type", ""),
                           bytes(body), truncated=truncated, redirects=tuple(redirects))
    return Fetched(url, current, 0, "", b"", error=f"the site redirected more than {MAX_REDIRECTS} times",
                   redirects=tuple(redirects))
