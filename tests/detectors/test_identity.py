"""identity_details: birth dates, phones (phonenumbers), e-mail, NINO, licence, registrations, bank."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from checks.detectors.identity import _NUMBER_LIKE, IdentityDetails, valid_nino
from checks.records import Audience, ProfileField, Severity
from tests.detectors.conftest import make_field, make_post, run


def keys(text: str, **kw: object) -> list[str]:
    return [d.key for d in run(IdentityDetails, make_post(text, **kw))]  # type: ignore[arg-type]


def test_age_today_uses_the_posts_own_date() -> None:
    when = datetime(2025, 6, 14, 9, 30, tzinfo=UTC)
    assert keys("34 today! Thanks everyone", when=when) == ["dob:1991-06-14"]
    leap = datetime(2024, 2, 29, 12, 0, tzinfo=UTC)
    assert keys("Can't believe I'm 41 today", when=leap) == ["dob:1983-02-28"]  # 1983 had no 29 February


def test_age_today_without_a_date_still_flags_the_age() -> None:
    assert keys("Happy birthday to me, 29 today", when=None) == ["age:29"]


@pytest.mark.parametrize("text", ["My son is 6 today", "Score was 34-12 today", "The cat is 12 today"])
def test_other_peoples_ages_are_not_the_persons_birth_date(text: str) -> None:
    assert not [k for k in keys(text) if k.startswith(("dob", "age"))]


@pytest.mark.parametrize(("text", "key"), [
    ("Born on 3 March 1988, spring baby", "dob:1988-03-03"),
    ("My birthday is 12/07/1990", "dob:1990-07-12"),
    ("Born on the 1st of May 1979", "dob:1979-05-01"),
])
def test_written_birth_dates(text: str, key: str) -> None:
    assert keys(text) == [key]


def test_meeting_dates_are_not_birthdays() -> None:
    assert keys("The meeting on 12/07/2025 moved to 3pm") == []


@pytest.mark.parametrize(("text", "key"), [
    ("Text me on 07700 900123 for the sofa", "phone:+447700900123"),
    ("Call +44 7700 900456 for bookings", "phone:+447700900456"),
    ("Landline 020 7946 0018", "phone:+442079460018"),
    ("Reach me on +353 87 123 4567", "phone:+353871234567"),
])
def test_phones_are_keyed_in_e164(text: str, key: str) -> None:
    assert key in keys(text)


@pytest.mark.parametrize("text", ["Call 999 in an emergency", "Samaritans 116 123", "Service line 0800 123 4567",
                                  "Order 4589 1234 5678 shipped", "Flight BA2490 delayed"])
def test_not_personal_phones(text: str) -> None:
    assert not [k for k in keys(text) if k.startswith("phone")]


def test_personal_email_but_not_role_mailboxes() -> None:
    assert keys("mail me at jane.doe.1985@gmail.com") == ["email:jane.doe.1985@gmail.com"]
    assert keys("tickets from info@examplecharity.org.uk") == []


@given(st.sampled_from("DFIQUV"), st.sampled_from("ABCEGHJ"))
def test_nino_first_letter_rules(bad: str, ok: str) -> None:
    assert not valid_nino(bad + ok, "A")
    assert not valid_nino(ok + "O", "A")


@pytest.mark.parametrize("prefix", ["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"])
def test_nino_forbidden_prefixes(prefix: str) -> None:
    assert not valid_nino(prefix, "A")


def test_nino_found_with_and_without_spaces() -> None:
    assert keys("My NI number is AB 12 34 56 C") == ["nino:AB123456C"]
    assert keys("ni no: ab123456c") == ["nino:AB123456C"]
    assert keys("NI number UV 98 76 54 B") == []


def test_driving_licence_checks_month_and_day() -> None:
    assert keys("licence MORGA753116SM9IJ") == ["licence:MORGA753116SM9IJ"]
    assert keys("licence MORGA713116SM9IJ") == []  # month 13
    assert keys("licence MORGA601324SM9IJ") == []  # day 32


def test_registrations_need_context_and_valid_format() -> None:
    assert keys("My car reg is AB12 CDE") == ["vrm:AB12CDE"]
    assert keys("New plate today, KY70 ZXT") == ["vrm:KY70ZXT"]
    assert keys("Sold my bike, the plate was AB12 CDE years ago") in ([], ["vrm:AB12CDE"])  # the model decides
    assert keys("My car reg is AB80 CDE") == []  # no such age identifier
    assert keys("my car is an old S123 ABC") == ["vrm:S123ABC"]


@pytest.mark.parametrize("text", ["If you drive a white Transit KN19 VRT and you cut me up on the A38 this morning",
                                  "My car reg is AB12 CDE, the driver of KY70 ZXT nearly hit me",
                                  "Dashcam caught BD51 SMR running the red on my road"])
def test_another_drivers_plate_is_not_the_writers(text: str) -> None:
    mine = {"vrm:AB12CDE"} if "My car reg" in text else set()
    assert set(k for k in keys(text) if k.startswith("vrm:")) == mine


def test_a_number_that_rang_the_writer_is_not_theirs() -> None:
    text = "Scam call again, they rang me from 07700 900123 saying my account was locked. Please warn your parents"
    assert not [k for k in keys(text) if k.startswith("phone:")]
    assert [k for k in keys("Text me on 07700 900123 about the car") if k.startswith("phone:")]


def test_bank_details() -> None:
    [det] = run(IdentityDetails, make_post("sort code 20-00-00 account 12345678 for the tickets"))
    assert det.severity is Severity.HIGH and det.key == "bank:20-00-00:12345678"


def test_security_question_answers() -> None:
    assert keys("Your stripper name is your first pet plus mother's maiden name: mine is Biscuit Harrington")
    assert keys("My first pet was a hamster called Nibbles")


def test_profile_birth_date_phone_email() -> None:
    [dob] = run(IdentityDetails, make_field(ProfileField.BIRTH_DATE, "1988-03-03"))
    assert dob.key == "dob:1988-03-03" and dob.severity is Severity.HIGH
    [phone] = run(IdentityDetails, make_field(ProfileField.PHONE, "07700 900123"))
    assert phone.key == "phone:+447700900123"
    shown = make_field(ProfileField.EMAIL, "Jo@Example.org")
    [mail] = run(IdentityDetails, replace(shown, audience=Audience.PUBLIC))
    assert mail.key == "email:jo@example.org"
    assert run(IdentityDetails, shown) == []  # the sign-in address, not shown on the profile


@pytest.mark.parametrize(("text", "blocks"), [
    ("Turned 27 yesterday", False), ("Passport number ends 4471", False), ("Born on Christmas Day '88", False),
    ("Call 07700 900 12", True), ("My car reg is AB80 CDE", True), ("licence MORGA713116SM9IJ", True),
])
def test_a_post_is_reported_as_an_unnamed_detail_only_when_no_number_failed_its_checks(text: str, blocks: bool) -> None:
    assert (_NUMBER_LIKE.search(text) is not None) is blocks


def test_a_sort_code_said_as_such_is_a_bank_detail_even_without_the_account() -> None:
    assert keys("Monzo, my sort code 04-00-04, happy to take split payments") == ["bank:04-00-04"]
    assert keys("Final score 04-00-04 on aggregate") == []


def test_a_prefix_format_plate_is_a_plate_shape_and_a_product_code_needs_a_vehicle() -> None:
    from checks.detectors.signals import Signal, text_signals

    assert Signal.PLATE_SHAPE in text_signals("my car is an old S123 ABC").kinds
    assert keys("Order A123 XYZ arrived today") == []


@pytest.mark.parametrize(("bio", "key"), [
    ("Leics Police DO | 📍 LE4 | 🎂 02.11.94 | mum to Ava (7)", "dob:1994-11-02"),
    ("Court usher, Derby Crown. 52 on 3 June 🎂. Pronouns she/her.", "birthday:06-03"),
    ("Works at HMPPS · Lives in Leicester · Born 3 April 1983", "dob:1983-04-03"),
    ("Cath | CF14 | est. 13.06.1979", "dob:1979-06-13"),
])
def test_a_bio_giving_a_birth_date_or_birthday_is_identity(bio: str, key: str) -> None:
    found = run(IdentityDetails, make_field(ProfileField.BIO, bio))
    assert key in {d.key for d in found}


def test_a_childs_birthday_in_a_post_is_not_the_writers() -> None:
    found = run(IdentityDetails, make_post("Happy birthday to my son Alfie 🎂 12.03.2015, love you"))
    assert not any(d.key.startswith(("dob:", "birthday:")) for d in found)
