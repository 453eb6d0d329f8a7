"""Your results: the score as it stands (drawn so lower is plainly better, and moving as steps are
ticked and items marked "not a problem"), "Your first five" as cards with Open the setting and
I've done it, a done moment when they are, what drives the score, and (after reopening an
earlier audit and scanning again) what has been fixed."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from checks.assess.advice import default_catalogue
from checks.assess.scoring import INCOMPLETE, current_score
from checks.records import ChecklistEntry, Message, Report, msg
from checks.report.checklist_model import long_date
from checks.report.words import say
from desktop.compare import Comparison
from desktop.models import platform_label
from desktop.pages.base import Page, PageKey
from desktop.pages.common import ScaledLabel, button_row, heading, paragraph
from desktop.pages.gauge import ScoreGauge
from desktop.qtcompat import emit
from desktop.session import Session

FIRST = 5


def first_steps(report: Report) -> list[ChecklistEntry]:
    """The steps that make the biggest difference: the first five not already set, by priority."""
    todo = [e for e in report.checklist if e.findings and not e.already_done]
    return sorted(todo, key=lambda e: -e.priority)[:FIRST]


class StepCard(QFrame):
    """One of the first five: what to do and why, Open the setting, I've done it.

    Signals: done(str, bool): the step (its advice id) was marked done or not done.
    """

    done = Signal(str, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.entry: ChecklistEntry | None = None
        self.link: str | None = None
        lay = QVBoxLayout(self)
        self.title = heading("", 2)
        self.why = paragraph()
        self.state = paragraph()
        self.state.setAccessibleName(self.tr("Whether this step is done"))
        self.open_button = QPushButton(self.tr("Open the setting"))
        self.done_button = QPushButton(self.tr("I've done it"))
        self.done_button.setCheckable(True)
        self.open_button.clicked.connect(self._on_open)
        self.done_button.toggled.connect(self._on_done)
        lay.addWidget(self.title)
        lay.addWidget(self.why)
        lay.addWidget(self.state)
        lay.addLayout(button_row(self.open_button, self.done_button))

    def show_entry(self, entry: ChecklistEntry, ticked: bool) -> None:
        self.entry = entry
        advice = default_catalogue().get(entry.advice)
        self.link = advice.link if advice else entry.source
        checked = advice.link_checked if advice else entry.checked
        opens_setting = bool(advice and advice.settings_url)
        title = f"{platform_label(entry.platform)}: {entry.title}"
        self.title.setText(title)
        self.why.setText(advice.why if advice else say(entry.why))
        self.open_button.setText(self.tr("Open the setting") if opens_setting else self.tr("Open the help page"))
        self.open_button.setVisible(bool(self.link))
        self.open_button.setToolTip(self.tr("%1 (checked %2)").replace("%1", self.link or "").replace("%2", checked))
        self.open_button.setAccessibleName(self.open_button.text() + ": " + entry.title)
        self.done_button.setAccessibleName(self.tr("I've done it: %1").replace("%1", entry.title))
        self.done_button.blockSignals(True)
        self.done_button.setChecked(ticked)
        self.done_button.blockSignals(False)
        self._show_state(ticked)

    def _show_state(self, ticked: bool) -> None:
        self.state.setText(self.tr("✓ Done") if ticked else "")
        self.state.setVisible(ticked)
        self.done_button.setText(self.tr("Not done yet") if ticked else self.tr("I've done it"))

    def _on_open(self) -> None:
        if self.link and self.link.startswith("https://"):
            QDesktopServices.openUrl(QUrl(self.link))  # only when the person clicks

    def _on_done(self, on: bool) -> None:
        if self.entry is not None:
            self._show_state(on)
            emit(self.done, self.entry.advice, on)


class OverviewPage(Page):
    """The score and what to do first; its buttons ask for the Findings and Checklist pages (go_to)."""

    key = PageKey.OVERVIEW

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Your results"), parent)
        self.session = session
        self.empty = paragraph(self.tr("No results yet. Add your exports and scan them, or open a saved audit."))
        self.body.addWidget(self.empty)
        self.content = QWidget()
        lay = QVBoxLayout(self.content)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(10)
        top = QHBoxLayout()
        self.score = ScaledLabel("", 3.0)
        self.score.setAccessibleName(self.tr("Exposure score"))
        self.score.setAlignment(Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.score)
        right = QVBoxLayout()
        self.band = paragraph()
        self.band.setAccessibleName(self.tr("What the score means"))
        self.gauge = ScoreGauge()
        self.moved = paragraph()
        self.moved.setAccessibleName(self.tr("How the score has moved"))
        right.addWidget(self.band)
        right.addWidget(self.gauge)
        right.addWidget(self.moved)
        top.addLayout(right, 1)
        lay.addLayout(top)
        self.compare = paragraph()
        self.compare.setAccessibleName(self.tr("Compared with your earlier audit"))
        lay.addWidget(self.compare)

        self.celebrate = QFrame()
        self.celebrate.setFrameShape(QFrame.Shape.StyledPanel)
        self.celebrate.setAutoFillBackground(True)
        self.celebrate.setBackgroundRole(self.celebrate.palette().ColorRole.AlternateBase)
        done_lay = QVBoxLayout(self.celebrate)
        done_lay.addWidget(heading(self.tr("Your first five are done"), 2))
        self.celebrate_text = paragraph()
        self.celebrate_text.setAccessibleName(self.tr("Your first five are done"))
        done_lay.addWidget(self.celebrate_text)
        lay.addWidget(self.celebrate)

        lay.addWidget(heading(self.tr("Your first five"), 2))
        lay.addWidget(paragraph(self.tr(
            "These make the biggest difference. Open each setting, change it, then tick it off.")))
        self.cards_box = QWidget()
        self.cards_grid = QGridLayout(self.cards_box)
        self.cards_grid.setContentsMargins(0, 0, 0, 0)
        self.cards = [StepCard() for _ in range(FIRST)]
        for i, card in enumerate(self.cards):
            card.done.connect(self.session.tick)
            self.cards_grid.addWidget(card, i // 2, i % 2)
        lay.addWidget(self.cards_box)
        self.nothing = paragraph()
        lay.addWidget(self.nothing)

        lay.addWidget(heading(self.tr("What drives the score"), 2))
        self.drivers = paragraph()
        self.drivers.setAccessibleName(self.tr("What drives the score"))
        lay.addWidget(self.drivers)
        self.body.addWidget(self.content)
        self.findings_button = QPushButton(self.tr("See what was found"))
        self.checklist_button = QPushButton(self.tr("Go to your checklist"))
        for b in (self.findings_button, self.checklist_button):
            b.setAccessibleName(b.text())
        self.body.addLayout(button_row(self.findings_button, self.checklist_button))
        self.body.addStretch(1)
        self.findings_button.clicked.connect(lambda: emit(self.go_to, PageKey.FINDINGS.value))
        self.checklist_button.clicked.connect(lambda: emit(self.go_to, PageKey.CHECKLIST.value))
        self.first: list[ChecklistEntry] = []
        session.report_changed.connect(self._on_report)
        session.state_changed.connect(self.refresh)
        self._on_report()

    def _on_report(self) -> None:
        # The five are chosen once per report, so ticking one does not shuffle the cards.
        self.first = first_steps(self.session.report) if self.session.report is not None else []
        self.refresh()

    def refresh(self) -> None:
        report = self.session.visible_report()
        has = report is not None
        self.empty.setVisible(not has)
        self.content.setVisible(has)
        self.findings_button.setEnabled(has)
        self.checklist_button.setEnabled(has)
        if report is None:
            return
        self._fill(report)

    def comparison_text(self, comparison: Comparison) -> str:
        """"7 of 12 things found on 14 March 2026 are fixed. 2 new things found since." """
        when = long_date(comparison.since)
        text = self.tr("%1 of %2 things found on %3 are fixed.").replace("%1", str(len(comparison.fixed))).replace(
            "%2", str(comparison.earlier_total)).replace("%3", when)
        if comparison.new:
            text += " " + self.tr("%n new thing(s) found since.", "", len(comparison.new))
        return text

    def _fill(self, report: Report) -> None:
        score = current_score(report)
        at_scan = self.session.report.score if self.session.report is not None else report.score
        self.score.setText(f"{score.value}")
        band = INCOMPLETE if score.state == INCOMPLETE else score.band
        words = say(Message(f"score.summary.{band}"))
        if report.cancelled:
            words += " " + say(msg("score.summary.cancelled"))
        self.band.setText(self.tr("out of 100 · lower is better. %1").replace("%1", words))
        lower = score.value < at_scan.value
        self.gauge.set_score(score.value, at_scan.value if lower else None)
        self.moved.setVisible(lower)
        self.moved.setText(self.tr("Down from %1 when you scanned: each step you tick brings it lower.").replace(
            "%1", str(at_scan.value)))
        comparison = self.session.comparison
        self.compare.setVisible(comparison is not None)
        if comparison is not None:
            self.compare.setText(self.comparison_text(comparison))
        self._fill_cards(report, at_scan.value, score.value)
        drivers = [d for d in score.drivers if d.points > 0][:5]
        self.drivers.setText("\n".join(f"• {say(d.text)}" for d in drivers) or self.tr("Nothing found."))

    def _fill_cards(self, report: Report, before: int, now: int) -> None:
        ticked = self.session.state.ticked
        for card, entry in zip(self.cards, self.first, strict=False):
            card.show_entry(entry, entry.advice in ticked)
        for i, card in enumerate(self.cards):
            card.setVisible(i < len(self.first))
        all_done = bool(self.first) and all(e.advice in ticked for e in self.first)
        self.celebrate.setVisible(all_done)
        self.celebrate_text.setText(self.tr(
            "Well done. Your score went from %1 to %2. Carry on with your checklist when you are ready, "
            "or print your plan.").replace("%1", str(before)).replace("%2", str(now)))
        self.cards_box.setVisible(bool(self.first))
        self.nothing.setVisible(not self.first)
        if not self.first:
            nothing = self.tr("Nothing to do: Offduty found nothing that exposes you in these exports.")
            self.nothing.setText(self.tr("Everything on your checklist is done. Well done.") if report.checklist
                                 else nothing)
