"""Meta (Facebook and Instagram) export helpers: the mojibake fix, media and label/value records.

Meta writes each UTF-8 byte of a non-ASCII character as its own `\\u00XX` escape, so after
JSON decoding "Università" reads "UniversitÃ\xa0". `fix` reverses that on keys and values;
strings that are already correct (any code point above U+00FF, or bytes that are not valid
UTF-8) are left exactly as they were. The media helpers read the `media_metadata.exif_data`
blocks where Meta keeps the capture time, GPS position, camera and upload IP of a photo.
`personal_fields` reads the `string_map_data` profile blocks Instagram and Threads share, whose
labels are in the account's language (known labels, else each value's shape and position).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

from checks.exports.archive import Export
from checks.pointer import join
from checks.readers.base import ReadContext
from checks.readers.jsonstream import as_dict, as_list, as_str, details, from_epoch, geo
from checks.records import Audience, GeoPoint, Item, ItemKind, Platform, ProfileField, SettingName


def fix(text: str) -> str:
    """Undo Meta's byte-per-escape encoding; leave correct strings alone."""
    if not text or text.isascii():
        return text
    try:  # a code point above U+00FF fails the encode: the string is already right
        return text.encode("latin-1").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def fix_tree(value: Any, _depth: int = 0) -> Any:
    """`fix` applied to every string of a decoded JSON value, dict keys included."""
    if _depth > 80:
        return value
    if isinstance(value, str):
        return fix(value)
    if isinstance(value, dict):
        return {fix(str(k)): fix_tree(v, _depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [fix_tree(v, _depth + 1) for v in value]
    return value


VIDEO_SUFFIXES = (".mp4", ".mov", ".m4v", ".3gp", ".webm", ".avi")


def meta_item(platform: Platform, ctx: ReadContext, name: str, kind: ItemKind, ptr: str,
              when: datetime | None = None, **fields: Any) -> Item:
    """An item of a Meta export (Facebook, Instagram, Threads) at pointer `ptr` of member `name`."""
    return Item(platform=platform, kind=kind, source=ctx.source(name, ptr, when), **fields)


def meta_field(platform: Platform, ctx: ReadContext, name: str, fld: ProfileField | str, text: str, ptr: str,
               when: datetime | None = None, extra: tuple[tuple[str, str], ...] = ()) -> Item:
    """A PROFILE_FIELD item of a Meta export."""
    return meta_item(platform, ctx, name, ItemKind.PROFILE_FIELD, ptr, when, text=text, field=fld, details=extra)


def is_video(uri: str, metadata: dict[str, Any] | None = None) -> bool:
    if metadata and "video_metadata" in metadata:
        return True
    return uri.lower().endswith(VIDEO_SUFFIXES)


def member_for(export: Export, uri: str) -> str | None:
    """The export member a Meta `uri` names (relative to the export root), if present."""
    if not uri or uri.startswith(("http://", "https://")):
        return None
    clean = uri.lstrip("/")
    found = export.member(clean)
    if found is not None:
        return found.name
    # Some exports keep the uri with the wrapper folder of the original zip in front.
    parts = clean.split("/", 1)
    if len(parts) == 2:
        found = export.member(parts[1])
        if found is not None:
            return found.name
    return None


_EXIF_DATE = re.compile(r"^(\d{4}):(\d{2}):(\d{2})[ T](\d{2}):(\d{2}):(\d{2})")


def exif_datetime(text: str) -> datetime | None:
    """"2021:11:23 08:18:43" (EXIF, no zone: taken as UTC) to a datetime."""
    match = _EXIF_DATE.match(text or "")
    if not match:
        return None
    try:
        y, mo, d, h, mi, se = (int(g) for g in match.groups())
        return datetime(y, mo, d, h, mi, se, tzinfo=UTC)
    except ValueError:
        return None


class MediaFacts:
    """What a Meta media object says: where (GPS), when, with what, from which IP.

    Meta keeps these under `media_metadata.photo_metadata` (or `video_metadata`): since 2020 in an
    `exif_data` list, in 2018-19 exports directly in the block (`{"upload_ip": ..., "latitude":
    ...}`); both are read. `upload_ip` / `ip_pointer` say from which internet address the file was
    uploaded and where in the export that is written.
    """

    def __init__(self, media: dict[str, Any], pointer: str) -> None:
        self.uri = as_str(media.get("uri"))
        self.title = as_str(media.get("title"))
        self.description = as_str(media.get("description"))
        self.created = from_epoch(media.get("creation_timestamp"))
        meta = as_dict(media.get("media_metadata"))
        self.video = is_video(self.uri, meta)
        self.location: GeoPoint | None = None
        self.pointer = pointer
        self.taken: datetime | None = None
        self.upload_ip = ""
        self.ip_pointer = ""
        self.facts: list[tuple[str, str]] = []
        for kind in ("photo_metadata", "video_metadata"):
            for here, exif in _exif_entries(as_dict(meta.get(kind)), join(pointer, "media_metadata", kind)):
                self._read(exif, here)
        self._add_taken()

    def _add_taken(self) -> None:
        if self.taken is not None:
            self.facts.append(("taken", self.taken.strftime("%Y-%m-%dT%H:%M:%SZ")))

    def _read(self, exif: dict[str, Any], here: str) -> None:
        point = geo(exif.get("latitude"), exif.get("longitude"))
        if point is not None and self.location is None:
            self.location = point
            self.pointer = here
        taken = from_epoch(exif.get("taken_timestamp")) or exif_datetime(as_str(exif.get("date_time_original")))
        if taken is not None and self.taken is None:
            self.taken = taken
        for key in ("camera_make", "camera_model", "upload_ip", "device_id", "software"):
            value = as_str(exif.get(key))
            if value and (key, value) not in self.facts:
                self.facts.append((key, value))
        if as_str(exif.get("upload_ip")) and not self.upload_ip:
            self.upload_ip, self.ip_pointer = as_str(exif.get("upload_ip")), join(here, "upload_ip")
        upload = from_epoch(exif.get("upload_timestamp"))
        if upload is not None and self.created is None:
            self.created = upload

    @property
    def time(self) -> datetime | None:
        return self.taken or self.created

    @property
    def text(self) -> str:
        return self.description or self.title


def upload_ip_item(ctx: ReadContext, platform: Platform, name: str, facts: MediaFacts) -> Item | None:
    """The internet address a photo or video was uploaded from, once per address per export: Meta
    keeps it for each file, and it places the uploader's broadband or phone network roughly."""
    if not facts.upload_ip or not ctx.once("upload_ip", facts.upload_ip):
        return None
    return Item(platform, ItemKind.OTHER, ctx.source(name, facts.ip_pointer, facts.time), text=facts.upload_ip,
                field=ProfileField.IP_ADDRESS, audience=Audience.PRIVATE,
                details=details(("kind", "upload IP address"), ("media", facts.uri)))


_FLAT_KEYS = ("upload_ip", "latitude", "longitude", "taken_timestamp", "camera_make", "camera_model",
              "upload_timestamp", "date_time_original", "device_id")


def _exif_entries(block: dict[str, Any], base: str) -> Iterator[tuple[str, dict[str, Any]]]:
    """(pointer, entry) of a metadata block: each `exif_data` entry, or the block itself (2018-19)."""
    if isinstance(block.get("exif_data"), list):
        for index, exif in enumerate(block["exif_data"]):
            yield join(base, "exif_data", index), as_dict(exif)
    elif any(key in block for key in _FLAT_KEYS):
        yield base, block


def label_entries(label_values: Any, base: str) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(pointer, label, entry) for each entry of a Meta `label_values` list (labels are localised)."""
    for index, entry in enumerate(as_list(label_values)):
        entry = as_dict(entry)
        if entry:
            yield join(base, index), as_str(entry.get("label")), entry


# -- personal information (`string_map_data`), Instagram and Threads ----------------------------

# Localised labels of `string_map_data` (lower case, after the mojibake fix).
LABELS: dict[str, ProfileField | str] = {}
for _field_name, _labels in {
    ProfileField.EMAIL: ("email", "email address", "indirizzo e-mail", "e-mail", "e-mail-adresse",
                         "correo electrónico", "adresse e-mail", "e-mailadres", "endereço de e-mail"),
    ProfileField.PHONE: ("phone number", "numero di telefono", "telefonnummer", "número de teléfono",
                         "numéro de téléphone", "telefoonnummer", "número de telefone"),
    ProfileField.USERNAME: ("username", "nome utente", "benutzername", "nombre de usuario",
                            "nom d’utilisateur", "nom d'utilisateur", "gebruikersnaam", "nome de usuário"),
    ProfileField.NAME: ("name", "nome", "nombre", "nom", "naam"),
    ProfileField.BIO: ("bio", "biografia", "biografie", "biografía", "biographie"),
    ProfileField.GENDER: ("gender", "genere", "geschlecht", "género", "genre", "geslacht", "gênero"),
    ProfileField.BIRTH_DATE: ("date of birth", "data di nascita", "geburtsdatum", "fecha de nacimiento",
                              "date de naissance", "geboortedatum", "data de nascimento"),
    ProfileField.WEBSITE: ("website", "sito web", "sitio web", "site web", "site", "link", "links"),
    "private_account": ("private account", "account privato", "privates konto", "cuenta privada",
                        "compte privé", "privéaccount", "conta privada"),
    "phone_confirmed": ("phone confirmed", "telefono confermato"),
    "email_confirmed": ("email confirmed",),
}.items():
    for _label in _labels:
        LABELS[_label] = _field_name

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[a-z]{2,}$", re.I)
_PHONE = re.compile(r"^\+?[\d ()./-]{7,20}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_URL = re.compile(r"^(https?://|www\.)", re.I)
_TRUE = {"true", "vero", "wahr", "verdadero", "vrai", "waar", "verdadeiro", "sì", "si", "yes", "ja", "oui", "sim"}
_FALSE = {"false", "falso", "falsch", "faux", "onwaar", "no", "nein", "non", "nee", "não"}
PLACEHOLDER_BIRTH_DATE = "1919-01-01"


def boolean(value: str) -> str | None:
    """"true"/"false" from a yes/no word in any of the export languages, else None."""
    low = value.strip().lower()
    return "true" if low in _TRUE else "false" if low in _FALSE else None


def by_shape(value: str, previous: ProfileField | str | None) -> ProfileField | str | None:
    """The field a value is, judged by shape and by the field before it (labels unknown)."""
    if _EMAIL.match(value):
        return ProfileField.EMAIL
    if _DATE.match(value):
        return ProfileField.BIRTH_DATE
    if _URL.match(value):
        return ProfileField.WEBSITE
    if boolean(value) is not None:
        # "Phone Confirmed" follows the phone number; "Private Account" comes last.
        return "phone_confirmed" if previous == ProfileField.PHONE else "private_account"
    if _PHONE.match(value) and sum(ch.isdigit() for ch in value) >= 7:
        return ProfileField.PHONE
    return None


def personal_fields(ctx: ReadContext, platform: Platform, name: str, smd: dict[str, Any], base: str,
                    judge_shape: bool = True) -> Iterator[Item]:
    """Profile fields (and the private-account SETTING) from a `string_map_data` block. Labels in
    a language Offduty does not know are judged by the value's shape and position, only when
    `judge_shape` (the profile record itself, not insight records) and no label of the block is known."""
    previous: ProfileField | str | None = None
    # A block whose labels Offduty knows is in a known language: its other labels (a Threads
    # profile's "Onboarding Time", "Is Eligible for Profile Activation Badge") are not guessed at.
    known = any(LABELS.get(fix(str(k)).strip().lower()) not in (None, "phone_confirmed", "email_confirmed")
                for k in smd)
    judge_shape = judge_shape and not known
    for raw_key, entry in smd.items():
        entry = as_dict(entry)
        label = fix(str(raw_key)).strip()
        value = fix(as_str(entry.get("value")))
        fld = LABELS.get(label.lower())
        if fld is None and value and judge_shape:
            fld = by_shape(value, previous)
        previous = fld
        if not value or fld is None or fld in ("phone_confirmed", "email_confirmed"):
            continue
        source = ctx.source(name, join(base, str(raw_key), "value"), from_epoch(entry.get("timestamp")))
        if fld == "private_account":
            flag = boolean(value)
            if flag is not None:
                yield Item(platform, ItemKind.SETTING, source, text=flag, field=SettingName.PRIVATE_ACCOUNT,
                           details=details(("label", label)))
            continue
        if fld == ProfileField.BIRTH_DATE and value.startswith(PLACEHOLDER_BIRTH_DATE):
            continue
        yield Item(platform, ItemKind.PROFILE_FIELD, source, text=value, field=fld, details=details(("label", label)))
