"""Settings are gathered once, by the pipeline: the places store keeps none of its own, and the
places analyzer reads Strava's privacy zones from what the pipeline hands it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import pytest

from checks import audit
from checks.places.analyzer import PlacesAnalyzer
from checks.places.fusion import GeoStore
from checks.records import Detection, ItemKind
from checks.settings import ReadsSettings
from tests.builders._zipped import write_folder
from tests.builders.strava import StravaExport
from tests.places import infer, scenario


def _strava(found: list[Detection]) -> str:
    (strava,) = [d for d in found if d.detector == "strava_privacy"]
    return str(strava.title.code)


def test_the_store_keeps_no_settings_and_the_analyzer_reads_only_what_it_is_handed() -> None:
    items = scenario.build(9, platforms=("strava", "google"), strava_zone_m=200).items
    assert any(i.kind is ItemKind.SETTING for i in items)
    store = GeoStore()
    for item in items:
        store.observe(item)
    assert not hasattr(store, "settings")
    observed_only = PlacesAnalyzer()
    for item in items:
        observed_only.observe(item)
    assert _strava(list(observed_only.finish())) == "places.strava.title.no_zone"  # it gathered none itself
    assert isinstance(PlacesAnalyzer(), ReadsSettings)
    assert _strava(infer(PlacesAnalyzer(), items)) == "places.strava.title.small_zone"


def test_the_pipeline_hands_over_the_settings_it_gathered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    handed: list[Mapping[str, str]] = []
    original = PlacesAnalyzer.use_settings

    def spy(self: PlacesAnalyzer, settings: Mapping[str, str]) -> None:
        handed.append(settings)
        original(self, settings)

    monkeypatch.setattr(PlacesAnalyzer, "use_settings", spy)
    folder = write_folder(StravaExport(privacy_zones=[("1 Invented Road, London", 400)]).files(), tmp_path / "s")
    report = audit([folder])
    (settings,) = handed
    assert (settings.get("strava.privacy_zones"), settings.get("strava.privacy_zone_radius_m")) == ("1", "400")
    done = {e.advice for e in report.checklist if e.already_done}
    assert "strava.privacy-zone" in done  # the checklist reads the same settings, gathered the same once
