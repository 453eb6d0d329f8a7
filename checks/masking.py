"""Masking evidence: "moving into 42 Laburnum Close" -> "moving into 4* L******* C****".

Evidence is masked everywhere by default. Inside the sensitive span every run of letters or
digits keeps its first character and the rest become `*`; text around the span is kept so the
person can still recognise the post. Revealing is a deliberate act (`--reveal`, "Show").
"""

from __future__ import annotations

import re

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
