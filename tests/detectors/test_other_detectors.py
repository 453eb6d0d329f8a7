"""family_details, official_information, conduct_risk, location_pattern, account_exposure, registry."""

from __future__ import annotations

import pytest

from checks.detectors import DETECTORS
from checks.detectors.account import AccountExposure
from checks.detectors.conduct import ConductRisk
from checks.detectors.family import FamilyDetails
from checks.detectors.location import LocationPattern
from checks.detectors.official import OfficialInformation
from checks.records import (
    Category,
    Item,
    ItemKind,
    Message,
    Platform,
    ProfileField,
    SettingName,
    Severity,
    Source,
    msg,
)
from checks.report.words import say
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
                                  "Briefing at 5am, then the door went in on the drugs raid, two in custody"])
def test_official_positive(text: str) -> None:
    [det] = run(OfficialInformation, make_post(text))
    assert det.severity is Severity.HIGH and det.span is not None


@pytest.mark.parametrize("text", ["Operation Yewtree was all over the news", "My knee operation went well",
                                  "Raid boss in the new expansion is brutal", "Custody battle over the dog",
                                  "Police raided a house on my street apparently"])
def test_official_negative(text: str) -> None:
    assert run(OfficialInformation, make_post(text)) == []


# -- conduct -----------------------------------------------------------------------------------------
def test_conduct_is_worth_a_second_look_and_says_what_it_could_be_read_as() -> None:
    [det] = run(ConductRisk, make_post("Travellers are scum, every last one of them"))
    assert isinstance(det.title, Message) and det.title.code == "conduct.title.own"
    assert isinstance(det.reason, Message) and det.reason.code == "conduct.reason.group"
    assert "scum" not in say(det.title).lower()
    [lead] = run(ConductRisk, make_post("Our Chief Constable is an absolute joke, the top brass are useless"))
    assert isinstance(lead.reason, Message) and lead.reason.code == "conduct.reason.leaders"


def test_business_interest_is_medium() -> None:
    [det] = run(ConductRisk, make_post("Side hustle: taking bookings for lashes, DM for prices"))
    assert det.severity is Severity.MEDIUM
    assert isinstance(det.reason, Message) and det.reason.code == "conduct.reason.business"


@pytest.mark.parametrize("text", ["Refugees welcome here, proud of our town", "Vermin control came for the rats",
                                  "Bought soap from a local business", "Great management course today"])
def test_conduct_negative(text: str) -> None:
    assert run(ConductRisk, make_post(text)) == []


# -- location ----------------------------------------------------------------------------------------
def test_routine_absence_live() -> None:
    [routine] = run(LocationPattern, make_post("Every Saturday at 9 at Hilly Fields parkrun"))
    assert routine.key.startswith("routine:") and isinstance(routine.title, Message)
    assert routine.title.code == "location.title.routine"
    assert "Hilly Fields" in routine.evidence[routine.span[0]:routine.span[1]]  # the place is masked
    [away] = run(LocationPattern, make_post("Away for two weeks from Saturday, house is empty so feed the cat"))
    assert away.key.startswith("away:") and isinstance(away.title, Message)
    assert away.title.code == "location.title.away"
    [live] = run(LocationPattern, make_post("I'm at the Red Lion right now, come and say hi"))
    assert live.key.startswith("now:")


@pytest.mark.parametrize("text", ["Went away to Cornwall last year", "Every day is a school day",
                                  "I'm at a loss for words", "The house is empty without the dog"])
def test_location_negative(text: str) -> None:
    assert run(LocationPattern, make_post(text)) == []


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
    assert isinstance(det.title, Message) and det.title.code == f"account.title.{name.value}"
    assert det.title.value("platform") == Message(f"platform.{platform.value}")
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
    assert isinstance(public.title, Message)
    assert public.title.value("where") == msg("where.public", noun=Message("noun.post"))
    message = run_all(make_post("Our postcode is SE13 7PH", kind=ItemKind.MESSAGE, audience=Audience.PRIVATE))[0]
    assert isinstance(message.title, Message) and message.title.value("where") == msg("where.message")
