"""The advice catalogue: loading, validating, mapping findings to advice, building the checklist.

The catalogue is data (`resources/advice/*.json`): one file per platform or theme, each entry a
setting to change or an action to take, with steps, sources and the date they were checked.
`resources/advice/mapping.json` says which advice answers which kind of finding on which
platform. Everything is validated at load; a broken catalogue is a bug, so it raises.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from checks.records import Category, ChecklistEntry, Finding, ItemKind, Platform
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


@dataclass(frozen=True)
class MappingRule:
    category: Category | None
    platform: str | None
    item_kind: str | None
    detector: str | None
    advice: tuple[str, ...]


_REQUIRED = ("id", "platform", "kind", "title", "why", "choose", "steps", "risks", "source",
             "checked", "confidence", "fallback")


def _validate_entry(raw: object, where: str) -> Advice:
    if not isinstance(raw, dict):
        raise CatalogueError(f"{where}: an entry is not an object")
    missing = [k for k in _REQUIRED if k not in raw]
    if missing:
        raise CatalogueError(f"{where}: entry {raw.get('id')!r} lacks {', '.join(missing)}")
    ident = raw["id"]
    if not isinstance(ident, str) or not ID_PATTERN.match(ident):
        raise CatalogueError(f"{where}: bad id {ident!r}")
    for key in ("title", "why", "choose", "fallback"):
        if not isinstance(raw[key], str) or not raw[key].strip():
            raise CatalogueError(f"{where}: {ident}: {key} must be non-empty text")
    steps = raw["steps"]
    if not isinstance(steps, list) or not steps or not all(isinstance(s, str) and s.strip() for s in steps):
        raise CatalogueError(f"{where}: {ident}: steps must be a non-empty list of text")
    web_steps = raw.get("web_steps", [])
    if not isinstance(web_steps, list) or not all(isinstance(s, str) for s in web_steps):
        raise CatalogueError(f"{where}: {ident}: web_steps must be a list of text")
    if raw["kind"] not in KINDS:
        raise CatalogueError(f"{where}: {ident}: kind must be one of {KINDS}")
    if raw["confidence"] not in CONFIDENCE:
        raise CatalogueError(f"{where}: {ident}: confidence must be one of {CONFIDENCE}")
    if not isinstance(raw["checked"], str) or not re.match(r"^\d{4}-\d{2}-\d{2}$", raw["checked"]):
        raise CatalogueError(f"{where}: {ident}: checked must be a YYYY-MM-DD date")
    source = raw["source"]
    if source is not None and (not isinstance(source, str) or not source.startswith("https://")):
        raise CatalogueError(f"{where}: {ident}: source must be an https link or null")
    try:
        risks = tuple(Category(r) for r in raw["risks"])
    except (ValueError, TypeError):
        raise CatalogueError(f"{where}: {ident}: unknown risk in {raw['risks']!r}") from None
    if not risks:
        raise CatalogueError(f"{where}: {ident}: risks must not be empty")
    done_when = raw.get("done_when", [])
    return Advice(
        id=ident, platform=str(raw["platform"]), kind=raw["kind"], title=raw["title"].strip(),
        why=raw["why"].strip(), choose=raw["choose"].strip(), steps=tuple(steps),
        web_steps=tuple(web_steps), risks=risks, side_effects=str(raw.get("side_effects", "")),
        source=source, checked=raw["checked"], confidence=raw["confidence"], fallback=raw["fallback"],
        setting=raw.get("setting"), done_when=tuple(str(v).lower() for v in done_when),
        item_link=bool(raw.get("item_link", False)),
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
                declared: Iterable[str] = ()) -> tuple[str, ...]:
        """Advice for a finding: the item action first, then settings that would have prevented it.

        Declared ids (from the detector) are kept when they exist in the catalogue; the mapping
        rules add the platform-specific ones.
        """
        out: list[str] = []
        for ident in declared:
            if ident in self.entries and ident not in out:
                out.append(ident)
        for rule in self.rules:
            if rule.category is not None and rule.category != category:
                continue
            if rule.platform is not None and rule.platform != platform.value:
                continue
            if rule.item_kind is not None and rule.item_kind != item_kind.value:
                continue
            if rule.detector is not None and rule.detector != detector:
                continue
            for ident in rule.advice:
                if ident not in out:
                    out.append(ident)
        return tuple(out)


def _load_rules(path: Path) -> list[MappingRule]:
    data = json.loads(path.read_text(encoding="utf-8"))
    rules = []
    for raw in data.get("rules", []):
        try:
            category = Category(raw["category"]) if raw.get("category") else None
        except ValueError:
            raise CatalogueError(f"{path.name}: unknown category {raw.get('category')!r}") from None
        advice = raw.get("advice")
        if not isinstance(advice, list) or not advice:
            raise CatalogueError(f"{path.name}: a rule has no advice")
        rules.append(MappingRule(category, raw.get("platform"), raw.get("item_kind"), raw.get("detector"),
                                 tuple(advice)))
    return rules


def load_catalogue(folder: Path | None = None) -> Catalogue:
    """Load and validate every catalogue file in `folder` (default: resources/advice)."""
    folder = folder or resource_path("advice")
    entries: list[Advice] = []
    rules: list[MappingRule] = []
    for path in sorted(folder.glob("*.json")):
        if path.name == "mapping.json":
            rules.extend(_load_rules(path))
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise CatalogueError(f"{path.name}: not valid JSON ({exc})") from None
        for raw in data.get("entries", []):
            entries.append(_validate_entry(raw, path.name))
    return Catalogue(entries, rules)


@lru_cache(maxsize=1)
def default_catalogue() -> Catalogue:
    return load_catalogue()


def _why(advice: Advice, findings: Sequence[Finding]) -> str:
    count = sum(f.occurrences for f in findings)
    if not findings:
        return advice.why
    cats = sorted({f.category.label.lower() for f in findings})
    things = "thing" if count == 1 else "things"
    return f"{count} {things} in your exports ({', '.join(cats)}). {advice.why}"


def build_checklist(findings: Sequence[Finding], catalogue: Catalogue,
                    settings: Mapping[str, str] | None = None) -> tuple[ChecklistEntry, ...]:
    """One entry per advice id used, ordered by impact, with what the export shows as done."""
    settings = {k: str(v).lower() for k, v in (settings or {}).items()}
    by_advice: dict[str, list[Finding]] = defaultdict(list)
    for finding in findings:
        for ident in finding.advice:
            by_advice[ident].append(finding)
    entries: list[ChecklistEntry] = []
    for ident, linked in by_advice.items():
        advice = catalogue.get(ident)
        if advice is None:
            continue
        impact = sum(f.severity.rank * f.confidence * (1 + 0.1 * min(f.occurrences, 20)) for f in linked)
        already = bool(advice.setting and settings.get(advice.setting) in advice.done_when)
        entries.append(ChecklistEntry(
            advice=ident, platform=advice.platform, title=advice.title, why=_why(advice, linked),
            steps=advice.steps, findings=tuple(f.id for f in linked), source=advice.source,
            checked=advice.checked, done=already, already_done=already, priority=round(impact, 3),
            web_steps=advice.web_steps, choose=advice.choose, side_effects=advice.side_effects,
            fallback=advice.fallback,
        ))
    entries.sort(key=lambda e: (e.already_done, -e.priority, e.platform, e.advice))
    return tuple(entries)
