"""`--url` keeps its promises against a hostile server: an overall deadline per page and per check
(a page dripped a byte at a time is cut off, headers too), and redirects only within the host
given (or its www twin). Every server here is local (pytest-httpserver or a socket on 127.0.0.1).

No assertion is about time: each test would read the whole slow page (and pass a different
assertion) if the deadline were not kept, so the deadlines are set short and the pages long.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from checks.records import msg
from checks.web import fetch as fetch_module
from checks.web import profile
from checks.web.fetch import fetch, redirect_refused
from checks.web.profile import check_target, parse_target, plan

SLOW_BYTES = 400  # at 20 a second: 20 seconds of page, far beyond the deadlines set below


def _drip(count: int = SLOW_BYTES, pause: float = 0.05) -> Iterator[bytes]:
    yield b"<html><body><p>"
    for _ in range(count):
        time.sleep(pause)
        yield b"a"
    yield b"</p></body></html>"


@pytest.fixture
def short_page_deadline(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fetch_module, "PAGE_DEADLINE_S", 1.0)


def _fetch_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "offduty-fetch" and t.is_alive()]


def test_a_page_dripped_a_byte_at_a_time_is_cut_at_the_deadline(httpserver: HTTPServer,
                                                               short_page_deadline: None) -> None:
    httpserver.expect_request("/slow").respond_with_handler(
        lambda _r: Response(_drip(), content_type="text/html", direct_passthrough=True))
    got = fetch(httpserver.url_for("/slow"))
    assert got.error == msg("web.fetch.too_slow", seconds=1) and got.body == b""
    assert not _fetch_threads()  # the connection was shut down, not left reading


class _HeaderDrip:
    """A server that sends a status line, then its headers one byte at a time, forever."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(1)
        self.port = self.sock.getsockname()[1]
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        conn, _ = self.sock.accept()
        with conn:
            try:
                conn.sendall(b"HTTP/1.1 200 OK\r\n")
                while not self.stop.wait(0.05):
                    conn.sendall(b"X")
            except OSError:
                pass  # the client went away: what the test wants

    def close(self) -> None:
        self.stop.set()
        self.sock.close()


def test_headers_dripped_forever_are_cut_too(short_page_deadline: None) -> None:
    server = _HeaderDrip()
    try:
        got = fetch(f"http://127.0.0.1:{server.port}/")
    finally:
        server.close()
    assert got.error == msg("web.fetch.too_slow", seconds=1)
    assert not _fetch_threads()


def test_a_check_has_one_deadline_for_all_its_requests(httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Mastodon profile answers at once, its posts drip: the check's deadline stops the posts."""
    monkeypatch.setattr(profile, "CHECK_DEADLINE_S", 1.0)
    account = {"id": "1", "username": "pc_example", "display_name": "Dan", "note": "<p>hello</p>",
               "url": httpserver.url_for("/@pc_example")}
    httpserver.expect_request("/api/v1/accounts/lookup").respond_with_json(account)
    statuses = (b'[{"content": "<p>Night shift at Lewisham station</p>", "visibility": "public"}]')

    def slow_statuses(_request: Request) -> Response:
        def body() -> Iterator[bytes]:
            yield from _drip(SLOW_BYTES)
            yield statuses
        return Response(body(), content_type="application/json", direct_passthrough=True)

    httpserver.expect_request("/api/v1/accounts/1/statuses").respond_with_handler(slow_statuses)
    target = parse_target(f"{httpserver.url_for('/@pc_example')}")
    result = check_target(target)
    assert result.summary.readable and result.items  # the profile was read...
    assert not [i for i in result.items if i.kind.value == "post"]  # ...the dripping posts were not


# -- redirects ------------------------------------------------------------------------------------

def test_a_redirect_to_another_host_is_stopped_and_said(httpserver: HTTPServer) -> None:
    here = httpserver.url_for("/landing")
    other = "127.0.0.1" if "localhost" in here else "localhost"  # the same server under another name
    elsewhere = here.replace("localhost" if other == "127.0.0.1" else "127.0.0.1", other)
    httpserver.expect_request("/profile").respond_with_response(Response(status=302, headers={"Location": elsewhere}))
    httpserver.expect_request("/landing").respond_with_data("should never be read")
    got = fetch(httpserver.url_for("/profile"))
    assert got.error == msg("web.fetch.redirect_elsewhere", host=other) and got.body == b""
    assert [r.path for r, _ in httpserver.log] == ["/profile"]


def test_a_redirect_on_the_same_host_is_followed(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/old").respond_with_response(Response(status=301, headers={"Location": "/new"}))
    httpserver.expect_request("/new").respond_with_data("<p>here</p>", content_type="text/html")
    got = fetch(httpserver.url_for("/old"))
    assert got.ok and got.body == b"<p>here</p>" and got.redirects == (httpserver.url_for("/old"),)


@pytest.mark.parametrize(("origin", "target", "refused"), [
    ("https://x.com/dan", "https://www.x.com/dan", None),
    ("https://www.linkedin.com/in/dan", "https://linkedin.com/in/dan", None),
    ("http://dan.example/about", "https://dan.example/about", None),
    ("https://x.com/dan", "https://evil.example/dan", msg("web.fetch.redirect_elsewhere", host="evil.example")),
    ("https://x.com/dan", "https://login.x.com/dan", msg("web.fetch.redirect_elsewhere", host="login.x.com")),
    ("https://x.com/dan", "http://x.com/dan", msg("web.fetch.redirect_insecure")),
    ("http://127.0.0.1:8000/a", "http://127.0.0.1:9000/a", msg("web.fetch.redirect_elsewhere", host="127.0.0.1")),
    ("https://x.com/dan", "javascript:alert(1)", msg("web.fetch.not_web", scheme="javascript")),
])
def test_redirects_only_within_the_host_given_or_its_www_twin(origin: str, target: str, refused: object) -> None:
    assert redirect_refused(origin, target) == refused


# -- what the person is told before anything is fetched ------------------------------------------

def test_the_plan_says_the_host_and_the_time_limit_and_the_window_says_the_same() -> None:
    [line] = plan(["https://www.linkedin.com/in/dan-example"])
    limits = line.value("limits")
    assert limits == msg("web.plan.limits", host="www.linkedin.com", seconds=round(fetch_module.PAGE_DEADLINE_S))
    from desktop.engine import Engine

    [said] = Engine().plan_profiles(["https://www.linkedin.com/in/dan-example"])
    assert "www.linkedin.com" in said and str(round(fetch_module.PAGE_DEADLINE_S)) in said
