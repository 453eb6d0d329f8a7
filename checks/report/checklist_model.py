"""The printable plan as plain data, shared by the HTML page and the PDF.

`build_model(report)` turns a report into what a person works through, short by default: page 1
with the score as it stands (steps done since the scan lower it), the first steps and where to get
help; then one section per platform the exports showed a need for, and only the person's phone
(`PlanOptions.phone`), with compact steps, a link (printed as a QR code) to the exact setting,
steps already done printed as done; the UK offline steps that matter most; room for notes and
the next review date. `PlanOptions(everything=True)` prints the whole catalogue in full.
Evidence is masked unless `reveal`. No Qt here: `checks/report/html_report.py` renders it, and
Qt prints that HTML.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from checks.assess.advice import Advice, Catalogue, default_catalogue
from checks.assess.scoring import INCOMPLETE, band_words, current_score
from checks.records import ChecklistEntry, Finding, InputSummary, ItemKind, Message, Platform, Report, Source, msg
from checks.report.disclosure import Disclosure, disclosure
from checks.report.disclosure import short_date as disclosed_date
from checks.report.words import say, words

MAX_ITEMS = 12  # items listed under one task when printing everything; the rest are counted
SHORT_ITEMS = 2  # items listed under one task in the short plan
FIRST_STEPS = 5
BLOCKS = 10  # the short plan prints this many steps in full, most important first (and any with items)
REVIEW_AFTER_DAYS = 182
PHONES = ("iphone", "android")
# UK offline steps every plan carries, whatever the exports showed (the rest: "print everything").
UK_ALWAYS = ("uk.open-register-opt-out", "uk.anonymous-electoral-registration")
# Where to get help, on page 1 of every plan: (words, link).
HELP = (
    (msg("plan.help_welfare"), None),
    (msg("plan.help_oscar_kilo"), "https://oscarkilo.org.uk/"),
    (msg("plan.help_security"), None),
    (msg("plan.help_emergency"), None),
)


@dataclass(frozen=True)
class PlanOptions:
    """What to print: the short plan (default) or everything, and which phone's steps."""

    everything: bool = False  # the whole catalogue, every step in full
    phone: str | None = None  # "iphone" or "android": only that phone's steps; None: both


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
    where: str  # in plain words: "your X (Twitter) post of 2 Mar 2024"
    url: str | None  # only when revealed: a link carries the account's handle
    technical: str = ""  # the file and place in it, for a "technical details" fold


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
    platform: str = ""
    link: str | None = None  # the exact settings page where there is one, else the help page
    link_checked: str = ""
    summary: str = ""  # the catalogue's own why, without the count of places (for compact steps)
    brief: bool = False  # in the short plan: one line (title, what to choose, link), not the steps


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    intro: str
    tasks: tuple[Task, ...]


@dataclass(frozen=True)
class HelpLine:
    text: str
    url: str | None


@dataclass(frozen=True)
class ChecklistModel:
    name: str | None
    generated: str  # "24 November 2026"
    review_date: str
    score: int  # as it stands: steps done since the scan lower it
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
    score_at_scan: int = 0
    help: tuple[HelpLine, ...] = ()
    everything: bool = False
    phone: str | None = None


def platform_label(key: str) -> str:
    """An advice entry's platform in words: a Platform's name, or the catalogue's own ("UK services")."""
    try:
        return Platform(key).label
    except ValueError:
        code = f"advice.platform.{key}"
        return say(Message(code)) if words().has(code) else key.replace("-", " ").title()


_MONTHS = (msg("date.month.january"), msg("date.month.february"), msg("date.month.march"), msg("date.month.april"),
           msg("date.month.may"), msg("date.month.june"), msg("date.month.july"), msg("date.month.august"),
           msg("date.month.september"), msg("date.month.october"), msg("date.month.november"),
           msg("date.month.december"))


def long_date(moment: object) -> str:
    """"11 February 2024", the month's name from the catalogue (so another language names it); "" for no date."""
    if isinstance(moment, datetime | date):
        return say(msg("date.long", day=moment.day, month=_MONTHS[moment.month - 1], year=moment.year))
    return ""


def short_date(moment: object) -> str:
    """"11 Feb 2024", said as the disclosure policy says dates; "" for no date."""
    if isinstance(moment, datetime):
        return disclosed_date(moment)
    if isinstance(moment, date):
        return disclosed_date(datetime(moment.year, moment.month, moment.day))
    return ""


_WHERE_KINDS = frozenset(k.value for k in ItemKind) - {"profile_field", "setting"}


def plain_where(f: Finding, source: Source | None = None) -> str:
    """Where an item is, in plain words: "your X (Twitter) post of 11 Feb 2024", never a file path.

    `source`: one of the finding's other records (`related`), said the same way."""
    platform = platform_label(f.platform.value)
    kind = f.item_kind.value
    when = short_date((source or f.source).timestamp)
    if kind not in _WHERE_KINDS:
        return say(Message(f"plan.where.{kind}", (("platform", platform),)))
    code = f"plan.where.{kind}" if when else f"plan.where.{kind}_undated"
    return say(Message(code, (("platform", platform), ("date", when))))


def _item_line(f: Finding, d: Disclosure) -> ItemLine:
    """An item as the disclosure policy shows it: masked, no link or town unless revealed."""
    evidence = d.evidence(f)
    evidence = " ".join(printable(evidence).split())
    if len(evidence) > 160:
        evidence = evidence[:157] + "…"  # cut after masking: a cut never uncovers anything
    where = d.where(f)
    if f.occurrences > 1:
        where += ", " + say(msg("printout.more_like_it", count=f.occurrences - 1))
    return ItemLine(f.id, d.title(f), evidence, where, d.link(f), d.technical(f))


def _merge_same_record(lines: list[ItemLine], linked: list[Finding]) -> list[ItemLine]:
    """One line per record: a post with both a postcode and a street is one thing to delete."""
    out: dict[tuple[int, str, str, str], ItemLine] = {}
    for line, f in zip(lines, linked, strict=True):
        where = (f.source.input, f.source.file, f.source.pointer, str(f.source.timestamp))
        if where in out and f.source.pointer:
            first = out[where]
            if line.title not in first.title:
                out[where] = replace(first, title=f"{first.title}; {line.title[:1].lower()}{line.title[1:]}")
        else:
            out[where if f.source.pointer else (*where[:3], f.id)] = line
    return list(out.values())


def printable(text: str) -> str:
    """Text the print fonts can draw: emoji and other astral-plane symbols are left out."""
    return "".join(ch for ch in text if ord(ch) <= 0xFFFF and not 0xFE00 <= ord(ch) <= 0xFE0F).strip()


def _task(entry: ChecklistEntry, catalogue: Catalogue, findings: dict[str, Finding], d: Disclosure,
          most: int = MAX_ITEMS) -> Task:
    advice = catalogue.get(entry.advice)
    kind = advice.kind if advice else "action"
    linked = [findings[i] for i in entry.findings if i in findings]
    show_items = bool(advice and advice.item_link)
    lines: tuple[ItemLine, ...] = ()
    more = 0
    if show_items:
        merged = _merge_same_record([_item_line(f, d) for f in linked], linked)
        lines, more = tuple(merged[:most]), max(0, len(merged) - most)
    return Task(
        advice=entry.advice, title=entry.title, why=d.text(entry.why), choose=entry.choose, steps=entry.steps,
        web_steps=entry.web_steps, side_effects=entry.side_effects, fallback=entry.fallback,
        source=entry.source, checked=entry.checked, done=entry.done, already_done=entry.already_done,
        kind=kind, confidence=advice.confidence if advice else "medium", items=lines, more_items=more,
        findings=len(linked), priority=entry.priority, platform=entry.platform,
        link=advice.link if advice else entry.source, link_checked=advice.link_checked if advice else entry.checked,
        summary=advice.why if advice else d.text(entry.why),
    )


def _briefed(tasks: list[Task], options: PlanOptions) -> list[Task]:
    """The short plan: the most important steps (and any listing items to change) in full, the
    rest as one line each, so a person with four exports gets a few pages, not thirty."""
    ranked = sorted((t for t in tasks if not t.done and _wanted(t.platform, options)), key=lambda t: -t.priority)
    full = {t.advice for t in ranked[:BLOCKS]} | {t.advice for t in ranked if t.items}
    return [t if t.advice in full or t.done else replace(t, brief=True) for t in tasks]


def _offline_task(advice: Advice) -> Task:
    return Task(advice.id, advice.title, advice.why, advice.choose, advice.steps, advice.web_steps,
                advice.side_effects, advice.fallback, advice.source, advice.checked, False, False,
                advice.kind, advice.confidence, (), 0, 0, 0.0, advice.platform, advice.link, advice.link_checked,
                advice.why)


def _wanted(platform: str, options: PlanOptions) -> bool:
    """Whether a step's platform is printed: not the other phone's, when the person named theirs."""
    return not (options.phone and platform in PHONES and platform != options.phone)


def _grouped(tasks: list[Task], catalogue: Catalogue, options: PlanOptions) -> dict[str, list[Task]]:
    """Tasks per platform or theme. The short plan adds the UK offline steps that matter most;
    printing everything adds every catalogue entry not already listed."""
    groups: dict[str, list[Task]] = defaultdict(list)
    for task in tasks:
        if _wanted(task.platform, options):
            groups[_THEME_OF.get(task.platform, task.platform)].append(task)
    listed = {t.advice for t in tasks}
    extras = [a for a in catalogue.entries.values() if a.id not in listed and _wanted(a.platform, options)
              and (options.everything or a.id in UK_ALWAYS)]
    for advice in extras:
        task = _offline_task(advice)
        groups[_THEME_OF.get(advice.platform, advice.platform)].append(
            task if options.everything else replace(task, brief=True))
    return groups


def _by_priority(tasks: list[Task]) -> tuple[Task, ...]:
    return tuple(sorted(tasks, key=lambda t: (t.done, -t.priority, t.title)))


def _sections(groups: dict[str, list[Task]], catalogue: Catalogue, phone: str | None) -> tuple[Section, ...]:
    """The platforms, most urgent first, then the themes in print order."""
    platform_keys = sorted((k for k in groups if k not in THEMES),
                           key=lambda k: (-max((t.priority for t in groups[k]), default=0.0), platform_label(k)))
    sections = [Section(k, platform_label(k), "", _by_priority(groups[k])) for k in platform_keys]
    rank = {ident: n for n, ident in enumerate(catalogue.entries)}
    for key, (heading, intro) in THEMES.items():
        if groups.get(key):
            # The UK and household steps are a curated sequence: keep the catalogue's order.
            tasks_here = (tuple(sorted(groups[key], key=lambda t: (t.done, rank.get(t.advice, 0))))
                          if key in ("uk", "household") else _by_priority(groups[key]))
            title = say(heading)
            if key == "phone" and phone:
                title = say(msg("plan.phone_for", phone=Message(f"plan.phone.{phone}")))
            sections.append(Section(key, title, say(intro), tasks_here))
    return tuple(sections)


def _input_line(summary: InputSummary) -> str:
    platform = platform_label(summary.platform.value)
    if summary.readable:
        return say(msg("printout.input.read", platform=platform, count=summary.items))
    return say(msg("printout.input.unread", platform=platform))


def build_model(report: Report, reveal: bool = False, name: str | None = None,
                catalogue: Catalogue | None = None, options: PlanOptions | None = None) -> ChecklistModel:
    """The printable plan of `report` (ticks applied, "not a problem" items left out: the visible
    report). Evidence is masked unless `reveal`."""
    catalogue = catalogue or default_catalogue()
    options = options or PlanOptions()
    d = disclosure(report, reveal=reveal)  # every item's words, as on every other surface
    findings = {f.id: f for f in report.findings}
    most = MAX_ITEMS if options.everything else SHORT_ITEMS
    tasks = [_task(e, catalogue, findings, d, most) for e in report.checklist]
    if not options.everything:
        tasks = _briefed(tasks, options)
    todo = [t for t in tasks if not t.done]
    generated = report.generated_at
    now = current_score(report, catalogue)
    band = INCOMPLETE if now.state == INCOMPLETE else now.band
    first = sorted((t for t in todo if t.findings and _wanted(t.platform, options)), key=lambda t: -t.priority)
    return ChecklistModel(
        name=" ".join(name.split()) if name and name.strip() else None, generated=long_date(generated),
        review_date=long_date((generated + timedelta(days=REVIEW_AFTER_DAYS)).date()),
        score=now.value, band=band, band_name=say(band_words(now)),
        band_text=say(Message(f"score.printout.{band}")),
        drivers=tuple(d.text(driver.text) for driver in now.drivers[:5]),
        inputs=tuple(_input_line(i) for i in report.inputs), findings=len(report.findings),
        todo=len(todo), already_done=len(tasks) - len(todo),
        top=tuple(first[:FIRST_STEPS]),
        sections=_sections(_grouped(tasks, catalogue, options), catalogue, options.phone), reveal=reveal,
        cancelled=report.cancelled, score_at_scan=report.score.value,
        help=tuple(HelpLine(say(text), url) for text, url in HELP), everything=options.everything,
        phone=options.phone,
    )
