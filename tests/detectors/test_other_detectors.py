"""family_details, official_information, conduct_risk, location_pattern, account_exposure, registry."""

from __future__ import annotations

import pytest

from checks.assess.merge import merge
from checks.detectors import DETECTORS
from checks.detectors.account import AccountExposure
from checks.detectors.conduct import ConductRisk
from checks.detectors.family import FamilyDetails
from checks.detectors.location import LocationPattern
from checks.detectors.official import OfficialInformation
from checks.records import (
    Category,
    GeoPoint,
    Item,
    ItemKind,
    Platform,
    ProfileField,
    SettingName,
    Severity,
    Source,
)
from tests.detectors.conftest import make_field, make_post, run, run_all


def test_registry_ids_are_unique_and_documented() -> None:
    ids = [cls.id for cls in DETECTORS]
    assert len(ids) == len(set(ids))
    mine = {"home_address", "employer_disclosure", "identity_details", "family_details",
            "official_information", "conduct_risk", "location_pattern", "account_exposure"}
    assert mine <= set(ids)
    for cls in DETECTORS:
        if cls.id in mine:
            doc = (cls.__module__ and __import__(cls.__module__, fromlist=["x"]).__doc__) or ""
            assert "Does not flag" in doc and "Example" in doc and "Why it matters" in doc, cls.id


# -- family ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(("text", "key"), [
    ("Maisie's first day at St Saviour's Primary", "child:maisie"),
    ("So proud of my daughter Poppy, 9, who won", "child:poppy"),
    ("Lily (6) loved the farm", "child:lily"),
    ("My husband Mark cooked tonight", "relative:mark"),
    ("Picking up Jacob from Oakfield Academy at 3", "child:jacob"),
])
def test_family_names(text: str, key: str) -> None:
    assert key in [d.key for d in run(FamilyDetails, make_post(text))]


@pytest.mark.parametrize("text", ["Happy birthday to my wonderful wife!", "Prince George is 10 today",
                                  "Harry Potter films are my comfort watch",
                                  "We need more funding for primary schools"])
def test_family_negatives(text: str) -> None:
    assert run(FamilyDetails, make_post(text)) == []


def test_family_profile_field_and_child_severity() -> None:
    [det] = run(FamilyDetails, make_field(ProfileField.FAMILY_MEMBER, "Ella Example",
                                          details=(("relation", "daughter"),)))
    assert det.severity is Severity.HIGH and det.key == "relative:daughter:ella example"


def test_photo_marked_as_showing_a_child() -> None:
    item = Item(Platform.GOOGLE, ItemKind.PHOTO, Source(0, "Takeout/Google Photos/IMG_1.jpg.json", ""),
                media="Takeout/Google Photos/IMG_1.jpg", details=(("people", "Our daughter"),))
    [det] = run(FamilyDetails, item)
    assert det.category is Category.FAMILY_DETAILS


# -- official ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", ["Op Trident raids all morning, door went in at 6am",
                                  "Crime reference 01/123456/24 still not updated",
                                  "Briefing at 5am for the drugs raid"])
def test_official_positive(text: str) -> None:
    [det] = run(OfficialInformation, make_post(text))
    assert det.severity is Severity.HIGH and det.span is not None


@pytest.mark.parametrize("text", ["Operation Yewtree was all over the news", "My knee operation went well",
                                  "Raid boss in the new expansion is brutal", "Custody battle over the dog",
                                  "Police raided a house on my street apparently"])
def test_official_negative(text: str) -> None:
    assert run(OfficialInformation, make_post(text)) == []


# -- conduct -----------------------------------------------------------------------------------------
def test_conduct_titles_are_neutral_and_name_the_standard() -> None:
    [det] = run(ConductRisk, make_post("Travellers are scum, every last one of them"))
    assert "Equality and diversity" in det.title and "scum" not in det.title.lower()
    assert "Standards of Professional Behaviour" in det.reason
    [lead] = run(ConductRisk, make_post("Our Chief Constable is an absolute joke"))
    assert lead.title.startswith("Discreditable conduct")


def test_business_interest_is_medium() -> None:
    [det] = run(ConductRisk, make_post("Side hustle: taking bookings for lashes, DM for prices"))
    assert det.severity is Severity.MEDIUM and "Business interests" in det.title


@pytest.mark.parametrize("text", ["Refugees welcome here", "Vermin control came for the rats",
                                  "Bought soap from a local business", "Great management course today"])
def test_conduct_negative(text: str) -> None:
    assert run(ConductRisk, make_post(text)) == []


# -- location ----------------------------------------------------------------------------------------
def test_routine_absence_live() -> None:
    assert [d.key for d in run(LocationPattern, make_post("Every Saturday at Hilly Fields parkrun"))] \
        == ["routine:hilly fields"]
    [away] = run(LocationPattern, make_post("Away for two weeks, house is empty so feed the cat"))
    assert away.key.startswith("absence:")
    [live] = run(LocationPattern, make_post("I'm at the Red Lion right now"))
    assert live.key.startswith("live:")


@pytest.mark.parametrize("text", ["Went away to Cornwall last year", "Every day is a school day",
                                  "I'm at a loss for words", "The house is empty without the dog"])
def test_location_negative(text: str) -> None:
    assert run(LocationPattern, make_post(text)) == []


def test_checkins_at_one_place_merge_into_one_finding() -> None:
    items = [Item(Platform.FACEBOOK, ItemKind.CHECKIN, Source(0, "your_places/check-ins.json", f"/{i}"),
                  text="PureGym Catford", location=GeoPoint(51.4452 + i * 1e-5, -0.0207)) for i in range(3)]
    dets = [d for it in items for d in run(LocationPattern, it)]
    [finding] = merge(dets)
    assert finding.occurrences == 3 and finding.place is not None


# -- account -----------------------------------------------------------------------------------------
def _setting(platform: Platform, name: SettingName, value: str) -> Item:
    return Item(platform, ItemKind.SETTING, Source(0, "settings.json", f"/{name.value}"), text=value, field=name)


@pytest.mark.parametrize(("platform", "name", "exposed", "safe"), [
    (Platform.INSTAGRAM, SettingName.PRIVATE_ACCOUNT, "false", "true"),
    (Platform.TIKTOK, SettingName.FIND_BY_PHONE, "true", "false"),
    (Platform.STRAVA, SettingName.ACTIVITY_VISIBILITY, "everyone", "only_me"),
    (Platform.X, SettingName.PROTECTED_POSTS, "false", "true"),
    (Platform.SNAPCHAT, SettingName.LOCATION_SHARING, "true", "false"),
    (Platform.MASTODON, SettingName.DISCOVERABLE, "true", "false"),
    (Platform.BLUESKY, SettingName.DISCOVERABLE, "true", "false"),
])
def test_settings(platform: Platform, name: SettingName, exposed: str, safe: str) -> None:
    [det] = run(AccountExposure, _setting(platform, name, exposed))
    assert det.category is Category.ACCOUNT_EXPOSURE and det.key == f"setting:{name.value}"
    assert platform.label in det.title or platform is Platform.OTHER
    assert run(AccountExposure, _setting(platform, name, safe)) == []


def test_text_detectors_ignore_settings_and_empty_items() -> None:
    assert run_all(_setting(Platform.X, SettingName.PROTECTED_POSTS, "true")) == []
    assert run_all(make_post("")) == []


@pytest.mark.parametrize("text", ["\x00\x01", "💥" * 500, "a" * 20000, "12 " * 3000, "@@@@", "Op", "#"])
def test_odd_text_never_crashes(text: str) -> None:
    run_all(make_post(text))


def test_titles_say_where_the_text_was() -> None:
    from checks.records import Audience

    public = run_all(make_post("Our postcode is SE13 7PH"))[0]
    assert "public post" in public.title
    message = run_all(make_post("Our postcode is SE13 7PH", kind=ItemKind.MESSAGE, audience=Audience.PRIVATE))[0]
    assert "private message" in message.title and "only you" not in message.title
