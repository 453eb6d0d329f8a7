"""The exposure score: 0 (nothing found) to 100 (a stranger could find your door), with bands.

Each finding contributes by severity, confidence, how public it is, how recent and how often it
occurs; categories saturate (the tenth postcode adds less than the first), and dangerous
combinations add on top (name + date of birth + address together are worse than each alone).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime

from checks.records import Audience, Category, Finding, Platform, Score, ScoreDriver

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
    Category.HOME_ADDRESS: "Your home address or where you sleep",
    Category.LOCATION_PATTERN: "Your routines and regular places",
    Category.EMPLOYER_DISCLOSURE: "That you work for the police or justice system",
    Category.IDENTITY_DETAILS: "Details used to check your identity (birth date, phone, ID numbers)",
    Category.FAMILY_DETAILS: "Your family members",
    Category.PHOTO_METADATA: "The location hidden inside your photos",
    Category.OFFICIAL_INFORMATION: "Operational or case information",
    Category.CONDUCT_RISK: "Posts that could be seen as discreditable",
    Category.ACCOUNT_EXPOSURE: "Account settings that leave you open",
}


def _driver_text(cat: Category, count: int, platforms: set[Platform], public: int) -> str:
    """Plain words: "Your home address or where you sleep: in 3 places, on 2 platforms (2 public)"."""
    times = "in 1 place" if count == 1 else f"in {count} places"
    where = f", on {len(platforms)} platforms" if len(platforms) > 1 else (
        f", on {next(iter(platforms)).label}" if platforms else "")
    shown = f" ({public} public)" if public and public < count else (" (all public)" if public and count > 1 else "")
    return f"{_WHAT[cat]}: {times}{where}{shown}"


def band_for(value: int) -> str:
    for floor, name in BANDS:
        if value >= floor:
            return name
    return "low"


def score(findings: Sequence[Finding], now: datetime | None = None) -> Score:
    """Score an audit's findings and say what drives the number."""
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
        drivers.append(ScoreDriver(_driver_text(cat, counts[cat], platforms[cat], public[cat]), round(points, 1), cat))
    present = set(per_category)
    combos = (
        ({Category.HOME_ADDRESS, Category.EMPLOYER_DISCLOSURE}, 12.0,
         "Where you live and that you work for the police are both findable"),
        ({Category.HOME_ADDRESS, Category.FAMILY_DETAILS}, 8.0,
         "Your home and your family members are both findable"),
        ({Category.IDENTITY_DETAILS, Category.HOME_ADDRESS}, 6.0,
         "Identity details and your address together make identity theft easy"),
        ({Category.HOME_ADDRESS, Category.LOCATION_PATTERN}, 6.0,
         "Where you live and when you are regularly out are both findable"),
        ({Category.EMPLOYER_DISCLOSURE, Category.FAMILY_DETAILS}, 5.0,
         "Your police job and your family members are both findable"),
    )
    for needed, bonus, text in combos:
        if needed <= present:
            total += bonus
            drivers.append(ScoreDriver(text, bonus, None))
    value = round(min(100.0, 100 * (1 - math.exp(-total / 60.0)))) if total else 0
    drivers.sort(key=lambda d: -d.points)
    return Score(value=value, band=band_for(value), drivers=tuple(drivers))
