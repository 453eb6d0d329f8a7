"""The exposure score: 0 (nothing found) to 100 (a stranger could find your door), with bands.

Each finding contributes by severity, confidence, how public it is, how recent and how often it
occurs; categories saturate (the tenth postcode adds less than the first), and dangerous
combinations add on top (name + date of birth + address together are worse than each alone).
What drives the score is said in codes (`[score]` in the words catalogue), never in sentences.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime

from checks.records import Audience, Category, Finding, Message, Platform, Score, ScoreDriver, msg

SEVERITY_POINTS = {"low": 3.0, "medium": 8.0, "high": 18.0}
CATEGORY_WEIGHT = {
    Category.HOME_ADDRESS: 1.4,
    Category.EMPLOYER_DISCLOSURE: 1.2,
    Category.FAMILY_DETAILS: 1.2,
    Category.OFFICIAL_INFORMATION: 1.2,
    Category.LOCATION_PATTERN: 1.0,
    Category.PHOTO_METADATA: 1.0,
    Category.IDENTITY_DETAILS: 1.0,
    Category.CONDUCT_RISK: 0.9,
    Category.ACCOUNT_EXPOSURE: 0.7,
}
BANDS = ((75, "severe"), (50, "high"), (25, "moderate"), (0, "low"))
COMPLETE, INCOMPLETE = "complete", "incomplete"  # Score.state


def _visibility(finding: Finding) -> float:
    if finding.platform is Platform.WEB or finding.audience is Audience.PUBLIC:
        return 1.3
    if finding.audience is Audience.PRIVATE:
        return 0.6
    if finding.audience is Audience.FRIENDS:
        return 0.85
    return 1.0


def _recency(finding: Finding, now: datetime) -> float:
    ts = finding.source.timestamp
    if ts is None:
        return 1.0
    if ts.tzinfo is None:
        ts = ts.replace(tzinfo=UTC)
    years = max(0.0, (now - ts).days / 365.25)
    return max(0.6, 1.0 - 0.08 * years)


_WHAT = {
    Category.HOME_ADDRESS: msg("score.what.home_address"),
    Category.LOCATION_PATTERN: msg("score.what.location_pattern"),
    Category.EMPLOYER_DISCLOSURE: msg("score.what.employer_disclosure"),
    Category.IDENTITY_DETAILS: msg("score.what.identity_details"),
    Category.FAMILY_DETAILS: msg("score.what.family_details"),
    Category.PHOTO_METADATA: msg("score.what.photo_metadata"),
    Category.OFFICIAL_INFORMATION: msg("score.what.official_information"),
    Category.CONDUCT_RISK: msg("score.what.conduct_risk"),
    Category.ACCOUNT_EXPOSURE: msg("score.what.account_exposure"),
}

# Two categories present together are worse than each alone: (the pair, bonus points, words).
COMBINATIONS = (
    ({Category.HOME_ADDRESS, Category.EMPLOYER_DISCLOSURE}, 12.0, msg("score.combo.home_and_employer")),
    ({Category.HOME_ADDRESS, Category.FAMILY_DETAILS}, 8.0, msg("score.combo.home_and_family")),
    ({Category.IDENTITY_DETAILS, Category.HOME_ADDRESS}, 6.0, msg("score.combo.identity_and_home")),
    ({Category.HOME_ADDRESS, Category.LOCATION_PATTERN}, 6.0, msg("score.combo.home_and_routines")),
    ({Category.EMPLOYER_DISCLOSURE, Category.FAMILY_DETAILS}, 5.0, msg("score.combo.employer_and_family")),
)


def driver_text(cat: Category, count: int, platforms: set[Platform], public: int) -> Message:
    """"Your home address or where you sleep: in 3 places, on 2 platforms (2 public)", as codes."""
    if len(platforms) > 1:
        where: Message | str = msg("score.where.platforms", count=len(platforms))
    elif platforms:
        where = msg("score.where.platform", platform=next(iter(platforms)))
    else:
        where = ""
    if public and public < count:
        shown: Message | str = msg("score.shown.some_public", count=public)
    elif public and count > 1:
        shown = msg("score.shown.all_public")
    else:
        shown = ""
    return msg("score.driver", what=_WHAT[cat], times=msg("score.times", count=count), where=where, shown=shown)


def band_for(value: int) -> str:
    for floor, name in BANDS:
        if value >= floor:
            return name
    return "low"


def score(findings: Sequence[Finding], now: datetime | None = None, *, complete: bool = True) -> Score:
    """Score an audit's findings and say what drives the number.

    `complete=False` when some export was recognised but gave nothing to read (or the audit was
    stopped): the number then covers only part of the person's accounts, and its state says so,
    so no surface shows it as a reassuring "low".
    """
    now = now or datetime.now(UTC)
    per_category: dict[Category, float] = defaultdict(float)
    counts: dict[Category, int] = defaultdict(int)
    platforms: dict[Category, set[Platform]] = defaultdict(set)
    public: dict[Category, int] = defaultdict(int)
    for f in findings:
        raw = SEVERITY_POINTS[f.severity.value] * f.confidence * _visibility(f) * _recency(f, now)
        raw *= 1 + 0.15 * math.log1p(f.occurrences - 1)
        per_category[f.category] += raw * CATEGORY_WEIGHT[f.category]
        counts[f.category] += f.occurrences
        platforms[f.category].add(f.platform)
        if f.audience is Audience.PUBLIC or f.platform is Platform.WEB:
            public[f.category] += f.occurrences
    drivers: list[ScoreDriver] = []
    total = 0.0
    for cat, raw in per_category.items():
        # Saturate per category: the first exposure matters most.
        points = 30.0 * (1 - math.exp(-raw / 30.0))
        total += points
        drivers.append(ScoreDriver(driver_text(cat, counts[cat], platforms[cat], public[cat]), round(points, 1), cat))
    present = set(per_category)
    for needed, bonus, text in COMBINATIONS:
        if needed <= present:
            total += bonus
            drivers.append(ScoreDriver(text, bonus, None))
    value = round(min(100.0, 100 * (1 - math.exp(-total / 60.0)))) if total else 0
    drivers.sort(key=lambda d: -d.points)
    return Score(value=value, band=band_for(value), drivers=tuple(drivers),
                 state=COMPLETE if complete else INCOMPLETE)


def band_words(score: Score) -> Message:
    """The band's name ("Low"), or "Incomplete" when the score leaves exports out."""
    if score.state == INCOMPLETE:
        return msg("score.band.incomplete")
    return Message(f"score.band.{score.band}")  # every band has words (tests/advice/test_scoring.py)
