"""A lossless Report <-> plain-dict round trip, for saved (encrypted) audits.

Unlike the contract JSON (`json_report.py`), which masks evidence and rounds numbers for people
and other programs, this keeps every field of every record exactly, evidence unmasked: the
saved audit is encrypted (`checks.store.vault`), so it keeps everything and reopening shows what the
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
from checks.records import Report, msg

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
        raise BadReportData(msg("vault.no_report"))
    version = data.get("version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise BadReportData(msg("vault.newer_version"))
    try:
        report = _decode(Report, data.get("report"))
    except (TypeError, ValueError, KeyError) as exc:
        raise BadReportData(msg("vault.report_incomplete")) from exc
    assert isinstance(report, Report)
    return report


_SCALARS = (str, int, float, bool, type(None))


def _encode(value: Any) -> Any:
    kind = type(value)
    if kind in _SCALARS:
        return value
    if isinstance(value, enum.Enum):
        return value.value
    names = _field_names(kind)
    if names is not None:
        return {name: _encode(getattr(value, name)) for name in names}
    if isinstance(value, tuple | list):
        return [_encode(v) for v in value]
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, str | int | float):  # subclasses of the scalars
        return kind.__mro__[-2](value) if not isinstance(value, bool) else bool(value)
    raise TypeError(f"cannot save a value of type {kind.__name__}")


_FIELDS: dict[type, tuple[str, ...] | None] = {}


def _field_names(cls: type) -> tuple[str, ...] | None:
    try:
        return _FIELDS[cls]
    except KeyError:
        names = tuple(f.name for f in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None
        _FIELDS[cls] = names
        return names


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(records))


Decoder = typing.Callable[[Any], Any]


def _decode(tp: Any, raw: Any) -> Any:
    return _decoder(tp)(raw)


@functools.cache
def _decoder(tp: Any) -> Decoder:
    """A function that rebuilds a value of type `tp` from its JSON form (made once per type)."""
    origin = typing.get_origin(tp)
    if origin is typing.Union or origin is types.UnionType:
        return _union_decoder(typing.get_args(tp))
    if tp is type(None):
        return _none
    if origin is tuple:
        return _tuple_decoder(typing.get_args(tp))
    if isinstance(tp, type):
        if issubclass(tp, enum.Enum):
            return tp
        if dataclasses.is_dataclass(tp):
            return _dataclass_decoder(tp)
        if tp is datetime:
            return _datetime
        if tp in _CHECKED:
            return _CHECKED[tp]
    if tp is Any or tp is object:
        return _identity
    raise TypeError(f"cannot read a value of type {tp!r}")


def _none(raw: Any) -> None:
    if raw is not None:
        raise ValueError("expected nothing")


def _identity(raw: Any) -> Any:
    return raw


def _datetime(raw: Any) -> datetime:
    if not isinstance(raw, str):
        raise TypeError("expected a date")
    return datetime.fromisoformat(raw)


def _checked(kind: type, label: str) -> Decoder:
    def check(raw: Any) -> Any:
        if type(raw) is not kind:
            if kind is float and type(raw) is int:
                return float(raw)
            raise TypeError(f"expected {label}")
        return raw

    return check


_CHECKED: dict[type, Decoder] = {
    str: _checked(str, "text"), int: _checked(int, "a whole number"),
    float: _checked(float, "a number"), bool: _checked(bool, "true or false"),
}


def _tuple_decoder(args: tuple[Any, ...]) -> Decoder:
    if len(args) == 2 and args[1] is Ellipsis:
        item = _decoder(args[0])

        def many(raw: Any) -> tuple[Any, ...]:
            if not isinstance(raw, list):
                raise TypeError("expected a list")
            return tuple(item(v) for v in raw)

        return many
    items = [_decoder(a) for a in args]

    def fixed(raw: Any) -> tuple[Any, ...]:
        if not isinstance(raw, list) or len(raw) != len(items):
            raise ValueError("wrong number of values")
        return tuple(d(v) for d, v in zip(items, raw, strict=True))

    return fixed


def _union_decoder(options: tuple[Any, ...]) -> Decoder:
    optional = type(None) in options
    # enums before plain str, so `ProfileField | str` comes back as the enum when it was one
    ordered = sorted((o for o in options if o is not type(None)),
                     key=lambda o: 0 if isinstance(o, type) and issubclass(o, enum.Enum) else 1)
    decoders = [_decoder(o) for o in ordered]

    def union(raw: Any) -> Any:
        if raw is None and optional:
            return None
        for decode in decoders:
            try:
                return decode(raw)
            except (TypeError, ValueError, KeyError):
                continue
        raise ValueError("no matching type")

    return union


def _dataclass_decoder(cls: type) -> Decoder:
    made: list[tuple[tuple[str, bool, Decoder], ...]] = []

    def make_plan() -> tuple[tuple[str, bool, Decoder], ...]:
        # made on first use, not here: a record may hold itself (a Message's value is a Message)
        hints = _hints(cls)
        plan = tuple((f.name, f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING,
                      _decoder(hints[f.name])) for f in dataclasses.fields(cls) if f.init)
        made[:] = [plan]
        return plan

    def build(raw: Any) -> Any:
        if not isinstance(raw, dict):
            raise TypeError(f"expected a {cls.__name__}")
        kwargs = {}
        for name, required, decode in made[0] if made else make_plan():
            if name in raw:
                kwargs[name] = decode(raw[name])
            elif required:
                raise KeyError(name)
        return cls(**kwargs)

    return build
