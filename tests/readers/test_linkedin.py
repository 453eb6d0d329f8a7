"""The LinkedIn CSV reader against generated exports in the real structure."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checks.exports.archive import open_export
from checks.readers import ReadContext
from checks.readers.linkedin import LinkedInReader, parse_date
from checks.records import Audience, Item, ItemKind, Platform, ProfileField
from tests.builders.linkedin import LiMessage, LinkedInExport, build_demo_linkedin, csv_bytes
from tests.readers._util import code, fields, read_export

T0 = datetime(2024, 1, 15, 10, 0, tzinfo=UTC)


def read(path: Path) -> tuple[list[Item], ReadContext]:
    return read_export(path, "linkedin-csv")


def rich(member_id: str | None = "417283") -> LinkedInExport:
    return LinkedInExport(
        maiden="Oldname", address="7 Invented Close, London", zip_code="BR3 9ZZ", member_id=member_id,
        positions=[("Kent Police", "Detective Sergeant", "Maidstone, England", "Nov 2021", ""),
                   ("Invented Ltd", "Analyst", "London", "Jan 2015", "Oct 2021")],
        education=[("University of Kent", "2010", "2013", "BA Criminology")],
        emails=[("jo@example.com", "Yes", "Yes", datetime(2019, 12, 22, 10, 6, tzinfo=UTC))],
        phones=[("+44", "7700 900123", "Mobile"), ("", "020 7946 0991", "Home")],
        whatsapp=[("7700 900123", "+44")],
        shares=[(T0, "Great day at the passing-out parade, proud of the team", "MEMBER_NETWORK"),
                (T0.replace(day=16), "Public thoughts on road safety", "PUBLIC")],
        comments=[(T0, "Congratulations, well deserved!")],
        rich_media=[(datetime(2026, 4, 12, 8, 3, tzinfo=UTC), "Profile photo")],
        job_applications=[("1/15/24, 10:00 AM", "jo@example.com", "+447700900123", "Invented Security Ltd",
                           "Investigator")],
        verifications=[("Kent Police", "Maidstone", "1991")],
        contacts=[("Sam", "Someone", "+44 7700 900555")],
    )


@pytest.fixture(scope="module", params=["417283", None])
def rich_read(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory,
              ) -> tuple[str | None, list[Item]]:
    """The rich export, with and without a member id in its file names, read once for the tests below."""
    path = tmp_path_factory.mktemp("li") / "Complete_LinkedInDataExport_03-11-2026.zip"
    items, ctx = read(rich(request.param).write_zip(path))
    assert ctx.skipped == []
    assert all(i.platform is Platform.LINKEDIN for i in items)
    return request.param, items


def test_reads_the_profile_with_exact_pointers(rich_read: tuple[str | None, list[Item]]) -> None:
    _, items = rich_read
    name = fields(items, ProfileField.NAME)[0]
    assert (name.text, name.source.file, name.source.pointer) == ("Jo Invented", "Profile.csv", "/0/First Name")
    assert [i.text for i in items if i.detail("kind") == "maiden name"] == ["Oldname"]
    assert fields(items, ProfileField.ADDRESS)[0].text == "7 Invented Close, London"
    assert fields(items, ProfileField.POSTCODE)[0].source.pointer == "/0/Zip Code"
    birth = fields(items, ProfileField.BIRTH_DATE)
    assert [b.text for b in birth] == ["--06-02", "1991"]  # Profile (no year), Verifications (year only)
    summary = next(i for i in items if i.detail("kind") == "summary")
    assert summary.text == "Twelve years in policing.\nNow in CID."  # quoted multi-line field
    assert fields(items, ProfileField.USERNAME)[0].text == "jo_invented"
    assert fields(items, ProfileField.WEBSITE)[0].text == "https://example.org/jo"
    assert fields(items, ProfileField.EDUCATION)[0].text == "University of Kent"


def test_reads_positions_email_and_phones(rich_read: tuple[str | None, list[Item]]) -> None:
    _, items = rich_read
    employers = {(e.source.file, e.text): e for e in fields(items, ProfileField.EMPLOYER)}
    current = employers[("Positions.csv", "Kent Police")]
    assert (current.detail("current"), current.source.pointer) == ("true", "/0/Company Name")
    assert current.source.timestamp == datetime(2021, 11, 1, tzinfo=UTC)
    past = employers[("Positions.csv", "Invented Ltd")]
    assert (past.detail("current"), past.source.pointer) == ("false", "/1/Company Name")
    assert "Verifications/Verifications.csv" in {file for file, _ in employers}
    email = next(e for e in fields(items, ProfileField.EMAIL) if e.source.file == "Email Addresses.csv")
    assert email.source.timestamp == datetime(2019, 12, 22, 10, 6, tzinfo=UTC)
    # the same mobile in WhatsApp and the job application is reported once for the account; row 1 is blank
    phones = fields(items, ProfileField.PHONE)
    assert [(p.source.file, p.text, p.source.pointer) for p in phones] == [
        ("PhoneNumbers.csv", "+44 7700 900123", "/0/Number"), ("PhoneNumbers.csv", "020 7946 0991", "/2/Number")]


def test_reads_shares_comments_and_photos(rich_read: tuple[str | None, list[Item]]) -> None:
    member_id, items = rich_read
    shares_file = "Shares_417283.csv" if member_id else "Shares.csv"
    shares = [i for i in items if i.kind is ItemKind.POST]
    assert [(s.source.file, s.source.pointer, s.audience) for s in shares] == [
        (shares_file, "/0/ShareCommentary", Audience.FRIENDS), (shares_file, "/1/ShareCommentary", Audience.PUBLIC)]
    assert shares[0].source.timestamp == T0
    assert shares[0].source.url
    comment = next(i for i in items if i.kind is ItemKind.COMMENT)
    assert (comment.text, comment.source.timestamp) == ("Congratulations, well deserved!", T0)
    photo = next(i for i in items if i.kind is ItemKind.PHOTO)
    assert photo.source.timestamp == datetime(2026, 4, 12, 8, 3, tzinfo=UTC)  # parsed from prose


def test_reads_applications_and_only_counts_contacts(rich_read: tuple[str | None, list[Item]]) -> None:
    _, items = rich_read
    application = [i for i in items if i.source.file == "Jobs/Job Applications.csv"]
    assert {i.field for i in application} >= {ProfileField.EMAIL, "job_application"}
    assert {i.source.timestamp for i in application} == {T0}
    # the uploaded address book is other people's: only how many contacts it holds
    contact = next(i for i in items if i.kind is ItemKind.OTHER)
    assert (contact.field, contact.text) == ("uploaded_contacts", "1")
    assert not [i for i in items if "900555" in i.text + str(i.details)]


def test_a_whatsapp_number_alone_is_read(tmp_path: Path) -> None:
    export = LinkedInExport(whatsapp=[("7700 900123", "+44")])
    items, _ = read(export.write_zip(tmp_path / "li.zip"))
    assert [p.text for p in fields(items, ProfileField.PHONE)] == ["+44 7700 900123"]


def test_2018_layout_utf16_tab_shares_messages_sent_and_articles(tmp_path: Path) -> None:
    export = LinkedInExport(
        layout="2018", member_id=None, phones=[("", "07700 900123", "Mobile")],
        shares=[(T0, "Proud of the team \u2014 café after the parade", "CONNECTIONS")],
        messages=[("Jo Invented", "Sam Other", "See you at the nick", T0), ("Sam Other", "Jo Invented", "theirs", T0)],
        contacts=[("Sam", "Someone", "+44 7700 900555"), ("Alex", "Other", "")],
        articles=[(T0, "Ten years on response", "What I learned on nights")])
    items, ctx = read(export.write_zip(tmp_path / "Basic_LinkedInDataExport_03-11-2018.zip"))
    assert not ctx.skipped
    share = next(i for i in items if i.kind is ItemKind.POST and i.source.file == "Shares.csv")
    assert share.text == "Proud of the team \u2014 café after the parade"  # UTF-16, tab-separated
    assert (share.source.pointer, share.audience) == ("/0/Share Commentary", Audience.FRIENDS)
    assert share.source.timestamp == T0
    assert [p.source.file for p in fields(items, ProfileField.PHONE)] == ["Phone Numbers.csv"]
    assert [m.text for m in items if m.kind is ItemKind.MESSAGE] == ["See you at the nick"]
    article = [i.text for i in items if i.detail("kind") == "article"]
    assert article == ["Ten years on response", "What I learned on nights"]
    assert next(i for i in items if i.kind is ItemKind.OTHER).text == "2"


def test_connections_preamble_quoted_header_and_bom(tmp_path: Path) -> None:
    export = LinkedInExport()
    export.extra["Shares.csv"] = csv_bytes(["Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl",
                                            "Visibility"],
                                           [["2024-01-15 10:00:00", "", "Hello", "", "", "PUBLIC"]],
                                           quote_header=True)
    items, _ = read(export.write_zip(tmp_path / "Basic_LinkedInDataExport_03-11-2026.zip"))
    share = next(i for i in items if i.kind is ItemKind.POST)
    assert share.text == "Hello" and share.source.pointer == "/0/ShareCommentary"
    assert fields(items, ProfileField.NAME)[0].source.pointer == "/0/First Name"  # BOM stripped


@pytest.mark.parametrize("text,expected", [
    ("01 Jan 2024", datetime(2024, 1, 1, tzinfo=UTC)),
    ("Jan 2020", datetime(2020, 1, 1, tzinfo=UTC)),
    ("2024-01-15 10:00:00 UTC", T0),
    ("12/22/19, 10:06 AM", datetime(2019, 12, 22, 10, 6, tzinfo=UTC)),
    ("Fri Sep 24 12:35:41 UTC 2021", datetime(2021, 9, 24, 12, 35, 41, tzinfo=UTC)),
    ("You uploaded a video on April 12, 2026 at 8:03 AM (GMT)", datetime(2026, 4, 12, 8, 3, tzinfo=UTC)),
    ("", None),
    ("whenever", None),
])
def test_dates(text: str, expected: datetime | None) -> None:
    assert parse_date(text) == expected


def test_bad_encoding_is_a_skip_and_other_files_are_read(tmp_path: Path) -> None:
    export = rich()
    export.extra["Positions.csv"] = b"Company Name,Title\r\nKent Police,DC\r\n\xff\xfe\xfa,bad\r\n"
    items, ctx = read(export.write_zip(tmp_path / "li.zip"))
    assert [(s.file, code(s.reason)) for s in ctx.skipped] == [("Positions.csv", "reader.csv.replaced")]
    assert fields(items, ProfileField.NAME)
    assert any(i.text == "\ufffd\ufffd\ufffd" for i in fields(items, ProfileField.EMPLOYER))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(blob=st.binary(max_size=400), text=st.text(max_size=300), which=st.sampled_from(
    ["Profile.csv", "Positions.csv", "PhoneNumbers.csv", "Shares_417283.csv", "Rich_Media.csv", "Connections.csv"]))
def test_fuzzed_csv_never_raises(tmp_path_factory: pytest.TempPathFactory, blob: bytes, text: str,
                                 which: str) -> None:
    export = rich()
    files = export.files()
    files[which] = (files.get(which, b"")[:60] + blob + text.encode("utf-8", "surrogatepass"))
    path = tmp_path_factory.mktemp("fuzz") / "li.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    with open_export([path]) as exp:
        items = list(LinkedInReader().read(ReadContext(0, exp)))
    assert all(isinstance(i, Item) for i in items)


def test_demo_export(tmp_path: Path) -> None:
    items, ctx = read(build_demo_linkedin(tmp_path))
    assert ctx.skipped == []
    assert any(i.text == "Metropolitan Police Service" and i.detail("current") == "true" for i in items)


def test_shared_samples(shared_samples: Path) -> None:
    base = shared_samples / "linkedin"
    zipped = base / "silkyrich__linkedin-export-viewer" / "fixtures" / "sample_export.zip"
    folder = base / "humandataincome__hudi-packages-connectors" / "src" / "mock" / "datasource" / "raw files" / \
        "linkedin"
    if not zipped.is_file() or not folder.is_dir():
        pytest.skip("the LinkedIn samples are not present")
    with open_export([zipped]) as exp:
        ctx = ReadContext(0, exp)
        items = list(LinkedInReader().read(ctx))
    assert ctx.skipped == []
    assert fields(items, ProfileField.ADDRESS) and fields(items, ProfileField.EMPLOYER)
    assert len([i for i in items if i.kind is ItemKind.COMMENT]) > 10
    assert all(i.source.pointer.startswith("/") for i in items)
    with open_export([folder]) as exp:
        ctx = ReadContext(0, exp)
        items = list(LinkedInReader().read(ctx))
    assert fields(items, ProfileField.BIRTH_DATE)[0].text == "--10-18"
    assert fields(items, ProfileField.POSTCODE)[0].text == "10077"
    assert not [i for i in items if i.kind is ItemKind.PHOTO]  # old Rich Media.csv only links to LinkedIn


def test_cancel_stops_reading(tmp_path: Path) -> None:
    from checks.progress import Cancelled, CancelToken

    path = rich().write_zip(tmp_path / "li.zip")
    token = CancelToken()
    token.cancel()
    with open_export([path]) as exp, pytest.raises(Cancelled):
        list(LinkedInReader().read(ReadContext(0, exp, cancel=token)))


def test_a_2018_shares_csv_given_alone_is_recognised(tmp_path: Path) -> None:
    export = LinkedInExport(layout="2018", shares=[(T0, "Hello from 2018", "PUBLIC")])
    path = tmp_path / "Shares.csv"
    path.write_bytes(export.files()["Shares.csv"])
    items, _ = read(path)
    assert [i.text for i in items] == ["Hello from 2018"]


HOLDER = "Jo Invented, MBA"  # a name may hold a comma, as it does in TO lists


def export_2021(conversations: list[list[LiMessage]], **kwargs: object) -> LinkedInExport:
    return LinkedInExport(
        layout="2021", last="Invented, MBA", conversations=conversations,
        shares=[(T0, "Proud of the team today", "PUBLIC")], comments=[(T0, "Well deserved!")],
        **kwargs)  # type: ignore[arg-type]


def inbox_2021() -> list[list[LiMessage]]:
    """Conversations of an invented holder: one to one, a group, one never answered, a notice."""
    def at(day: int) -> datetime:
        return T0.replace(day=day)
    return [
        [LiMessage("Sam Other", HOLDER, "Hi Jo, are you on shift Friday?", at(1)),
         LiMessage(HOLDER, "Sam Other", "Yes, lates at Lewisham all week", at(2), subject="Friday"),
         LiMessage("Sam Other", HOLDER, "see you there", at(3))],
        [LiMessage("Alex Madeup", f"Sam Other, {HOLDER}", "Drinks after the course?", at(4)),
         LiMessage(HOLDER, "Alex Madeup, Sam Other", "Count me in", at(5)),
         LiMessage("Sam Other", f"Alex Madeup, {HOLDER}", "me too", at(6))],
        [LiMessage("Pat Recruiter", HOLDER, "An exciting opportunity", at(7))],
        [LiMessage("Chris Friend", HOLDER, "Long time!", at(8)),
         LiMessage(HOLDER, "Chris Friend", "Good to hear from you", at(9))],
        [LiMessage("", "", "Try Premium free for a month", at(10))],
    ]


def test_2021_without_profile_reads_the_messages_the_holder_sent(tmp_path: Path) -> None:
    """No Profile.csv (a real 2021 export: 3,593 messages, none read and nothing said): the holder
    is the one sender who is in every conversation."""
    items, ctx = read(export_2021(inbox_2021()).write_zip(tmp_path / "Basic_LinkedInDataExport_03-04-2021.zip"))
    assert ctx.skipped == [] and ctx.messages == []
    sent = [i for i in items if i.kind is ItemKind.MESSAGE]
    # messages.csv lists each conversation newest first: rows 0-2, 3-5, 6, 7-8, 9
    assert [(m.text, m.source.pointer) for m in sent] == [
        ("Friday", "/1/SUBJECT"), ("Yes, lates at Lewisham all week", "/1/CONTENT"), ("Count me in", "/4/CONTENT"),
        ("Good to hear from you", "/7/CONTENT")]
    assert sent[1].source.timestamp == T0.replace(day=2) and sent[1].audience is Audience.PRIVATE
    assert sent[2].detail("to") == "Alex Madeup, Sam Other"
    assert {i.kind for i in items} == {ItemKind.MESSAGE, ItemKind.POST, ItemKind.COMMENT}


def test_2021_a_namesake_is_not_the_holder(tmp_path: Path) -> None:
    inbox = inbox_2021()
    inbox.append([LiMessage(HOLDER, HOLDER, "another person with the same name writes to Jo", T0,
                            url="https://www.linkedin.com/in/someone-else-9z")])
    items, _ = read(export_2021(inbox).write_zip(tmp_path / "li.zip"))
    assert "another person with the same name writes to Jo" not in [i.text for i in items if i.kind is ItemKind.MESSAGE]
    assert len([i for i in items if i.kind is ItemKind.MESSAGE]) == 4


@pytest.mark.parametrize("inbox", [
    # two people, one conversation: either could be the holder
    [[LiMessage("Sam Other", HOLDER, "hello", T0), LiMessage(HOLDER, "Sam Other", "hi", T0)]],
    # the holder never wrote, and one correspondent wrote in every conversation
    [[LiMessage("Sam Other", HOLDER, "hello", T0)], [LiMessage("Sam Other", f"Alex Madeup, {HOLDER}", "all", T0)]],
    # nobody is in most conversations
    [[LiMessage("Sam Other", "Alex Madeup", "hello", T0)], [LiMessage("Chris Friend", "Pat Recruiter", "hi", T0)]],
])
def test_2021_without_profile_when_the_holder_cannot_be_told(tmp_path: Path, inbox: list[list[LiMessage]]) -> None:
    items, ctx = read(export_2021(inbox).write_zip(tmp_path / "li.zip"))
    assert not [i for i in items if i.kind is ItemKind.MESSAGE]
    worded = sum(len(c) for c in inbox)
    assert [(s.file, code(s.reason), s.reason.values) for s in ctx.skipped] == [  # type: ignore[union-attr]
        ("messages.csv", "reader.linkedin.messages_no_account", (("count", worded),))]
    assert [i.kind for i in items if i.kind is not ItemKind.MESSAGE] == [ItemKind.POST, ItemKind.COMMENT]


def test_2021_with_profile_the_profile_says_who_sent(tmp_path: Path) -> None:
    inbox = [[LiMessage("Sam Other", HOLDER, "hello", T0), LiMessage(HOLDER, "Sam Other", "hi", T0)]]
    items, ctx = read(export_2021(inbox, with_profile=True).write_zip(tmp_path / "li.zip"))
    assert [i.text for i in items if i.kind is ItemKind.MESSAGE] == ["hi"] and ctx.skipped == []
