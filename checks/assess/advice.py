"""The advice catalogue: loading, validating, mapping findings to advice, building the checklist.

The catalogue is data (`resources/advice/*.json`): one file per platform or theme, each
`{"entries": [...]}`. An entry has a stable `id` (`<platform>.<name>`, never renamed:
`tests/advice/known_ids.txt` holds them), `platform`, `kind` (setting | action | offline |
household), `title`, `why`, `choose` (what to pick and why), `steps` (in the app), `web_steps` (on a
computer, when they differ), `risks` (categories it reduces), `side_effects`, `source` (official
https help page, or null for general advice), `checked` (YYYY-MM-DD), `confidence` (high | medium |
low), `fallback` (what to do when the menu has moved), and optionally `setting` + `done_when`
(an export-visible setting, "<platform>.<SettingName>", and the values that mean it is already
done; "nonzero" for counts) and `item_link` (the action is on the item itself: link to it).

`resources/advice/mapping.json` holds `{"rules": [...]}`: a rule matches a finding when each
given field (`category`, `platform`, `item_kind`, `detector`, `severity`: a value or a list;
`key`: prefixes of the finding's key) matches; `role` "item" rules give the action on the item,
"prevent" rules the settings that would have prevented it. Everything is validated at load; a
broken catalogue is a bug, so it raises CatalogueError.
"""

from __future__ import annotations

import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from checks.records import Audience, Category, ChecklistEntry, Finding, ItemKind, Message, Platform, Severity, msg
from checks.resources import resource_path

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:[.-][a-z0-9]+)+$")
CONFIDENCE = ("high", "medium", "low")
KINDS = ("setting", "action", "offline", "household")


class CatalogueError(ValueError):
    """The advice catalogue does not match its schema."""


@dataclass(frozen=True)
class Advice:
    """One entry of the catalogue."""

    id: str
    platform: str  # a Platform value, or "uk", "household", "whatsapp", "iphone", "android", "general"
    kind: str  # setting | action | offline | household
    title: str
    why: str
    choose: str
    steps: tuple[str, ...]
    web_steps: tuple[str, ...]
    risks: tuple[Category, ...]
    side_effects: str
    source: str | None
    checked: str
    confidence: str
    fallback: str
    # An export-visible setting that shows this is already done: {"setting": name, "done_when": [values]}
    setting: str | None = None
    done_when: tuple[str, ...] = ()
    item_link: bool = False  # the action is on the item itself (delete this post): link to it
    settings_url: str | None = None  # the exact settings page, where the platform has a stable address
    settings_checked: str = ""

    @property
    def link(self) -> str | None:
        """Where a step opens: the setting itself where it has a stable address, else the help page."""
        return self.settings_url or self.source

    @property
    def link_checked(self) -> str:
        """The date `link` was checked."""
        return self.settings_checked if self.settings_url else self.checked


@dataclass(frozen=True)
class MappingRule:
    """One row of mapping.json: when a finding matches every given field, it gets `advice`.

    Each field is a set of allowed values (empty: any). `key` holds prefixes of the finding's
    key ("setting:private_account"). `role` is "item" (the action on the item itself: delete this
    post) or "prevent" (the setting that would have stopped it).
    """

    category: frozenset[str]
    platform: frozenset[str]
    item_kind: frozenset[str]
    detector: frozenset[str]
    key: tuple[str, ...]
    severity: frozenset[str]
    role: str
    advice: tuple[str, ...]

    def matches(self, category: str, platform: str, item_kind: str, detector: str, key: str,
                severity: str | None) -> bool:
        return ((not self.category or category in self.category)
                and (not self.platform or platform in self.platform)
                and (not self.item_kind or item_kind in self.item_kind)
                and (not self.detector or detector in self.detector)
                and (not self.key or any(key.startswith(k) for k in self.key))
                and (not self.severity or (severity is not None and severity in self.severity)))


FALLBACK = "general.review-item"
ROLES = ("item", "prevent")


_REQUIRED = ("id", "platform", "kind", "title", "why", "choose", "steps", "risks", "source",
             "checked", "confidence", "fallback")


def _check_text(raw: dict[str, object], where: str, ident: str) -> None:
    for key in ("title", "why", "choose", "fallback"):
        value = raw[key]
        if not isinstance(value, str) or not value.strip():
            raise CatalogueError(f"{where}: {ident}: {key} must be non-empty text")
    steps = raw["steps"]
    if not isinstance(steps, list) or not steps or not all(isinstance(s, str) and s.strip() for s in steps):
        raise CatalogueError(f"{where}: {ident}: steps must be a non-empty list of text")
    web_steps = raw.get("web_steps", [])
    if not isinstance(web_steps, list) or not all(isinstance(s, str) for s in web_steps):
        raise CatalogueError(f"{where}: {ident}: web_steps must be a list of text")


def _check_choices(raw: dict[str, object], where: str, ident: str) -> None:
    if raw["kind"] not in KINDS:
        raise CatalogueError(f"{where}: {ident}: kind must be one of {KINDS}")
    if raw["confidence"] not in CONFIDENCE:
        raise CatalogueError(f"{where}: {ident}: confidence must be one of {CONFIDENCE}")
    checked = raw["checked"]
    if not isinstance(checked, str) or not re.match(r"^\d{4}-\d{2}-\d{2}$", checked):
        raise CatalogueError(f"{where}: {ident}: checked must be a YYYY-MM-DD date")
    source = raw["source"]
    if source is not None and (not isinstance(source, str) or not source.startswith("https://")):
        raise CatalogueError(f"{where}: {ident}: source must be an https link or null")
    settings_url = raw.get("settings_url")
    if settings_url is not None:
        if not isinstance(settings_url, str) or not settings_url.startswith("https://"):
            raise CatalogueError(f"{where}: {ident}: settings_url must be an https link")
        dated = raw.get("settings_checked")
        if not isinstance(dated, str) or not re.match(r"^\d{4}-\d{2}-\d{2}$", dated):
            raise CatalogueError(f"{where}: {ident}: settings_url needs a settings_checked YYYY-MM-DD date")


def _risks(raw: dict[str, object], where: str, ident: str) -> tuple[Category, ...]:
    try:
        risks = tuple(Category(r) for r in raw["risks"])  # type: ignore[attr-defined]
    except (ValueError, TypeError):
        raise CatalogueError(f"{where}: {ident}: unknown risk in {raw['risks']!r}") from None
    if not risks:
        raise CatalogueError(f"{where}: {ident}: risks must not be empty")
    return risks


def _validate_entry(raw: object, where: str) -> Advice:
    if not isinstance(raw, dict):
        raise CatalogueError(f"{where}: an entry is not an object")
    missing = [k for k in _REQUIRED if k not in raw]
    if missing:
        raise CatalogueError(f"{where}: entry {raw.get('id')!r} lacks {', '.join(missing)}")
    ident = raw["id"]
    if not isinstance(ident, str) or not ID_PATTERN.match(ident):
        raise CatalogueError(f"{where}: bad id {ident!r}")
    _check_text(raw, where, ident)
    _check_choices(raw, where, ident)
    return Advice(
        id=ident, platform=str(raw["platform"]), kind=raw["kind"], title=raw["title"].strip(),
        why=raw["why"].strip(), choose=raw["choose"].strip(), steps=tuple(raw["steps"]),
        web_steps=tuple(raw.get("web_steps", [])), risks=_risks(raw, where, ident),
        side_effects=str(raw.get("side_effects", "")), source=raw["source"], checked=raw["checked"],
        confidence=raw["confidence"], fallback=raw["fallback"], setting=raw.get("setting"),
        done_when=tuple(str(v).lower() for v in raw.get("done_when", [])),
        item_link=bool(raw.get("item_link", False)),
        settings_url=raw.get("settings_url"), settings_checked=str(raw.get("settings_checked", "")),
    )


class Catalogue:
    """Every advice entry by id, plus the rules that map findings to them."""

    def __init__(self, entries: Sequence[Advice], rules: Sequence[MappingRule]) -> None:
        self.entries: dict[str, Advice] = {}
        for entry in entries:
            if entry.id in self.entries:
                raise CatalogueError(f"duplicate advice id {entry.id}")
            self.entries[entry.id] = entry
        for rule in rules:
            for ident in rule.advice:
                if ident not in self.entries:
                    raise CatalogueError(f"mapping names unknown advice id {ident}")
        self.rules = tuple(rules)

    def get(self, ident: str) -> Advice | None:
        return self.entries.get(ident)

    def __contains__(self, ident: str) -> bool:
        return ident in self.entries

    def __len__(self) -> int:
        return len(self.entries)

    def ids_for(self, *, category: Category, platform: Platform, item_kind: ItemKind, detector: str,
                declared: Iterable[str] = (), key: str = "", severity: Severity | None = None) -> tuple[str, ...]:
        """Advice for a finding: the action on the item first, then the settings that would have
        prevented it, then cross-platform themes. Never empty: with no action on the item itself,
        `general.review-item` leads.

        Declared ids (from the detector) are kept when they exist in the catalogue.
        """
        sev = severity.value if severity is not None else None
        items: list[str] = []
        prevent: list[str] = []
        for ident in declared:
            if ident in self.entries and ident not in items:
                items.append(ident)
        for rule in self.rules:
            if rule.matches(category.value, platform.value, item_kind.value, detector, key, sev):
                bucket = items if rule.role == "item" else prevent
                bucket.extend(rule.advice)
        if not items:
            items.append(FALLBACK)
        return tuple(dict.fromkeys([*items, *prevent]))

    def for_finding(self, finding: Finding) -> tuple[str, ...]:
        """`ids_for` with everything a finding says about itself (never empty: see ids_for)."""
        return self.ids_for(category=finding.category, platform=finding.platform, item_kind=finding.item_kind,
                            detector=finding.detector, declared=finding.advice, key=finding.key,
                            severity=finding.severity)

    def for_platform(self, platform: str) -> list[Advice]:
        return [e for e in self.entries.values() if e.platform == platform]

    @property
    def platforms(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(e.platform for e in self.entries.values()))


def _strings(raw: Mapping[str, object], name: str, where: str) -> frozenset[str]:
    value = raw.get(name)
    if value is None:
        return frozenset()
    if isinstance(value, str):
        return frozenset((value,))
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return frozenset(value)
    raise CatalogueError(f"{where}: {name} must be text or a list of text")


def _load_rules(path: Path) -> list[MappingRule]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise CatalogueError(f"{path.name}: not valid JSON ({exc})") from None
    rules = []
    categories = {c.value for c in Category}
    platforms = {p.value for p in Platform}
    kinds = {k.value for k in ItemKind}
    severities = {s.value for s in Severity}
    for n, raw in enumerate(data.get("rules", [])):
        where = f"{path.name} rule {n}"
        if not isinstance(raw, dict):
            raise CatalogueError(f"{where}: not an object")
        category = _strings(raw, "category", where)
        platform = _strings(raw, "platform", where)
        item_kind = _strings(raw, "item_kind", where)
        severity = _strings(raw, "severity", where)
        for values, allowed, label in ((category, categories, "category"), (platform, platforms, "platform"),
                                       (item_kind, kinds, "item_kind"), (severity, severities, "severity")):
            unknown = values - allowed
            if unknown:
                raise CatalogueError(f"{where}: unknown {label} {sorted(unknown)}")
        role = raw.get("role", "prevent")
        if role not in ROLES:
            raise CatalogueError(f"{where}: role must be one of {ROLES}")
        advice = raw.get("advice")
        if not isinstance(advice, list) or not advice or not all(isinstance(a, str) for a in advice):
            raise CatalogueError(f"{where}: a rule has no advice")
        rules.append(MappingRule(category, platform, item_kind, _strings(raw, "detector", where),
                                 tuple(sorted(_strings(raw, "key", where))), severity, role, tuple(advice)))
    return rules


def load_catalogue(folder: Path | None = None) -> Catalogue:
    """Load and validate every catalogue file in `folder` (default: resources/advice)."""
    folder = folder or resource_path("advice")
    entries: list[Advice] = []
    rules: list[MappingRule] = []
    paths = sorted(folder.glob("*.json"))
    if not paths:
        raise CatalogueError(f"no catalogue files in {folder}")
    for path in paths:
        if path.name == "mapping.json":
            rules.extend(_load_rules(path))
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise CatalogueError(f"{path.name}: not valid JSON ({exc})") from None
        if not isinstance(data, dict) or not isinstance(data.get("entries"), list):
            raise CatalogueError(f"{path.name}: expected an object with an \"entries\" list")
        for raw in data["entries"]:
            entries.append(_validate_entry(raw, path.name))
    catalogue = Catalogue(entries, rules)
    if FALLBACK not in catalogue:
        raise CatalogueError(f"the catalogue lacks the fallback entry {FALLBACK}")
    return catalogue


@lru_cache(maxsize=1)
def default_catalogue() -> Catalogue:
    return load_catalogue()


_STRAVA_ACTIVITY = re.compile(r"^activities/(\d{5,})\.(?:gpx|tcx|fit)(?:\.gz)?$", re.IGNORECASE)
# The page to fix a profile field or a setting on, where the platform has one stable address for
# it (the same pages as the catalogue's `settings_url`s); Mastodon's depend on the server, and
# Threads, TikTok and Bluesky edit a profile in a dialog with no address of its own.
_PROFILE_PAGES = {
    Platform.X: "https://x.com/settings/profile",
    Platform.INSTAGRAM: "https://www.instagram.com/accounts/edit/",
    Platform.STRAVA: "https://www.strava.com/settings/profile",
    Platform.LINKEDIN: "https://www.linkedin.com/in/me/",
    Platform.FACEBOOK: "https://www.facebook.com/me/about",
    Platform.REDDIT: "https://www.reddit.com/settings/profile",
    Platform.YOUTUBE: "https://studio.youtube.com/",
    Platform.SNAPCHAT: "https://accounts.snapchat.com/",
    Platform.GOOGLE: "https://myaccount.google.com/profile",
}
_SETTINGS_PAGES = {
    Platform.X: "https://x.com/settings/privacy_and_safety",
    Platform.INSTAGRAM: "https://www.instagram.com/accounts/privacy_setting/",
    Platform.STRAVA: "https://www.strava.com/settings/privacy",
    Platform.FACEBOOK: "https://www.facebook.com/privacy/checkup",
    Platform.LINKEDIN: "https://www.linkedin.com/public-profile/settings",
    Platform.THREADS: "https://www.threads.com/settings/privacy",
    Platform.REDDIT: "https://www.reddit.com/settings/privacy",
    Platform.YOUTUBE: "https://www.youtube.com/account_advanced",
    Platform.TIKTOK: "https://www.tiktok.com/setting",
    Platform.BLUESKY: "https://bsky.app/settings/privacy-and-security",
    Platform.GOOGLE: "https://myactivity.google.com/activitycontrols",
}


def item_link(finding: Finding) -> str | None:
    """A direct link to the item (or the page to fix it on), where the platform allows one.

    The reader's own link comes first (an X post's URL); a Strava activity file is named by its
    activity id; profile fields and settings link to the platform's edit page.
    """
    if finding.source.url:
        return finding.source.url
    if finding.platform is Platform.STRAVA:
        m = _STRAVA_ACTIVITY.match(finding.source.file)
        if m:
            return f"https://www.strava.com/activities/{m.group(1)}"
    if finding.item_kind is ItemKind.PROFILE_FIELD:
        return _PROFILE_PAGES.get(finding.platform)
    if finding.item_kind is ItemKind.SETTING:
        return _SETTINGS_PAGES.get(finding.platform)
    return None


_VISIBILITY = {Audience.PUBLIC: 1.3, Audience.UNKNOWN: 1.0, Audience.FRIENDS: 0.85, Audience.PRIVATE: 0.6}


def _weight(f: Finding) -> float:
    visibility = 1.3 if f.platform is Platform.WEB else _VISIBILITY[f.audience]
    return f.severity.rank * f.confidence * visibility * (1 + 0.1 * min(f.occurrences, 20))


CROSS_PLATFORM = ("general", "uk", "household", "iphone", "android")


def _impact(advice: Advice, linked: Sequence[Finding]) -> float:
    """How much doing this reduces exposure: the worst finding it answers, a little more for each
    further one, more for acting on the items themselves than for broad cross-platform advice."""
    if not linked:
        return 0.0
    weights = [_weight(f) for f in linked]
    impact = max(weights) * (1 + 0.25 * math.log1p(len(weights) - 1))
    if advice.kind == "action" and advice.platform not in CROSS_PLATFORM:
        impact *= 1.2  # acting on the item itself removes the exposure now
    elif advice.platform in CROSS_PLATFORM:
        impact *= 0.7
    return impact


_ABOUT = {
    Category.HOME_ADDRESS: msg("advice.about.home_address"),
    Category.LOCATION_PATTERN: msg("advice.about.location_pattern"),
    Category.EMPLOYER_DISCLOSURE: msg("advice.about.employer_disclosure"),
    Category.IDENTITY_DETAILS: msg("advice.about.identity_details"),
    Category.FAMILY_DETAILS: msg("advice.about.family_details"),
    Category.PHOTO_METADATA: msg("advice.about.photo_metadata"),
    Category.OFFICIAL_INFORMATION: msg("advice.about.official_information"),
    Category.CONDUCT_RISK: msg("advice.about.conduct_risk"),
    Category.ACCOUNT_EXPOSURE: msg("advice.about.account_exposure"),
}


def _why(advice: Advice, findings: Sequence[Finding]) -> Message | str:
    """The catalogue's why, after what was found: "Found in 3 places in your exports (...). <why>"."""
    if not findings:
        return advice.why
    about: Message | None = None
    for category in sorted({f.category for f in findings}, key=list(Category).index, reverse=True):
        about = _ABOUT[category] if about is None else msg("advice.about.and", first=_ABOUT[category], rest=about)
    assert about is not None
    return msg("advice.why", count=sum(f.occurrences for f in findings), about=about, why=advice.why)


def attach_advice(findings: Iterable[Finding], catalogue: Catalogue) -> list[Finding]:
    """Each finding with its advice ids (the catalogue's general advice when nothing specific fits)."""
    return [replace(f, advice=catalogue.for_finding(f)) for f in findings]


def is_done(advice: Advice, settings: Mapping[str, str]) -> bool:
    """Whether the export shows this setting already as advised."""
    if not advice.setting or advice.setting not in settings:
        return False
    value = settings[advice.setting].strip().lower()
    if value in advice.done_when:
        return True
    if "nonzero" in advice.done_when:
        try:
            return float(value) > 0
        except ValueError:
            return False
    return False


def build_checklist(findings: Sequence[Finding], catalogue: Catalogue,
                    settings: Mapping[str, str] | None = None) -> tuple[ChecklistEntry, ...]:
    """One entry per advice id used, ordered by impact, plus settings the export shows as done.

    Every advice id any finding carries appears exactly once. Settings the export shows are
    already as advised appear too, ticked, so the person sees what they have already done.
    """
    settings = {k: str(v).lower() for k, v in (settings or {}).items()}
    by_advice: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        for ident in finding.advice:
            by_advice[ident].append(finding)
    for candidate in catalogue.entries.values():
        if candidate.id not in by_advice and is_done(candidate, settings):
            by_advice[candidate.id] = []
    entries: list[ChecklistEntry] = []
    for ident, linked in by_advice.items():
        advice = catalogue.get(ident)
        if advice is None:
            continue
        impact = _impact(advice, linked)
        already = is_done(advice, settings)
        entries.append(ChecklistEntry(
            advice=ident, platform=advice.platform, title=advice.title, why=_why(advice, linked),
            steps=advice.steps, findings=tuple(dict.fromkeys(f.id for f in linked)), source=advice.source,
            checked=advice.checked, done=already, already_done=already, priority=round(impact, 3),
            web_steps=advice.web_steps, choose=advice.choose, side_effects=advice.side_effects,
            fallback=advice.fallback,
        ))
    entries.sort(key=lambda e: (e.already_done, -e.priority, e.platform, e.advice))
    return tuple(entries)
