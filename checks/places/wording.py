"""The words of place findings, as Messages: counts of items, lists, days and hours, and evidence.

The engine never writes sentences (`checks/report/words.py` does, from `resources/words/`); this
builds the Messages place findings carry ("14 photos and 3 check-ins", "Saturdays", "9am") so every
finding of checks/places counts and lists things the same way. Evidence is the raw data that gives a
place away (the place's name from the offline gazetteer, or its coordinates): it is masked on output.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from checks.places.gazetteer import nearest_place
from checks.records import ItemKind, Message, msg

_COUNTS: dict[ItemKind, Callable[[int], Message]] = {
    ItemKind.PHOTO: lambda n: msg("places.count.photo", count=n),
    ItemKind.VIDEO: lambda n: msg("places.count.video", count=n),
    ItemKind.POST: lambda n: msg("places.count.post", count=n),
    ItemKind.COMMENT: lambda n: msg("places.count.comment", count=n),
    ItemKind.CHECKIN: lambda n: msg("places.count.checkin", count=n),
    ItemKind.ACTIVITY: lambda n: msg("places.count.activity", count=n),
    ItemKind.LOCATION: lambda n: msg("places.count.location", count=n),
    ItemKind.PROFILE_FIELD: lambda n: msg("places.count.profile_field", count=n),
}

DAYS = (Message("places.day.monday"), Message("places.day.tuesday"), Message("places.day.wednesday"),
        Message("places.day.thursday"), Message("places.day.friday"), Message("places.day.saturday"),
        Message("places.day.sunday"))


def count_of(kind: ItemKind, n: int) -> Message:
    """"3 photos", "1 check-in"."""
    return _COUNTS.get(kind, lambda k: msg("places.count.item", count=k))(n)


def visits(n: int) -> Message:
    """"12 visits": what Google's Timeline records (the person did not check in)."""
    return msg("places.count.visit", count=n)


def listed(parts: Sequence[Message]) -> Message:
    """"a, b and c" as one Message (the words decide the commas and the "and")."""
    if len(parts) == 1:
        return parts[0]
    if len(parts) == 2:
        return msg("places.list.two", first=parts[0], second=parts[1])
    return msg("places.list.more", first=parts[0], rest=listed(parts[1:]))


def counted(kinds: Counter[ItemKind]) -> Message:
    """"14 photos, 3 check-ins and 2 posts", most first."""
    ordered = sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0].value))
    return listed([count_of(kind, n) for kind, n in ordered])


def hour_of_day(hour: int) -> Message:
    """"9am", "6pm"."""
    shown = hour % 12 or 12
    return msg("places.time.am", hour=shown) if hour < 12 else msg("places.time.pm", hour=shown)


def metres(distance: float, step: int = 10) -> int:
    """A distance rounded up to `step` metres, at least one step (never "0 m")."""
    return max(step, int(-(-distance // step) * step))


def place_evidence(lat: float, lon: float) -> str:
    """What gives the place away, as data: the nearest named place, or the coordinates themselves."""
    place = nearest_place(lat, lon)
    if place is None or place.distance_m > 50_000:
        return f"{lat:.5f}, {lon:.5f}"
    parts = [place.name]
    if place.country and place.country != "United Kingdom":
        parts.append(place.country)
    elif place.county and place.county != place.name:
        parts.append(place.county)
    return ", ".join(parts)


def whole(evidence: str) -> tuple[int, int]:
    """A span over all of `evidence`: the whole of it is the secret (and other findings hide it too)."""
    return (0, len(evidence))
