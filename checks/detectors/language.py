"""Whether a text is written in a language the rules and the text model were not made for.

The word lists and the model read English (and find Welsh police names); a post in German, French,
Russian or Spanish gets scores from words that merely look alike ("mit", "PS", "DC"). Such a text
carries the signal OTHER_LANGUAGE and the decisions do not let the model or a look-alike word find
employer, official or conduct in it (resources/rules/decisions.toml). Identity, home and family
details (numbers, postcodes, e-mail addresses) are still found in any language.
"""

from __future__ import annotations

import re
from functools import lru_cache

from checks.detectors.lexicon import Scan, plain_list

LIST = "languages"  # resources/wordlists/languages.tsv: words of other languages, matched with every list
ENGLISH = "english.txt"  # the commonest English words, looked up only when a text has words of other languages
_WORD = re.compile(r"[a-z']+")
MIN_OTHER_WORDS = 2
MIN_LETTERS = 12  # fewer letters than this are too few to tell a script by
MIN_OTHER_SCRIPT = 8  # letters of another script that, at a third of the text, make it another language


def other_language(sc: Scan) -> bool:
    """True when the text is mostly in a non-Latin script, or has more words of other languages than of English."""
    if not sc.lower.isascii() and _mostly_other_script(sc.lower):
        return True
    hits = sc.of(LIST)
    if len(hits) < MIN_OTHER_WORDS:
        return False
    english = _english_words()
    return len(hits) > sum(1 for w in _WORD.findall(sc.lower) if w in english)


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    return frozenset(e.phrase for e in plain_list(ENGLISH))


def _mostly_other_script(text: str) -> bool:
    letters = latin = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            if ch < "\u0250":  # Basic Latin, Latin-1 and Latin Extended A and B
                latin += 1
    other = letters - latin
    # mostly another script, or a good third of it: English posts quote a word of Russian or Greek,
    # not a third of their letters ("Eee PC на чипсете Qualcomm с Android" is Russian about a PC)
    return letters >= MIN_LETTERS and (latin * 2 < letters or (other >= MIN_OTHER_SCRIPT and other * 3 >= letters))
