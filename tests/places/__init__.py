"""Place inference tests, and how they run an analyzer as the pipeline does."""

from __future__ import annotations

from checks.detectors.base import Analyzer
from checks.records import Detection, Item
from checks.settings import ReadsSettings, setting_of


def infer(analyzer: Analyzer, items: list[Item]) -> list[Detection]:
    """Every item observed, then the settings among them handed over (as `checks.pipeline` does), then finish."""
    for item in items:
        analyzer.observe(item)
    if isinstance(analyzer, ReadsSettings):
        analyzer.use_settings(dict(s for item in items if (s := setting_of(item)) is not None))
    return list(analyzer.finish())
