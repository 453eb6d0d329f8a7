"""The advice catalogue: schema, stable ids, coverage of platforms and risks, loading errors."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from checks.assess.advice import CatalogueError, default_catalogue, load_catalogue
from checks.records import Category
from checks.resources import resource_path

KNOWN = Path(__file__).with_name("known_ids.txt")
REQUIRED_PLATFORMS = ("facebook", "instagram", "x", "linkedin", "tiktok", "snapchat", "strava", "whatsapp",
                      "google", "iphone", "android", "uk", "household", "general")


def test_catalogue_is_big_enough_and_valid() -> None:
    cat = default_catalogue()
    assert len(cat) >= 100
    assert len(cat.platforms) >= 10


def test_known_ids_are_all_still_there() -> None:
    """A renamed or removed id breaks saved audits and outside tools: add, never rename."""
    known = {line.strip() for line in KNOWN.read_text(encoding="utf-8").splitlines() if line.strip()}
    missing = known - set(default_catalogue().entries)
    assert not missing, f"advice ids removed or renamed: {sorted(missing)}"


def test_every_id_is_in_the_known_list() -> None:
    """A new id goes into known_ids.txt when it is added, so the test above guards it from then on."""
    known = {line.strip() for line in KNOWN.read_text(encoding="utf-8").splitlines() if line.strip()}
    unlisted = set(default_catalogue().entries) - known
    assert not unlisted, f"add these advice ids to {KNOWN.name}: {sorted(unlisted)}"


def test_ids_are_unique_across_files() -> None:
    seen: dict[str, str] = {}
    for path in sorted(resource_path("advice").glob("*.json")):
        if path.name == "mapping.json":
            continue
        for raw in json.loads(path.read_text(encoding="utf-8"))["entries"]:
            assert raw["id"] not in seen, f"{raw['id']} in {path.name} and {seen[raw['id']]}"
            seen[raw["id"]] = path.name


@pytest.mark.parametrize("platform", REQUIRED_PLATFORMS)
def test_each_platform_has_five_entries(platform: str) -> None:
    assert len(default_catalogue().for_platform(platform)) >= 5


def test_every_category_is_reduced_by_some_entry() -> None:
    covered = {r for e in default_catalogue().entries.values() for r in e.risks}
    assert covered == set(Category)


def test_entries_are_complete_and_well_formed() -> None:
    for e in default_catalogue().entries.values():
        assert e.id.startswith(e.platform + "."), e.id
        assert e.steps and all(len(s) > 3 for s in e.steps), e.id
        assert e.source is None or e.source.startswith("https://"), e.id
        assert re.fullmatch(r"20\d\d-\d\d-\d\d", e.checked), e.id
        assert e.why.endswith((".", "!", "?")), e.id
        assert e.fallback, e.id
        if e.setting:
            assert e.done_when, e.id
            assert e.setting.split(".", 1)[0] == e.platform, e.id


def test_uk_offline_actions_cover_the_known_routes() -> None:
    ids = set(default_catalogue().entries)
    for needed in ("uk.open-register-opt-out", "uk.anonymous-electoral-registration",
                   "uk.companies-house-service-address", "uk.land-registry-address-for-service",
                   "uk.192com-removal", "uk.people-search-removal", "uk.ex-directory-landline",
                   "google.results-about-you"):
        assert needed in ids
    anon = default_catalogue().get("uk.anonymous-electoral-registration")
    assert anon is not None and "attestation" in " ".join(anon.steps).lower()
    land = default_catalogue().get("uk.land-registry-address-for-service")
    assert land is not None and "title register" in land.why.lower()


def _write(folder: Path, name: str, data: object) -> None:
    (folder / name).write_text(json.dumps(data), encoding="utf-8")


def _entry(**over: object) -> dict[str, object]:
    base: dict[str, object] = {
        "id": "general.review-item", "platform": "general", "kind": "action", "title": "Review",
        "why": "Because.", "choose": "Delete.", "steps": ["Open it"], "risks": ["home_address"],
        "source": None, "checked": "2026-11-24", "confidence": "high", "fallback": "Search help."}
    base.update(over)
    return base


@pytest.mark.parametrize(("change", "message"), [
    ({"id": "Bad Id"}, "bad id"),
    ({"kind": "wish"}, "kind"),
    ({"confidence": "certain"}, "confidence"),
    ({"checked": "24/11/2026"}, "checked"),
    ({"source": "http://insecure.example"}, "https"),
    ({"risks": ["burglary"]}, "unknown risk"),
    ({"steps": []}, "steps"),
    ({"why": " "}, "why"),
])
def test_broken_entries_are_refused_with_a_clear_message(tmp_path: Path, change: dict[str, object],
                                                         message: str) -> None:
    _write(tmp_path, "general.json", {"entries": [_entry(**change)]})
    with pytest.raises(CatalogueError, match=message):
        load_catalogue(tmp_path)


def test_mapping_must_name_known_ids_and_values(tmp_path: Path) -> None:
    _write(tmp_path, "general.json", {"entries": [_entry()]})
    _write(tmp_path, "mapping.json", {"rules": [{"advice": ["nope.missing"]}]})
    with pytest.raises(CatalogueError, match="unknown advice id"):
        load_catalogue(tmp_path)
    _write(tmp_path, "mapping.json", {"rules": [{"category": "gossip", "advice": ["general.review-item"]}]})
    with pytest.raises(CatalogueError, match="unknown category"):
        load_catalogue(tmp_path)
    _write(tmp_path, "mapping.json", {"rules": [{"role": "maybe", "advice": ["general.review-item"]}]})
    with pytest.raises(CatalogueError, match="role"):
        load_catalogue(tmp_path)


def test_duplicate_ids_and_bad_json_are_refused(tmp_path: Path) -> None:
    _write(tmp_path, "a.json", {"entries": [_entry()]})
    _write(tmp_path, "b.json", {"entries": [_entry()]})
    with pytest.raises(CatalogueError, match="duplicate"):
        load_catalogue(tmp_path)
    (tmp_path / "b.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(CatalogueError, match="not valid JSON"):
        load_catalogue(tmp_path)


# Straight to the setting ---------------------------------------------------------------------------

# The platforms' own domains a settings link may point at (never a third party).
SETTINGS_DOMAINS = {
    "x": ("x.com",), "facebook": ("www.facebook.com", "accountscenter.facebook.com"),
    "instagram": ("www.instagram.com", "accountscenter.instagram.com"), "tiktok": ("www.tiktok.com",),
    "strava": ("www.strava.com",), "google": ("myactivity.google.com", "myaccount.google.com", "photos.google.com"),
    "snapchat": ("accounts.snapchat.com",), "linkedin": ("www.linkedin.com",),
}
# Steps the issue names: each opens the exact settings page, not the help centre.
MUST_OPEN_THE_SETTING = {
    "x.protect-posts": "x.com/settings/", "x.post-location-off": "x.com/settings/",
    "facebook.contacts-upload-off": "accountscenter.facebook.com",
    "instagram.private-account": "instagram.com/accounts/",
    "instagram.contacts-sync-off": "accountscenter.instagram.com", "tiktok.private-account": "tiktok.com/setting",
    "strava.privacy-zone": "strava.com/settings/privacy",
    "strava.activities-default-visibility": "strava.com/settings/",
    "google.timeline-off": "activitycontrols", "google.results-about-you": "results-about-you",
    "snapchat.birthday-hidden": "accounts.snapchat.com",
}


def test_settings_links_are_dated_and_on_the_platforms_own_domain() -> None:
    from urllib.parse import urlsplit

    linked = [e for e in default_catalogue().entries.values() if e.settings_url]
    assert len(linked) >= 60
    for e in linked:
        assert urlsplit(e.settings_url).hostname in SETTINGS_DOMAINS[e.platform], e.id  # type: ignore[arg-type]
        assert re.fullmatch(r"20\d\d-\d\d-\d\d", e.settings_checked), e.id
        assert (e.link, e.link_checked) == (e.settings_url, e.settings_checked)


@pytest.mark.parametrize(("ident", "part"), sorted(MUST_OPEN_THE_SETTING.items()))
def test_named_steps_open_the_setting_itself(ident: str, part: str) -> None:
    entry = default_catalogue().get(ident)
    assert entry is not None and entry.link is not None and part in entry.link


def test_a_step_without_a_settings_page_opens_its_help_page() -> None:
    entry = next(e for e in default_catalogue().entries.values() if not e.settings_url and e.source)
    assert (entry.link, entry.link_checked) == (entry.source, entry.checked)


def test_a_settings_link_needs_its_date(tmp_path: Path) -> None:
    raw = json.loads((resource_path("advice") / "x.json").read_text(encoding="utf-8"))
    entry = next(e for e in raw["entries"] if e.get("settings_url"))
    del entry["settings_checked"]
    (tmp_path / "x.json").write_text(json.dumps(raw), encoding="utf-8")
    (tmp_path / "general.json").write_text((resource_path("advice") / "general.json").read_text(encoding="utf-8"),
                                           encoding="utf-8")
    with pytest.raises(CatalogueError, match="settings_checked"):
        load_catalogue(tmp_path)
