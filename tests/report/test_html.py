"""The printable HTML checklist: complete, self-contained, masked unless revealed."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from html import escape
from html.parser import HTMLParser

from checks.assess.advice import default_catalogue
from checks.assess.scoring import current_score
from checks.records import Report, Score
from checks.report.checklist_model import PlanOptions, build_model
from checks.report.html_report import BOX, TICKED, render_html, write_html
from tests.report.conftest import ADDRESS, CHILD, PHONE, SECRETS


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    p = _Tags()
    p.feed(html)
    return p.tags


def test_masked_by_default_and_nothing_secret_leaks(leaky_report: Report) -> None:
    out = io.StringIO()
    write_html(leaky_report, out)
    html = out.getvalue()
    for secret in SECRETS:
        assert secret not in html, secret
    assert "** L******* C****" in html  # the person can still recognise the post (digits keep nothing)


def test_reveal_shows_evidence_and_escapes_it(leaky_report: Report) -> None:
    html = render_html(leaky_report, reveal=True)
    assert ADDRESS in html and PHONE in html and CHILD in html
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_self_contained_with_no_scripts_or_external_resources(leaky_report: Report) -> None:
    html = render_html(leaky_report)
    tags = _tags(html)
    assert not [t for t, _ in tags if t in ("script", "link", "iframe", "object")]
    for tag, attrs in tags:
        for name in ("srcset", "data"):
            assert name not in attrs
        # the only images are the links' QR codes, drawn into the page itself
        assert "src" not in attrs or (tag == "img" and (attrs["src"] or "").startswith("data:image/png;base64,"))
    assert "@import" not in html and "url(" not in html
    assert "@page" in html and "A4" in html


def test_every_checklist_entry_is_printed_with_steps_and_sources(leaky_report: Report) -> None:
    html = render_html(leaky_report, options=PlanOptions(everything=True))
    catalogue = default_catalogue()
    for entry in leaky_report.checklist:
        assert escape(entry.title) in html, entry.advice
        for step in entry.steps:
            assert escape(step) in html, step
        link = catalogue.get(entry.advice).link  # type: ignore[union-attr]
        if link:
            assert escape(link) in html
    assert html.count(BOX) >= sum(1 for e in leaky_report.checklist if not e.already_done)
    assert TICKED in html  # the Strava privacy zone is already set in the export
    assert "Already done" in html


def test_title_page_score_name_and_review(leaky_report: Report) -> None:
    anonymous = render_html(leaky_report)
    assert "Prepared for" not in anonymous
    named = render_html(leaky_report, name="  Sam   Invented ")
    assert "Prepared for Sam Invented" in named
    assert f">{current_score(leaky_report).value}<" in named
    assert "Next review" in named and "Notes" in named
    assert "Offline records in the UK" in named and "open electoral register" in named


def test_items_to_delete_are_listed_once_per_record_with_links(leaky_report: Report) -> None:
    model = build_model(leaky_report)
    delete = next(t for s in model.sections for t in s.tasks if t.advice == "x.delete-post")
    # the address and the phone number are in the same post: one thing to delete
    assert len(delete.items) == 1
    assert "phone number" in delete.items[0].title.lower()
    assert delete.items[0].url is None  # masked: a link would carry the account's handle
    revealed = build_model(leaky_report, reveal=True)
    shown = next(t for s in revealed.sections for t in s.tasks if t.advice == "x.delete-post")
    assert shown.items[0].url == "https://x.com/i/status/1763990011223344556"
    sections = [s.key for s in model.sections]
    assert sections.index("x") < sections.index("uk")
    assert sections[-1] == "uk"


def test_sections_group_by_platform_and_keep_the_review_date(leaky_report: Report) -> None:
    model = build_model(leaky_report)
    for section in model.sections:
        if section.key in ("x", "facebook", "instagram"):
            assert all(t.advice.split(".")[0] == section.key for t in section.tasks)
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ 20\d\d", model.review_date)
    assert model.todo + model.already_done == len(leaky_report.checklist)


def test_empty_report_prints_a_calm_page() -> None:
    empty = Report("0.1.0", datetime(2026, 11, 24, tzinfo=UTC), (), (), Score(0, "low"), ())
    html = render_html(empty)
    assert "Nothing left to do" in html
    assert "Offline records in the UK" in html  # offline steps are always worth a look
