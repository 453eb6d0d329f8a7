"""employer_disclosure: forces by every name, self vs others, profile fields, hard negatives."""

from __future__ import annotations

import pytest

from checks.detectors.employer import EmployerDisclosure
from checks.detectors.lexicon import read_list, wordlist_dir
from checks.records import ProfileField, Severity
from tests.detectors.conftest import make_field, make_post, run


def test_all_forces_of_england_and_wales_and_the_national_ones_are_listed() -> None:
    ids = {e.value(0) for e in read_list(wordlist_dir() / "forces.tsv")}
    national = {"scotland", "psni", "btp", "mdp", "cnc", "nca"}
    justice = {"moj", "hmpps", "hmcts", "cps", "probation"}
    assert national | justice <= ids
    territorial = ids - national - justice - {"police"}
    assert len(territorial) == 43


@pytest.mark.parametrize(("text", "key"), [
    ("Proud to have joined the Metropolitan Police today", "employer:met"),
    ("10 years in the Met this week", "employer:met"),
    ("I'm a PC with the Met and loving it", "employer:met"),
    ("Another set of nights with TVP done", "employer:thames-valley"),
    ("Joined Police Scotland in 2015", "employer:scotland"),
    ("I work for Greater Manchester Police as a PCSO", "employer:greater-manchester"),
    ("I'm a prison officer at HMP Wandsworth", "employer:hmp-wandsworth"),
    ("Eight years at the British Transport Police now", "employer:btp"),
])
def test_force_keys_are_canonical(text: str, key: str) -> None:
    dets = run(EmployerDisclosure, make_post(text))
    assert [d.key for d in dets] == [key]
    assert dets[0].severity is Severity.HIGH


@pytest.mark.parametrize("text", [
    "I'm a police officer and proud of it", "Got my shoulder number today", "#policefamily out in force today",
    "My collar number is 4821", "Night shift on response again", "As a custody sergeant I see it all",
    "Our relief at Lewisham nick is the best",
])
def test_self_disclosure_without_a_force_name(text: str) -> None:
    dets = run(EmployerDisclosure, make_post(text))
    assert len(dets) == 1 and dets[0].key.startswith("employer:")


@pytest.mark.parametrize("text", [
    "Line of Duty was brilliant, Ted Hastings is a legend", "The Bill is still the best police show",
    "The Police were amazing live, Sting can still sing", "Called the police when the car was broken into",
    "Police were called to the high street", "My dad was a copper for thirty years",
    "My wife's a PC in Kent", "My brother just joined the Met", "Met Police say a man has been arrested",
    "Met a friend for coffee", "New gaming PC is a beast", "PS I love you", "Washington DC was great",
    "The skipper steered the boat", "Screw this weather", "Nick and I are going out",
    "My mate is a sergeant in the army", "Might join the police one day", "Thames Valley is lovely",
])
def test_hard_negatives(text: str) -> None:
    assert run(EmployerDisclosure, make_post(text)) == []


def test_profile_employer_and_job_title_fields() -> None:
    [emp] = run(EmployerDisclosure, make_field(ProfileField.EMPLOYER, "Metropolitan Police Service"))
    assert emp.key == "employer:met" and emp.confidence >= 0.9
    [job] = run(EmployerDisclosure, make_field(ProfileField.JOB_TITLE, "Detective Sergeant"))
    assert job.key == "employer:police-role"
    assert run(EmployerDisclosure, make_field(ProfileField.EMPLOYER, "Tesco Stores Ltd")) == []


def test_bio_is_self_description() -> None:
    assert run(EmployerDisclosure, make_field(ProfileField.BIO, "Dad. Runner. Kent Police. Views my own"))


def test_work_email_domain() -> None:
    [det] = run(EmployerDisclosure, make_post("email me at j.bloggs@met.police.uk"))
    assert det.key == "employer:met" or det.key == "employer:police-role"


def test_span_covers_the_disclosure() -> None:
    [det] = run(EmployerDisclosure, make_post("So proud to have joined Kent Police today, dream come true"))
    assert det.span is not None
    assert det.evidence[det.span[0]:det.span[1]] == "Kent Police"


def test_former_officers_still_disclose() -> None:
    [det] = run(EmployerDisclosure, make_post("Ex-West Midlands Police, now teaching criminology"))
    assert det.key == "employer:west-midlands"
