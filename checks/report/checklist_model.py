"""The printable checklist as plain data, shared by the HTML page and the PDF.

`build_model(report)` turns a report into what a person works through in a one-to-one session:
a title page (score, what drives it, date, optional name), then one section per platform with
tick boxes, steps and the items to delete (evidence masked unless `reveal`), then the phone,
household, cross-platform and UK offline actions, and room for notes and the next review date.
No Qt here: `checks/report/html_report.py` renders it, and Qt prints that HTML.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from checks.assess.advice import Catalogue, default_catalogue, item_link
from checks.assess.scoring import INCOMPLETE, band_words
from checks.records import ChecklistEntry, Finding, InputSummary, Message, Platform, Report, msg
from checks.report.masking import conceal, mask, mask_text
from checks.report.words import say, words

MAX_ITEMS = 12  # items listed under one task; the rest are counted
REVIEW_AFTER_DAYS = 182


# Sections after the platforms, in print order: key -> (heading, intro)
THEMES = {
    "phone": (msg("printout.theme.phone"), msg("printout.theme.phone_intro")),
    "household": (msg("printout.theme.household"), msg("printout.theme.household_intro")),
    "general": (msg("printout.theme.general"), msg("printout.theme.general_intro")),
    "uk": (msg("printout.theme.uk"), msg("printout.theme.uk_intro")),
}
_THEME_OF = {"iphone": "phone", "android": "phone", "household": "household", "general": "general", "uk": "uk"}


@dataclass(frozen=True)
class ItemLine:
    """One thing in an export this task acts on (a post to delete), masked unless revealed."""

    finding: str
    title: str
    evidence: str
    where: str  # "X (Twitter), 2 March 2024"
    url: str | None


@dataclass(frozen=True)
class Task:
    advice: str
    title: str
    why: str
    choose: str
    steps: tuple[str, ...]
    web_steps: tuple[str, ...]
    side_effects: str
    fallback: str
    source: str | None
    checked: str
    done: bool
    already_done: bool
    kind: str
    confidence: str
    items: tuple[ItemLine, ...]
    more_items: int  # linked items not listed
    findings: int  # how many findings it answers
    priority: float


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    intro: str
    tasks: tuple[Task, ...]


@dataclass(frozen=True)
class ChecklistModel:
    name: str | None
    generated: str  # "24 November 2026"
    review_date: str
    score: int
    band: str  # the Score's band, or "incomplete" (for the page's colours)
    band_name: str  # in words: "Low", "Incomplete"
    band_text: str
    drivers: tuple[str, ...]
    inputs: tuple[str, ...]  # "X (Twitter): 5231 items"
    findings: int
    todo: int
    already_done: int
    top: tuple[Task, ...]  # the first things to do
    sections: tuple[Section, ...]
    reveal: bool
    cancelled: bool


def platform_label(key: str) -> str:
    """An advice entry's platform in words: a Platform's name, or the catalogue's own ("UK services")."""
    try:
        return Platform(key).label
    except ValueError:
        code = f"advice.platform.{key}"
        return say(Message(code)) if words().has(code) else key.replace("-", " ").title()


def long_date(moment_date: object) -> str:
    from datetime import date, datetime

    if isinstance(moment_date, datetime | date):
        return f"{moment_date.day} {moment_date:%B %Y}"
    return ""


_PLAIN_VALUES = frozenset({"everyone", "followers", "only_me", "true", "false", "public", "private"})


def _title_masker(report: Report) -> Callable[[str], str]:
    """Mask, inside finding titles, what any finding's evidence marks as sensitive.

    Detectors keep what they found out of titles (tests/detectors/test_no_leaks.py); this is a
    second line of defence so the printed page never shows in a title what it masks in evidence.
    """
    secrets = sorted({f.evidence[f.span[0]:f.span[1]].strip() for f in report.findings if f.span and f.evidence},
                     key=len, reverse=True)
    secrets = [x for x in secrets if len(x) >= 5 and x.lower() not in _PLAIN_VALUES]

    def apply(text: str) -> str:
        for secret in secrets:
            if secret in text:
                text = text.replace(secret, mask_text(secret))
        return text

    return apply


def _item_line(f: Finding, reveal: bool, platform: str = "", title: Callable[[str], str] = str) -> ItemLine:
    evidence = f.evidence if reveal else mask(f.evidence, f.span, f.spans)
    evidence = " ".join(printable(evidence).split())
    if len(evidence) > 160:
        evidence = evidence[:157] + "…"
    when = long_date(f.source.timestamp) if f.source.timestamp else ""
    parts = [platform_label(f.platform.value)] if f.platform.value != platform else []
    parts += [when] if when else []
    if f.occurrences > 1:
        parts.append(say(msg("printout.more_like_it", count=f.occurrences - 1)))
    where = ", ".join(parts)
    return ItemLine(f.id, title(say(f.title)), evidence, where, item_link(f))


def _merge_same_record(lines: list[ItemLine], linked: list[Finding]) -> list[ItemLine]:
    """One line per record: a post with both a postcode and a street is one thing to delete."""
    out: dict[tuple[int, str, str, str], ItemLine] = {}
    for line, f in zip(lines, linked, strict=True):
        where = (f.source.input, f.source.file, f.source.pointer, str(f.source.timestamp))
        if where in out and f.source.pointer:
            first = out[where]
            if line.title not in first.title:
                out[where] = ItemLine(first.finding, f"{first.title}; {line.title[:1].lower()}{line.title[1:]}",
                                      first.evidence, first.where, first.url)
        else:
            out[where if f.source.pointer else (*where[:3], f.id)] = line
    return list(out.values())


def printable(text: str) -> str:
    """Text the print fonts can draw: emoji and other astral-plane symbols are left out."""
    return "".join(ch for ch in text if ord(ch) <= 0xFFFF and not 0xFE00 <= ord(ch) <= 0xFE0F).strip()


def _task(entry: ChecklistEntry, catalogue: Catalogue, findings: dict[str, Finding], reveal: bool,
          title: Callable[[str], str] = str) -> Task:
    advice = catalogue.get(entry.advice)
    kind = advice.kind if advice else "action"
    linked = [findings[i] for i in entry.findings if i in findings]
    show_items = bool(advice and advice.item_link)
    lines: tuple[ItemLine, ...] = ()
    more = 0
    if show_items:
        merged = _merge_same_record([_item_line(f, reveal, entry.platform, title) for f in linked], linked)
        lines, more = tuple(merged[:MAX_ITEMS]), max(0, len(merged) - MAX_ITEMS)
    return Task(
        advice=entry.advice, title=entry.title, why=say(entry.why), choose=entry.choose, steps=entry.steps,
        web_steps=entry.web_steps, side_effects=entry.side_effects, fallback=entry.fallback,
        source=entry.source, checked=entry.checked, done=entry.done, already_done=entry.already_done,
        kind=kind, confidence=advice.confidence if advice else "medium", items=lines, more_items=more,
        findings=len(linked), priority=entry.priority,
    )


def _offline_task(advice_id: str, catalogue: Catalogue) -> Task | None:
    advice = catalogue.get(advice_id)
    if advice is None:
        return None
    return Task(advice.id, advice.title, advice.why, advice.choose, advice.steps, advice.web_steps,
                advice.side_effects, advice.fallback, advice.source, advice.checked, False, False,
                advice.kind, advice.confidence, (), 0, 0, 0.0)


def _grouped(tasks: list[Task], report: Report, catalogue: Catalogue) -> dict[str, list[Task]]:
    """Tasks per platform or theme; every UK offline action is listed, linked to findings or not."""
    groups: dict[str, list[Task]] = defaultdict(list)
    for task, entry in zip(tasks, report.checklist, strict=True):
        groups[_THEME_OF.get(entry.platform, entry.platform)].append(task)
    listed = {t.advice for t in groups.get("uk", [])}
    extras = (_offline_task(a.id, catalogue) for a in catalogue.for_platform("uk") if a.id not in listed)
    groups["uk"].extend(t for t in extras if t is not None)
    return groups


def _by_priority(tasks: list[Task]) -> tuple[Task, ...]:
    return tuple(sorted(tasks, key=lambda t: (t.already_done, -t.priority, t.title)))


def _sections(groups: dict[str, list[Task]], catalogue: Catalogue) -> tuple[Section, ...]:
    """The platforms, most urgent first, then the themes in print order."""
    platform_keys = sorted((k for k in groups if k not in THEMES),
                           key=lambda k: (-max((t.priority for t in groups[k]), default=0.0), platform_label(k)))
    sections = [Section(k, platform_label(k), "", _by_priority(groups[k])) for k in platform_keys]
    rank = {ident: n for n, ident in enumerate(catalogue.entries)}
    for key, (heading, intro) in THEMES.items():
        if groups.get(key):
            # The UK and household steps are a curated sequence: keep the catalogue's order.
            tasks_here = (tuple(sorted(groups[key], key=lambda t: (t.already_done, rank.get(t.advice, 0))))
                          if key in ("uk", "household") else _by_priority(groups[key]))
            sections.append(Section(key, say(heading), say(intro), tasks_here))
    return tuple(sections)


def _input_line(summary: InputSummary) -> str:
    platform = platform_label(summary.platform.value)
    if summary.readable:
        return say(msg("printout.input.read", platform=platform, count=summary.items))
    return say(msg("printout.input.unread", platform=platform))


def build_model(report: Report, reveal: bool = False, name: str | None = None,
                catalogue: Catalogue | None = None) -> ChecklistModel:
    """The printable checklist of `report`. Evidence is masked unless `reveal`."""
    catalogue = catalogue or default_catalogue()
    shown = report if reveal else conceal(report)
    findings = {f.id: f for f in shown.findings}
    title = str if reveal else _title_masker(report)
    tasks = [_task(e, catalogue, findings, reveal, title) for e in report.checklist]
    todo = [t for t in tasks if not t.already_done]
    generated = report.generated_at
    band = INCOMPLETE if report.score.state == INCOMPLETE else report.score.band
    return ChecklistModel(
        name=" ".join(name.split()) if name and name.strip() else None, generated=long_date(generated),
        review_date=long_date((generated + timedelta(days=REVIEW_AFTER_DAYS)).date()),
        score=report.score.value, band=band, band_name=say(band_words(report.score)),
        band_text=say(Message(f"score.printout.{band}")),
        drivers=tuple(say(d.text) for d in report.score.drivers[:5]),
        inputs=tuple(_input_line(i) for i in report.inputs), findings=len(report.findings),
        todo=len(todo), already_done=len(tasks) - len(todo),
        top=tuple(sorted((t for t in todo if t.findings), key=lambda t: -t.priority)[:5]),
        sections=_sections(_grouped(tasks, report, catalogue), catalogue), reveal=reveal, cancelled=report.cancelled,
    )
