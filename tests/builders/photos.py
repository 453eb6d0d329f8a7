"""Builder of photos with chosen metadata (EXIF GPS, times, owner, serials, XMP) for tests and the demo.

Photos are tiny generated images of invented scenes; the metadata is what a phone or camera writes.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PIL import Image

from tests.builders._zipped import write_folder, write_zip


def _dms(value: float) -> tuple[float, float, float]:
    value = abs(value)
    degrees = int(value)
    minutes_full = (value - degrees) * 60
    minutes = int(minutes_full)
    return float(degrees), float(minutes), round((minutes_full - minutes) * 60, 4)


@dataclass(frozen=True)
class PhotoSpec:
    """What one generated photo's headers say."""

    lat: float | None = None
    lon: float | None = None
    altitude: float | None = None
    taken: datetime | None = None  # written as local wall time
    offset: str | None = None  # "+01:00": OffsetTimeOriginal; None: a naive camera clock
    make: str = "Google"
    model: str = "Pixel 8"
    owner: str = ""
    artist: str = ""
    serial: str = ""
    lens_serial: str = ""
    xmp: bytes | None = None
    size: tuple[int, int] = (16, 12)


def photo_bytes(spec: PhotoSpec, fmt: str = "JPEG") -> bytes:
    """A small image in `fmt` whose metadata is `spec`."""
    exif = Image.Exif()
    if spec.make:
        exif[0x010F] = spec.make
    if spec.model:
        exif[0x0110] = spec.model
    if spec.artist:
        exif[0x013B] = spec.artist
    if spec.lat is not None and spec.lon is not None:
        gps = exif.get_ifd(0x8825)
        gps[1] = "N" if spec.lat >= 0 else "S"
        gps[2] = _dms(spec.lat)
        gps[3] = "E" if spec.lon >= 0 else "W"
        gps[4] = _dms(spec.lon)
        if spec.altitude is not None:
            gps[5] = 0 if spec.altitude >= 0 else 1
            gps[6] = abs(spec.altitude)
    sub = exif.get_ifd(0x8769)
    if spec.taken is not None:
        sub[0x9003] = spec.taken.strftime("%Y:%m:%d %H:%M:%S")
        if spec.offset:
            sub[0x9011] = spec.offset
    if spec.owner:
        sub[0xA430] = spec.owner
    if spec.serial:
        sub[0xA431] = spec.serial
    if spec.lens_serial:
        sub[0xA435] = spec.lens_serial
    out = io.BytesIO()
    image = Image.new("RGB", spec.size, (90, 120, 150))
    kwargs: dict[str, object] = {"exif": exif}
    if spec.xmp is not None and fmt in ("JPEG", "PNG", "WEBP", "TIFF"):
        kwargs["xmp"] = spec.xmp
    if fmt == "HEIF":
        import pillow_heif

        pillow_heif.register_heif_opener()
        kwargs.pop("xmp", None)
    image.save(out, fmt, **kwargs)
    return out.getvalue()


def xmp_packet(lat: str = "", lon: str = "", creator: str = "", serial: str = "") -> bytes:
    """An XMP packet as photo apps write it (attributes on rdf:Description)."""
    attrs = []
    if lat:
        attrs.append(f'exif:GPSLatitude="{lat}"')
    if lon:
        attrs.append(f'exif:GPSLongitude="{lon}"')
    if serial:
        attrs.append(f'aux:SerialNumber="{serial}"')
    creator_xml = (f"<dc:creator><rdf:Seq><rdf:li>{creator}</rdf:li></rdf:Seq></dc:creator>" if creator else "")
    return (
        '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>'
        '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">'
        '<rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" xmlns:aux="http://ns.adobe.com/exif/1.0/aux/" '
        f'xmlns:dc="http://purl.org/dc/elements/1.1/" {" ".join(attrs)}>{creator_xml}</rdf:Description>'
        '</rdf:RDF></x:xmpmeta><?xpacket end="w"?>'
    ).encode()


def write_photo(path: Path, spec: PhotoSpec, fmt: str = "JPEG") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(photo_bytes(spec, fmt))
    return path


DEMO_STATION = (51.4613, -0.0094)  # Lewisham, the demo officer's station
DEMO_EXPORT = "Phone photos.zip"


def _demo_files(persona: Any) -> dict[str, bytes]:
    home = persona.home
    t = datetime(2025, 6, 14, 18, 5, 0)
    return {
        "Phone photos/IMG_20250614_180500.jpg": photo_bytes(PhotoSpec(*home, taken=t, offset="+01:00")),
        "Phone photos/IMG_20250615_093012.jpg": photo_bytes(PhotoSpec(
            home[0] + 0.0002, home[1] - 0.0001, taken=t.replace(day=15, hour=9), offset="+01:00")),
        "Phone photos/DSC_0042.jpg": photo_bytes(PhotoSpec(make="Canon", model="EOS R50", owner=persona.name,
                                                           serial="032021004477", taken=t.replace(day=20))),
        "Phone photos/IMG_20250701_120000.jpg": photo_bytes(PhotoSpec(taken=t.replace(month=7, day=1))),
    }


def build_demo_photos(dest_dir: Path, persona: Any = None) -> Path:
    """A folder of the demo officer's phone photos: two taken at home with GPS, one naming her."""
    from scripts.make_demo import PERSONA

    write_folder(_demo_files(persona or PERSONA), dest_dir)
    return dest_dir / "Phone photos"


def build_demo(out: Path, persona: Any, truth: Any) -> list[Path]:
    """make_demo.py plug-in: a zip of phone photos with home GPS and the camera owner's name."""
    files = _demo_files(persona)
    path = write_zip(files, out / DEMO_EXPORT)
    truth.export(DEMO_EXPORT, "photos", "Phone photos of the invented officer")
    truth.plant(export=DEMO_EXPORT, platform="photos", category="photo_metadata",
                file="IMG_20250614_180500.jpg", pointer="", what="photo with GPS of home",
                location=persona.home, radius_m=150.0, timestamp=datetime(2025, 6, 14, 17, 5, tzinfo=UTC))
    truth.plant(export=DEMO_EXPORT, platform="photos", category="photo_metadata", file="DSC_0042.jpg",
                pointer="", what="camera owner name and body serial number in the photo")
    return [path]
