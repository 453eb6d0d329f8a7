"""What the person did with an audit: ticked checklist steps and findings marked "not a problem".

Kept beside the report in a saved audit (checks.store.vault) so that reopening an audit shows the
same ticks and dismissals, and carried over to a new scan for the findings still present.
Qt-free and immutable: every change returns a new state.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from checks.records import Report


@dataclass(frozen=True)
class AuditState:
    """Ticked advice ids, dismissed finding ids, and notes (finding or advice id -> text)."""

    ticked: frozenset[str] = field(default_factory=frozenset)
    dismissed: frozenset[str] = field(default_factory=frozenset)
    notes: tuple[tuple[str, str], ...] = ()  # sorted by id; kept only inside the encrypted audit

    def note(self, target_id: str) -> str:
        return dict(self.notes).get(target_id, "")

    def with_note(self, target_id: str, text: str) -> AuditState:
        """A note on a finding or a checklist step (empty text removes it)."""
        notes = dict(self.notes)
        if text.strip():
            notes[target_id] = text
        else:
            notes.pop(target_id, None)
        return replace(self, notes=tuple(sorted(notes.items())))

    def tick(self, advice_id: str, done: bool = True) -> AuditState:
        ticked = self.ticked | {advice_id} if done else self.ticked - {advice_id}
        return replace(self, ticked=frozenset(ticked))

    def dismiss(self, finding_id: str, dismissed: bool = True) -> AuditState:
        ids = self.dismissed | {finding_id} if dismissed else self.dismissed - {finding_id}
        return replace(self, dismissed=frozenset(ids))

    def carried_to(self, report: Report) -> AuditState:
        """This state kept only for what still exists in `report` (after a new scan)."""
        advice = {c.advice for c in report.checklist}
        findings = {f.id for f in report.findings}
        notes = tuple((k, v) for k, v in self.notes if k in advice or k in findings)
        return AuditState(self.ticked & advice, self.dismissed & findings, notes)

    def apply(self, report: Report) -> Report:
        """The report as the person sees it: ticked steps done, dismissed findings left out."""
        findings = tuple(f for f in report.findings if f.id not in self.dismissed)
        checklist = tuple(replace(c, done=c.done or c.advice in self.ticked) for c in report.checklist)
        return replace(report, findings=findings, checklist=checklist)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"ticked": sorted(self.ticked), "dismissed": sorted(self.dismissed)}
        if self.notes:
            out["notes"] = dict(self.notes)
        return out

    @classmethod
    def from_json(cls, data: object) -> AuditState:
        """Read a state back; anything malformed is ignored rather than failing the open."""
        if not isinstance(data, dict):
            return cls()

        def ids(key: str) -> frozenset[str]:
            raw = data.get(key, [])
            return frozenset(x for x in raw if isinstance(x, str)) if isinstance(raw, list) else frozenset()

        raw_notes = data.get("notes", {})
        notes = tuple(sorted((k, v) for k, v in raw_notes.items() if isinstance(k, str) and isinstance(v, str)
                             and v.strip())) if isinstance(raw_notes, dict) else ()
        return cls(ids("ticked"), ids("dismissed"), notes)
