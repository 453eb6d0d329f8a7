"""The printable plan as one self-contained HTML page (`offduty scan --html`).

No external resources, no scripts: the page opens offline in any browser and prints on A4. QR
codes are PNG `data:` images made here (`checks/report/qr.py`). The same HTML feeds Qt's
QTextDocument for the PDF (`desktop/printing.py`), so it keeps to what Qt's rich-text engine
understands: headings, paragraphs, lists, tables and images, styled by a small CSS.
Every finding's words come from the disclosure policy (`checks.report.disclosure`): masked unless
`reveal=True`, no post address or town unless revealed; only http(s) addresses become links; no
control or bidi character reaches the page. The person's name appears only when given. The short
plan prints compact steps; `PlanOptions(everything=True)` prints every step in full.
"""

from __future__ import annotations

from html import escape
from typing import TextIO

from checks.records import Message, Report, msg
from checks.report.checklist_model import (
    ChecklistModel,
    ItemLine,
    PlanOptions,
    Section,
    Task,
    build_model,
    platform_label,
    short_date,
)
from checks.report.disclosure import web_address
from checks.report.masking import safe_text
from checks.report.qr import qr_data_uri, short_address
from checks.report.words import say

BOX = "\u2610"  # ☐
TICKED = "\u2611"  # ☑
QR_SIZE = 56  # pixels at 96 per inch: about 15 mm, easy for a phone to read
SMALL_QR = 40
GAUGE_CELLS = 20

_CSS = """
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 10pt; color: #1b1f23;
       line-height: 1.3; margin: 0; }
h1 { font-size: 22pt; margin: 0 0 4pt 0; color: #12355b; }
h2 { font-size: 15pt; margin: 12pt 0 3pt 0; color: #12355b; border-bottom: 2px solid #12355b; }
h3, p.t { font-size: 11pt; font-weight: bold; margin: 0 0 1pt 0; }
p { margin: 2pt 0 2pt 0; }
ol, ul { margin-top: 1pt; margin-bottom: 3pt; }
li { margin-bottom: 1pt; }
.sub { color: #4a5560; font-size: 10pt; }
.small { color: #4a5560; font-size: 8.5pt; }
.score { font-size: 40pt; font-weight: bold; color: #12355b; }
.band { font-size: 15pt; font-weight: bold; }
.band-low { color: #2e6b30; } .band-moderate { color: #8a6100; }
.band-high { color: #a4460a; } .band-severe { color: #a11d1d; } .band-incomplete { color: #4a5560; }
table.task { width: 100%; border-collapse: collapse; margin: 4pt 0 4pt 0; page-break-inside: avoid;
             border: 1px solid #b8c2cc; }
table.task td { padding: 4pt; vertical-align: top; }
td.box { width: 22pt; font-size: 17pt; text-align: center; }
td.qr { width: 80pt; text-align: center; }
.done { color: #2e6b30; }
.label { font-weight: bold; }
.item { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 9pt; }
table.items { width: 100%; border-collapse: collapse; margin-top: 2pt; }
table.items td { padding: 1pt 4pt 1pt 0; vertical-align: top; font-size: 9.5pt; }
table.gauge td { height: 9pt; padding: 0; }
.newpage { page-break-before: always; }
.lines td { border-bottom: 1px solid #8a949e; height: 20pt; }
.intro { color: #33404d; font-size: 10pt; }
@media screen { body { max-width: 52em; margin: 2em auto; padding: 0 1em; } }
"""
# The gauge's colours from safer (left) to more exposed (right), by band.
_GAUGE = ((20, "#4f9a52"), (50, "#e0b43c"), (75, "#e07b39"), (101, "#c8413b"))


def _e(text: str) -> str:
    """Text for the page: escaped, and without control or bidi characters (`safe_text`)."""
    return escape(safe_text(text), quote=True)


def _w(message: Message) -> str:
    """A catalogue sentence, escaped for the page."""
    return _e(say(message))


def _qr(url: str | None, checked: str = "", size: int = QR_SIZE, address: bool = True) -> str:
    """A link as a QR code, with its short address and the date it was checked beneath."""
    url = web_address(url)  # only http(s) addresses become links: never javascript:, file: or data:
    if not url:
        return ""
    uri = qr_data_uri(url)
    image = (f'<img src="{uri}" width="{size}" height="{size}" alt="{_w(msg("plan.scan_to_open"))}"/>'
             if uri else "")
    text = f'<br/><a href="{_e(url)}" class="small">{_e(short_address(url, 26))}</a>' if address or not uri else ""
    when = f'<br/><span class="small">{_w(msg("plan.link_checked", date=_date(checked)))}</span>' if checked else ""
    return f"{image}{text}{when}"


def _date(iso: str) -> str:
    from datetime import date

    try:
        return short_date(date.fromisoformat(iso))
    except ValueError:
        return iso


def _items(items: tuple[ItemLine, ...], more: int, reveal: bool, compact: bool) -> str:
    if not items:
        return ""
    rows = []
    for it in items:
        evidence = f'<br/><span class="item">{_e(it.evidence)}</span>' if it.evidence else ""
        url = web_address(it.url)
        link = f'<br/><span class="small">{_e(url)}</span>' if url and not compact else ""
        rows.append(f'<tr><td width="16">{BOX}&nbsp;</td><td>{_e(it.where[:1].upper() + it.where[1:])}: '
                    f'{_e(it.title)}{evidence}{link}</td></tr>')
    if more:
        rows.append(f'<tr><td></td><td class="sub">{_w(msg("plan.more_items", count=more))}</td></tr>')
    note = "" if reveal else f' <span class="small">{_w(msg("printout.items_masked"))}</span>'
    return f'<p class="label">{_w(msg("plan.items"))}{note}:</p><table class="items">{"".join(rows)}</table>'


def _labelled(label: Message, text: str) -> str:
    return f'<p><span class="label">{_w(label)}</span> {_e(text)}</p>'


def _inline_steps(steps: tuple[str, ...]) -> str:
    return " ".join(f"<b>{n}.</b>&nbsp;{_e(step)}" for n, step in enumerate(steps, 1))


def _steps(task: Task) -> str:
    steps = "".join(f"<li>{_e(s)}</li>" for s in task.steps)
    heading = msg("printout.steps_in_app") if task.web_steps else msg("printout.steps")
    out = f'<p class="label">{_w(heading)}</p><ol>{steps}</ol>'
    if task.web_steps:
        web = "".join(f"<li>{_e(s)}</li>" for s in task.web_steps)
        out += f'<p class="label">{_w(msg("printout.on_a_computer"))}</p><ol>{web}</ol>'
    return out


def _compact(task: Task, reveal: bool) -> list[str]:
    """A step in a few lines: what and why, what to choose, the steps in a row, the items."""
    parts = [f'<p class="t">{_e(task.title)}</p><p class="sub">{_e(task.summary)}</p>']
    choose = f'<span class="label">{_w(msg("printout.choose"))}</span> {_e(task.choose)} ' if task.choose else ""
    parts.append(f"<p>{choose}{_inline_steps(task.steps)}</p>")
    parts.append(_items(task.items, task.more_items, reveal, compact=True))
    return parts


def _brief(tasks: tuple[Task, ...]) -> str:
    """Further steps, two to a row: the box, what to do and what to choose, the link's code."""
    cells = [f'<td class="box" width="22">{BOX}</td><td width="40%"><b>{_e(t.title)}</b><br/>'
             f'<span class="small">{_e(t.choose or t.summary)}</span></td>'
             f'<td class="qr" width="50" align="center">{_qr(t.link, size=SMALL_QR, address=False)}</td>'
             for t in tasks]
    if len(cells) % 2:
        cells.append('<td colspan="3"></td>')
    rows = "".join(f"<tr>{cells[i]}{cells[i + 1]}</tr>" for i in range(0, len(cells), 2))
    return f'<table class="task" cellspacing="0" cellpadding="3" border="1" width="100%">{rows}</table>' if rows else ""


def _full(task: Task, reveal: bool) -> list[str]:
    """A step with everything the catalogue says (for "print everything")."""
    parts = [f"<h3>{_e(task.title)}</h3>"]
    if task.already_done:
        parts.append(_labelled(msg("printout.already_done"), say(msg("printout.already_done_why"))))
    parts.append(_labelled(msg("printout.why"), task.why))
    if task.choose:
        parts.append(_labelled(msg("printout.choose"), task.choose))
    parts += [_steps(task), _items(task.items, task.more_items, reveal, compact=False)]
    if task.side_effects:
        parts.append(_labelled(msg("printout.good_to_know"), task.side_effects))
    if task.fallback:
        parts.append(f'<p class="sub">{_w(msg("printout.cannot_find"))} {_e(task.fallback)}</p>')
    unsure = task.confidence != "high" and task.kind == "setting"
    sure = " " + _w(msg("printout.menus_change")) if unsure else ""
    parts.append(f'<p class="small">{_w(msg("printout.checked", date=task.checked))}{sure}</p>')
    return parts


def _task(task: Task, reveal: bool, everything: bool) -> str:
    parts = _full(task, reveal) if everything else _compact(task, reveal)
    box = TICKED if task.done else BOX
    return (f'<table class="task" cellspacing="0" cellpadding="4" border="1" width="100%">'
            f'<tr><td class="box" width="26">{box}</td><td>{"".join(parts)}</td>'
            f'<td class="qr" width="96" align="center">{_qr(task.link, task.link_checked)}</td></tr></table>')


def _done_lines(section: Section) -> str:
    """Steps already done, one line each: set as advised in the export, or ticked since."""
    out = []
    for label, chosen in ((msg("plan.already_set"), [t for t in section.tasks if t.already_done]),
                          (msg("plan.also_done"), [t for t in section.tasks if t.done and not t.already_done])):
        if chosen:
            names = "; ".join(_e(t.title) for t in chosen)
            out.append(f'<p class="done">{TICKED} <span class="label">{_w(label)}</span> {names}</p>')
    return "".join(out)


def _section(section: Section, reveal: bool, everything: bool) -> str:
    todo = sum(1 for t in section.tasks if not t.done)
    count = msg("plan.section_count", todo=todo, done=len(section.tasks) - todo) if todo < len(section.tasks) \
        else msg("plan.step_count", count=todo)
    intro = f'<p class="intro">{_e(section.intro)}</p>' if section.intro else ""
    shown = section.tasks if everything else tuple(t for t in section.tasks if not t.done and not t.brief)
    tasks = "".join(_task(t, reveal, everything) for t in shown)
    if not everything:
        tasks += _brief(tuple(t for t in section.tasks if t.brief and not t.done))
    done = "" if everything else _done_lines(section)
    return f'<h2>{_e(section.heading)} <span class="sub">({_w(count)})</span></h2>{intro}{tasks}{done}'


def _gauge(value: int) -> str:
    """The score on a bar from safer (left, green) to more exposed (right, red), with a marker."""
    at = min(GAUGE_CELLS - 1, value * GAUGE_CELLS // 101)
    marks = "".join(f'<td width="5%" align="center">{"&#9660;" if i == at else ""}</td>' for i in range(GAUGE_CELLS))
    colours = "".join(
        f'<td width="5%" bgcolor="{next(c for top, c in _GAUGE if i * 100 // GAUGE_CELLS < top)}">&nbsp;</td>'
        for i in range(GAUGE_CELLS))
    ends = (f'<td colspan="10" class="small">{_w(msg("plan.low_end"))}</td>'
            f'<td colspan="10" class="small" align="right">{_w(msg("plan.high_end"))}</td>')
    return (f'<table class="gauge" width="100%" cellspacing="0" cellpadding="0"><tr>{marks}</tr>'
            f"<tr>{colours}</tr><tr>{ends}</tr></table>")


def _first_steps(m: ChecklistModel) -> str:
    if not m.top:
        return f"<h2>{_w(msg('plan.first_steps'))}</h2><p>{_w(msg('plan.first_steps_none'))}</p>"
    rows = "".join(
        f'<tr><td class="box" width="26">{BOX}</td><td><b>{_e(t.title)}</b> '
        f'<span class="sub">({_e(platform_label(t.platform))})</span><br/><span class="sub">{_e(t.summary)}</span></td>'
        f'<td class="qr" width="70" align="center">{_qr(t.link, size=SMALL_QR, address=False)}</td></tr>'
        for t in m.top)
    return (f"<h2>{_w(msg('plan.first_steps'))}</h2>"
            f'<table class="task" cellspacing="0" cellpadding="4" border="1" width="100%">{rows}</table>')


def _help(m: ChecklistModel) -> str:
    """Where to get help: the lines on the left, the code of the one with a link on the right."""
    lines = "".join(f"<li>{_e(h.text)}</li>" for h in m.help)
    codes = "".join(_qr(h.url, size=SMALL_QR) for h in m.help if h.url)
    return (f'<h2>{_w(msg("plan.where_help"))}</h2><table width="100%" cellpadding="2"><tr>'
            f'<td><ul>{lines}</ul></td><td class="qr" width="90" align="center">{codes}</td></tr></table>')


def _title_page(m: ChecklistModel) -> str:
    who = f'<p class="band">{_w(msg("printout.prepared_for", name=m.name))}</p>' if m.name else ""
    inputs = "; ".join(_e(i) for i in m.inputs) or _w(msg("printout.no_inputs"))
    cancelled = f"<p><b>{_w(msg('printout.cancelled'))}</b></p>" if m.cancelled else ""
    was = f'<p class="sub">{_w(msg("plan.score_was", before=m.score_at_scan))}</p>' if m.score < m.score_at_scan else ""
    band = _w(msg("printout.exposure", band=m.band_name))
    note = msg("plan.everything_note") if m.everything else msg("plan.short_note")
    return f"""
<h1>{_w(msg("plan.title"))}</h1>
<p class="sub">{_w(msg("printout.made_on", date=m.generated))}</p>
{who}
<table cellpadding="6" cellspacing="0" width="100%" style="margin-top:6pt"><tr>
<td width="110"><span class="score">{m.score}</span></td>
<td><span class="band band-{_e(m.band)}">{band}</span> <span class="sub">{_w(msg("plan.score_scale"))}</span>
{_gauge(m.score)}<p>{_e(m.band_text)}</p>{was}</td>
</tr></table>
{cancelled}
{_first_steps(m)}
{_help(m)}
<p class="small">{_w(msg("printout.exports_checked", exports=inputs))} {_w(note)}</p>
"""


def _closing(m: ChecklistModel) -> str:
    lines = "".join("<tr><td>&nbsp;</td></tr>" for _ in range(3))
    evidence = msg("printout.revealed") if m.reveal else msg("printout.masked")
    return f"""
<h2>{_w(msg("printout.notes"))}</h2>
<table class="lines" width="100%" cellspacing="0" cellpadding="4">{lines}</table>
<p><b>{_w(msg("printout.next_review"))}.</b> {_w(msg("printout.next_review_why"))} {_w(msg("printout.suggested_date"))}
<b>{_e(m.review_date)}</b></p>
<p>{_w(msg("printout.agreed_date"))} ________________ &nbsp; {_w(msg("printout.reviewed_with"))} ________________</p>
<p class="small">{_w(msg("printout.limits"))} {_w(evidence)}</p>
"""


def render_html(report: Report, reveal: bool = False, name: str | None = None,
                options: PlanOptions | None = None) -> str:
    """The whole printable plan as a string."""
    model = build_model(report, reveal=reveal, name=name, options=options)
    sections = "".join(_section(s, reveal, model.everything) for s in model.sections)
    body = (_title_page(model) + '<div class="newpage"></div>'
            + (sections or f"<h2>{_w(msg('printout.nothing_to_do'))}</h2><p>{_w(msg('printout.nothing_found'))}</p>")
            + _closing(model))
    title = say(msg("printout.page_title_for", name=model.name) if model.name else msg("printout.page_title"))
    return (f'<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8"/>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"/>'
            f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>{body}</body></html>\n")


def write_html(report: Report, stream: TextIO, reveal: bool = False, name: str | None = None,
               options: PlanOptions | None = None) -> None:
    """Write the printable plan of `report` to `stream` as one self-contained HTML page."""
    stream.write(render_html(report, reveal=reveal, name=name, options=options))
