"""home_address: addresses, postcodes (format rules), home phrases, profile fields, home labels."""

from __future__ import annotations

import pytest

from checks.detectors.home_address import HomeAddress, normal_postcode, valid_postcode
from checks.records import Category, ItemKind, Platform, ProfileField, Severity
from checks.report.masking import mask
from tests.detectors.conftest import make_field, make_place, make_post, run


@pytest.mark.parametrize(("raw", "norm"), [
    ("SE13 7PH", "SE137PH"), ("se137ph", "SE137PH"), ("EC1A 1BB", "EC1A1BB"), ("W1A 0AX", "W1A0AX"),
    ("M1 1AE", "M11AE"), ("B33 8TH", "B338TH"), ("DN55 1PT", "DN551PT"), ("BT1 5GS", "BT15GS"),
])
def test_valid_postcodes_normalise(raw: str, norm: str) -> None:
    assert normal_postcode(raw) == norm


@pytest.mark.parametrize("raw", ["PX12 9ZZ", "QQ1 1AA", "SE13 7CI", "M25", "12345", "AB12 3456", "Z1 1AA"])
def test_invalid_postcodes_are_refused(raw: str) -> None:
    assert normal_postcode(raw) is None


def test_letter_after_district_digit_only_in_central_london() -> None:
    assert valid_postcode("SW", "1A")
    assert not valid_postcode("LS", "1A")


def test_same_postcode_in_two_posts_has_one_key() -> None:
    a = run(HomeAddress, make_post("Our postcode is SE13 7PH for the taxi", 1))
    b = run(HomeAddress, make_post("party at ours, se137ph", 2))
    assert a and b and a[0].key == b[0].key == "postcode:SE137PH"
    assert a[0].severity is Severity.HIGH


def test_street_address_is_found_and_masked_by_span() -> None:
    [det] = run(HomeAddress, make_post("Finally got the keys to 14 Larkspur Close today!"))
    assert det.category is Category.HOME_ADDRESS
    assert det.key == "address:14 larkspur close"
    assert det.confidence >= 0.9  # tied to home by "got the keys"
    shown = mask(det.evidence, det.span)
    assert "Larkspur" not in shown and "14 " not in shown and "keys" in shown


def test_flat_and_house_name_forms() -> None:
    [flat] = run(HomeAddress, make_post("Flat 2, 88 Kingsley Avenue is ours from Friday"))
    assert flat.key.startswith("address:flat 2")
    [house] = run(HomeAddress, make_post("Rose Cottage, Mill Lane, Little Haddon is finally ours!"))
    assert "rose cottage" in house.key


def test_street_without_number_needs_a_home_phrase() -> None:
    assert run(HomeAddress, make_post("Our house on Sycamore Drive is finished"))
    assert not run(HomeAddress, make_post("The museum on Exhibition Road is free"))
    assert not run(HomeAddress, make_post("Sycamore Drive has lovely trees"))


@pytest.mark.parametrize("text", [
    "Tourists outside 10 Downing Street again", "Went to 221B Baker Street, the Holmes museum",
    "The new cafe at 14 High Street does great brunch", "Scored 3 goals in the park today",
    "5 miles down the road and the car broke down", "Arsenal 4-2 at the Lane", "Version 10.2 Road to release",
    "Ran 10k loop round Dulwich Park", "Traffic on the M25 again",
])
def test_hard_negatives(text: str) -> None:
    assert run(HomeAddress, make_post(text)) == []


def test_profile_address_and_postcode_fields() -> None:
    [addr] = run(HomeAddress, make_field(ProfileField.ADDRESS, "7 Church View, Bampton OX18 2LP"))
    assert addr.key == "postcode:OX182LP" and addr.item_kind is ItemKind.PROFILE_FIELD
    [pc] = run(HomeAddress, make_field(ProfileField.POSTCODE, "ox18 2lp"))
    assert pc.key == addr.key
    assert run(HomeAddress, make_field(ProfileField.POSTCODE, "not a postcode")) == []


@pytest.mark.parametrize("label", ["Home", "TYPE_HOME", "HOME", "INFERRED_HOME"])
def test_places_labelled_home(label: str) -> None:
    [det] = run(HomeAddress, make_place(label, 51.46131, -0.04123))
    assert det.place is not None and abs(det.place.lat - 51.46131) < 1e-9
    assert det.key == "label:51.461,-0.041" and det.platform is Platform.GOOGLE


def test_work_label_is_not_home() -> None:
    assert run(HomeAddress, make_place("Work", 51.5, -0.1)) == []


def test_outward_code_after_live_in_is_weaker() -> None:
    [det] = run(HomeAddress, make_post("We live in SE13 now, love it"))
    assert det.severity is Severity.MEDIUM and det.key == "district:SE13"


def test_glasgow_flat_numbers() -> None:
    [det] = run(HomeAddress, make_post("New flat! Flat 2/1, 14 Hyndland Road, come round"))
    assert det.key == "address:flat 2/1 14 hyndland road"


@pytest.mark.parametrize(("bio", "code"), [("Leics Police DO | 📍 LE4 | mum of one", "LE4"),
                                           ("Cath | CF14 | gin and spin", "CF14"),
                                           ("Call handler. Derby born, DE21 raised and still here", "DE21"),
                                           ("📍Bridgend CF31 | dog handler", "CF31")])
def test_a_postcode_district_given_as_where_one_is_in_a_bio_is_home(bio: str, code: str) -> None:
    [det] = run(HomeAddress, make_field(ProfileField.BIO, bio))
    assert det.key == f"district:{code}" and det.severity is Severity.MEDIUM
    assert code not in mask(det.evidence, det.span)


@pytest.mark.parametrize("bio", ["PS5 | gaming | Leeds", "A55 | M56 commuter | views mine", "XB4 | test"])
def test_console_roads_and_made_up_codes_in_a_bio_are_not_districts(bio: str) -> None:
    assert run(HomeAddress, make_field(ProfileField.BIO, bio)) == []
