"""The printable checklist as one self-contained HTML page (`offduty scan --html`).

No external resources, no scripts: the page opens offline in any browser and prints on A4. The
same HTML feeds Qt's QTextDocument for the PDF (`desktop/printing.py`), so it keeps to what Qt's
rich-text engine understands: headings, paragraphs, lists and tables, styled by a small CSS.
Evidence is masked unless `reveal=True`; the person's name appears only when given.
"""

from __future__ import annotations

from html import escape
from typing import TextIO

from checks.records import Message, Report, msg
from checks.report.checklist_model import ChecklistModel, ItemLine, Section, Task, build_model, platform_label
from checks.report.words import say

BOX = "\u2610"  # ☐
TICKED = "\u2611"  # ☑

_CSS = """
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 12pt; color: #1b1f23;
       line-height: 1.4; margin: 0; }
h1 { font-size: 24pt; margin: 0 0 6pt 0; color: #12355b; }
h2 { font-size: 17pt; margin: 18pt 0 4pt 0; color: #12355b; border-bottom: 2px solid #12355b; }
h3 { font-size: 13.5pt; margin: 0 0 3pt 0; }
p { margin: 3pt 0 3pt 0; }
ol, ul { margin-top: 2pt; margin-bottom: 4pt; }
li { margin-bottom: 2pt; }
.sub { color: #4a5560; font-size: 11pt; }
.small { color: #4a5560; font-size: 9.5pt; }
.score { font-size: 40pt; font-weight: bold; color: #12355b; }
.band { font-size: 18pt; font-weight: bold; }
.band-low { color: #2e6b30; } .band-moderate { color: #8a6100; }
.band-high { color: #a4460a; } .band-severe { color: #a11d1d; } .band-incomplete { color: #4a5560; }
table.task { width: 100%; border-collapse: collapse; margin: 8pt 0 8pt 0; page-break-inside: avoid;
             border: 1px solid #b8c2cc; }
table.task td { padding: 6pt; vertical-align: top; }
td.box { width: 30pt; font-size: 22pt; text-align: center; }
.done h3 { color: #2e6b30; }
.label { font-weight: bold; }
.item { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 10pt; }
table.items { width: 100%; border-collapse: collapse; margin-top: 3pt; }
table.items td { padding: 2pt 4pt 2pt 0; vertical-align: top; font-size: 10.5pt; }
.newpage { page-break-before: always; }
.lines td { border-bottom: 1px solid #8a949e; height: 22pt; }
.intro { color: #33404d; }
@media screen { body { max-width: 52em; margin: 2em auto; padding: 0 1em; } }
"""


def _e(text: str) -> str:
    return escape(text, quote=True)


def _link(url: str | None) -> str:
    if not url:
        return ""
    return f'<a href="{_e(url)}">{_e(url)}</a>'


def _where(item: ItemLine) -> str:
    return f' <span class="sub">({_e(item.where)})</span>' if item.where else ""


def _w(message: Message) -> str:
    """A catalogue sentence, escaped for the page."""
    return _e(say(message))


def _items(items: tuple[ItemLine, ...], more: int, reveal: bool) -> str:
    if not items:
        return ""
    rows = []
    for it in items:
        link = f'<br/><span class="small">{_link(it.url)}</span>' if it.url else ""
        evidence = f'<br/><span class="item">{_e(it.evidence)}</span>' if it.evidence else ""
        rows.append(f'<tr><td width="22" style="width:16pt">{BOX}&nbsp;</td><td>{_e(it.title)} '
                    f'{_where(it)}{evidence}{link}</td></tr>')
    if more:
        rows.append(f'<tr><td></td><td class="sub">{_w(msg("printout.more_items", count=more))}</td></tr>')
    note = "" if reveal else f' <span class="small">{_w(msg("printout.items_masked"))}</span>'
    return f'<p class="label">{_w(msg("printout.items"))}{note}:</p><table class="items">{"".join(rows)}</table>'


def _labelled(label: Message, text: str) -> str:
    return f'<p><span class="label">{_w(label)}</span> {_e(text)}</p>'


def _steps(task: Task) -> str:
    steps = "".join(f"<li>{_e(s)}</li>" for s in task.steps)
    heading = msg("printout.steps_in_app") if task.web_steps else msg("printout.steps")
    out = f'<p class="label">{_w(heading)}</p><ol>{steps}</ol>'
    if task.web_steps:
        web = "".join(f"<li>{_e(s)}</li>" for s in task.web_steps)
        out += f'<p class="label">{_w(msg("printout.on_a_computer"))}</p><ol>{web}</ol>'
    return out


def _task(task: Task, reveal: bool) -> str:
    parts = [f"<h3>{_e(task.title)}</h3>"]
    if task.already_done:
        parts.append(_labelled(msg("printout.already_done"), say(msg("printout.already_done_why"))))
    parts.append(_labelled(msg("printout.why"), task.why))
    if task.choose:
        parts.append(_labelled(msg("printout.choose"), task.choose))
    parts += [_steps(task), _items(task.items, task.more_items, reveal)]
    if task.side_effects:
        parts.append(_labelled(msg("printout.good_to_know"), task.side_effects))
    if task.fallback:
        parts.append(f'<p class="sub">{_w(msg("printout.cannot_find"))} {_e(task.fallback)}</p>')
    source = f"{_w(msg('printout.official_help'))} {_link(task.source)}. " if task.source else ""
    unsure = task.confidence != "high" and task.kind == "setting"
    sure = " " + _w(msg("printout.menus_change")) if unsure else ""
    parts.append(f'<p class="small">{source}{_w(msg("printout.checked", date=task.checked))}{sure}</p>')
    box = TICKED if task.already_done else BOX
    css = "task done" if task.already_done else "task"
    return (f'<table class="{css}" cellspacing="0" cellpadding="6" border="1" width="100%">'
            f'<tr><td class="box" width="36">{box}</td><td>{"".join(parts)}</td></tr></table>')


def _section(section: Section, reveal: bool) -> str:
    todo = sum(1 for t in section.tasks if not t.already_done)
    done = len(section.tasks) - todo
    count = msg("printout.to_do_done", todo=todo, count=done) if done else msg("printout.to_do", count=todo)
    intro = f'<p class="intro">{_e(section.intro)}</p>' if section.intro else ""
    tasks = "".join(_task(t, reveal) for t in section.tasks)
    return f'<h2>{_e(section.heading)} <span class="sub">({_w(count)})</span></h2>{intro}{tasks}'


def _title_page(m: ChecklistModel) -> str:
    who = f'<p class="band">{_w(msg("printout.prepared_for", name=m.name))}</p>' if m.name else ""
    drivers = "".join(f"<li>{_e(d)}</li>" for d in m.drivers) or f"<li>{_w(msg('printout.no_drivers'))}</li>"
    inputs = "; ".join(_e(i) for i in m.inputs) or _w(msg("printout.no_inputs"))
    top = "".join(f"<li>{_e(t.title)} <span class=\"sub\">({_e(_count(t))})</span></li>" for t in m.top)
    cancelled = f"<p><b>{_w(msg('printout.cancelled'))}</b></p>" if m.cancelled else ""
    first = f"<h2>{_w(msg('printout.start_with'))}</h2><ol>{top}</ol>" if top else ""
    band = _w(msg("printout.exposure", band=m.band_name))
    totals = (msg("printout.totals_done", todo=m.todo, done=m.already_done, count=m.findings) if m.already_done
              else msg("printout.totals", todo=m.todo, count=m.findings))
    return f"""
<h1>{_w(msg("printout.title"))}</h1>
<p class="sub">{_w(msg("printout.made_on", date=m.generated))}</p>
{who}
<table cellpadding="8" cellspacing="0" style="margin-top:12pt; margin-bottom:6pt"><tr>
<td><span class="score">{m.score}</span><span class="sub"> / 100</span></td>
<td><span class="band band-{_e(m.band)}">{band}</span><br/>{_e(m.band_text)}</td>
</tr></table>
{cancelled}
<h2>{_w(msg("printout.drivers"))}</h2><ul>{drivers}</ul>
{first}
<h2>{_w(msg("printout.how_to_use"))}</h2>
<p>{_w(msg("printout.how_to_use_text"))}</p>
<p>{_w(totals)}</p>
<p class="sub">{_w(msg("printout.exports_checked", exports=inputs))}</p>
"""


def _count(task: Task) -> str:
    return say(msg("printout.answers", platform=platform_label(task.advice.split(".", 1)[0]), count=task.findings))


def _closing_page(m: ChecklistModel) -> str:
    lines = "".join("<tr><td>&nbsp;</td></tr>" for _ in range(10))
    evidence = msg("printout.revealed") if m.reveal else msg("printout.masked")
    return f"""
<h2 class="newpage">{_w(msg("printout.notes"))}</h2>
<table class="lines" width="100%" cellspacing="0" cellpadding="4">{lines}</table>
<h2>{_w(msg("printout.next_review"))}</h2>
<p>{_w(msg("printout.next_review_why"))}</p>
<p>{_w(msg("printout.suggested_date"))} <b>{_e(m.review_date)}</b></p>
<p>{_w(msg("printout.agreed_date"))} ________________________</p>
<p>{_w(msg("printout.reviewed_with"))} ________________________</p>
<p class="small">{_w(msg("printout.limits"))} {_w(evidence)}</p>
"""


def render_html(report: Report, reveal: bool = False, name: str | None = None) -> str:
    """The whole printable page as a string."""
    model = build_model(report, reveal=reveal, name=name)
    sections = "".join(_section(s, reveal) for s in model.sections)
    body = (_title_page(model) + '<div class="newpage"></div>'
            + (sections or f"<h2>{_w(msg('printout.nothing_to_do'))}</h2><p>{_w(msg('printout.nothing_found'))}</p>")
            + _closing_page(model))
    title = say(msg("printout.page_title_for", name=model.name) if model.name else msg("printout.page_title"))
    return (f'<!DOCTYPE html>\n<html lang="en-GB"><head><meta charset="utf-8"/>'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"/>'
            f"<title>{_e(title)}</title><style>{_CSS}</style></head><body>{body}</body></html>\n")


def write_html(report: Report, stream: TextIO, reveal: bool = False, name: str | None = None) -> None:
    """Write the printable checklist of `report` to `stream` as one self-contained HTML page."""
    stream.write(render_html(report, reveal=reveal, name=name))
