"""A lossless Report <-> plain-dict round trip, for saved (encrypted) audits.

Unlike the contract JSON (`json_report.py`), which masks evidence and rounds numbers for people
and other programs, this keeps every field of every record exactly, evidence unmasked: the
saved audit is encrypted (`checks.vault`), so it keeps everything and reopening shows what the
scan showed. The encoding is driven by the records' own type hints, so new optional fields on
records are saved without changes here; fields a newer version wrote are ignored on reading,
and fields an older version did not write take their defaults.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import types
import typing
from datetime import datetime
from typing import Any

from checks import records
from checks.errors import OffdutyError
from checks.records import Report

FORMAT = "offduty-report"
FORMAT_VERSION = 1


class BadReportData(OffdutyError):
    """The saved data does not describe a report this version can rebuild."""


def report_to_dict(report: Report) -> dict[str, Any]:
    """Everything in `report` as JSON-ready values (dicts, lists, str, int, float, bool, None)."""
    return {"format": FORMAT, "version": FORMAT_VERSION, "report": _encode(report)}


def report_from_dict(data: object) -> Report:
    """Rebuild the Report `report_to_dict` produced; BadReportData when it cannot."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise BadReportData("This file does not hold an Offduty report.")
    version = data.get("version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise BadReportData("This audit was saved by a newer version of Offduty; update Offduty to open it.")
    try:
        report = _decode(Report, data.get("report"))
    except (TypeError, ValueError, KeyError) as exc:
        raise BadReportData("The saved report is incomplete or damaged.") from exc
    assert isinstance(report, Report)
    return report


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, str):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    raise TypeError(f"cannot save a value of type {type(value).__name__}")


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(records))


def _decode(tp: Any, raw: Any) -> Any:
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        return _decode_union(typing.get_args(tp), raw)
    if tp is type(None):
        if raw is not None:
            raise ValueError("expected nothing")
        return None
    if origin is tuple:
        args = typing.get_args(tp)
        if not isinstance(raw, list):
            raise TypeError("expected a list")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v) for v in raw)
        if len(args) != len(raw):
            raise ValueError("wrong number of values")
        return tuple(_decode(a, v) for a, v in zip(args, raw, strict=True))
    if isinstance(tp, type):
        if issubclass(tp, enum.Enum):
            return tp(raw)
        if dataclasses.is_dataclass(tp):
            return _decode_dataclass(tp, raw)
        if tp is datetime:
            if not isinstance(raw, str):
                raise TypeError("expected a date")
            return datetime.fromisoformat(raw)
        if tp is bool:
            if not isinstance(raw, bool):
                raise TypeError("expected true or false")
            return raw
        if tp is float:
            if isinstance(raw, bool) or not isinstance(raw, int | float):
                raise TypeError("expected a number")
            return float(raw)
        if tp is int:
            if isinstance(raw, bool) or not isinstance(raw, int):
                raise TypeError("expected a whole number")
            return raw
        if tp is str:
            if not isinstance(raw, str):
                raise TypeError("expected text")
            return raw
    if tp is Any or tp is object:
        return raw
    raise TypeError(f"cannot read a value of type {tp!r}")


def _decode_union(options: tuple[Any, ...], raw: Any) -> Any:
    if raw is None and type(None) in options:
        return None
    # enums before plain str, so `ProfileField | str` comes back as the enum when it was one
    ordered = sorted((o for o in options if o is not type(None)),
                     key=lambda o: 0 if isinstance(o, type) and issubclass(o, enum.Enum) else 1)
    for option in ordered:
        try:
            return _decode(option, raw)
        except (TypeError, ValueError, KeyError):
            continue
    raise ValueError("no matching type")


def _decode_dataclass(cls: type, raw: Any) -> Any:
    if not isinstance(raw, dict):
        raise TypeError(f"expected a {cls.__name__}")
    hints = _hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if not f.init:
            continue
        if f.name in raw:
            kwargs[f.name] = _decode(hints[f.name], raw[f.name])
        elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
            raise KeyError(f.name)
    return cls(**kwargs)
