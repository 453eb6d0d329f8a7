"""Assessment: merge detections into findings with stable ids, and order them.

The same exposure found in 20 posts (same detector, same normalised key, same platform) is one
finding with 20 sources: the first one seen is `source`, the rest are `related`. A finding's id
is a hash of what it is (detector, category, platform, key), not of where it was found or of
the order the exports were given, so re-scans give the same ids.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from checks.records import Detection, Finding, Source

MAX_RELATED = 500  # keep reports readable; the count of occurrences is kept separately


def finding_id(detection: Detection) -> str:
    basis = "\x1f".join((detection.detector, detection.category.value, detection.platform.value, detection.key))
    return "f-" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:8]


@dataclass
class _Group:
    first: Detection
    sources: list[Source] = field(default_factory=list)
    seen: set[tuple[int, str, str]] = field(default_factory=set)
    best: Detection | None = None
    extra: int = 0


def merge(detections: Iterable[Detection]) -> list[Finding]:
    """Merge detections into findings (most severe and confident first)."""
    groups: dict[str, _Group] = {}
    for det in detections:
        fid = finding_id(det)
        group = groups.get(fid)
        if group is None:
            group = groups[fid] = _Group(first=det, best=det)
            group.seen.add((det.source.input, det.source.file, det.source.pointer))
        else:
            assert group.best is not None
            if (det.severity.rank, det.confidence) > (group.best.severity.rank, group.best.confidence):
                group.best = det
            for src in (det.source, *det.related):
                k = (src.input, src.file, src.pointer)
                if k in group.seen:
                    continue
                group.seen.add(k)
                if len(group.sources) < MAX_RELATED:
                    group.sources.append(src)
                else:
                    group.extra += 1
            continue
        for src in det.related:
            k = (src.input, src.file, src.pointer)
            if k not in group.seen:
                group.seen.add(k)
                group.sources.append(src)
    findings: list[Finding] = []
    for fid, group in groups.items():
        first, best = group.first, group.best or group.first
        related = tuple(sorted(group.sources, key=lambda s: (s.input, s.file, s.pointer)))
        findings.append(Finding(
            id=fid,
            detector=first.detector,
            category=first.category,
            severity=best.severity,
            confidence=round(max(first.confidence, best.confidence), 3),
            title=best.title,
            reason=best.reason,
            evidence=first.evidence,
            platform=first.platform,
            source=first.source,
            related=related,
            place=first.place or best.place,
            advice=tuple(dict.fromkeys((*first.advice, *best.advice))),
            item_kind=first.item_kind,
            audience=first.audience,
            key=first.key,
            span=first.span,
            spans=first.spans,
            points=first.points or best.points,
            basis=first.basis,
        ))
    findings = drop_subsumed(findings)
    findings.sort(key=lambda f: (-f.severity.rank, -f.confidence, -f.occurrences, f.category.value, f.id))
    return findings


def _where(source: Source) -> tuple[int, str, str]:
    return (source.input, source.file, source.pointer)


def drop_subsumed(findings: list[Finding]) -> list[Finding]:
    """Drop low-severity findings whose every record is already listed by a more severe place finding.

    A photo geotagged at home is one of the records of "your Instagram data shows where you
    sleep"; reporting it again as a low "check-in" adds a row and no information.
    """
    places = [(f, {_where(s) for s in (f.source, *f.related)}) for f in findings if f.place is not None]
    kept = []
    for f in findings:
        if f.severity.rank == 1 and places:
            mine = {_where(s) for s in (f.source, *f.related)}
            if any(g is not f and g.platform is f.platform and g.severity.rank > f.severity.rank and mine <= where
                   for g, where in places):
                continue
        kept.append(f)
    return kept
