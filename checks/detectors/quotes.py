"""Quoted lines blanked out of a reply: the words it answers are someone else's, not the person's.

A Reddit comment, a forum post or an e-mail reply quotes what it answers on lines that start with
">" ("> My boss fires people every week" then "So this problem may take care of itself"). Read as
the person's own words, the quoted line became their boss, their drugs or their job. Each quoted
line becomes spaces of the same length (positions stay, as with links), and only in a reply: a text
that is all quoted lines (">be me" green text) is the person's own.
"""

from __future__ import annotations

import re

_QUOTED_LINE = re.compile(r"^[ \t]*(?:>|&gt;)[^\n]*", re.MULTILINE)
_WORD = re.compile(r"[^\W\d_]{2,}")


def blank_quoted(text: str) -> str:
    """`text` with every quoted line replaced by as many spaces, when the text also answers it."""
    if ">" not in text and "&gt;" not in text:
        return text
    blanked = _QUOTED_LINE.sub(lambda m: " " * len(m.group(0)), text)
    return blanked if _WORD.search(blanked) else text
