"""Account settings the exports show, keyed once for the whole engine: `<platform>.<setting>`.

Readers report settings as SETTING items (`field` a `SettingName`, `text` its value). The
pipeline gathers them for the checklist ("already done" steps) and the places analyzer reads
the same keys (Strava's privacy zones), so the key and the normalised value are made here only.
"""

from __future__ import annotations

from checks.records import Item, ItemKind


def setting_of(item: Item) -> tuple[str, str] | None:
    """("strava.privacy_zones", "2") for a SETTING item, None for anything else."""
    if item.kind is not ItemKind.SETTING or not isinstance(item.field, str):
        return None
    return f"{item.platform.value}.{item.field}", item.text.strip().lower()
