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


def mask(evidence: str, span: tuple[int, int] | None = None, spans: tuple[tuple[int, int], ...] = ()) -> str:
    """Mask `evidence` inside `span` and every one of `spans` (all of it when no span is known)."""
    if not evidence:
        return evidence
    if span is None:
        return mask_text(evidence)
    text = evidence
    hidden: set[str] = set()
    for a, b in (span, *spans):
        start, end = max(0, a), min(len(text), b)
        if start >= end:
            if (a, b) == span:
                return mask_text(evidence)
            continue
        hidden.update(w.lower() for w in _WORD.findall(evidence[start:end])
                      if len(w) >= 3 and (w[0].isupper() or any(c.isdigit() for c in w)))
        text = text[:start] + mask_text(text[start:end]) + text[end:]  # same length: offsets hold
    return _cut_numbers(_everywhere(text, hidden))


_CUT_END = re.compile(r"\d[\d \-]*\d…$|\d…$")
_CUT_START = re.compile(r"^…\d[\d \-]*\d|^…\d")


def _cut_numbers(text: str) -> str:
    """A number cut off by the excerpt's edge ("ring 07842…") is hidden: its rest cannot be checked."""
    text = _CUT_END.sub(lambda m: mask_text(m.group(0)), text)
    return _CUT_START.sub(lambda m: mask_text(m.group(0)), text)


def _everywhere(text: str, hidden: set[str]) -> str:
    """A name or number hidden in one place is hidden wherever else it shows in the same text."""
    if not hidden:
        return text
    return _WORD.sub(lambda m: mask_text(m.group(0)) if m.group(0).lower() in hidden else m.group(0), text)


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
