"""Small text helpers the detectors share: sentences, first person, names, profile fields.

Kept free of word lists (those are data in resources/wordlists, see `checks.detectors.lexicon`) so each
rule reads in one place.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from checks.detectors.lexicon import Hit
from checks.records import Audience, Item, ItemKind, Message, ProfileField, msg

_SENTENCE_END = re.compile(r"[.!?\n;]+(?:\s|$)|\n")

# First person: "I", "I'm", "me", "my", "we", "our" ... (in the folded, lower-cased text).
FIRST_PERSON = re.compile(r"\b(?:i|i'm|im|i've|ive|i'd|i'll|me|my|mine|myself|we|we're|we've|our|ours|us)\b")

# Title-case words that are not first names (used where a name is expected after "my son").
NOT_NAMES = frozenset("""
a an the and but or is was are were has had have be been being to for of in on at by with from
this that these those my our his her their your its it he she they we i me you him them us
just so very really today tomorrow yesterday tonight now then here there when where who what
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december christmas easter happy proud love birthday
mum dad nan grandma grandad mr mrs miss ms dr st school primary academy nursery college club
little big new old first last best lovely gorgeous beautiful amazing wonderful cheeky
pc dc ds di ps sgt met police bill line duty chief constable commissioner lady lord father saviour
team street house club church town city council
""".split())


MAX_SENTENCE = 400  # a run-on "sentence" is looked at in windows this long, so work stays linear


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """Start and end of the sentence of `text` that holds position `pos` (at most MAX_SENTENCE each way)."""
    lo = max(0, pos - MAX_SENTENCE)
    start = lo
    for found in _SENTENCE_END.finditer(text, lo, pos):
        start = found.end()
    after = _SENTENCE_END.search(text, pos, min(len(text), pos + MAX_SENTENCE))
    end = after.start() if after else min(len(text), pos + MAX_SENTENCE)
    return start, max(end, pos)


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence of `text`; run-on sentences are cut into MAX_SENTENCE windows."""
    out: list[tuple[int, int]] = []

    def add(a: int, b: int) -> None:
        while b - a > MAX_SENTENCE:
            cut = text.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
            cut = cut if cut > a else a + MAX_SENTENCE
            out.append((a, cut))
            a = cut
        if b > a:
            out.append((a, b))

    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > start:
            add(start, m.start())
        start = m.end()
    if start < len(text):
        add(start, len(text))
    return out


def in_range(hits: Iterable[Hit], start: int, end: int) -> list[Hit]:
    return [h for h in hits if h.start >= start and h.end <= end]


def is_text_item(item: Item) -> bool:
    """Items whose text a person wrote (posts, comments, messages, captions, bios).

    Not settings, location records, check-ins or a gender chosen from a list: a check-in's text is
    the place's name, which the places analyzer reports (checks/places/checkins.py)."""
    kind = item.kind
    if kind is ItemKind.PROFILE_FIELD and item.field == ProfileField.GENDER:
        return False  # a choice from the platform's list ("Female"), not words anyone wrote
    return bool(item.text) and kind not in (ItemKind.SETTING, ItemKind.LOCATION, ItemKind.CHECKIN)


def profile_field(item: Item) -> ProfileField | None:
    if item.kind is ItemKind.PROFILE_FIELD and isinstance(item.field, ProfileField):
        return item.field
    if item.kind is ItemKind.PROFILE_FIELD and isinstance(item.field, str):
        try:
            return ProfileField(item.field)
        except ValueError:
            return ProfileField.OTHER
    return None


def where(item: Item) -> Message:
    """Words for where the text is: "a public post", "your profile", "a private message"..."""
    if item.kind is ItemKind.PROFILE_FIELD:
        return msg("where.profile")
    if item.kind is ItemKind.MESSAGE:
        return msg("where.message")  # the other side of the conversation has it too
    noun = _NOUNS.get(item.kind, Message("noun.item"))
    audience = item.audience
    if audience is Audience.PUBLIC:
        return msg("where.public", noun=noun)
    if audience is Audience.FRIENDS:
        return msg("where.friends", noun=noun)
    if audience is Audience.PRIVATE:
        return msg("where.private", noun=noun)
    return msg("where.any", noun=noun)


_NOUNS = {
    ItemKind.POST: Message("noun.post"), ItemKind.COMMENT: Message("noun.comment"),
    ItemKind.PHOTO: Message("noun.photo_caption"), ItemKind.VIDEO: Message("noun.video_caption"),
    ItemKind.CHECKIN: Message("noun.checkin"), ItemKind.ACTIVITY: Message("noun.activity"),
}


def title_word_after(text: str, pos: int) -> tuple[int, int] | None:
    """The span of a Title-case word (a likely first name) starting at or just after `pos`."""
    m = re.compile(r"\s*,?\s*([A-Z][a-z'\-]+)\b").match(text, pos)
    if not m:
        return None
    word = m.group(1)
    if word.lower() in NOT_NAMES or len(word) < 2:
        return None
    return m.start(1), m.end(1)

