"""The public-profile check against a local HTTP server standing in for each platform's logged-out page.

No test here touches the internet: every address is on 127.0.0.1 (pytest-httpserver).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer
from werkzeug import Request, Response

from checks.pipeline import audit
from checks.records import Audience, ItemKind, Message, Platform, ProfileField, SettingName, msg
from checks.web.fetch import MAX_BYTES, MAX_REDIRECTS, USER_AGENT, fetch
from checks.web.page import read_page
from checks.web.profile import check_target, check_urls, parse_target, plan

PAGES = Path(__file__).parent / "pages"


def page(name: str) -> str:
    return (PAGES / name).read_text(encoding="utf-8")


# -- targets -------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("given", "kind", "site", "handle"),
    [
        ("@pc_example@police.social", "mastodon", "mastodon", "pc_example"),
        ("pc_example@mastodon.example.org", "mastodon", "mastodon", "pc_example"),
        ("dan-example.bsky.social", "bluesky", "bluesky", "dan-example.bsky.social"),
        ("https://bsky.app/profile/dan-example.bsky.social", "bluesky", "bluesky", "dan-example.bsky.social"),
        ("https://x.com/dan_example", "page", "x", ""),
        ("twitter.com/dan_example", "page", "x", ""),
        ("https://www.linkedin.com/in/dan-example", "page", "linkedin", ""),
        ("https://www.instagram.com/dan.example/", "page", "instagram", ""),
        ("https://example.org/@dan", "mastodon", "mastodon", "dan"),
        ("https://dan-example.me.uk/about", "page", "website", ""),
    ],
)
def test_targets_are_recognised_from_what_people_type(given: str, kind: str, site: str, handle: str) -> None:
    target = parse_target(given)
    assert (target.kind, target.site) == (kind, site)
    if handle:
        assert target.handle == handle


def test_plan_says_exactly_what_will_be_fetched() -> None:
    lines = plan(["https://x.com/dan_example", "@pc_example@police.social", "dan-example.bsky.social"])
    page_limits = msg("web.plan.limits", host="x.com", seconds=25)
    assert lines == [msg("web.plan.page", url="https://x.com/dan_example", limits=page_limits),
                     msg("web.plan.mastodon", host="police.social", handle="pc_example", posts=40,
                         limits=msg("web.plan.limits", host="police.social", seconds=60)),
                     msg("web.plan.bluesky", host="public.api.bsky.app", handle="dan-example.bsky.social", posts=50,
                         limits=msg("web.plan.limits", host="public.api.bsky.app", seconds=60))]


# -- fetching ------------------------------------------------------------------------------------

def test_fetch_sends_no_cookies_keeps_none_and_says_who_it_is(httpserver: HTTPServer) -> None:
    seen: list[Request] = []

    def handler(request: Request) -> Response:
        seen.append(request)
        response = Response("<html><body>hello</body></html>", content_type="text/html")
        response.set_cookie("tracking", "abc")
        return response

    httpserver.expect_request("/p").respond_with_handler(handler)
    from checks.web.fetch import new_session

    session = new_session()
    fetch(httpserver.url_for("/p"), session)
    fetch(httpserver.url_for("/p"), session)
    assert len(seen) == 2
    assert "Cookie" not in seen[1].headers
    assert seen[0].headers["User-Agent"] == USER_AGENT
    assert len(session.cookies) == 0


def test_fetch_stops_at_the_size_limit(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/big").respond_with_data(b"<p>" + b"a" * (MAX_BYTES + 50_000), content_type="text/html")
    got = fetch(httpserver.url_for("/big"))
    assert got.truncated and len(got.body) == MAX_BYTES


def test_fetch_follows_a_few_redirects_but_not_endlessly(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/loop").respond_with_response(Response(status=302, headers={"Location": "/loop"}))
    got = fetch(httpserver.url_for("/loop"))
    assert not got.ok and got.error == msg("web.fetch.redirects", most=MAX_REDIRECTS)


def test_fetch_turns_network_failure_into_a_sentence() -> None:
    got = fetch("http://127.0.0.1:9/nothing-listens-here")
    assert got.status == 0 and got.error == msg("web.fetch.unreachable")


def test_fetch_refuses_other_schemes() -> None:
    assert fetch("file:///etc/passwd").error == msg("web.fetch.not_web", scheme="file")


# -- reading pages -------------------------------------------------------------------------------

def test_linkedin_public_page_json_ld_gives_job_employer_and_place() -> None:
    reading = read_page(page("linkedin.html"), "https://www.linkedin.com/in/dan-example")
    fields = {f.field: f.text for f in reading.facts}
    assert fields["jobTitle"] == "Police Constable"
    assert "Metropolitan Police Service" in fields["worksFor"]
    assert "Forest Hill" in fields["address"]
    assert not reading.login_wall


def test_x_logged_out_shell_is_a_login_wall() -> None:
    reading = read_page(page("x_logged_out.html"), "https://x.com/dan_example")
    assert reading.login_wall


def test_scripts_are_never_read_as_visible_text() -> None:
    reading = read_page("<html><body><p class='bio'>Gardener</p><script>var secret='PC 1234'</script></body></html>")
    assert all("PC 1234" not in f.text for f in reading.facts)


# -- whole checks through a local server -------------------------------------------------------

def test_public_page_facts_become_public_web_items(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/in/dan-example").respond_with_data(page("linkedin.html"), content_type="text/html")
    result = check_target(parse_target(httpserver.url_for("/in/dan-example")))
    assert result.summary.readable and result.summary.platform is Platform.WEB
    assert result.items, "the page shows things; they must become items"
    assert all(i.platform is Platform.WEB and i.audience is Audience.PUBLIC for i in result.items)
    employer = [i for i in result.items if i.field is ProfileField.EMPLOYER]
    assert employer and employer[0].source.pointer.endswith("/worksFor")


def test_login_wall_is_an_answer_not_an_error(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/dan_example").respond_with_data(page("x_logged_out.html"), content_type="text/html")
    result = check_target(parse_target(httpserver.url_for("/dan_example")))
    assert result.summary.readable and result.items == ()
    assert result.summary.message == msg("web.login_wall", site=msg("web.site.website"))


def test_refusal_is_an_answer_too(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/in/x").respond_with_data("", status=999)
    result = check_target(parse_target(httpserver.url_for("/in/x")))
    assert result.summary.readable and result.summary.message == msg("web.refused", site=msg("web.site.website"),
                                                                     status=999)


def test_mastodon_profile_and_posts_through_the_public_api(httpserver: HTTPServer) -> None:
    account = json.loads(page("mastodon_account.json"))
    statuses = json.loads(page("mastodon_statuses.json"))
    httpserver.expect_request("/api/v1/accounts/lookup", query_string="acct=dan").respond_with_json(account)
    httpserver.expect_request(f"/api/v1/accounts/{account['id']}/statuses").respond_with_json(statuses)
    result = check_target(parse_target(httpserver.url_for("/@dan")))
    texts = [i.text for i in result.items]
    assert any("Lewisham" in t for t in texts), texts
    posts = [i for i in result.items if i.kind is ItemKind.POST]
    assert len(posts) == 2, "the followers-only post must not count as public"
    assert posts[0].source.pointer == "/0/content" and posts[0].time is not None
    settings = {i.field: i.text for i in result.items if i.kind is ItemKind.SETTING}
    assert settings[SettingName.PRIVATE_ACCOUNT] == "false"


def test_bluesky_profile_and_posts_through_the_public_appview(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/xrpc/app.bsky.actor.getProfile").respond_with_json(
        json.loads(page("bluesky_profile.json")))
    httpserver.expect_request("/xrpc/app.bsky.feed.getAuthorFeed").respond_with_json(
        json.loads(page("bluesky_feed.json")))
    target = parse_target("dan-example.bsky.social", bluesky_appview=httpserver.url_for("").rstrip("/"))
    result = check_target(target)
    bio = [i for i in result.items if i.field is ProfileField.BIO]
    assert bio and "SE23" in bio[0].text
    posts = [i for i in result.items if i.kind is ItemKind.POST]
    assert len(posts) == 1, "a repost of someone else is not the person's own post"
    assert posts[0].source.url and posts[0].source.url.startswith("https://bsky.app/profile/")


def test_network_failure_is_a_clear_message_and_the_rest_goes_on(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/in/dan-example").respond_with_data(page("linkedin.html"), content_type="text/html")
    inputs, items = check_urls(["http://127.0.0.1:9/in/nobody", httpserver.url_for("/in/dan-example")])
    assert not inputs[0].readable
    assert inputs[0].message == msg("web.unreachable", error=msg("web.fetch.unreachable"))
    assert inputs[1].readable and inputs[1].items > 0
    produced = list(items(5))
    assert produced and {i.source.input for i in produced} == {6}


def test_audit_of_only_a_public_page_reports_web_findings(httpserver: HTTPServer) -> None:
    httpserver.expect_request("/in/dan-example").respond_with_data(page("linkedin.html"), content_type="text/html")
    inputs, items = check_urls([httpserver.url_for("/in/dan-example")])
    report = audit([], extra_items=items, extra_inputs=inputs)
    assert report.inputs[0].platform is Platform.WEB
    web = [f for f in report.findings if f.platform is Platform.WEB]
    assert any(f.category.value == "employer_disclosure" for f in web), [f.title for f in report.findings]
    assert all(isinstance(f.reason, Message) and f.reason.code.startswith("crossref.public") for f in web)
