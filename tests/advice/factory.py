"""Findings and reports made up for the advice and report tests (invented people only)."""

from __future__ import annotations

from datetime import UTC, datetime

from checks.assess.advice import build_checklist, default_catalogue
from checks.assess.scoring import score
from checks.records import (
    Audience,
    Category,
    Finding,
    InputSummary,
    ItemKind,
    Platform,
    Report,
    Severity,
    Source,
)

NOW = datetime(2026, 11, 24, 10, 0, tzinfo=UTC)


def finding(n: int = 0, *, category: Category = Category.HOME_ADDRESS, severity: Severity = Severity.HIGH,
            platform: Platform = Platform.X, kind: ItemKind = ItemKind.POST, detector: str = "home_address",
            evidence: str = "", span: tuple[int, int] | None = None, audience: Audience = Audience.PUBLIC,
            confidence: float = 0.9, when: datetime | None = datetime(2025, 3, 2, 18, 11, 9, tzinfo=UTC),
            key: str = "", url: str | None = None, pointer: str | None = None, related: int = 0,
            title: str = "Street address in a public post",
            ) -> Finding:
    source = Source(0, "data/tweets.js", pointer or f"/{n}/tweet/full_text", when, url)
    extra = tuple(Source(0, "data/tweets.js", f"/{n + 1000 + i}/tweet/full_text", when) for i in range(related))
    f = Finding(id=f"f-{n:06x}", detector=detector, category=category, severity=severity, confidence=confidence,
                title=title, reason="A reason.", evidence=evidence, platform=platform, source=source,
                related=extra, item_kind=kind, audience=audience, key=key or f"k{n}", span=span)
    cat = default_catalogue()
    ids = cat.ids_for(category=f.category, platform=f.platform, item_kind=f.item_kind, detector=f.detector,
                      key=f.key, severity=f.severity)
    return Finding(**{**f.__dict__, "advice": ids})


def report(findings: list[Finding], settings: dict[str, str] | None = None) -> Report:
    inputs = (InputSummary("twitter-2026-11-01.zip", Platform.X, "x-archive", 120),)
    return Report("0.1.0", NOW, inputs, tuple(findings), score(findings, NOW),
                  build_checklist(findings, default_catalogue(), settings))
