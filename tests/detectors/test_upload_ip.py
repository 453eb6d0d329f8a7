"""upload_ip: each internet address Facebook kept for an upload is one finding, with advice, masked."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime
from pathlib import Path

from checks import audit
from checks.detectors import DETECTORS
from checks.detectors.upload_ip import UploadIpAddress
from checks.records import Audience, Category, Item, ItemKind, Platform, ProfileField, Report, Severity, Source, msg
from checks.report.disclosure import disclosure
from checks.report.json_report import write_json
from checks.report.summary import write_summary
from tests.builders.facebook import FacebookExport, FbMedia, FbPost
from tests.detectors.conftest import make_post, run, run_all

T0 = datetime(2019, 5, 4, 10, 0, tzinfo=UTC)
IP = "203.0.113.24"


def upload_ip(address: str = IP, platform: Platform = Platform.FACEBOOK) -> Item:
    return Item(platform, ItemKind.OTHER,
                Source(0, "photos_and_videos/album/0.json", "/photos/0/media_metadata/photo_metadata/upload_ip", T0),
                text=address, field=ProfileField.IP_ADDRESS, audience=Audience.PRIVATE,
                details=(("kind", "upload IP address"), ("media", "photos_and_videos/holiday/1.jpg")))


def test_it_is_registered() -> None:
    assert UploadIpAddress in DETECTORS


def test_an_upload_address_is_one_identity_finding_keyed_by_the_address() -> None:
    (found,) = run(UploadIpAddress, upload_ip())
    assert (found.detector, found.category, found.severity) == ("upload_ip", Category.IDENTITY_DETAILS, Severity.LOW)
    assert found.key == f"upload_ip:{IP}"
    assert found.title == msg("upload_ip.title", platform=Platform.FACEBOOK)
    assert found.reason == msg("upload_ip.reason", platform=Platform.FACEBOOK)
    assert (found.evidence, found.span) == (IP, (0, len(IP)))
    assert found.source.pointer.endswith("/upload_ip") and found.audience is Audience.PRIVATE


def test_only_this_detector_reports_it() -> None:
    assert [d.detector for d in run_all(upload_ip())] == ["upload_ip"]


def test_an_address_written_in_a_post_or_an_empty_one_is_not_an_upload_address() -> None:
    assert run(UploadIpAddress, make_post(f"my router is on {IP} lol")) == []
    assert run(UploadIpAddress, upload_ip(address="  ")) == []


def _audit(tmp_path: Path, name: str = "facebook-jo-2019.zip") -> Report:
    export = FacebookExport(layout="2019", posts=[
        FbPost("Sunday walk", T0, media=[FbMedia("walk.jpg", T0, upload_ip=IP)]),
        FbPost("Garden", T0, media=[FbMedia("garden.jpg", T0, upload_ip=IP)]),
        FbPost("Beach", T0, media=[FbMedia("beach.jpg", T0, upload_ip="198.51.100.7")])])
    return audit([export.write_zip(tmp_path / name)])


def test_a_facebook_export_gives_one_finding_per_address_with_its_advice(tmp_path: Path) -> None:
    report = _audit(tmp_path)
    found = sorted((f for f in report.findings if f.detector == "upload_ip"), key=lambda f: f.key)
    assert [f.key for f in found] == ["upload_ip:198.51.100.7", f"upload_ip:{IP}"]
    assert all("facebook.upload-ip-address" in f.advice for f in found)
    assert any(e.advice == "facebook.upload-ip-address" for e in report.checklist)
    again = _audit(tmp_path, "facebook-jo-2019-again.zip")
    assert {f.id for f in found} <= {f.id for f in again.findings}  # the id stays the same


def test_the_address_is_masked_everywhere_unless_revealed(tmp_path: Path) -> None:
    report = _audit(tmp_path)
    found = next(f for f in report.findings if f.key == f"upload_ip:{IP}")
    masked = disclosure(report)
    assert "203" not in masked.evidence(found) and "113" not in masked.evidence(found)
    summary, data = io.StringIO(), io.StringIO()
    write_summary(report, summary, d=masked)
    write_json(report, data, d=masked)
    for text in (summary.getvalue(), data.getvalue()):
        assert IP not in text and "198.51.100.7" not in text
    assert json.loads(data.getvalue())  # still a valid report
    assert disclosure(report, reveal=True).evidence(found) == IP
