"""The engine's records: what readers yield, what detectors find, what an audit reports.

Everything here is a frozen dataclass or an enum, so records can be shared between
threads (the desktop app scans in a worker) and compared and hashed freely.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import UTC, datetime


class Platform(enum.StrEnum):
    """Where an item came from (the contract's `platform` values)."""

    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    X = "x"
    LINKEDIN = "linkedin"
    TIKTOK = "tiktok"
    SNAPCHAT = "snapchat"
    GOOGLE = "google"
    STRAVA = "strava"
    MASTODON = "mastodon"
    BLUESKY = "bluesky"
    THREADS = "threads"
    REDDIT = "reddit"
    YOUTUBE = "youtube"
    PHOTOS = "photos"
    WEB = "web"
    OTHER = "other"

    @property
    def label(self) -> str:
        """The platform's name in the person's language (from the words catalogue)."""
        return _say(f"platform.{self.value}")




class Category(enum.StrEnum):
    """What kind of exposure a finding is (the contract's `category` values)."""

    HOME_ADDRESS = "home_address"
    LOCATION_PATTERN = "location_pattern"
    EMPLOYER_DISCLOSURE = "employer_disclosure"
    IDENTITY_DETAILS = "identity_details"
    FAMILY_DETAILS = "family_details"
    PHOTO_METADATA = "photo_metadata"
    OFFICIAL_INFORMATION = "official_information"
    CONDUCT_RISK = "conduct_risk"
    ACCOUNT_EXPOSURE = "account_exposure"

    @property
    def label(self) -> str:
        """The category's name in the person's language (from the words catalogue)."""
        return _say(f"category.{self.value}")




class Severity(enum.StrEnum):
    """How much harm an exposure can do (`low`, `medium`, `high`)."""

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def rank(self) -> int:
        return {"low": 1, "medium": 2, "high": 3}[self.value]


@dataclass(frozen=True)
class Message:
    """Words for a person, as a stable code and its values ("employer.title.profile", platform=...).

    The engine never writes sentences: it reports codes, and `checks.report.words` turns them into
    the person's language from the catalogue in `resources/words/`. A value may itself be a
    Message (a platform's name, "a public post"), rendered in the same language.
    """

    code: str
    values: tuple[tuple[str, str | int | float | Message], ...] = ()

    def value(self, name: str) -> str | int | float | Message | None:
        for key, val in self.values:
            if key == name:
                return val
        return None


def _say(code: str) -> str:
    from checks.report.words import say  # the words layer reads records; imported when first needed

    return say(Message(code))


def msg(code: str, **values: object) -> Message:
    """A Message; enum values (a Platform, a Category) become their own codes ("platform.x")."""
    out: list[tuple[str, str | int | float | Message]] = []
    for key, val in values.items():
        if isinstance(val, enum.Enum):
            out.append((key, Message(f"{type(val).__name__.lower()}.{val.value}")))
        elif isinstance(val, str | int | float | Message):
            out.append((key, val))
        else:
            raise TypeError(f"a message value must be text, a number, an enum or a Message, not {type(val).__name__}")
    return Message(code, tuple(out))


class ItemKind(enum.StrEnum):
    """What a reader's item is."""

    POST = "post"  # a post, tweet, status, caption, share
    COMMENT = "comment"
    MESSAGE = "message"  # a private message written by the person
    PROFILE_FIELD = "profile_field"  # one field of the account's profile
    PHOTO = "photo"  # a photo file or the export's record of one
    VIDEO = "video"
    CHECKIN = "checkin"  # a check-in, tagged place, place visit
    LOCATION = "location"  # a raw location fix (location history)
    ACTIVITY = "activity"  # a run/ride (Strava), with start/end points
    SETTING = "setting"  # an account setting the export shows (private account: false)
    OTHER = "other"


class Audience(enum.StrEnum):
    """Who could see an item, where the export says."""

    PUBLIC = "public"
    FRIENDS = "friends"  # followers, connections, friends: a limited circle
    PRIVATE = "private"  # only the person (or the platform)
    UNKNOWN = "unknown"


class ProfileField(enum.StrEnum):
    """Normalised names of profile fields, so detectors need not know each platform's keys."""

    NAME = "name"
    USERNAME = "username"
    BIO = "bio"
    BIRTH_DATE = "birth_date"
    PHONE = "phone"
    EMAIL = "email"
    ADDRESS = "address"  # a street address or part of one
    POSTCODE = "postcode"
    CITY = "city"  # current city / location as displayed
    HOMETOWN = "hometown"
    EMPLOYER = "employer"
    JOB_TITLE = "job_title"
    EDUCATION = "education"
    FAMILY_MEMBER = "family_member"
    PARTNER = "partner"
    WEBSITE = "website"
    GENDER = "gender"
    IP_ADDRESS = "ip_address"  # an internet address the platform recorded (Meta's upload IP of a photo)
    OTHER = "other"


class SettingName(enum.StrEnum):
    """Account settings an export can show (SETTING items put one of these in `field`).

    Values in `Item.text` are normalised: "true"/"false" for switches, "everyone"/"followers"/
    "only_me" for audiences, a number as text for counts and radii.
    """

    PRIVATE_ACCOUNT = "private_account"  # Instagram, TikTok, Mastodon locked
    PROTECTED_POSTS = "protected"  # X protected posts
    FIND_BY_PHONE = "find_by_phone"  # others can find you from your phone number
    FIND_BY_EMAIL = "find_by_email"
    SUGGEST_TO_CONTACTS = "suggest_to_contacts"
    ACTIVITY_VISIBILITY = "activity_visibility"  # Strava: who sees activities
    PROFILE_VISIBILITY = "profile_visibility"
    PRIVACY_ZONES = "privacy_zones"  # Strava: number of privacy zones
    PRIVACY_ZONE_RADIUS_M = "privacy_zone_radius_m"  # Strava: the largest zone's radius
    LOCATION_SHARING = "location_sharing"  # Snap Map: "true" unless Ghost Mode
    TAGGING = "tagging"  # who can tag you
    SEARCH_ENGINE_INDEXING = "search_engine_indexing"
    DISCOVERABLE = "discoverable"  # Mastodon/Bluesky: listed in directories, shown to logged-out


@dataclass(frozen=True)
class GeoPoint:
    """A position in WGS84 degrees with its uncertainty in metres, if known."""

    lat: float
    lon: float
    accuracy_m: float | None = None


@dataclass(frozen=True)
class Source:
    """Exactly where a piece of evidence sits in an export (the contract's `source`)."""

    input: int
    file: str
    pointer: str = ""
    timestamp: datetime | None = None
    url: str | None = None

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {"input": self.input, "file": self.file, "pointer": self.pointer}
        if self.timestamp is not None:
            out["timestamp"] = iso_utc(self.timestamp)
        if self.url:
            out["url"] = self.url
        return out


@dataclass(frozen=True)
class Item:
    """One record read from an export. Readers know formats; they know nothing about risks.

    `text` is what a person wrote or what a field holds. `field` names a profile field or a
    setting (for SETTING items `text` is the setting's value as the export shows it, e.g.
    "false"). `details` carries small extra facts as pairs (camera serial, owner name,
    activity type, place name) without widening the record for every platform.
    """

    platform: Platform
    kind: ItemKind
    source: Source
    text: str = ""
    field: ProfileField | str | None = None
    location: GeoPoint | None = None
    end_location: GeoPoint | None = None  # where an activity ended
    audience: Audience = Audience.UNKNOWN
    media: str | None = None  # member path of a media file in the same export
    label: str | None = None  # a place label the platform gave: "Home", "Work", "TYPE_HOME"
    details: tuple[tuple[str, str], ...] = ()

    @property
    def time(self) -> datetime | None:
        return self.source.timestamp

    def detail(self, key: str) -> str | None:
        for k, v in self.details:
            if k == key:
                return v
        return None


@dataclass(frozen=True)
class Place:
    """A place on the ground a finding is about (the contract's `location`), and its name."""

    lat: float
    lon: float
    radius_m: float
    near: str | None = None  # "near Croydon", from the offline gazetteer

    def to_json(self) -> dict[str, object]:
        out: dict[str, object] = {
            "lat": round(self.lat, 6),
            "lon": round(self.lon, 6),
            "radius_m": round(self.radius_m, 1),
        }
        if self.near:
            out["near"] = self.near
        return out


@dataclass(frozen=True)
class Basis:
    """What carried a text finding: the rule or the model, the signals, and the words that weighed most.

    `words` are spans of the finding's evidence (masked like the evidence on every surface);
    `signals` are signal names (`checks.detectors.signals.Signal`, words under `signal.` in the
    catalogue); `rule` is "model" or the id of the assertion in resources/rules/decisions.toml.
    """

    rule: str
    signals: tuple[str, ...] = ()
    words: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Detection:
    """What a detector reports about one item (or an analyzer about many).

    `key` is the normalised thing exposed (a postcode without spaces, a phone number in E.164,
    "employer:met") so the same exposure found in 20 posts merges into one finding.
    `evidence` is the raw snippet; it is masked when written unless the person asks.
    """

    detector: str
    category: Category
    severity: Severity
    confidence: float
    title: Message | str
    reason: Message | str
    evidence: str
    key: str
    source: Source
    platform: Platform
    item_kind: ItemKind = ItemKind.OTHER
    place: Place | None = None
    related: tuple[Source, ...] = ()
    advice: tuple[str, ...] = ()
    audience: Audience = Audience.UNKNOWN
    span: tuple[int, int] | None = None  # the sensitive part of `evidence`, masked on output
    # every other sensitive part of `evidence` (names, places, numbers beside the span), masked too
    spans: tuple[tuple[int, int], ...] = ()
    # For places inferred from many items: where those items were, for a local drawing (never a map).
    points: tuple[tuple[float, float, str], ...] = ()  # (lat, lon, item kind)
    basis: Basis | None = None  # for text findings: what carried it


@dataclass(frozen=True)
class Finding:
    """One exposure, merged across every record that shows it (the contract's finding)."""

    id: str
    detector: str
    category: Category
    severity: Severity
    confidence: float
    title: Message | str
    reason: Message | str
    evidence: str
    platform: Platform
    source: Source
    related: tuple[Source, ...] = ()
    place: Place | None = None
    advice: tuple[str, ...] = ()
    item_kind: ItemKind = ItemKind.OTHER
    audience: Audience = Audience.UNKNOWN
    key: str = ""
    span: tuple[int, int] | None = None
    spans: tuple[tuple[int, int], ...] = ()  # see Detection.spans
    points: tuple[tuple[float, float, str], ...] = ()  # see Detection.points
    basis: Basis | None = None  # see Detection.basis

    @property
    def occurrences(self) -> int:
        return 1 + len(self.related)


@dataclass(frozen=True)
class Skipped:
    """A member of an export that was not read, and why (plain words)."""

    file: str
    reason: Message | str


@dataclass(frozen=True)
class InputSummary:
    """One export given to the audit: what it was recognised as and what was read."""

    path: str
    platform: Platform
    format: str
    items: int
    skipped: tuple[Skipped, ...] = ()
    readable: bool = True
    message: Message | str = ""  # why the export could not be read, or a note
    size_bytes: int = 0
    export_date: str | None = None


@dataclass(frozen=True)
class ScoreDriver:
    """One reason the score is what it is ("your home address appears in 3 places")."""

    text: Message | str
    points: float
    category: Category | None = None


@dataclass(frozen=True)
class Score:
    value: int
    band: str  # "low", "moderate", "high", "severe"
    drivers: tuple[ScoreDriver, ...] = ()
    state: str = "complete"  # "incomplete": some export gave nothing to read, or the audit was stopped


@dataclass(frozen=True)
class ChecklistEntry:
    """One thing to do: a setting to change or an action to take (the contract's checklist)."""

    advice: str
    platform: str
    title: str
    why: Message | str  # the catalogue's why, with what was found ("advice.why")
    steps: tuple[str, ...]
    findings: tuple[str, ...]
    source: str | None
    checked: str
    done: bool = False
    already_done: bool = False  # the export shows the setting is already as advised
    priority: float = 0.0
    web_steps: tuple[str, ...] = ()
    choose: str = ""
    side_effects: str = ""
    fallback: str = ""


@dataclass(frozen=True)
class Report:
    """The result of one audit."""

    tool_version: str
    generated_at: datetime
    inputs: tuple[InputSummary, ...]
    findings: tuple[Finding, ...]
    score: Score
    checklist: tuple[ChecklistEntry, ...]
    cancelled: bool = False
    notes: tuple[Message | str, ...] = field(default=())


def iso_utc(moment: datetime) -> str:
    """ISO 8601 in UTC with a Z, seconds precision (naive datetimes are taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
