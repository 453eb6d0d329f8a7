"""The one module every reader uses to read CSV members: encodings, the header row, rows by name.

Exports write CSV in UTF-8 with or without a byte-order mark, and some in UTF-16 (LinkedIn's
2018 `Shares.csv`), with or without its mark, separated by tabs rather than commas: `open_csv`
decides the encoding and the separator from the first bytes. `rows`
finds the header line (LinkedIn's `Connections.csv` starts with a `Notes:` preamble), cleans
its cells (marks, quotes, blanks) and yields each data row as {header: value}, the later column
winning where a header is repeated. Rows are streamed: a file of any size is read in bounded
memory. Damage ends the file with one skip that says how many rows were read before it.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO

from checks.progress import Cancelled
from checks.readers.base import ReadContext
from checks.readers.jsonstream import READ_ERRORS, stopped
from checks.records import msg

MAX_FIELD = 1024 * 1024  # one cell; real cells (a long post) stay far below
MAX_HEADER_SCAN = 30  # lines looked at for the header row

csv.field_size_limit(MAX_FIELD)

Row = tuple[int, dict[str, str]]
_FIRST_ROW_ERRORS: tuple[type[BaseException], ...] = (*READ_ERRORS, StopIteration)


def sniff_encoding(head: bytes) -> str:
    """The text encoding of a CSV member from its first bytes (a mark, or the NULs of UTF-16)."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = head[:200]
    if len(sample) >= 4 and sample.count(0) >= len(sample) // 4:
        even_nuls = sample[0::2].count(0)
        odd_nuls = sample[1::2].count(0)
        return "utf-16-be" if even_nuls > odd_nuls else "utf-16-le"
    return "utf-8"


class _Peeking(io.RawIOBase):
    """A member stream whose first bytes were already read (to sniff the encoding)."""

    def __init__(self, head: bytes, inner: IO[bytes]) -> None:
        self._head = head
        self._inner = inner

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        if self._head:
            data, self._head = self._head[: len(view)], self._head[len(view):]
        else:
            data = self._inner.read(len(view))
        view[: len(data)] = data
        return len(data)


def sniff_delimiter(first_line: str) -> str:
    """"\t" when a header line is separated by tabs (LinkedIn 2018), else ","."""
    return "\t" if first_line.count("\t") > first_line.count(",") else ","


@contextmanager
def open_csv(ctx: ReadContext, name: str) -> Iterator[Iterator[list[str]]]:
    """A CSV member's records, in the encoding and with the separator its first bytes show;
    undecodable bytes become U+FFFD."""
    with ctx.export.open(name) as raw:
        head = raw.read(512)
        encoding = sniff_encoding(head)
        first_line = head.decode(encoding, "replace").lstrip("\ufeff").split("\n", 1)[0]
        stream = io.BufferedReader(_Peeking(head, raw))
        text = io.TextIOWrapper(stream, encoding=encoding, errors="replace", newline="")
        yield csv.reader(text, delimiter=sniff_delimiter(first_line))


def clean(cell: str) -> str:
    """A header cell without marks, quotes or surrounding blanks."""
    return cell.replace("\ufeff", "").strip().strip('"').strip()


def first_row(ctx: ReadContext, name: str) -> list[str]:
    """The cleaned cells of a CSV member's first line ([] when it cannot be read)."""
    try:
        with open_csv(ctx, name) as reader:
            return [clean(c) for c in next(reader, [])]
    except _FIRST_ROW_ERRORS:
        return []


def rows(ctx: ReadContext, name: str, is_header: Callable[[list[str]], bool] | None = None,
         expected: str = "") -> Iterator[Row]:
    """(data row index from 0, {header: value}) of a CSV member.

    The header is the first line, or with `is_header` the first of the first lines it accepts;
    when none is, a note names the file and `expected` (the columns looked for). Every record
    after the header counts as a data row, blank ones too, so pointers match the file row for
    row; blank rows are not yielded. Damage ends the file with one skip; bytes that are not valid
    text are read as U+FFFD and the rows holding them counted in one skip.
    """
    count = replaced = 0
    try:
        with open_csv(ctx, name) as reader:
            header = _header(reader, is_header)
            if header is None:
                ctx.note(msg("reader.csv.no_header", file=name, expected=expected or "?"))
                return
            for index, row in enumerate(reader):
                if index % 500 == 0:
                    ctx.cancel.raise_if_cancelled()
                if not any(cell.strip() for cell in row):
                    continue
                count += 1
                replaced += any("\ufffd" in cell for cell in row)
                yield index, {h: (row[i].strip() if i < len(row) else "") for i, h in enumerate(header) if h}
    except Cancelled:
        raise
    except READ_ERRORS as exc:
        ctx.skip(name, stopped(exc, count))
    if replaced:
        ctx.skip(name, msg("reader.csv.replaced", count=replaced))


def _header(reader: Iterator[list[str]], is_header: Callable[[list[str]], bool] | None) -> list[str] | None:
    for scanned, row in enumerate(reader):
        cells = [clean(c) for c in row]
        if is_header is None:
            return cells if any(cells) else None
        if is_header(cells):
            return cells
        if scanned >= MAX_HEADER_SCAN:
            break
    return None


def get(values: dict[str, str], *names: str) -> tuple[str, str]:
    """(header as spelled, value) for the first of `names` present with a value, case-insensitively."""
    lowered = {h.lower(): h for h in values}
    for n in names:
        real = lowered.get(n.lower())
        if real is not None and values[real]:
            return real, values[real]
    return "", ""


def value(values: dict[str, str], *names: str) -> str:
    """The value of the first of `names` present with a value (case-insensitive), else ""."""
    return get(values, *names)[1]
