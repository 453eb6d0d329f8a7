"""Masking evidence: "moving into 42 Laburnum Close" -> "moving into 4* L******* C****".

Evidence is masked everywhere by default. Inside the sensitive span every run of letters or
digits keeps its first character and the rest become `*`; text around the span is kept so the
person can still recognise the post. Revealing is a deliberate act (`--reveal`, "Show").
"""

from __future__ import annotations

import re
from dataclasses import replace

import ahocorasick

from checks.records import Report

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def mask_text(text: str) -> str:
    """Mask every word of `text`, keeping first characters and punctuation."""
    return _WORD.sub(lambda m: m.group(0)[0] + "*" * (len(m.group(0)) - 1), text)


def mask(evidence: str, span: tuple[int, int] | None = None) -> str:
    """Mask `evidence` inside `span` (all of it when no span is known)."""
    if not evidence:
        return evidence
    if span is None:
        return mask_text(evidence)
    start, end = max(0, span[0]), min(len(evidence), span[1])
    if start >= end:
        return mask_text(evidence)
    return evidence[:start] + mask_text(evidence[start:end]) + evidence[end:]


def conceal(report: Report) -> Report:
    """The report with every finding's sensitive part masked in every other finding's evidence too.

    A post giving both an address and a phone number yields two findings whose evidence is the
    same post; masking each only inside its own span would show the address in clear in the
    phone finding. Masking is idempotent, so writers can still mask each finding's own span.
    """
    secrets = {f.evidence[f.span[0]:f.span[1]].strip() for f in report.findings if f.span and f.evidence}
    secrets = {s for s in secrets if len(s) >= 3}
    if not secrets:
        return report
    automaton = ahocorasick.Automaton()
    for s in secrets:
        automaton.add_word(s, len(s))
    automaton.make_automaton()
    findings = []
    for f in report.findings:
        hits = sorted((end - n + 1, end + 1) for end, n in automaton.iter(f.evidence)) if f.evidence else []
        if not hits:
            findings.append(f)
            continue
        text = f.evidence
        for start, end in hits:
            text = text[:start] + mask_text(text[start:end]) + text[end:]  # same length: offsets hold
        findings.append(replace(f, evidence=text))
    return replace(report, findings=tuple(findings))
