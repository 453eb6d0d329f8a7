"""Builds LinkedIn "Get a copy of your data" exports in the real structure (invented people only).

A flat zip of CSVs with subfolders `Jobs/` and `Verifications/` (research §4): exact headers,
the `Notes:` preamble of Connections.csv, a UTF-8 BOM and CRLF line ends (as seen in a real file),
quoted multi-line fields, member-id suffixed names (`Shares_<id>.csv`, `Comments_<id>.csv`) in
the 2026 style, prose dates in Rich_Media.csv, blank rows in PhoneNumbers.csv. The "2018" layout
writes what the first GDPR exports held: `Phone Numbers.csv` (with a space), `Shares.csv` in UTF-16
with a byte-order mark, tab-separated, quoted, with spaced headers (`Share Commentary`, `Shared
URL`...), `Messages.csv` with a `Direction` column, `Imported Contacts.csv`, and `Articles/<date>-
<title>.html` pages. The "2021" layout is an export without `Profile.csv` (as people publish it, or as
the "Basic" export held it): `Shares.csv`, `Comments.csv`, `Reactions.csv`, `Connections.csv` (no URL
column), `Skills.csv`, follows and `messages.csv` (lower case, LF line ends, no BOM) with `CONVERSATION
ID`, `FROM`, `SENDER PROFILE URL`, `TO` (names joined by ", ", a name may hold a comma itself), dates
as `2021-03-04 17:05:09 UTC`, FOLDER `INBOX` or `ARCHIVE` (never "SENT"), newest message first in each
conversation, and LinkedIn's own notices with no sender and no recipient.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from tests.builders._zipped import Written
from tests.builders.facebook import (
    DEMO_EMAIL,
    DEMO_FIRST,
    DEMO_LAST,
    DEMO_PHONE,
    DEMO_POSTCODE,
)

PROFILE_HEADER = ["First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline", "Summary", "Industry",
                  "Zip Code", "Geo Location", "Twitter Handles", "Websites", "Instant Messengers"]
CONNECTIONS_PREAMBLE = (
    'Notes:\r\n"When exporting your connection data, you may notice that some of the email addresses are missing. '
    'You will only see email addresses for connections who have allowed their connections to see or download '
    'their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more '
    'here https://www.linkedin.com/help/linkedin/answer/261"\r\n\r\n')


def csv_bytes(header: list[str], rows: list[list[str]], *, bom: bool = True, preamble: str = "",
              quote_header: bool = False) -> bytes:
    out = io.StringIO(newline="")
    out.write(preamble)
    writer = csv.writer(out, lineterminator="\r\n")
    if quote_header:
        out.write(",".join(f'"{h}"' for h in header) + "\r\n")
    else:
        writer.writerow(header)
    writer.writerows(rows)
    return (b"\xef\xbb\xbf" if bom else b"") + out.getvalue().encode("utf-8")


def linkedin_date(moment: datetime) -> str:
    return moment.strftime("%d %b %Y")


@dataclass
class LiMessage:
    """One row of the 2021 `messages.csv`."""

    sender: str  # "" for LinkedIn's own notices
    to: str  # the other participants' names, joined by ", "
    content: str
    when: datetime
    subject: str = ""
    url: str = ""  # the sender's profile address; by default made from the name

    def sender_url(self) -> str:
        slug = "-".join("".join(c if c.isalnum() else " " for c in self.sender.lower()).split())
        return self.url or (f"https://www.linkedin.com/in/{slug}-0a1b2c" if self.sender else "")


@dataclass
class LinkedInExport(Written):
    first: str = "Jo"
    last: str = "Invented"
    maiden: str = ""
    address: str = ""
    birth_date: str = "Jun 2"
    headline: str = "Detective Sergeant at Kent Police"
    summary: str = "Twelve years in policing.\nNow in CID."
    zip_code: str = ""
    geo: str = "London, England, United Kingdom"
    twitter: str = "[jo_invented]"
    websites: str = "[PORTFOLIO:https://example.org/jo]"
    positions: list[tuple[str, str, str, str, str]] = field(default_factory=list)  # company,title,loc,start,end
    education: list[tuple[str, str, str, str]] = field(default_factory=list)  # school,start,end,degree
    emails: list[tuple[str, str, str, datetime]] = field(default_factory=list)  # email, confirmed, primary, updated
    phones: list[tuple[str, str, str]] = field(default_factory=list)  # extension, number, type
    whatsapp: list[tuple[str, str]] = field(default_factory=list)  # number, extension
    shares: list[tuple[datetime, str, str]] = field(default_factory=list)  # when, commentary, visibility
    comments: list[tuple[datetime, str]] = field(default_factory=list)
    rich_media: list[tuple[datetime, str]] = field(default_factory=list)
    job_applications: list[tuple[str, str, str, str, str]] = field(default_factory=list)
    verifications: list[tuple[str, str, str]] = field(default_factory=list)  # org, city, year of birth
    contacts: list[tuple[str, str, str]] = field(default_factory=list)  # first, last, phones
    member_id: str | None = "417283"  # None: old names without the suffix
    connections: int = 3
    extra: dict[str, bytes] = field(default_factory=dict)
    layout: str = "2024"  # "2024" | "2018"
    messages: list[tuple[str, str, str, datetime]] = field(default_factory=list)  # from, to, content, when
    articles: list[tuple[datetime, str, str]] = field(default_factory=list)  # when, title, text
    conversations: list[list[LiMessage]] = field(default_factory=list)  # 2021 messages.csv, oldest first
    with_profile: bool = False  # "2021": whether Profile.csv is in the export

    def suffixed(self, stem: str) -> str:
        return f"{stem}_{self.member_id}.csv" if self.member_id else f"{stem}.csv"

    def files(self) -> dict[str, bytes]:
        if self.layout == "2021":
            return self._files_2021()
        out: dict[str, bytes] = {}
        out["Profile.csv"] = csv_bytes(PROFILE_HEADER, [[
            self.first, self.last, self.maiden, self.address, self.birth_date, self.headline, self.summary,
            "Law Enforcement", self.zip_code, self.geo, self.twitter, self.websites, ""]])
        out["Connections.csv"] = csv_bytes(
            ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"],
            [[f"Friend{k}", "Madeup", f"https://www.linkedin.com/in/friend{k}-madeup", "", "Invented Ltd",
              "Analyst", "12 Mar 2024"] for k in range(self.connections)], bom=False, preamble=CONNECTIONS_PREAMBLE)
        if self.positions:
            rows = [[c, t, "Duties as usual", loc, s, e] for c, t, loc, s, e in self.positions]
            out["Positions.csv"] = csv_bytes(["Company Name", "Title", "Description", "Location", "Started On",
                                              "Finished On"], rows)
        if self.education:
            out["Education.csv"] = csv_bytes(["School Name", "Start Date", "End Date", "Notes", "Degree Name",
                                              "Activities"], [[s, a, b, "", d, ""] for s, a, b, d in self.education])
        if self.emails:
            out["Email Addresses.csv"] = csv_bytes(
                ["Email Address", "Confirmed", "Primary", "Updated On"],
                [[e, c, p, when.strftime("%m/%d/%y, %I:%M %p").lstrip("0")] for e, c, p, when in self.emails])
        if self.phones:
            rows = [[x, n, t] for x, n, t in self.phones]
            rows.insert(1, ["", "", ""])  # LinkedIn writes blank rows
            name = "Phone Numbers.csv" if self.layout == "2018" else "PhoneNumbers.csv"
            out[name] = csv_bytes(["Extension", "Number", "Type"], rows)
        if self.whatsapp:
            out["Whatsapp Phone Numbers.csv"] = csv_bytes(["Number", "Extension", "Is_WhatsApp_Number"],
                                                          [[n, x, "true"] for n, x in self.whatsapp])
        if self.layout == "2018":
            out.update(self._files_2018())
        elif self.shares:
            out[self.suffixed("Shares")] = csv_bytes(
                ["Date", "ShareLink", "ShareCommentary", "SharedUrl", "MediaUrl", "Visibility"],
                [[w.strftime("%Y-%m-%d %H:%M:%S"), f"https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A{k}",
                  text, "", "", vis] for k, (w, text, vis) in enumerate(self.shares)])
        if self.comments:
            out[self.suffixed("Comments")] = csv_bytes(
                ["Date", "Link", "Message"],
                [[w.strftime("%Y-%m-%d %H:%M:%S"), f"https://www.linkedin.com/feed/update/urn:li:activity:{k}", text]
                 for k, (w, text) in enumerate(self.comments)])
        if self.rich_media:
            out["Rich_Media.csv"] = csv_bytes(
                ["Date/Time", "Media Description", "Media Link"],
                [[f"You uploaded a photo on {w:%B} {w.day}, {w.year} at {w.hour % 12 or 12}:{w:%M} "
                  f"{'AM' if w.hour < 12 else 'PM'} (GMT)", desc, f"https://media.licdn.com/invented/{k}.jpg"]
                 for k, (w, desc) in enumerate(self.rich_media)])
        if self.job_applications:
            out["Jobs/Job Applications.csv"] = csv_bytes(
                ["Application Date", "Contact Email", "Contact Phone Number", "Company Name", "Job Title", "Job Url",
                 "Resume Name", "Question And Answers"],
                [[d, e, p, c, t, "https://www.linkedin.com/jobs/view/1", "CV.pdf", ""]
                 for d, e, p, c, t in self.job_applications])
        if self.verifications:
            out["Verifications/Verifications.csv"] = csv_bytes(
                ["First name", "Middle name", "Last name", "Verification type", "Organization name", "Email address",
                 "Country", "State", "City", "Year of birth", "Issuing authority", "Document type",
                 "Verification service provider", "Verified date", "Expiry date"],
                [[self.first, "", self.last, "Workplace", org, "", "United Kingdom", "England", city, year, "", "",
                  "Invented Verify Ltd", "12 Jun 2024", ""] for org, city, year in self.verifications])
        if self.contacts and self.layout != "2018":
            out["Contacts.csv"] = csv_bytes(
                ["Source", "FirstName", "LastName", "Companies", "Title", "Emails", "PhoneNumbers", "CreatedAt",
                 "Addresses", "Sites", "InstantMessageHandles", "FullName", "Birthday", "Location", "BookmarkedAt",
                 "Profiles"],
                [["MOBILE_CONTACTS", f, la, "", "", "", p, "12/23/19, 4:10 AM", "", "", "", "", "", "", "", ""]
                 for f, la, p in self.contacts])
        out["LearningCoachMessages.csv"] = b"No conversations found\r\n"
        out.update(self.extra)
        return out

    def _files_2018(self) -> dict[str, bytes]:
        out: dict[str, bytes] = {}
        header = ["Date", "Share Title", "Share Description", "Share Link", "Share Commentary", "Shared URL",
                  "Media URL", "Type", "Visibility"]
        lines = ["\t".join(f'"{h}"' for h in header)]
        for k, (when, text, vis) in enumerate(self.shares):
            cells = [when.strftime("%Y-%m-%d %H:%M:%S"), "", "", f"https://www.linkedin.com/updates?topic={k}",
                     text, "", "", "", vis]
            lines.append("\t".join('"' + c.replace('"', '""') + '"' for c in cells))
        out["Shares.csv"] = ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-16-le")
        full = f"{self.first} {self.last}"
        out["Messages.csv"] = csv_bytes(
            ["From", "To", "Date", "Subject", "Content", "Direction", "Folder"],
            [[sender, to, when.strftime("%m/%d/%y, %I:%M %p"), "", text,
              "OUTGOING" if sender == full else "INCOMING", "INBOX"] for sender, to, text, when in self.messages])
        out["Imported Contacts.csv"] = csv_bytes(
            ["First Name", "Last Name", "Companies", "Title", "Email Address", "Phone Numbers", "Created At",
             "Instant Message Handles", "Addresses", "Sites", "Full Name", "Birthday", "Location", "Bookmarked At",
             "Profiles"], [[f, la, "", "", "", p, "", "", "", "", "", "", "", "", ""] for f, la, p in self.contacts])
        for when, title, text in self.articles:
            out[f"Articles/{when:%Y-%m-%d %H:%M:%S}.0-{title}.html"] = (
                f'<html><head><title>{title}</title></head><body><h1>{title}</h1>'
                f'<p class="created">Created on {when:%Y-%m-%d %H:%M}</p><div><p>{text}</p></div></body></html>'
            ).encode()
        return out


    def _files_2021(self) -> dict[str, bytes]:
        out: dict[str, bytes] = {}
        if self.with_profile:
            out["Profile.csv"] = csv_bytes(PROFILE_HEADER, [[
                self.first, self.last, "", "", "", self.headline, self.summary, "Law Enforcement", "", self.geo,
                "", "", ""]], bom=False)
        out["Connections.csv"] = csv_bytes(
            ["First Name", "Last Name", "Email Address", "Company", "Position", "Connected On"],
            [[f"Friend{k}", "Madeup", "", "Invented Ltd", "Analyst", "12 Mar 2021"] for k in range(self.connections)],
            bom=False, preamble=CONNECTIONS_PREAMBLE.replace("\r\n", "\n")).replace(b"\r\n", b"\n")
        out["Shares.csv"] = csv_bytes(
            ["Date", "ShareLink", "ShareCommentary", "SharedURL", "MediaURL", "Visibility"],
            [[w.strftime("%Y-%m-%d %H:%M:%S"), f"https://www.linkedin.com/feed/update/urn%3Ali%3Ashare%3A{k}",
              text, "", "", vis] for k, (w, text, vis) in enumerate(self.shares)], bom=False)
        out["Comments.csv"] = csv_bytes(
            ["Date", "Link", "Message"],
            [[w.strftime("%Y-%m-%d %H:%M:%S"), f"https://www.linkedin.com/feed/update/urn:li:activity:{k}", text]
             for k, (w, text) in enumerate(self.comments)], bom=False)
        out["Reactions.csv"] = csv_bytes(["Date", "Type", "Link"], [[
            "2021-03-01 09:00:00", "LIKE", "https://www.linkedin.com/feed/update/urn:li:activity:9"]], bom=False)
        out["Skills.csv"] = csv_bytes(["", "Name"], [["0", "Community Engagement"]], bom=False)
        out["Hashtag_Follows.csv"] = csv_bytes(["HashTag", "CreatedTime", "LastModifiedTime", "State"],
                                               [["policing", "2021-01-02", "2021-01-02", "FOLLOW"]], bom=False)
        out["Company Follows.csv"] = csv_bytes(["Organization", "Followed On"], [["Invented Ltd", "Mar 2021"]],
                                               bom=False).replace(b"\r\n", b"\n")
        rows = []
        for k, conversation in enumerate(self.conversations):
            cid = f"2-{k:04d}InventedConversationIdAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=="
            for m in reversed(conversation):  # newest first
                rows.append([cid, "", m.sender, m.sender_url(), m.to, m.when.strftime("%Y-%m-%d %H:%M:%S UTC"),
                             m.subject, m.content, "ARCHIVE" if k % 5 == 4 else "INBOX"])
        out["messages.csv"] = csv_bytes(
            ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO", "DATE", "SUBJECT",
             "CONTENT", "FOLDER"], rows, bom=False).replace(b"\r\n", b"\n")
        out.update(self.extra)
        return out


def demo_export() -> LinkedInExport:
    return LinkedInExport(
        first=DEMO_FIRST, last=DEMO_LAST, birth_date="Apr 17", headline="Police Constable at Metropolitan Police",
        summary="Response officer in South East London since 2017.\nInterested in roads policing.",
        zip_code=DEMO_POSTCODE, geo="Forest Hill, England, United Kingdom", twitter="", websites="",
        positions=[("Metropolitan Police Service", "Police Constable", "Lewisham, England, United Kingdom",
                    "Sep 2017", ""),
                   ("Invented Retail Ltd", "Store Supervisor", "Bromley", "Jun 2012", "Aug 2017")],
        education=[("Canterbury Christ Church University", "2009", "2012", "BSc Policing")],
        emails=[(DEMO_EMAIL, "Yes", "Yes", datetime(2019, 12, 22, 10, 6, tzinfo=UTC))],
        phones=[("", DEMO_PHONE, "Mobile")],
        shares=[(datetime(2025, 3, 1, 9, 0, tzinfo=UTC),
                 "Proud to pass out with the Met's response team in Lewisham today.", "PUBLIC")],
    )


def build_demo_linkedin(dest_dir: Path) -> Path:
    """Write the demo officer's LinkedIn export zip into `dest_dir`; returns its path."""
    dest_dir.mkdir(parents=True, exist_ok=True)
    return demo_export().write_zip(dest_dir / "Complete_LinkedInDataExport_11-02-2026.zip")


DEMO_TRUTH = [
    {"platform": "linkedin", "category": "employer_disclosure", "what": "current position at the Met",
     "file": "Positions.csv", "pointer": "/0/Company Name"},
    {"platform": "linkedin", "category": "home_address", "what": "postcode on the profile",
     "file": "Profile.csv", "pointer": "/0/Zip Code"},
    {"platform": "linkedin", "category": "identity_details", "what": "mobile number",
     "file": "PhoneNumbers.csv", "pointer": "/0/Number"},
]
