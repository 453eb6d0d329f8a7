"""A local drawing of places relative to each other: an SVG made here, with no map tiles.

The person sees where their photos, runs and check-ins sit around the place they give away
(distances in metres, north up) without a single coordinate being sent to a map service. Its
words (the title, "photo, 40 m away") come from the words catalogue (`places.drawing.*`).
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from dataclasses import dataclass

from checks.places.geo import haversine_m, offset_m
from checks.records import Message, msg
from checks.report.words import say


@dataclass(frozen=True)
class Mark:
    """A point to draw: where, and what kind (photo, activity, check-in, post, location)."""

    lat: float
    lon: float
    kind: str


_KINDS = {"photo": Message("places.kind.photo"), "video": Message("places.kind.video"),
          "activity": Message("places.kind.activity"), "checkin": Message("places.kind.checkin"),
          "post": Message("places.kind.post"), "location": Message("places.kind.location"),
          "comment": Message("places.kind.comment"), "profile_field": Message("places.kind.profile_field")}
_COLOURS = {"photo": "#1f77b4", "video": "#1f77b4", "activity": "#d62728", "checkin": "#2ca02c",
            "post": "#9467bd", "location": "#7f7f7f"}


def _nice_scale(metres: float) -> float:
    for step in (10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000):
        if metres <= step * 4:
            return float(step)
    return 100000.0


def relative_svg(centre_lat: float, centre_lon: float, radius_m: float, marks: Sequence[Mark],
                 size: int = 360, title: str | None = None) -> str:
    """An SVG of `marks` around the centre, north up, with the place's radius and a scale bar."""
    title = title if title is not None else say(msg("places.drawing.title"))
    far = max([radius_m * 2, 50.0] + [haversine_m(centre_lat, centre_lon, m.lat, m.lon) for m in marks])
    half = size / 2
    scale = (half - 24) / far  # px per metre
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
             f'viewBox="0 0 {size} {size}" role="img" aria-label="{html.escape(title)}">',
             f"<title>{html.escape(title)}</title>",
             f'<rect width="{size}" height="{size}" fill="none" stroke="#888" stroke-width="1"/>']
    ring = max(3.0, radius_m * scale)
    parts.append(f'<circle cx="{half:.1f}" cy="{half:.1f}" r="{ring:.1f}" fill="#f2b700" fill-opacity="0.2" '
                 'stroke="#b07d00" stroke-width="2"/>')
    for m in marks:
        east, north = offset_m(centre_lat, centre_lon, m.lat, m.lon)
        x, y = half + east * scale, half - north * scale
        colour = _COLOURS.get(m.kind, "#444")
        label = say(msg("places.drawing.mark", kind=_KINDS.get(m.kind, Message("places.kind.item")),
                        distance=round(math.hypot(east, north))))
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{colour}" fill-opacity="0.75">'
                     f"<title>{html.escape(label)}</title></circle>")
    parts.append(f'<path d="M{half:.1f},{half - 6:.1f} L{half:.1f},{half + 6:.1f} M{half - 6:.1f},{half:.1f} '
                 f'L{half + 6:.1f},{half:.1f}" stroke="#000" stroke-width="2"/>')
    bar_m = _nice_scale(far / 2)
    bar_px = bar_m * scale
    label = f"{bar_m / 1000:g} km" if bar_m >= 1000 else f"{bar_m:g} m"
    parts.append(f'<path d="M12,{size - 14} h{bar_px:.1f}" stroke="#000" stroke-width="3"/>'
                 f'<text x="12" y="{size - 20}" font-size="12" font-family="sans-serif">{label}</text>'
                 f'<text x="{size - 18}" y="18" font-size="14" font-family="sans-serif">N</text>'
                 f'<path d="M{size - 14},22 v14" stroke="#000" stroke-width="2"/>')
    parts.append("</svg>")
    return "".join(parts)
