"""Mapping findings to advice and building the checklist."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from pathlib import Path

import pytest

from checks.assess.advice import FALLBACK, build_checklist, default_catalogue, is_done
from checks.records import Audience, Category, ItemKind, Platform, SettingName, Severity
from tests.advice.factory import finding
from tests.report.contract import check_contract

DETECTORS = ("home_address", "employer_disclosure", "identity_details", "family_details", "official_information",
             "conduct_risk", "location_pattern", "account_exposure", "home_inference", "work_inference", "routine",
             "strava_privacy", "photo_metadata", "photo_text")
ROOT = Path(__file__).resolve().parents[2]


def test_every_kind_of_finding_gets_advice_from_the_catalogue() -> None:
    cat = default_catalogue()
    for category, platform, kind in itertools.product(Category, Platform, ItemKind):
        for detector in ("x", *DETECTORS[:3]):
            ids = cat.ids_for(category=category, platform=platform, item_kind=kind, detector=detector)
            assert ids, (category, platform, kind)
            assert all(i in cat for i in ids)
            assert len(ids) == len(set(ids))


@pytest.mark.parametrize(("platform", "kind", "action", "setting"), [
    (Platform.X, ItemKind.POST, "x.delete-post", "x.protect-posts"),
    (Platform.FACEBOOK, ItemKind.POST, "facebook.delete-post", "facebook.limit-past-posts"),
    (Platform.INSTAGRAM, ItemKind.POST, "instagram.delete-post", "instagram.private-account"),
    (Platform.TIKTOK, ItemKind.VIDEO, "tiktok.delete-video", "tiktok.private-account"),
    (Platform.STRAVA, ItemKind.ACTIVITY, "strava.hide-activity", "strava.privacy-zone"),
    (Platform.FACEBOOK, ItemKind.PROFILE_FIELD, "facebook.remove-profile-field", "facebook.location-fields-visibility"),
    (Platform.SNAPCHAT, ItemKind.LOCATION, "snapchat.ghost-mode", "snapchat.live-location-stop"),
    (Platform.GOOGLE, ItemKind.LOCATION, "google.timeline-delete-and-autodelete", "google.timeline-off"),
])
def test_home_address_gets_the_item_action_first_and_the_preventing_setting(
        platform: Platform, kind: ItemKind, action: str, setting: str) -> None:
    ids = default_catalogue().ids_for(category=Category.HOME_ADDRESS, platform=platform, item_kind=kind,
                                      detector="home_address")
    assert ids[0] == action
    assert setting in ids
    assert "uk.open-register-opt-out" in ids


def test_photo_location_gets_strip_and_camera_settings() -> None:
    ids = default_catalogue().ids_for(category=Category.PHOTO_METADATA, platform=Platform.PHOTOS,
                                      item_kind=ItemKind.PHOTO, detector="photo_metadata")
    assert ids[0] == "general.strip-photo-location"
    assert {"iphone.camera-location-off", "android.camera-location-off"} <= set(ids)


@pytest.mark.parametrize(("platform", "setting", "advice"), [
    (Platform.INSTAGRAM, SettingName.PRIVATE_ACCOUNT, "instagram.private-account"),
    (Platform.X, SettingName.PROTECTED_POSTS, "x.protect-posts"),
    (Platform.STRAVA, SettingName.PRIVACY_ZONES, "strava.privacy-zone"),
    (Platform.SNAPCHAT, SettingName.LOCATION_SHARING, "snapchat.ghost-mode"),
    (Platform.TIKTOK, SettingName.PRIVATE_ACCOUNT, "tiktok.private-account"),
    (Platform.MASTODON, SettingName.DISCOVERABLE, "mastodon.discoverable-off"),
])
def test_account_settings_map_to_that_setting(platform: Platform, setting: SettingName, advice: str) -> None:
    ids = default_catalogue().ids_for(category=Category.ACCOUNT_EXPOSURE, platform=platform,
                                      item_kind=ItemKind.SETTING, detector="account_exposure",
                                      key=f"setting:{setting.value}")
    assert ids[0] == advice
    assert FALLBACK not in ids


def test_unknown_combinations_fall_back_to_general_review() -> None:
    ids = default_catalogue().ids_for(category=Category.ACCOUNT_EXPOSURE, platform=Platform.OTHER,
                                      item_kind=ItemKind.OTHER, detector="new_detector")
    assert ids[0] == FALLBACK


def test_declared_advice_is_kept_and_unknown_declared_ids_dropped() -> None:
    ids = default_catalogue().ids_for(category=Category.CONDUCT_RISK, platform=Platform.X, item_kind=ItemKind.POST,
                                      detector="conduct_risk", declared=("general.business-interest", "no.such-id"))
    assert ids[0] == "general.business-interest"
    assert "no.such-id" not in ids
    assert "general.conduct-review" in ids


def test_checklist_lists_each_advice_once_with_its_findings_and_orders_by_impact() -> None:
    high = [finding(i, severity=Severity.HIGH) for i in range(3)]
    low = finding(10, category=Category.CONDUCT_RISK, severity=Severity.LOW, detector="conduct_risk",
                  audience=Audience.PRIVATE)
    entries = build_checklist([*high, low], default_catalogue())
    ids = [e.advice for e in entries]
    assert len(ids) == len(set(ids))
    used = {a for f in [*high, low] for a in f.advice}
    assert used == set(ids)
    delete = next(e for e in entries if e.advice == "x.delete-post")
    assert set(delete.findings) == {f.id for f in [*high, low]}
    conduct = next(e for e in entries if e.advice == "general.conduct-review")
    assert ids.index("x.delete-post") < ids.index("general.conduct-review")
    assert conduct.findings == (low.id,)
    assert all(e.steps for e in entries)
    priorities = [e.priority for e in entries]
    assert priorities == sorted(priorities, reverse=True)


def test_settings_already_done_appear_ticked_and_not_done_ones_do_not() -> None:
    f = finding(1)
    done = build_checklist([f], default_catalogue(), {"instagram.private_account": "true",
                                                      "strava.privacy_zones": "2", "x.protected": "false"})
    by_id = {e.advice: e for e in done}
    assert by_id["instagram.private-account"].already_done and by_id["instagram.private-account"].done
    assert by_id["strava.privacy-zone"].already_done
    assert not by_id["x.protect-posts"].already_done  # the export shows it is off
    assert done[-1].already_done  # done ones come last
    none = build_checklist([f], default_catalogue(), {"strava.privacy_zones": "0"})
    assert "strava.privacy-zone" not in {e.advice for e in none}


def test_is_done_reads_numbers_and_values() -> None:
    cat = default_catalogue()
    zone = cat.get("strava.privacy-zone")
    assert zone is not None
    assert is_done(zone, {"strava.privacy_zones": "1"})
    assert not is_done(zone, {"strava.privacy_zones": "zero"})
    assert not is_done(zone, {})


@pytest.fixture(scope="module")
def demo_report(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    from checks.exports.demo import demo_paths

    if not demo_paths():
        pytest.skip("the demo export is not built")
    out = tmp_path_factory.mktemp("demo") / "report.json"
    done = subprocess.run([sys.executable, "-m", "desktop.cli", "scan", "--demo", "--quiet", "--json", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return dict(json.loads(out.read_text(encoding="utf-8")))


def test_every_demo_finding_maps_to_advice_in_the_checklist(demo_report: dict[str, object]) -> None:
    findings = demo_report["findings"]
    checklist = demo_report["checklist"]
    assert isinstance(findings, list) and isinstance(checklist, list) and findings
    listed = [c["advice"] for c in checklist]
    assert len(listed) == len(set(listed))
    cat = default_catalogue()
    for f in findings:
        assert f["advice"], f["id"]
        assert all(a in cat and a in listed for a in f["advice"])
        first = cat.get(f["advice"][0])
        assert first is not None and first.kind in ("action", "setting")


def test_demo_report_passes_the_contract_checker(demo_report: dict[str, object], tmp_path: Path) -> None:
    check_contract(demo_report, tmp_path=tmp_path)


def test_item_links_go_to_the_item_or_the_page_to_fix_it() -> None:
    from dataclasses import replace

    from checks.assess.advice import item_link
    from checks.records import Source

    post = finding(1, url="https://x.com/i/status/1763990011223344556")
    assert item_link(post) == "https://x.com/i/status/1763990011223344556"
    ride = replace(finding(2, platform=Platform.STRAVA, kind=ItemKind.ACTIVITY),
                   source=Source(0, "activities/14000000123.gpx", "/track/0/point/0"))
    assert item_link(ride) == "https://www.strava.com/activities/14000000123"
    other = replace(ride, source=Source(0, "activities.csv", "/3/Activity ID"))
    assert item_link(other) is None
    field = replace(finding(3, platform=Platform.INSTAGRAM, kind=ItemKind.PROFILE_FIELD), source=Source(0, "p.json"))
    assert item_link(field) == "https://www.instagram.com/accounts/edit/"
    assert item_link(replace(field, platform=Platform.TIKTOK)) is None
