"""Text read from inside photos: police markings and number plates (the optional OCR step)."""

from __future__ import annotations

import io
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image, ImageDraw, ImageFont

from checks.detectors.photo_text import PhotoTextDetector
from checks.readers import ocr
from checks.records import Category, Item, ItemKind, Platform, Source

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")


def _ocr_item(text: str, ocr_flag: bool = True) -> Item:
    details = (("ocr", "true"),) if ocr_flag else ()
    return Item(Platform.PHOTOS, ItemKind.PHOTO, Source(0, "DCIM/IMG_0001.JPG", "", datetime(2025, 1, 1, tzinfo=UTC)),
                text=text, media="DCIM/IMG_0001.JPG", details=details)


def test_police_marking_in_a_photo_is_an_employer_disclosure() -> None:
    found = list(PhotoTextDetector().detect(_ocr_item("METROPOLITAN POLICE\nSTOP")))
    assert len(found) == 1 and found[0].category is Category.EMPLOYER_DISCLOSURE
    assert found[0].evidence[found[0].span[0]:found[0].span[1]] == "POLICE"


def test_a_sentence_about_the_police_is_not_a_marking() -> None:
    assert not list(PhotoTextDetector().detect(_ocr_item("If you see something suspicious call the police on 101")))


def test_number_plate_in_a_photo() -> None:
    found = list(PhotoTextDetector().detect(_ocr_item("AB12 CDE")))
    assert [d.key for d in found] == ["plate:AB12CDE"] and found[0].category is Category.IDENTITY_DETAILS


def test_typed_text_is_left_to_the_text_detectors() -> None:
    assert not list(PhotoTextDetector().detect(_ocr_item("POLICE", ocr_flag=False)))


@pytest.mark.skipif(not ocr.available() or not FONT.exists(), reason="the optional OCR engine is not installed")
def test_scan_with_ocr_reads_police_from_a_photo(tmp_path: Path) -> None:
    from checks.pipeline import audit

    image = Image.new("RGB", (700, 200), "white")
    ImageDraw.Draw(image).text((30, 50), "POLICE", fill="black", font=ImageFont.truetype(str(FONT), 96))
    buf = io.BytesIO()
    image.save(buf, "JPEG", quality=92)
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "IMG_0001.jpg").write_bytes(buf.getvalue())
    (folder / "IMG_0002.jpg").write_bytes(buf.getvalue())
    without = audit([folder])
    assert not [f for f in without.findings if f.detector == "photo_text"]
    report = audit([folder], ocr=True)
    markings = [f for f in report.findings if f.detector == "photo_text"]
    assert len(markings) == 1 and markings[0].occurrences == 2
