"""Account settings the exports show, keyed once for the whole engine: `<platform>.<setting>`.

Readers report settings as SETTING items (`field` a `SettingName`, `text` its value). The
pipeline gathers them once, from every item (`_Sinks` in `checks/pipeline.py`), for the
checklist ("already done" steps), and hands the same gathered settings to every analyzer that
reads them (`ReadsSettings`, before its `finish()`): the places analyzer reads Strava's privacy
zones from them rather than gathering its own. The key and the normalised value are made here only.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol, runtime_checkable

from checks.records import Item, ItemKind


def setting_of(item: Item) -> tuple[str, str] | None:
    """("strava.privacy_zones", "2") for a SETTING item, None for anything else."""
    if item.kind is not ItemKind.SETTING or not isinstance(item.field, str):
        return None
    return f"{item.platform.value}.{item.field}", item.text.strip().lower()


@runtime_checkable
class ReadsSettings(Protocol):
    """An analyzer that needs the account settings: the pipeline calls `use_settings` with the
    settings it gathered (keys from `setting_of`) once reading is over, before `finish()`."""

    def use_settings(self, settings: Mapping[str, str]) -> None: ...
