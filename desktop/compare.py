"""Comparing a reopened audit with a new scan: "7 of 12 things fixed since March".

Finding ids are stable (a hash of what and where), so a finding of the earlier audit that is
absent from the new one was deleted or changed. Findings the person marked "not a problem"
earlier are not counted as things to fix.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from checks.records import Finding, Report
from checks.store.audit_state import AuditState


@dataclass(frozen=True)
class Comparison:
    since: datetime
    fixed: tuple[Finding, ...]  # in the earlier audit, gone now
    remaining: tuple[Finding, ...]  # in both
    new: tuple[Finding, ...]  # only in the new scan

    @property
    def earlier_total(self) -> int:
        return len(self.fixed) + len(self.remaining)



def compare(previous: Report, current: Report, previous_state: AuditState | None = None) -> Comparison:
    dismissed = previous_state.dismissed if previous_state else frozenset()
    before = {f.id: f for f in previous.findings if f.id not in dismissed}
    now = {f.id: f for f in current.findings}
    return Comparison(
        since=previous.generated_at,
        fixed=tuple(f for i, f in before.items() if i not in now),
        remaining=tuple(f for i, f in before.items() if i in now),
        new=tuple(f for i, f in now.items() if i not in before and i not in dismissed),
    )
