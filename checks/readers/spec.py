"""What a format is, declared once by the reader that reads it: id, platform, title, how to recognise it.

A `FormatSpec` is the one source of a format's identity: recognition (`checks.exports.recognise`)
asks each registered spec's `Sign`s, the archive layer keeps each spec's own top `folders`
(never stripped as wrappers), `offduty formats`, the window and the README table take the title
from here, and the title's words live in `resources/words/` under `format.<id>`.

A `Sign` is one way of recognising a format with a score (0..1): member paths or a name
pattern, optionally with what the member starts with (bytes, a text pattern, a CSV header, or
the JSON top-level keys, read with a bounded streaming parser), the export's own name, whether
it is a single file, and other signs that must (`also`) or must not (`unless`) hold too.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checks.records import Message, Platform


@dataclass(frozen=True)
class Sign:
    """One way of recognising a format, and how sure it makes recognition (`score`, 0..1).

    Members are chosen by `paths` (the path ends with one of them at a "/", any case) or
    `pattern` (a regular expression searched in each member name, any case, `^`/`$` per name),
    at most `depth` folders deep. Each content test then needs one chosen member (among the
    first few) that passes it: `head` (starts with one of these bytes, after a byte-order mark
    and blanks), `contains` (its first 256 bytes hold all of these), `text` (its first bytes as
    text match this expression), `header` (its CSV header starts with these columns, any case),
    `keys` / `all_keys` / `values` (the JSON document's top-level keys include one of / all of
    these, scalar keys with these values; with `shape` "array", the keys of its first element).
    `named` tests the export's own file name, `single` asks for one file given directly, `only`
    that every member name matches, `media_share` that at least that share of members are photos.
    `also` needs at least one of its signs to hold as well, `unless` none of them.
    """

    score: float
    paths: tuple[str, ...] = ()
    pattern: str = ""
    depth: int | None = None
    head: tuple[bytes, ...] = ()
    contains: tuple[bytes, ...] = ()
    text: str = ""
    header: tuple[str, ...] = ()
    keys: tuple[str, ...] = ()
    all_keys: tuple[str, ...] = ()
    values: tuple[tuple[str, str], ...] = ()
    shape: str = ""
    named: str = ""
    single: bool = False
    only: str = ""
    media_share: float = 0.0
    also: tuple[Sign, ...] = ()
    unless: tuple[Sign, ...] = ()

    @property
    def reads_content(self) -> bool:
        return bool(self.head or self.contains or self.text or self.header or self.keys or self.all_keys
                    or self.values)


@dataclass(frozen=True)
class FormatSpec:
    """One export format: its id (the report's `inputs[].format`), platform and recognition.

    `variant_of` marks the HTML form of another format: it is chosen instead of that format
    when an export holds only HTML pages. `folders` are the layout's own top folders.
    `single_title` names one file of the format given on its own ("Photo"). `expected_file` is the
    file that holds most of what is read (a path its real layout ends with), named when a recognised
    export gives nothing; None where the format has no one such file (a folder of photos, an HTML
    variant, which is chosen only beside its JSON form).
    """

    id: str
    platform: Platform
    signs: tuple[Sign, ...] = ()
    folders: tuple[str, ...] = ()
    variant_of: str | None = None
    single_title: Message | None = field(default=None)
    expected_file: str | None = None

    @property
    def title(self) -> str:
        """The format's name in the person's language (`format.<id>` in the words catalogue)."""
        from checks.report.words import say

        return say(Message(f"format.{self.id}"))
