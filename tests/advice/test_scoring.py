"""The exposure score: bounds, bands, monotonic properties, combinations, drivers."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.assess.advice import CROSS_PLATFORM, default_catalogue
from checks.assess.scoring import BANDS, INCOMPLETE, band_for, band_words, current_score, remaining, score
from checks.records import Audience, Category, Finding, Message, Platform, Report, Severity, msg
from checks.report.words import load_entries
from checks.store.audit_state import AuditState
from tests.advice.factory import NOW, finding, report

_finding = st.builds(
    lambda n, cat, sev, aud, conf, years, rel: finding(
        n, category=cat, severity=sev, audience=aud, confidence=conf, related=rel,
        when=datetime(2026 - years, 6, 1, tzinfo=UTC)),
    st.integers(0, 10_000), st.sampled_from(list(Category)), st.sampled_from(list(Severity)),
    st.sampled_from(list(Audience)), st.floats(0.3, 1.0), st.integers(0, 15), st.integers(0, 5))


def test_nothing_found_scores_zero_and_low() -> None:
    s = score([], NOW)
    assert (s.value, s.band, s.drivers) == (0, "low", ())


@settings(max_examples=60, deadline=None)
@given(st.lists(_finding, max_size=12), _finding)
def test_adding_a_finding_never_lowers_the_score(findings: list[Finding], extra: Finding) -> None:
    before = score(findings, NOW).value
    after = score([*findings, extra], NOW).value
    assert 0 <= before <= after <= 100


@settings(max_examples=40, deadline=None)
@given(st.lists(_finding, min_size=1, max_size=8))
def test_band_matches_value(findings: list[Finding]) -> None:
    s = score(findings, NOW)
    assert s.band == band_for(s.value)
    assert s.drivers and all(d.points > 0 for d in s.drivers)


def test_bands_cover_zero_to_hundred_in_order() -> None:
    names = [band_for(v) for v in range(101)]
    assert names[0] == "low" and names[100] == "severe"
    order = [name for _, name in reversed(BANDS)]
    assert [n for i, n in enumerate(names) if i == 0 or names[i - 1] != n] == order


def test_more_public_scores_higher() -> None:
    private = score([finding(1, audience=Audience.PRIVATE)], NOW).value
    friends = score([finding(1, audience=Audience.FRIENDS)], NOW).value
    public = score([finding(1, audience=Audience.PUBLIC)], NOW).value
    assert private < friends < public


def test_higher_severity_and_recency_score_higher() -> None:
    assert score([finding(1, severity=Severity.LOW)], NOW).value < score([finding(1)], NOW).value
    old = finding(1, when=datetime(2012, 1, 1, tzinfo=UTC))
    assert score([old], NOW).value < score([finding(1)], NOW).value


def test_name_birth_date_and_address_together_are_worse_than_apart() -> None:
    address = finding(1)
    dob = finding(2, category=Category.IDENTITY_DETAILS, detector="identity_details")
    together = score([address, dob], NOW)
    combined_bonus = [d for d in together.drivers if d.category is None]
    assert combined_bonus, "the combination should be named as a driver"
    alone_sum_raw = sum(d.points for d in score([address], NOW).drivers) + sum(
        d.points for d in score([dob], NOW).drivers)
    assert sum(d.points for d in together.drivers) > alone_sum_raw


def test_drivers_say_what_and_how_often() -> None:
    s = score([finding(i) for i in range(3)] + [finding(9, platform=Platform.FACEBOOK)], NOW)
    top = s.drivers[0]
    assert top.category is Category.HOME_ADDRESS
    assert isinstance(top.text, Message) and top.text.code == "score.driver"
    assert top.text.value("what") == msg("score.what.home_address")
    assert top.text.value("times") == msg("score.times", count=4)
    assert top.text.value("where") == msg("score.where.platforms", count=2)


def test_repeats_saturate() -> None:
    one = score([finding(1)], NOW).value
    ten = score([finding(i) for i in range(10)], NOW).value
    hundred = score([finding(i) for i in range(100)], NOW).value
    assert one < ten <= hundred
    assert hundred - ten < ten - one


def test_every_band_and_combination_has_words() -> None:
    entries = load_entries("en-GB")
    for _, band in BANDS:
        for table in ("score.band", "score.summary", "score.printout"):
            assert f"{table}.{band}" in entries
    assert {"score.band.incomplete", "score.summary.incomplete", "score.printout.incomplete"} <= set(entries)


def test_an_incomplete_score_is_never_called_low() -> None:
    complete = score([], NOW)
    partial = score([], NOW, complete=False)
    assert (complete.value, complete.band, complete.state) == (0, "low", "complete")
    assert (partial.value, partial.band, partial.state) == (0, "low", INCOMPLETE)  # the contract's band is kept
    assert band_words(complete) == Message("score.band.low")
    assert band_words(partial) == msg("score.band.incomplete")


# The score that moves: steps done and items marked "not a problem" lower it ----------------------


def _ticked(rep: Report, *advice: str) -> Report:
    from dataclasses import replace

    return replace(rep, checklist=tuple(replace(c, done=c.done or c.advice in advice) for c in rep.checklist))


def test_with_nothing_done_the_current_score_is_the_scans() -> None:
    rep = report([finding(1), finding(2, category=Category.EMPLOYER_DISCLOSURE, detector="employer")])
    assert current_score(rep) == rep.score


def test_deleting_the_item_removes_it_and_a_setting_reduces_it() -> None:
    rep = report([finding(1), finding(2, category=Category.EMPLOYER_DISCLOSURE, detector="employer")])
    kinds = {c.advice: default_catalogue().get(c.advice).kind for c in rep.checklist}  # type: ignore[union-attr]
    action = next(a for a, k in kinds.items() if k == "action" and not a.startswith(CROSS_PLATFORM))
    setting = next(a for a, k in kinds.items() if k == "setting" and not a.startswith(CROSS_PLATFORM))
    after_setting = current_score(_ticked(rep, setting)).value
    after_action = current_score(_ticked(rep, action)).value
    assert after_setting < rep.score.value
    assert after_action < after_setting
    assert remaining(_ticked(rep, action)) == {f.id: 0.0 for f in rep.findings if action in f.advice}


def test_marking_not_a_problem_lowers_the_current_score() -> None:
    rep = report([finding(1), finding(2, category=Category.FAMILY_DETAILS, detector="family")])
    shown = AuditState().dismiss(rep.findings[1].id).apply(rep)
    assert current_score(shown).value < rep.score.value


def test_steps_the_export_showed_as_done_do_not_count_twice() -> None:
    from dataclasses import replace

    rep = report([finding(1)])
    already = replace(rep, checklist=tuple(replace(c, done=True, already_done=True) for c in rep.checklist))
    assert current_score(already).value == rep.score.value


@pytest.mark.slow
def test_the_score_spreads_over_people_from_careful_to_exposed(tmp_path: Path) -> None:
    """Generated people (four exports each) from careful to everything public: the score rises
    with exposure, a careful person is low, and only the most exposed reach the top band."""
    from checks.pipeline import audit
    from tests.advice.people import LEVELS, write_person

    values = [audit(write_person(level, tmp_path / f"p{level}")).score for level in LEVELS]
    numbers = [s.value for s in values]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers), numbers
    assert values[0].band == "low" and values[1].band in ("low", "moderate"), numbers
    assert values[-1].band == "severe" and numbers[-1] <= 92, numbers
    assert numbers[-1] - numbers[0] >= 60, numbers
