"""Photo metadata from file headers: GPS, capture time, camera owner and serial numbers.

Used by the photo-folder reader and by every reader that finds media inside an export
(`photo_item`). Headers only: `Image.open` + `getexif()` parse the metadata segments and never
decode pixels (`.load()` is never called), so thousands of photos a second can be checked.
Formats are allow-listed (JPEG/MPO, HEIC/HEIF, PNG, TIFF/DNG, WebP); Pillow's decompression
bomb guard turns into a skip. XMP packets are read too (`exif:GPSLatitude` "51,26.334N",
`dc:creator`, `aux:SerialNumber`), because some apps write only XMP.
"""

from __future__ import annotations

import io
import re
import struct
import warnings
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from typing import IO

from PIL import Image

from checks.readers.base import ReadContext
from checks.readers.geo_parse import parse_time, parse_xmp_coordinate, point, to_float
from checks.readers.jsonstream import READ_ERRORS, reason_for
from checks.records import GeoPoint, Item, ItemKind, Message, Platform, msg

try:  # HEIC/HEIF from phones
    import pillow_heif

    pillow_heif.register_heif_opener()
    _HEIF = True
except ImportError:  # pragma: no cover - pillow-heif is a dependency
    _HEIF = False

PHOTO_SUFFIXES = (".jpg", ".jpeg", ".jpe", ".png", ".heic", ".heif", ".tif", ".tiff", ".webp", ".dng")
Image.init()
# MPO is a JPEG variant (its own opener in older Pillow); keep only openers this Pillow has.
_FORMATS: list[str] = [f for f in ("JPEG", "MPO", "PNG", "TIFF", "WEBP", "HEIF") if f in Image.OPEN]
# JPEG and PNG keep their metadata before the pixel data: the head is enough.
_HEAD_BYTES = 256 * 1024
MAX_PHOTO_BYTES = 200 * 1024 * 1024

_GPS_IFD = 0x8825
_EXIF_IFD = 0x8769
_MAKE, _MODEL, _SOFTWARE, _ARTIST, _DATETIME = 0x010F, 0x0110, 0x0131, 0x013B, 0x0132
_DATETIME_ORIGINAL, _OFFSET_ORIGINAL, _OFFSET = 0x9003, 0x9011, 0x9010
_OWNER, _BODY_SERIAL, _LENS_SERIAL = 0xA430, 0xA431, 0xA435



@dataclass(frozen=True)
class PhotoMeta:
    """What a photo's headers say about where, when and whose camera."""

    location: GeoPoint | None = None
    altitude_m: float | None = None
    taken: datetime | None = None  # UTC
    taken_naive: bool = False  # the camera gave no time zone; taken as this computer's local time
    make: str = ""
    model: str = ""
    software: str = ""
    owner: str = ""  # CameraOwnerName or XMP/EXIF creator
    artist: str = ""
    serial: str = ""  # camera body serial number
    lens_serial: str = ""
    format: str = ""

    @property
    def identifying(self) -> bool:
        """Whether the photo names its owner or carries a serial number."""
        return bool(self.owner or self.artist or self.serial or self.lens_serial)


class PhotoError(Exception):
    """The file is not a photo Offduty can read; `reason` says why (a `reader.photo.*` code)."""

    def __init__(self, reason: Message) -> None:
        super().__init__(reason.code)
        self.reason = reason


def _text(value: object) -> str:
    if isinstance(value, bytes):
        value = value.split(b"\x00", 1)[0].decode("utf-8", "replace")
    if not isinstance(value, str):
        return ""
    return value.replace("\x00", "").strip()[:200]


def _rational(value: object) -> float | None:
    if isinstance(value, tuple) and len(value) == 2:  # (numerator, denominator)
        num, den = to_float(value[0]), to_float(value[1])
        return num / den if num is not None and den else None
    return to_float(value)


def _dms(value: object) -> float | None:
    if isinstance(value, (tuple, list)):
        parts = [_rational(v) for v in value[:3]]
        if not parts or any(p is None for p in parts):
            return None
        nums = [p for p in parts if p is not None] + [0.0, 0.0]
        return nums[0] + nums[1] / 60.0 + nums[2] / 3600.0
    return _rational(value)


def _ref(value: object) -> str:
    return _text(value).upper()[:1]


def _gps(gps: dict[int, object]) -> tuple[GeoPoint | None, float | None]:
    lat, lon = _dms(gps.get(2)), _dms(gps.get(4))
    if lat is None or lon is None:
        return None, None
    if _ref(gps.get(1)) == "S":
        lat = -abs(lat)
    if _ref(gps.get(3)) == "W":
        lon = -abs(lon)
    alt = _rational(gps.get(6))
    if alt is not None and gps.get(5) in (1, b"\x01"):
        alt = -alt
    return point(lat, lon), alt


_OFFSET_RX = re.compile(r"^([+-])(\d{2}):?(\d{2})$")


def _capture_time(raw: object, offset: object) -> tuple[datetime | None, bool]:
    text = _text(raw)
    # "YYYY:MM:DD HH:MM:SS": sliced rather than strptime'd (it is read for every photo)
    if len(text) < 19 or text[4] != ":" or text[7] != ":" or text[13] != ":" or text[16] != ":":
        return None, False
    try:
        naive = datetime(int(text[0:4]), int(text[5:7]), int(text[8:10]), int(text[11:13]), int(text[14:16]),
                         int(text[17:19]))
    except ValueError:
        return None, False
    m = _OFFSET_RX.match(_text(offset)) if offset else None
    if m:
        delta = timedelta(hours=int(m.group(2)), minutes=int(m.group(3)))
        tz = timezone(delta if m.group(1) == "+" else -delta)
        return naive.replace(tzinfo=tz).astimezone(UTC), False
    try:
        return naive.astimezone(UTC), True  # naive: this computer's local time zone
    except (OverflowError, OSError, ValueError):
        return naive.replace(tzinfo=UTC), True


_XMP_ATTR = r'{name}\s*=\s*"([^"]{{1,200}})"'
_XMP_ELEM = r"<{name}>\s*(?:<rdf:(?:Seq|Bag|Alt)>\s*<rdf:li[^>]*>)?([^<]{{1,200}})<"


def _xmp_value(xmp: str, name: str) -> str:
    for pattern in (_XMP_ATTR, _XMP_ELEM):
        m = re.search(pattern.format(name=re.escape(name)), xmp)
        if m:
            return m.group(1).strip()
    return ""


def _xmp(raw: object) -> dict[str, str]:
    if isinstance(raw, bytes):
        text = raw[:512 * 1024].decode("utf-8", "replace")
    elif isinstance(raw, str):
        text = raw[:512 * 1024]
    else:
        return {}
    out = {}
    for key, name in (("lat", "exif:GPSLatitude"), ("lon", "exif:GPSLongitude"), ("creator", "dc:creator"),
                      ("serial", "aux:SerialNumber"), ("serial2", "exifEX:BodySerialNumber"),
                      ("owner", "aux:OwnerName"), ("owner2", "exifEX:CameraOwnerName"),
                      ("lens_serial", "aux:LensSerialNumber"), ("taken", "exif:DateTimeOriginal"),
                      ("taken2", "photoshop:DateCreated")):
        value = _xmp_value(text, name)
        if value:
            out[key] = value
    return out


def _open_image(stream: IO[bytes], name: str) -> Image.Image:
    try:
        return Image.open(stream, formats=_FORMATS)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PhotoError(msg("reader.photo.bomb")) from None
    except Image.UnidentifiedImageError:
        raise PhotoError(msg("reader.photo.unknown_format")) from None
    except (SyntaxError, ValueError, struct.error, IndexError, TypeError, OSError, EOFError):
        raise PhotoError(msg("reader.photo.damaged_header")) from None



def read_meta(stream: IO[bytes], name: str = "") -> PhotoMeta:
    """Metadata from a photo stream (seekable, or the bytes of the head/whole file)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # Pillow's notes about odd tags: not the person's concern
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        return _read_meta(stream, name)


def _read_meta(stream: IO[bytes], name: str) -> PhotoMeta:
    image = _open_image(stream, name)
    try:
        try:
            exif = image.getexif()
            gps_ifd = exif.get_ifd(_GPS_IFD)
            exif_ifd = exif.get_ifd(_EXIF_IFD)
        except (SyntaxError, ValueError, struct.error, IndexError, TypeError, OSError, KeyError):
            exif, gps_ifd, exif_ifd = Image.Exif(), {}, {}
        location, altitude = _gps(gps_ifd) if gps_ifd else (None, None)
        taken, naive = _capture_time(exif_ifd.get(_DATETIME_ORIGINAL) or exif.get(_DATETIME),
                                     exif_ifd.get(_OFFSET_ORIGINAL) or exif_ifd.get(_OFFSET))
        raw_xmp = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp")
        xmp = _xmp(raw_xmp) if raw_xmp else {}
        if location is None and "lat" in xmp and "lon" in xmp:
            location = point(parse_xmp_coordinate(xmp["lat"]), parse_xmp_coordinate(xmp["lon"]))
        if taken is None and ("taken" in xmp or "taken2" in xmp):
            moment = parse_time(xmp.get("taken") or xmp.get("taken2"))
            taken, naive = moment, False
        return PhotoMeta(
            location=location,
            altitude_m=altitude,
            taken=taken,
            taken_naive=naive,
            make=_text(exif.get(_MAKE)),
            model=_text(exif.get(_MODEL)),
            software=_text(exif.get(_SOFTWARE)),
            owner=_text(exif_ifd.get(_OWNER)) or xmp.get("owner", "") or xmp.get("owner2", "")
            or xmp.get("creator", ""),
            artist=_text(exif.get(_ARTIST)),
            serial=_text(exif_ifd.get(_BODY_SERIAL)) or xmp.get("serial", "") or xmp.get("serial2", ""),
            lens_serial=_text(exif_ifd.get(_LENS_SERIAL)) or xmp.get("lens_serial", ""),
            format=image.format or "",
        )
    finally:
        image.close()


def read_member_meta(ctx: ReadContext, member_name: str) -> PhotoMeta:
    """Metadata of one export member; raises PhotoError (plain words) when it cannot be read."""
    member = ctx.export.member(member_name)
    if member is None:
        raise PhotoError(msg("reader.photo.missing"))
    if member.size == 0:
        raise PhotoError(msg("reader.empty"))
    low = member_name.lower()
    whole = not low.endswith((".jpg", ".jpeg", ".jpe", ".png"))
    if member.size > MAX_PHOTO_BYTES and whole:
        raise PhotoError(msg("reader.photo.too_large"))
    try:
        with ctx.export.open(member_name) as stream:
            if stream.seekable():
                return read_meta(stream, member_name)
            data = stream.read(MAX_PHOTO_BYTES if whole else _HEAD_BYTES)
            try:
                return read_meta(io.BytesIO(data), member_name)
            except PhotoError:
                if whole or len(data) < _HEAD_BYTES:
                    raise
                data += stream.read(MAX_PHOTO_BYTES)  # metadata beyond the head (rare)
                return read_meta(io.BytesIO(data), member_name)
    except READ_ERRORS as exc:
        raise PhotoError(reason_for(exc)) from None


def meta_details(meta: PhotoMeta) -> tuple[tuple[str, str], ...]:
    """The `details` pairs of a photo item."""
    pairs = []
    for key, value in (("make", meta.make), ("model", meta.model), ("owner", meta.owner),
                       ("artist", meta.artist), ("serial", meta.serial), ("lens_serial", meta.lens_serial),
                       ("software", meta.software), ("format", meta.format)):
        if value:
            pairs.append((key, value))
    if meta.altitude_m is not None:
        pairs.append(("altitude_m", f"{meta.altitude_m:.1f}"))
    if meta.taken_naive:
        pairs.append(("time_note", "the camera recorded no time zone; taken as this computer's local time"))
    return tuple(pairs)


def photo_item(ctx: ReadContext, member_name: str, platform: Platform, source_hint: str = "") -> Item | None:
    """A PHOTO item for a media member that carries a location or names its owner, else None.

    Unreadable media are reported with `ctx.skip`. `source_hint` says where the photo sits
    ("Snapchat memory", "Google Photos") and goes into `details`.
    """
    try:
        meta = read_member_meta(ctx, member_name)
    except PhotoError as exc:
        ctx.skip(member_name, msg("reader.photo.not_checked", reason=exc.reason))
        return None
    if meta.location is None and not meta.identifying:
        return None
    details = meta_details(meta)
    if source_hint:
        details = (("found_in", source_hint), *details)
    return Item(
        platform=platform,
        kind=ItemKind.PHOTO,
        source=ctx.source(member_name, "", meta.taken),
        location=meta.location,
        media=member_name,
        details=details,
    )
