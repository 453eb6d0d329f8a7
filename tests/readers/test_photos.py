"""Photo metadata from headers (checks.readers.exif) and the photo-folder reader."""

from __future__ import annotations

import io
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from checks.readers.exif import PhotoError, read_meta
from checks.records import ItemKind, Message, Platform
from tests.builders.photos import PhotoSpec, build_demo_photos, photo_bytes, write_photo, xmp_packet
from tests.readers._util import code, read_export, read_with

HOME = (51.4415, -0.0508)


def meta(data: bytes):  # type: ignore[no-untyped-def]
    return read_meta(io.BytesIO(data))


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP", "HEIF"])
def test_gps_in_every_format(fmt: str) -> None:
    m = meta(photo_bytes(PhotoSpec(*HOME, altitude=41.5), fmt))
    assert m.location is not None
    assert m.location.lat == pytest.approx(HOME[0], abs=1e-5)
    assert m.location.lon == pytest.approx(HOME[1], abs=1e-5)


def test_tiff_headers_are_read() -> None:
    # Pillow cannot write a GPS IFD into a TIFF, so this checks the TIFF path with IFD0 tags.
    m = meta(photo_bytes(PhotoSpec(make="Nikon", model="Z 6"), "TIFF"))
    assert (m.format, m.make, m.model) == ("TIFF", "Nikon", "Z 6")


def test_southern_western_refs_and_below_sea_level() -> None:
    m = meta(photo_bytes(PhotoSpec(-33.8688, -70.6483, altitude=-12.0)))
    assert m.location is not None and m.location.lat < 0 and m.location.lon < 0
    assert m.altitude_m == pytest.approx(-12.0)


def test_zero_zero_is_no_location() -> None:
    assert meta(photo_bytes(PhotoSpec(0.0, 0.0))).location is None


def test_time_with_offset_is_utc_and_naive_is_noted() -> None:
    m = meta(photo_bytes(PhotoSpec(taken=datetime(2024, 7, 1, 8, 30), offset="+01:00")))
    assert m.taken == datetime(2024, 7, 1, 7, 30, tzinfo=UTC) and not m.taken_naive
    naive = meta(photo_bytes(PhotoSpec(taken=datetime(2024, 7, 1, 8, 30))))
    assert naive.taken is not None and naive.taken_naive


def test_owner_serials_make_model() -> None:
    m = meta(photo_bytes(PhotoSpec(make="Canon", model="EOS R50", owner="Invented Person", artist="I. Person",
                                   serial="0123456789", lens_serial="LS-42")))
    assert (m.make, m.model, m.owner, m.artist, m.serial, m.lens_serial) == (
        "Canon", "EOS R50", "Invented Person", "I. Person", "0123456789", "LS-42")
    assert m.identifying


def test_xmp_only_gps_creator_serial() -> None:
    spec = PhotoSpec(make="", model="", xmp=xmp_packet("51,26.49N", "0,3.048W", "Invented Creator", "XMP-SN-9"))
    m = meta(photo_bytes(spec))
    assert m.location is not None
    assert m.location.lat == pytest.approx(51.4415, abs=1e-4) and m.location.lon == pytest.approx(-0.0508, abs=1e-4)
    assert m.owner == "Invented Creator" and m.serial == "XMP-SN-9"


def test_not_a_photo_and_bomb_are_photo_errors() -> None:
    with pytest.raises(PhotoError):
        meta(b"this is not an image at all")
    with pytest.raises(PhotoError):
        meta(b"GIF89a" + b"\x00" * 20)  # not an allowed format
    huge = io.BytesIO()
    Image.new("1", (8, 8)).save(huge, "PNG")
    data = bytearray(huge.getvalue())
    data[16:24] = (100_000).to_bytes(4, "big") * 2  # declared 100,000 x 100,000 pixels
    with pytest.raises(PhotoError):
        meta(bytes(data))


def test_folder_reader_items_and_skips(tmp_path: Path) -> None:
    root = tmp_path / "Camera"
    write_photo(root / "a.jpg", PhotoSpec(*HOME, taken=datetime(2024, 5, 1, 12), offset="+00:00"))
    write_photo(root / "sub" / "b.heic", PhotoSpec(*HOME), "HEIF")
    write_photo(root / "c.jpg", PhotoSpec())  # nothing to report
    write_photo(root / "d.jpg", PhotoSpec(owner="Invented Owner"))
    (root / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really")
    (root / "empty.jpg").write_bytes(b"")
    items, ctx = read_export(root, "photos")
    by_media = {i.media: i for i in items}
    assert set(by_media) == {"a.jpg", "sub/b.heic", "d.jpg"}
    a = by_media["a.jpg"]
    assert a.kind is ItemKind.PHOTO and a.platform is Platform.PHOTOS
    assert a.source.file == "a.jpg" and a.source.pointer == "" and a.source.timestamp == datetime(2024, 5, 1, 12,
                                                                                                   tzinfo=UTC)
    assert by_media["d.jpg"].detail("owner") == "Invented Owner" and by_media["d.jpg"].location is None
    assert [s.file for s in ctx.skipped] == ["broken.jpg", "empty.jpg"]
    reason = ctx.skipped[1].reason
    assert isinstance(reason, Message) and reason.code == "reader.photo.not_checked"
    assert code(reason.value("reason")) == "reader.empty"  # type: ignore[arg-type]


def test_zip_members_are_read_from_the_head(tmp_path: Path) -> None:
    target = tmp_path / "photos.zip"
    with zipfile.ZipFile(target, "w") as zf:
        for i in range(5):
            zf.writestr(f"DCIM/IMG_{i}.jpg", photo_bytes(PhotoSpec(HOME[0] + i * 0.001, HOME[1], size=(600, 400))))
    items, ctx = read_export(target, "photos")
    assert len(items) == 5 and not ctx.skipped


def test_demo(tmp_path: Path) -> None:
    root = build_demo_photos(tmp_path)
    items, _ = read_export(root, "photos")
    assert sum(1 for i in items if i.location) == 2
    assert any(i.detail("serial") for i in items)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pos=st.integers(min_value=0, max_value=400), junk=st.binary(min_size=1, max_size=16))
def test_fuzz_mutated_headers_never_raise(tmp_path: Path, pos: int, junk: bytes) -> None:
    data = bytearray(photo_bytes(PhotoSpec(*HOME, owner="Invented Owner", serial="1")))
    data[pos:pos + len(junk)] = junk
    (tmp_path / "x.jpg").write_bytes(bytes(data))
    read_with("photos", tmp_path / "x.jpg")
