"""The printed plan: short by default, page 1 with the score, the first steps and where to get help;
only the person's platforms and phone; QR codes instead of long addresses; ticked steps printed as
done; everything on request; at most 8 A4 pages for a person with four exports."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from dataclasses import replace
from pathlib import Path

import pytest

from checks.assess.scoring import current_score
from checks.records import Report
from checks.report.checklist_model import PlanOptions, build_model, plain_where
from checks.report.html_report import render_html
from tests.advice.factory import finding, report

pytestmark = [pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) missing"),
              pytest.mark.usefixtures("qapp")]
JARGON = ("answers 1 finding", "findings)", "Photo metadata", "Records read", "parts)", "place(s)",
          "see the full report", "data/tweets.js", "/tweet/full_text", "Discreditable", "supervisor")


def _pdf(report: Report, path: Path, **options: object) -> tuple[int, str]:
    from desktop.printing import write_pdf

    pages = write_pdf(report, path, options=PlanOptions(**options))  # type: ignore[arg-type]
    raw = subprocess.run(["pdftotext", "-raw", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return pages, " ".join(unicodedata.normalize("NFKC", raw).split())


def _page(path: Path, number: int) -> str:
    raw = subprocess.run(["pdftotext", "-raw", "-f", str(number), "-l", str(number), str(path), "-"],
                         capture_output=True, text=True, check=True).stdout
    return " ".join(unicodedata.normalize("NFKC", raw).split())


def _ticked(rep: Report, *advice: str) -> Report:
    return replace(rep, checklist=tuple(replace(c, done=c.done or c.advice in advice) for c in rep.checklist))


@pytest.fixture(scope="module")
def demo() -> Report:
    from checks.exports.demo import demo_paths
    from checks.pipeline import audit

    return audit(demo_paths())


@pytest.fixture(scope="module")
def four(demo: Report) -> Report:
    """The demo officer's X, Facebook, Instagram and Strava exports only: a person with four exports."""
    from checks.exports.demo import demo_paths
    from checks.pipeline import audit

    chosen = [p for p in demo_paths() if p.name.startswith(("twitter", "facebook", "instagram", "export_"))]
    assert len(chosen) == 4
    return audit(chosen)


def test_page_one_has_the_score_the_first_steps_and_where_to_get_help(four: Report, tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    _pdf(four, path)
    first = _page(path, 1)
    model = build_model(four)
    assert f"{model.score} {model.band_name} exposure" in first
    assert "Lower is better" in first
    assert "Your first steps" in first and len(model.top) == 5
    for task in model.top:
        assert " ".join(task.title.split()) in first, task.advice
    assert "Where to get help" in first
    for who in ("welfare", "Oscar Kilo", "Professional Standards (PSD)", "security team"):
        assert who in first, who


def test_a_four_export_person_gets_at_most_eight_pages(four: Report, tmp_path: Path) -> None:
    pages, _ = _pdf(four, tmp_path / "four.pdf")
    assert pages <= 8, pages
    everything, _ = _pdf(four, tmp_path / "all.pdf", everything=True)
    assert everything > pages + 10  # the whole catalogue is still there on request


@pytest.mark.slow
@pytest.mark.parametrize("level", [1, 2, 3, 4])
def test_generated_four_export_people_get_at_most_eight_pages(level: int, tmp_path: Path) -> None:
    from checks.pipeline import audit
    from tests.advice.people import write_person

    rep = audit(write_person(level, tmp_path / "exports", seed=level))
    assert len(rep.inputs) == 4
    pages, _ = _pdf(rep, tmp_path / "plan.pdf")
    assert pages <= 8, pages


def test_only_the_persons_phone_is_printed(four: Report, tmp_path: Path) -> None:
    def phones(options: PlanOptions) -> set[str]:
        model = build_model(four, options=options)
        return {t.platform for s in model.sections for t in s.tasks if t.platform in ("iphone", "android")}

    assert phones(PlanOptions()) == {"iphone", "android"}  # not known: both
    assert phones(PlanOptions(phone="iphone")) == {"iphone"}
    assert phones(PlanOptions(phone="android")) == {"android"}
    _pages, text = _pdf(four, tmp_path / "iphone.pdf", phone="iphone")
    assert "Your phone (iPhone)" in text
    android = [t for s in build_model(four).sections for t in s.tasks if t.platform == "android"]
    assert android and not [t.title for t in android if t.title in text]


def test_links_are_qr_codes_not_long_addresses(four: Report, tmp_path: Path) -> None:
    html = render_html(four)
    codes = re.findall(r'<img src="data:image/png;base64,[A-Za-z0-9+/=]+"', html)
    model = build_model(four)
    linked = [t for s in model.sections for t in s.tasks if t.link and not t.done]
    assert len(codes) >= len(linked) + len(model.top)
    _pages, text = _pdf(four, tmp_path / "plan.pdf")
    joined = "".join(text.split())
    assert not [t.link for t in linked if t.link in joined]  # an address to type is never printed in full
    assert "x.com/settings/" in text  # a short one beside the code, to recognise it
    assert re.search(r"checked \d{1,2} [A-Z][a-z]{2} 20\d\d", text)  # each link dated


def test_qr_codes_render_on_the_page(four: Report, tmp_path: Path) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm missing")
    path = tmp_path / "plan.pdf"
    pages, _ = _pdf(four, path)
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(path), str(tmp_path / "p")], check=True)
    images = sorted(tmp_path.glob("p-*.png"))
    assert len(images) == pages and all(p.stat().st_size > 5000 for p in images)
    listed = subprocess.run(["pdfimages", "-list", "-f", "1", "-l", "1", str(path)], capture_output=True, text=True,
                            check=True).stdout
    assert len([line for line in listed.splitlines()[2:] if line.strip()]) >= 6  # five first steps + Oscar Kilo


def test_ticked_steps_print_as_done_and_lower_the_score(tmp_path: Path) -> None:
    rep = report([finding(1), finding(2, category=pytest.importorskip("checks.records").Category.EMPLOYER_DISCLOSURE,
                                       detector="employer")])
    first = build_model(rep).top[0]
    ticked = _ticked(rep, first.advice)
    model = build_model(ticked)
    assert first.advice not in {t.advice for t in model.top}
    done = next(t for s in model.sections for t in s.tasks if t.advice == first.advice)
    assert done.done and model.score == current_score(ticked).value < rep.score.value
    _pages, text = _pdf(ticked, tmp_path / "ticked.pdf")
    assert f"Done since the scan: {first.title}" in text
    assert f"It was {rep.score.value} when you scanned your exports" in text


def test_items_are_named_in_plain_words(four: Report, tmp_path: Path) -> None:
    post = next(f for f in four.findings if f.item_kind.value == "post" and f.source.timestamp)
    when = post.source.timestamp
    assert when is not None
    assert plain_where(post) == f"your {post.platform.label} post of {when.day} {when:%b %Y}"
    _pages, text = _pdf(four, tmp_path / "plan.pdf")
    assert re.search(r"Your X \(Twitter\) post of \d{1,2} [A-Z][a-z]{2} 20\d\d", text)
    for word in JARGON:
        assert word not in text, word
