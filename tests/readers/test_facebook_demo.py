"""The demo officer's Facebook, Instagram, LinkedIn and TikTok exports through the whole audit.

Checks that every planted record of each builder's DEMO_TRUTH exists where it says (file and
pointer of an item the reader yields), that the audit of the four exports is a valid contract
report, and measures recall of the planted exposures (a finding of the same category whose source,
or a related source, is at or below the planted pointer in the same file).
"""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

import checks
from checks.exports.archive import open_export
from checks.exports.recognise import recognise
from checks.pointer import starts_with
from checks.readers import ReadContext, reader_for
from checks.report.json_report import write_json
from tests.builders import facebook, instagram, linkedin, tiktok
from tests.report.contract import check_contract

BUILDERS: list[tuple[ModuleType, str]] = [(facebook, "build_demo_facebook"), (instagram, "build_demo_instagram"),
                                          (linkedin, "build_demo_linkedin"), (tiktok, "build_demo_tiktok")]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("demo")
    return {module.__name__.rsplit(".", 1)[-1]: getattr(module, fn)(out) for module, fn in BUILDERS}


@pytest.mark.parametrize("module", [m for m, _ in BUILDERS], ids=lambda m: m.__name__.rsplit(".", 1)[-1])
def test_planted_records_exist_where_the_truth_says(demo: dict[str, Path], module: ModuleType) -> None:
    platform = module.__name__.rsplit(".", 1)[-1]
    with open_export([demo[platform]]) as export:
        rec = recognise(export)
        assert rec is not None
        reader = reader_for(rec.format)
        assert reader is not None
        items = list(reader().read(ReadContext(0, export)))
    for planted in module.DEMO_TRUTH:
        assert planted["platform"] == platform
        assert any(i.source.file == planted["file"] and starts_with(i.source.pointer, planted["pointer"])
                   for i in items), planted["what"]


def test_audit_is_valid_and_finds_the_planted_exposures(demo: dict[str, Path], tmp_path: Path) -> None:
    paths = [demo[name] for name in ("facebook", "instagram", "linkedin", "tiktok")]
    report = checks.audit(paths)
    assert [i.format for i in report.inputs] == ["facebook", "instagram", "linkedin-csv", "tiktok"]
    assert all(i.items > 10 and not i.skipped for i in report.inputs)
    planted = [(index, p) for index, (module, _) in enumerate(BUILDERS) for p in module.DEMO_TRUTH]
    missed = []
    for index, p in planted:
        hit = any(
            f.category.value == p["category"] and any(
                s.input == index and s.file == p["file"] and starts_with(s.pointer, p["pointer"])
                for s in (f.source, *f.related))
            for f in report.findings)
        if not hit:
            missed.append(f"{p['platform']}: {p['what']}")
    recall = 1 - len(missed) / len(planted)
    assert recall >= 0.8, f"demo recall {len(planted) - len(missed)}/{len(planted)}; missed: {json.dumps(missed)}"
    target = tmp_path / "report.json"
    with target.open("w", encoding="utf-8") as stream:
        write_json(report, stream)
    check_contract(target)
