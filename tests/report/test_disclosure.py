"""The disclosure policy: each thing the issue found in clear is masked, and the rest stays readable.

Every case below was seen in a masked output (JSON, HTML, PDF, summary) or on screen; each asserts
the hidden part is gone and the words around it are still there, so the test fails both ways.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from checks.records import (
    Basis,
    Category,
    Finding,
    InputSummary,
    ItemKind,
    Place,
    Platform,
    Report,
    Score,
    Source,
    msg,
)
from checks.report.disclosure import checked_link, disclosure, where_words
from checks.report.masking import Masker, Secrets, mask, safe_text

WHEN = datetime(2024, 2, 11, 9, 30, tzinfo=UTC)


def make(evidence: str, part: str | None = None, *, n: int = 0, category: Category = Category.HOME_ADDRESS,
         others: tuple[str, ...] = (), **fields: object) -> Finding:
    span = None
    if part is not None:
        start = evidence.index(part)
        span = (start, start + len(part))
    spans = tuple((evidence.index(o), evidence.index(o) + len(o)) for o in others)
    base = Finding(id=f"f-{n}", detector="test", category=category, severity=_high(), confidence=0.9,
                   title="A title", reason="A reason.", evidence=evidence, platform=Platform.X,
                   source=Source(0, "data/tweets.js", f"/{n}/tweet/full_text", WHEN), item_kind=ItemKind.POST,
                   span=span, spans=spans)
    return replace(base, **fields)  # type: ignore[arg-type]


def _high():  # type: ignore[no-untyped-def]
    from checks.records import Severity

    return Severity.HIGH


def report_of(*findings: Finding, inputs: tuple[InputSummary, ...] = ()) -> Report:
    return Report("test", WHEN, inputs or (InputSummary("x.zip", Platform.X, "x-archive", 3),), findings,
                  Score(10, "low"), ())


def shown(*findings: Finding) -> list[str]:
    d = disclosure(report_of(*findings))
    return [d.evidence(f) for f in findings]


# -- what the issue saw in clear -------------------------------------------------------------------

def test_a_phone_number_inside_a_post_quoted_by_another_finding_is_masked() -> None:
    post = "Email me at sam.invented@example.org or ring 07700 900461 after six"
    email = make(post, "sam.invented@example.org", n=1, category=Category.IDENTITY_DETAILS)
    phone = make(post, "07700 900461", n=2, category=Category.IDENTITY_DETAILS)
    for text in shown(email, phone):
        assert "07700" not in text and "900461" not in text and "sam.invented" not in text
        assert "after six" in text and "ring" in text


def test_the_same_number_written_another_way_or_cut_off_is_masked() -> None:
    phone = make("Call 07700 900461 any time", "07700 900461", n=1)
    squashed = make("new number 07700900461 everyone", n=2, span=(0, 3))
    spaced = make("text +44 7700 900461 pls", n=3, span=(0, 4))
    cut = make("Text me on 07700 9…", n=4, span=(0, 4))
    for text in shown(phone, squashed, spaced, cut):
        assert "7700" not in text and "900461" not in text and "9…" not in text


def test_the_postcode_district_after_a_masked_street_is_masked() -> None:
    f = make("Moved to 42 Laburnum Close, SE15 at last", "42 Laburnum Close")
    [text] = shown(f)
    assert "SE15" not in text and "Laburnum" not in text and text.endswith("at last")


def test_a_zip_code_after_a_masked_street_and_its_town_is_masked_and_other_numbers_stay() -> None:
    f = make("my address is 4418 Maple Ridge Dr, Columbus OH 43215, send cards", "4418 Maple Ridge Dr")
    [text] = shown(f)
    assert "43215" not in text and "Maple" not in text and text.endswith("send cards")
    assert Masker().mask("Final score 43215 to nil") == "Final score 43215 to nil"


def test_the_estate_in_an_operational_post_is_masked() -> None:
    raid = make("Early start: raid on the Pembury estate with the team", "raid", category=Category.OFFICIAL_INFORMATION)
    [text] = shown(raid)
    assert "Pembury" not in text and "estate with the team" in text
    # the same post under another finding (an employer one) hides it too: same record
    employer = replace(raid, id="f-9", category=Category.EMPLOYER_DISCLOSURE, span=(0, 5))
    assert "Pembury" not in disclosure(report_of(raid, employer)).evidence(employer)


@pytest.mark.parametrize("rank", ["Skipper", "Sgt", "PC", "DS", "Inspector", "Detective Sergeant"])
def test_a_name_beside_a_rank_is_masked(rank: str) -> None:
    [text] = shown(make(f"Leaving do for {rank} Hollingworth tonight", n=1, span=(0, 7)))
    assert "Hollingworth" not in text and rank.split()[-1] in text and "tonight" in text


@pytest.mark.parametrize("post", ["Logged it as CAD 4417 before the handover", "Executed warrant no. W/2231/24 today",
                                  "crime ref 48213/24 for the file", "Collar number 4821 for anyone asking"])
def test_reference_numbers_are_masked(post: str) -> None:
    [text] = shown(make(post, n=1, span=(0, 1)))
    digits = [w for w in post.split() if any(c.isdigit() for c in w)]
    assert digits and not any(d in text for d in digits)


def test_childrens_names_in_a_routine_post_and_six_digit_runs_are_masked() -> None:
    post = "School run with Maisie and Alfie then gym, membership 4412345"
    f = make(post, "gym", n=1, category=Category.LOCATION_PATTERN, others=("Maisie", "Alfie"))
    [text] = shown(f)
    assert "Maisie" not in text and "Alfie" not in text and "4412345" not in text
    assert text.startswith("School run with M***** and A****")


def test_the_pets_name_that_answers_a_security_question_is_masked() -> None:
    [text] = shown(make("RIP Biscuit, my first pet was Biscuit the hamster x", n=1, span=(0, 3)))
    assert "Biscuit" not in text and "first pet was" in text


def test_a_sort_code_leaves_no_digit_behind() -> None:
    [text] = shown(make("Sort code 20-45-91 for the whip-round", "20-45-91", n=1))
    assert "Sort code **-**-** for the whip-round" == text


def test_readable_masking_hides_the_name_not_the_sentence() -> None:
    [text] = shown(make("My little girl Amelia is 6 today", "Amelia"))
    assert text == "My little girl A***** is 6 today"


def test_a_hidden_word_is_hidden_in_every_finding_and_title_value() -> None:
    a = make("Amelia's first day at school", "Amelia", n=1, category=Category.FAMILY_DETAILS)
    b = make("Proud of amelia today", n=2, span=(0, 5))
    c = replace(make("x", n=3, span=(0, 1)), title=msg("family.title.profile", relation="Amelia Invented",
                                                        platform=Platform.X))
    d = disclosure(report_of(a, b, c))
    assert "amelia" not in d.evidence(b).lower()
    # a title's value quoting a whole secret phrase is masked; the catalogue's words are not
    assert "Amelia" not in d.title(c) and "profile" in d.title(c)


# -- places, links, where -------------------------------------------------------------------------

def placed(**fields: object) -> Finding:
    return make("Croydon, Greater London", "Croydon, Greater London", n=5,
                place=Place(51.37, -0.1, 80.0, "near Croydon"), points=((51.37, -0.1, "photo"),), **fields)


def test_the_town_follows_the_evidence_on_every_line() -> None:
    f = placed()
    masked = disclosure(report_of(f))
    for line in (masked.place_line(f), masked.caption(f), masked.evidence(f), masked.title(f)):
        assert line is not None and "Croydon" not in line
    assert masked.draws(f)  # the drawing has no town and no coordinates
    shown_ = masked.revealing([f.id])
    assert shown_.place_line(f) == "near Croydon" and "Croydon" in shown_.caption(f)
    welfare = disclosure(report_of(f), welfare=True)
    assert not welfare.draws(f) and "Croydon" not in (welfare.place_line(f) or "")
    assert welfare.revealing([f.id]).draws(f)


def test_links_carry_no_handle_unless_revealed() -> None:
    url = "https://x.com/sam_invented/status/1757000000000000000"
    f = make("Lovely day", "Lovely", source=Source(0, "data/tweets.js", "/0/tweet/full_text", WHEN, url))
    d = disclosure(report_of(f))
    assert d.link(f) is None and d.open_url(f) == url
    assert d.where(f) == "your X (Twitter) post of 11 Feb 2024"
    assert d.revealing(None).link(f) == url
    assert "1757" not in d.technical(f) or "175700" not in d.technical(f)


@pytest.mark.parametrize(("url", "platform", "ok"), [
    ("https://x.com/i/status/1", Platform.X, True),
    ("https://mobile.twitter.com/i/status/1", Platform.X, True),
    ("javascript:alert(1)", Platform.MASTODON, False),
    ("file:///etc/passwd", Platform.MASTODON, False),
    ("https://police.social/@sam/1123", Platform.MASTODON, True),
    ("https://police.social/@sam/1123?next=https://evil.example", Platform.MASTODON, True),
    ("https://evil.example/phish", Platform.MASTODON, False),
    ("https://x.com.evil.example/i/status/1", Platform.X, False),
    ("https://x.com@evil.example/", Platform.X, False),
    ("https://evil.example/x.com", Platform.X, False),
    ("http://x.com:8080/", Platform.X, False),
    ("https://x.com/\u202egpj.exe", Platform.X, False),
    ("https://www.strava.com/activities/1", Platform.STRAVA, True),
    ("https://x.com/i/status/1", Platform.PHOTOS, False),
])
def test_links_only_from_http_addresses_on_the_platforms_own_domains(url: str, platform: Platform, ok: bool) -> None:
    assert (checked_link(url, platform) == url) is ok


def test_web_links_stay_on_the_host_the_person_gave() -> None:
    assert checked_link("https://www.example.me.uk/post/1", Platform.WEB, "https://example.me.uk/about")
    assert checked_link("https://example.me.uk/post/1", Platform.WEB, "example.me.uk")
    assert not checked_link("https://other.example/post/1", Platform.WEB, "https://example.me.uk/about")


def test_where_words_name_the_thing_not_the_file() -> None:
    assert where_words(Platform.FACEBOOK, ItemKind.PROFILE_FIELD, None) == "your Facebook profile"
    assert where_words(Platform.WEB, ItemKind.POST, WHEN) == "a post on your public page, 11 Feb 2024"
    assert where_words(Platform.STRAVA, ItemKind.ACTIVITY, None) == "your Strava activity"


# -- control characters ---------------------------------------------------------------------------

HOSTILE = "Hi\x1b[2J\x1b]0;owned\x07\x1b]52;c;ZXZpbA==\x07 \u202egnp.exe\u2066 \x9b31m done\u200b!"


def test_control_characters_never_survive_on_any_line() -> None:
    f = make(HOSTILE, "Hi", title=HOSTILE, reason=HOSTILE,
             source=Source(0, "data/\x1b[31mtweets.js", "/0", WHEN))
    for d in (disclosure(report_of(f)), disclosure(report_of(f), reveal=True), disclosure(report_of(f), welfare=True)):
        for line in (d.evidence(f), d.title(f), d.reason(f), d.technical(f), d.checklist_item(f), d.where(f)):
            assert line == safe_text(line)
            assert not any(ch in line for ch in "\x1b\x07\x9b\u202e\u2066\u200b"), repr(line)
    assert safe_text("tab\tand\nnewline") == "tab and newline"


def test_basis_words_are_masked_like_the_evidence() -> None:
    post = "Got the keys to 42 Laburnum Close"
    start = post.index("Laburnum")
    f = make(post, "42 Laburnum Close", basis=Basis("model", ("moved_in",), ((8, 12), (start, start + 8))))
    assert disclosure(report_of(f)).basis(f) == ("keys", "L*******")
    assert disclosure(report_of(f), reveal=True).basis(f) == ("keys", "Laburnum")
    assert disclosure(report_of(f), welfare=True).basis(f) == ()


def test_the_older_calls_still_mask_a_span_and_its_words_elsewhere() -> None:
    assert mask("at 42 Laburnum Close, Laburnum is lovely", (3, 20)) == "at ** L******* C****, L******* is lovely"
    masker = Masker(Secrets.of(["Quillbrook"]))
    assert masker.mask("QUILLBROOK and quillbrook") == "Q********* and q*********"


# -- the writers ask the policy -------------------------------------------------------------------

def _hostile_report(url: str) -> Report:
    from checks.assess.advice import build_checklist, default_catalogue

    post = f"Lovely walk {HOSTILE} with Maisie"
    f = make(post, "Maisie", n=1, category=Category.FAMILY_DETAILS, platform=Platform.MASTODON,
             source=Source(0, "outbox.json", "/orderedItems/0/object/content", WHEN, url))
    catalogue = default_catalogue()
    f = replace(f, advice=catalogue.ids_for(category=f.category, platform=f.platform, item_kind=f.item_kind,
                                            detector=f.detector, key=f.key, severity=f.severity))
    return Report("test", WHEN, (InputSummary("outbox.json", Platform.MASTODON, "mastodon", 1),), (f,),
                  Score(10, "low"), build_checklist([f], catalogue))


@pytest.mark.parametrize("url", ["javascript:alert(document.cookie)", "file:///etc/passwd",
                                 "data:text/html,<script>alert(1)</script>", "https://evil.example/phish"])
def test_no_writer_makes_a_link_of_a_hostile_address(url: str) -> None:
    import io

    from checks.report.html_report import render_html
    from checks.report.json_report import report_to_json
    from checks.report.summary import write_summary

    report = _hostile_report(url)
    for reveal in (False, True):
        html = render_html(report, reveal=reveal)
        assert url not in html and "javascript:" not in html and "file:" not in html
        data = report_to_json(report, reveal=reveal)
        assert "item_link" not in data["findings"][0]
        out = io.StringIO()
        write_summary(report, out, reveal=reveal)
        for text in (html, out.getvalue()):
            assert not any(ch in text for ch in "\x1b\x07\x9b\u202e\u2066\u200b"), reveal
    from checks.report.checklist_model import build_model

    safe = "https://police.social/@sam/110000000000000001"
    items = [i for model in (build_model(_hostile_report(safe), reveal=True), build_model(_hostile_report(safe)))
             for s in model.sections for t in s.tasks for i in t.items]
    assert [i.url for i in items] == [safe, None]  # masked: "your Mastodon post of 11 Feb 2024" instead
    assert items[1].where == "your Mastodon post of 11 Feb 2024"
