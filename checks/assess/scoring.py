"""The exposure score: 0 (nothing found) to 100 (a stranger could find your door), with bands.

Each finding contributes by severity, confidence, how public it is, how recent and how often it
occurs; categories saturate (the tenth postcode adds less than the first), and dangerous
combinations add on top (name + date of birth + address together are worse than each alone).
What drives the score is said in codes (`[score]` in the words catalogue), never in sentences.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from checks.assess.advice import CROSS_PLATFORM, Catalogue, default_catalogue
from checks.records import Audience, Category, Finding, Message, Platform, Report, Score, ScoreDriver, msg

SEVERITY_POINTS = {"low": 3.0, "medium": 8.0, "high": 18.0}
# The most each kind of exposure can add: where you live matters most, then that you work for the
# police, then who your family are and when you are out. The caps add up to well under 100, so
# only several kinds together (and their combinations) reach the top band.
CATEGORY_CAP = {
    Category.HOME_ADDRESS: 30.0,
    Category.EMPLOYER_DISCLOSURE: 20.0,
    Category.FAMILY_DETAILS: 12.0,
    Category.LOCATION_PATTERN: 12.0,
    Category.IDENTITY_DETAILS: 10.0,
    Category.OFFICIAL_INFORMATION: 10.0,
    Category.PHOTO_METADATA: 8.0,
    Category.CONDUCT_RISK: 6.0,
    Category.ACCOUNT_EXPOSURE: 6.0,
}
SATURATION = 50.0  # a kind's raw points at which it reaches about two thirds of its cap
SCALE = 60.0  # total points at which the score reaches about 63
BANDS = ((75, "severe"), (50, "high"), (20, "moderate"), (0, "low"))
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

# Two kinds of exposure together are worse than each alone: (the pair, bonus points, words). The
# bonus grows with how strongly both are present.
COMBINATIONS = (
    ({Category.HOME_ADDRESS, Category.EMPLOYER_DISCLOSURE}, 12.0, msg("score.combo.home_and_employer")),
    ({Category.HOME_ADDRESS, Category.FAMILY_DETAILS}, 6.0, msg("score.combo.home_and_family")),
    ({Category.IDENTITY_DETAILS, Category.HOME_ADDRESS}, 4.0, msg("score.combo.identity_and_home")),
    ({Category.HOME_ADDRESS, Category.LOCATION_PATTERN}, 5.0, msg("score.combo.home_and_routines")),
    ({Category.EMPLOYER_DISCLOSURE, Category.FAMILY_DETAILS}, 4.0, msg("score.combo.employer_and_family")),
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


def _raw(f: Finding, now: datetime) -> float:
    """One finding's weight: how serious, how sure, how public, how recent, how often."""
    raw = SEVERITY_POINTS[f.severity.value] * f.confidence * _visibility(f) * _recency(f, now)
    return raw * (1 + 0.15 * math.log1p(f.occurrences - 1))


def score(findings: Sequence[Finding], now: datetime | None = None, *, complete: bool = True,
          remaining: Mapping[str, float] | None = None) -> Score:
    """Score an audit's findings and say what drives the number.

    `complete=False` when some export was recognised but gave nothing to read (or the audit was
    stopped): the number then covers only part of the person's accounts, and its state says so,
    so no surface shows it as a reassuring "low". `remaining` gives, by finding id, how much of a
    finding is still exposed (1 when absent: all of it; 0: fixed), for the score as steps are done.
    """
    now = now or datetime.now(UTC)
    per_category: dict[Category, float] = defaultdict(float)
    counts: dict[Category, int] = defaultdict(int)
    platforms: dict[Category, set[Platform]] = defaultdict(set)
    public: dict[Category, int] = defaultdict(int)
    for f in findings:
        left = 1.0 if remaining is None else max(0.0, min(1.0, remaining.get(f.id, 1.0)))
        if left <= 0:
            continue
        per_category[f.category] += _raw(f, now) * left
        counts[f.category] += f.occurrences
        platforms[f.category].add(f.platform)
        if f.audience is Audience.PUBLIC or f.platform is Platform.WEB:
            public[f.category] += f.occurrences
    drivers: list[ScoreDriver] = []
    total = 0.0
    strength: dict[Category, float] = {}
    for cat, raw in per_category.items():
        # Saturate per kind: the first exposure matters most, and no kind alone fills the scale.
        strength[cat] = 1 - math.exp(-raw / SATURATION)
        points = CATEGORY_CAP[cat] * strength[cat]
        total += points
        shown = round(points, 1) or 0.1  # something was found: never "0 points"
        drivers.append(ScoreDriver(driver_text(cat, counts[cat], platforms[cat], public[cat]), shown, cat))
    for needed, bonus, text in COMBINATIONS:
        if needed <= set(strength):
            points = bonus * min(strength[c] for c in needed)
            total += points
            if round(points, 1) > 0:
                drivers.append(ScoreDriver(text, round(points, 1), None))
    value = round(100 * (1 - math.exp(-total / SCALE))) if total else 0
    if total and not value:
        value = 1  # something was found: never "0", which means nothing at all
    drivers.sort(key=lambda d: -d.points)
    return Score(value=value, band=band_for(value), drivers=tuple(drivers),
                 state=COMPLETE if complete else INCOMPLETE)


def band_words(score: Score) -> Message:
    """The band's name ("Low"), or "Incomplete" when the score leaves exports out."""
    if score.state == INCOMPLETE:
        return msg("score.band.incomplete")
    return Message(f"score.band.{score.band}")  # every band has words (tests/advice/test_scoring.py)


# How much of a finding is left once a step that answers it is done, by the step's kind: acting on
# the item itself (deleting the post) removes it; a setting hides it from strangers, though copies
# made while it was public may remain; a habit or an offline step helps less directly.
LEFT_AFTER = {"action": 0.0, "setting": 0.35, "offline": 0.7, "household": 0.7}
CROSS_PLATFORM_LEFT = 0.7


def remaining(report: Report, catalogue: Catalogue | None = None) -> dict[str, float]:
    """How much of each finding is still exposed, from the steps marked done since the scan.

    Steps the export showed were already done are part of the scan's own score, so only the
    person's own ticks count here.
    """
    catalogue = catalogue or default_catalogue()
    left: dict[str, float] = {}
    for entry in report.checklist:
        if not entry.done or entry.already_done:
            continue
        advice = catalogue.get(entry.advice)
        kind = advice.kind if advice else "setting"
        factor = CROSS_PLATFORM_LEFT if entry.platform in CROSS_PLATFORM else LEFT_AFTER.get(kind, 0.35)
        for finding_id in entry.findings:
            left[finding_id] = left.get(finding_id, 1.0) * factor
    return left


def current_score(report: Report, catalogue: Catalogue | None = None) -> Score:
    """The score as it stands: the report's findings (those marked "not a problem" already left
    out by `AuditState.apply`) less what the ticked steps have fixed. The window, the printout and
    a reopened audit all show this figure; with nothing done it is the scan's own score."""
    return score(report.findings, report.generated_at, complete=report.score.state != INCOMPLETE,
                 remaining=remaining(report, catalogue))
