"""Words: turns the engine's Messages (stable codes and values) into sentences in one language.

The catalogue is data, one TOML file per language in `resources/words/` (`en-GB.toml`, and the
next language beside it). A code is the dotted path of an entry: `[employer.title]` with
`profile = "Your {platform} profile names ..."` is `employer.title.profile`. Templates use
`str.format` fields named after the Message's values, with format specs allowed (`{count:,}`).
An entry whose value is a table of plural forms (`one`, `other`, and for Welsh `zero`, `two`,
`few`, `many`) is chosen by the Message's `count` value.

A code missing from a language falls back to UK English; a code missing everywhere is shown as
the code itself (and `tests/report/test_words.py` keeps every code the engine uses in the
catalogue). Nothing here imports Qt: the window, the command line and the reports all speak
through `say()`.
"""

from __future__ import annotations

import logging
import os
import string
import tomllib
from collections.abc import Callable, Mapping
from functools import cache

from checks.records import Message
from checks.resources import resource_path

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "en-GB"
PLURAL_FORMS = frozenset({"zero", "one", "two", "few", "many", "other"})


def _plural_en(n: float) -> str:
    return "one" if n == 1 else "other"


def _plural_cy(n: float) -> str:
    # CLDR plural rules for Welsh (cardinals): 0 zero, 1 one, 2 two, 3 few, 6 many, else other.
    return {0: "zero", 1: "one", 2: "two", 3: "few", 6: "many"}.get(int(n), "other") if n == int(n) else "other"


# Two rules are all the languages in sight need (UK English, Welsh); Babel would add ~30 MB of
# locale data to the installers for them.
PLURAL_RULES: dict[str, Callable[[float], str]] = {"en": _plural_en, "cy": _plural_cy}

Entry = str | dict[str, str]


class Words:
    """One language's catalogue, with UK English behind it for codes not yet translated."""

    def __init__(self, language: str = DEFAULT_LANGUAGE, entries: Mapping[str, Entry] | None = None,
                 fallback: Words | None = None) -> None:
        self.language = language
        self.entries: dict[str, Entry] = dict(entries if entries is not None else load_entries(language))
        self.fallback = fallback
        self._plural = PLURAL_RULES.get(language.split("-")[0], _plural_en)
        self._formatter = string.Formatter()

    def has(self, code: str) -> bool:
        return code in self.entries or (self.fallback is not None and self.fallback.has(code))

    def codes(self) -> frozenset[str]:
        return frozenset(self.entries)

    def say(self, message: Message | str) -> str:
        """The sentence for `message` (plain text passes through unchanged)."""
        if isinstance(message, str):
            return message
        entry = self.entries.get(message.code)
        if entry is None:
            if self.fallback is not None:
                return self.fallback.say(message)
            log.warning("no words for code %s", message.code)
            return message.code
        values = {key: self.say(val) if isinstance(val, Message) else val for key, val in message.values}
        if isinstance(entry, dict):
            count = values.get("count", 0)
            form = self._plural(count if isinstance(count, int | float) else 0)
            entry = entry.get(form) or entry["other"]
        try:
            return self._formatter.vformat(entry, (), values)
        except (KeyError, IndexError, ValueError) as exc:
            log.warning("words for %s need a value they were not given (%s)", message.code, type(exc).__name__)
            return entry


def load_entries(language: str) -> dict[str, Entry]:
    """Every entry of `resources/words/<language>.toml`, flattened to dotted codes."""
    path = resource_path("words", f"{language}.toml")
    with path.open("rb") as handle:
        data = tomllib.load(handle)
    out: dict[str, Entry] = {}
    _flatten(data, "", out)
    return out


def _flatten(table: Mapping[str, object], prefix: str, out: dict[str, Entry]) -> None:
    for key, value in table.items():
        code = f"{prefix}{key}"
        if isinstance(value, str):
            out[code] = value
        elif isinstance(value, dict) and value and set(value) <= PLURAL_FORMS and "other" in value \
                and all(isinstance(v, str) for v in value.values()):
            out[code] = {str(k): str(v) for k, v in value.items()}
        elif isinstance(value, dict):
            _flatten(value, code + ".", out)
        else:
            raise ValueError(f"words entry {code} is neither text nor a table")


@cache
def words(language: str | None = None) -> Words:
    """The catalogue for `language` (default: OFFDUTY_LANG, else UK English), loaded once."""
    language = language or os.environ.get("OFFDUTY_LANG") or DEFAULT_LANGUAGE
    if language == DEFAULT_LANGUAGE:
        return Words(DEFAULT_LANGUAGE)
    try:
        return Words(language, fallback=words(DEFAULT_LANGUAGE))
    except FileNotFoundError:
        log.warning("no catalogue for language %s; using UK English", language)
        return words(DEFAULT_LANGUAGE)


def say(message: Message | str, language: str | None = None) -> str:
    """`message` in the person's language."""
    return words(language).say(message)
