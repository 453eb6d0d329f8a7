"""Titles and reasons never quote the personal values a finding is about, and masking hides them all.

Titles and reasons are printed unmasked everywhere (JSON report, summary, window, PDF); only the
evidence is masked, inside `span`. So for every finding over the labelled corpora and the demo:
no word of the sensitive values may appear in the title or reason, and the masked evidence must
not show any of them. The sensitive values are found here independently of the detectors where
possible (force and justice names, named schools, long numbers), plus the finding's own span.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import pytest

from checks.detectors import DETECTORS
from checks.detectors.lexicon import scan
from checks.exports.demo import DemoMissing, demo_paths
from checks.pipeline import audit
from checks.records import Finding, Report
from checks.report.masking import conceal, mask
from checks.report.words import say
from training.dataset import as_item, load_all


def post(text: str, n: int = 0):  # type: ignore[no-untyped-def]
    return as_item(text, "post", "x", n)

# Words a title or reason may use although they can sit inside a masked span: what kind of thing
# was found, never which one.
GENERIC = frozenset("""
the and for with from you your our was are his her their its this that what where when who
police force service constabulary officer constable station school primary academy nursery club
home house address street road postcode number phone date birth birthday age child children family
work job team unit shift custody court prison justice public post posts private message account profile
operation right now every today sixth form
avenue lane close drive grove gardens crescent terrace mews square park
""".split())  # a street's or place's type says nothing alone ("Park" of "Park Avenue" shown in "Roundhay Park")
_WORD = re.compile(r"[^\W_]{3,}", re.UNICODE)
_RELATIONS = Path(__file__).parents[2] / "resources" / "wordlists" / "relations.tsv"
# relation words ("daughter", "little sister") say what kind of person, not who
GENERIC = GENERIC | {w for line in _RELATIONS.read_text(encoding="utf-8").splitlines() if not line.startswith("#")
                     for w in line.split("\t")[0].lower().split()} | {"people", "business", "little", "twins", "missed"}
# ... and every word of the catalogue's own sentences: titles and reasons are made of those
_CATALOGUE = Path(__file__).parents[2] / "resources" / "words" / "en-GB.toml"
GENERIC = GENERIC | {w.lower() for line in _CATALOGUE.read_text(encoding="utf-8").splitlines()
                     if "=" in line and not line.lstrip().startswith("#")
                     for w in re.findall(r"[^\W_]{3,}", line.split("=", 1)[1])}
_SCHOOL_NAME = re.compile(r"((?:[A-Z][\w'.\-]*\s+){1,4})$")
_LONG_NUMBER = re.compile(r"\d[\d ]{3,}\d")


def sensitive_values(detector: str, evidence: str, span: tuple[int, int] | None) -> set[str]:
    """The values of `evidence` that this finding must hide."""
    values: set[str] = set()
    if span is not None:
        values.add(evidence[span[0]:span[1]])
    sc = scan(evidence)
    if detector == "employer_disclosure":
        for h in sc.of("forces") + sc.of("justice"):
            if h.entry.value(2) in ("full", "abbr") or h.entry.value(0) != "police":
                if not any(m.start <= h.start and h.end <= m.end for m in sc.of("media")):
                    values.add(evidence[h.start:h.end])
    if detector == "family_details":
        for h in sc.of("schools"):
            if h.entry.phrase.startswith(("year ", "reception")):
                continue  # a year group ends no name: "Teaching Year 5" names no school
            lead = _SCHOOL_NAME.search(evidence[max(0, h.start - 50):h.start])
            if lead and h.entry.value(0) == "school":
                values.add(evidence[h.start - len(lead.group(1)):h.end])
    if detector in ("home_address", "identity_details"):
        values.update(m.group(0) for m in _LONG_NUMBER.finditer(evidence))
    return {v.strip() for v in values if v.strip()}


def tokens(value: str) -> set[str]:
    """The words of a value that identify: names (capitalised) and anything with a digit."""
    return {w.lower() for w in _WORD.findall(value) if w[0].isupper() or any(c.isdigit() for c in w)} - GENERIC


def hide_others(text: str, others: Iterable[str]) -> str:
    """What `conceal()` does: every other finding's value masked wherever it shows."""
    for s in others:
        if len(s) < 3:
            continue
        at = text.find(s)
        while at != -1:
            text = text[:at] + mask(s) + text[at + len(s):]
            at = text.find(s, at + len(s))
    return text


def leaks(detector: str, title: str, reason: str, evidence: str, span: tuple[int, int] | None,
          others: Iterable[str] = (), spans: tuple[tuple[int, int], ...] = ()) -> list[str]:
    problems: list[str] = []
    values = sensitive_values(detector, evidence, span)
    said = set(w.lower() for w in _WORD.findall(title + " " + reason))
    for v in values:
        shown = tokens(v) & said
        if shown:
            problems.append(f"{detector}: title/reason shows {sorted(shown)}")
    masked = hide_others(mask(evidence, span, spans), others)
    for v in values:
        for w in _WORD.findall(v):
            if w.lower() not in tokens(v):
                continue
            if re.search(rf"(?<![^\W_]){re.escape(w)}(?![^\W_])", masked):
                problems.append(f"{detector}: masked evidence shows a value ({len(w)} letters)")
    return problems


def corpus_detections() -> Iterable[tuple[str, str, str, str, tuple[int, int] | None, list[str]]]:
    """Every detection over the corpora, with the values of the other detections of the same post."""
    detectors = [cls() for cls in DETECTORS]
    for n, ex in enumerate(load_all()):
        item = ex.item(n)
        found = [d for det in detectors for d in det.detect(item)]
        secrets = [d.evidence[d.span[0]:d.span[1]].strip() for d in found if d.span]
        for d in found:
            yield d.detector, say(d.title), say(d.reason), d.evidence, d.span, secrets, d.spans


def test_corpus_titles_reasons_and_masks_hide_the_values() -> None:
    problems: list[str] = []
    count = 0
    for detector, title, reason, evidence, span, others, spans in corpus_detections():
        count += 1
        problems.extend(leaks(detector, title, reason, evidence, span, others, spans))
    assert count > 300  # the corpus really was scanned
    assert not problems, "\n".join(problems[:20])  # messages name the detector only, never the value


def test_leak_check_catches_a_quoting_title() -> None:
    """The check itself can fail: a title quoting a force or a school is caught."""
    ev = "Proud to have joined the Metropolitan Police Service today"
    span = (ev.index("Metropolitan"), ev.index(" today"))
    assert leaks("employer_disclosure", "A post says you work for Metropolitan Police Service", "", ev, span)
    ev2 = "Maisie's first day at Horniman Primary today"
    assert leaks("family_details", "A child named", "", ev2, (0, 6))  # the school left readable
    assert not leaks("family_details", "A child named", "", ev2, (0, ev2.index(" today")))


@pytest.fixture(scope="module")
def demo_report() -> Report:
    try:
        paths = demo_paths()
    except DemoMissing:
        pytest.skip("demo exports not built")
    return audit(paths)


def _findings(report: Report) -> list[Finding]:
    return list(report.findings)


def test_demo_titles_reasons_and_masks_hide_the_values(demo_report: Report) -> None:
    problems: list[str] = []
    findings = _findings(demo_report)
    assert findings
    secrets = [f.evidence[f.span[0]:f.span[1]].strip() for f in findings if f.span and f.evidence]
    for f in findings:
        if f.detector == "photo_text":
            continue  # OCR text is owned elsewhere
        problems.extend(leaks(f.detector, say(f.title), say(f.reason), f.evidence or "", f.span, secrets, f.spans))
    assert not problems, "\n".join(problems[:20])


def test_conceal_masks_each_secret_in_every_finding(demo_report: Report) -> None:
    """`conceal()` (masking.py) still hides one finding's value in another finding's evidence."""
    concealed = conceal(demo_report)
    secrets = {f.evidence[f.span[0]:f.span[1]].strip() for f in demo_report.findings if f.span and f.evidence}
    secrets = {s for s in secrets if len(s) >= 3}
    assert secrets
    for f in concealed.findings:
        shown = mask(f.evidence or "", f.span)
        for s in secrets:
            assert s not in shown or not any(c.isalnum() for c in s[1:])


@pytest.mark.parametrize(("text", "hidden"), [
    ("Night shift at Lewisham police station again. Coffee is a food group.", "Lewisham"),
    ("Ready for nights with the Met #metpolice #response", "metpolice"),
    ("Response PC @metpoliceuk | Palace till I die | views my own", "metpoliceuk"),
    ("Ten years in the Met and now a sergeant at Thames Valley Police", "Thames"),
    ("Maisie's first day at St Saviour's Primary, she looked so grown up", "Saviour"),
    ("Picking Jacob up from Oakfield Academy then football", "Oakfield"),
])
def test_the_mask_covers_the_force_station_and_school_beside_the_match(text: str, hidden: str) -> None:
    detections = [d for cls in DETECTORS for d in cls().detect(post(text))]
    assert detections
    for d in detections:
        shown = mask(d.evidence, d.span, d.spans)
        assert hidden not in shown
        assert hidden.lower() not in (say(d.title) + " " + say(d.reason)).lower()


def test_a_number_of_five_digits_or_more_is_masked_beside_a_finding() -> None:
    from tests.detectors.conftest import make_post

    item = make_post("Great North Run done, bib 41872, first one since I turned 50 (born 14/09/1974)")
    found = [d for cls in DETECTORS for d in cls().detect(item) if d.detector == "identity_details"]
    assert found
    for d in found:
        assert "41872" not in mask(d.evidence, d.span, d.spans)
