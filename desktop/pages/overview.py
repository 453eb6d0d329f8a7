"""Overview: the score and what drives it, counts per kind and platform, the three most urgent
things to do, and (after reopening an earlier audit and scanning again) what has been fixed."""

from __future__ import annotations

from collections import Counter

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from checks.assess.scoring import INCOMPLETE
from checks.records import Message, Report, msg
from checks.report.words import say
from desktop.compare import Comparison
from desktop.models import platform_label
from desktop.pages.base import Page, PageKey
from desktop.pages.common import ScaledLabel, button_row, heading, paragraph
from desktop.qtcompat import emit
from desktop.session import Session


class OverviewPage(Page):
    """The score and what to do first; its buttons ask for the Findings and Checklist pages (go_to)."""

    key = PageKey.OVERVIEW

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Your results"), parent)
        self.session = session
        self.empty = paragraph(self.tr("No results yet. Add your exports and scan them, or open a saved audit."))
        self.body.addWidget(self.empty)
        self.content = QWidget()
        lay = QGridLayout(self.content)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setVerticalSpacing(10)
        self.score = ScaledLabel("", 3.0)
        self.score.setAccessibleName(self.tr("Exposure score"))
        self.band = paragraph()
        self.band.setAccessibleName(self.tr("What the score means"))
        lay.addWidget(self.score, 0, 0)
        lay.addWidget(self.band, 0, 1, Qt.AlignmentFlag.AlignVCenter)
        self.compare = paragraph()
        self.compare.setAccessibleName(self.tr("Compared with your earlier audit"))
        lay.addWidget(self.compare, 1, 0, 1, 2)
        lay.addWidget(heading(self.tr("Do these first"), 2), 2, 0, 1, 2)
        self.urgent = paragraph()
        self.urgent.setAccessibleName(self.tr("The three most urgent things to do"))
        lay.addWidget(self.urgent, 3, 0, 1, 2)
        lay.addWidget(heading(self.tr("What drives the score"), 2), 4, 0, 1, 2)
        self.drivers = paragraph()
        self.drivers.setAccessibleName(self.tr("What drives the score"))
        lay.addWidget(self.drivers, 5, 0, 1, 2)
        lay.addWidget(heading(self.tr("By kind"), 2), 6, 0)
        lay.addWidget(heading(self.tr("By platform"), 2), 6, 1)
        self.by_category = paragraph()
        self.by_category.setAccessibleName(self.tr("Findings by kind"))
        self.by_platform = paragraph()
        self.by_platform.setAccessibleName(self.tr("Findings by platform"))
        lay.addWidget(self.by_category, 7, 0, Qt.AlignmentFlag.AlignTop)
        lay.addWidget(self.by_platform, 7, 1, Qt.AlignmentFlag.AlignTop)
        lay.setColumnStretch(1, 1)
        self.body.addWidget(self.content)
        self.findings_button = QPushButton(self.tr("See what was found"))
        self.checklist_button = QPushButton(self.tr("Go to your checklist"))
        for b in (self.findings_button, self.checklist_button):
            b.setAccessibleName(b.text())
        self.body.addLayout(button_row(self.findings_button, self.checklist_button))
        self.body.addStretch(1)
        self.findings_button.clicked.connect(lambda: emit(self.go_to, PageKey.FINDINGS.value))
        self.checklist_button.clicked.connect(lambda: emit(self.go_to, PageKey.CHECKLIST.value))
        session.report_changed.connect(self.refresh)
        session.state_changed.connect(self.refresh)
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
        when = f"{comparison.since.day} {comparison.since:%B %Y}"
        text = self.tr("%1 of %2 things found on %3 are fixed.").replace("%1", str(len(comparison.fixed))).replace(
            "%2", str(comparison.earlier_total)).replace("%3", when)
        if comparison.new:
            text += " " + self.tr("%n new thing(s) found since.", "", len(comparison.new))
        return text

    def _fill(self, report: Report) -> None:
        raw = self.session.report
        score = raw.score if raw else report.score
        self.score.setText(f"{score.value}")
        words = say(Message(f"score.summary.{INCOMPLETE if score.state == INCOMPLETE else score.band}"))
        if report.cancelled:
            words += " " + say(msg("score.summary.cancelled"))
        self.band.setText(self.tr("out of 100. %1").replace("%1", words))
        comparison = self.session.comparison
        self.compare.setVisible(comparison is not None)
        if comparison is not None:
            self.compare.setText(self.comparison_text(comparison))
        todo = [c for c in report.checklist if not c.done][:3]
        if todo:
            self.urgent.setText("\n".join(f"{i}. {platform_label(c.platform)}: {c.title}"
                                          for i, c in enumerate(todo, 1)))
        elif report.checklist:
            self.urgent.setText(self.tr("Everything on your checklist is done. Well done."))
        else:
            self.urgent.setText(self.tr("Nothing to do: Offduty found nothing that exposes you in these exports."))
        drivers = [d for d in score.drivers if d.points > 0][:6]
        self.drivers.setText("\n".join(f"• {say(d.text)}" for d in drivers) or self.tr("Nothing found."))
        cats = Counter(f.category.label for f in report.findings)
        plats = Counter(f.platform.label for f in report.findings)
        self.by_category.setText("\n".join(f"{n}  {c}" for c, n in cats.most_common()) or "–")
        self.by_platform.setText("\n".join(f"{n}  {p}" for p, n in plats.most_common()) or "–")
