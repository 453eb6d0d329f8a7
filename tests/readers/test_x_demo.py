"""The bundled demo: its X archive is what make_demo.py builds, its truth points at real records, it audits."""

from __future__ import annotations

import json
import math
import subprocess
import sys
import zipfile
from pathlib import Path
from types import ModuleType
from typing import Any

from checks.exports.archive import open_export
from checks.exports.demo import demo_dir, demo_paths, demo_truth
from checks.pipeline import audit
from checks.pointer import starts_with
from checks.readers import ReadContext
from checks.readers.x import XArchiveReader, parse_twitter_time
from checks.records import Category, ItemKind
from checks.report.json_report import write_json
from tests.conftest import ROOT
from tests.readers._util import load_make_demo
from tests.report.contract import check_contract


def _make_demo() -> ModuleType:
    return load_make_demo("make_demo")


def _x_zip() -> Path:
    (path,) = [p for p in demo_paths() if p.name.startswith("twitter-")]
    return path


def _x_truth() -> list[dict[str, Any]]:
    return [p for p in demo_truth()["planted"] if p["platform"] == "x"]


def _resolve(document: Any, pointer: str) -> Any:
    for token in pointer.split("/")[1:] if pointer else []:
        token = token.replace("~1", "/").replace("~0", "~")
        document = document[int(token)] if isinstance(document, list) else document[token]
    return document


def _distance_m(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat = math.radians((a[0] + b[0]) / 2)
    return math.hypot((a[0] - b[0]) * 111_320, (a[1] - b[1]) * 111_320 * math.cos(lat))


def test_demo_paths_are_the_exports_only() -> None:
    paths = demo_paths()
    assert paths == sorted(paths, key=lambda p: p.name)
    assert all(p.exists() and p.parent == demo_dir() for p in paths)
    assert "TRUTH.json" not in {p.name for p in paths}
    name = _x_zip().name
    assert name.startswith("twitter-2026-11-01-") and len(name) == len("twitter-2026-11-01-") + 64 + len(".zip")


def test_truth_lists_exactly_the_demo_exports() -> None:
    truth = demo_truth()
    assert sorted(e["export"] for e in truth["exports"]) == sorted(p.name for p in demo_paths())
    names = {p.name for p in demo_paths()}
    categories = {c.value for c in Category}
    for planted in truth["planted"]:
        assert planted["export"] in names
        assert planted["category"] in categories
        assert isinstance(planted["file"], str) and isinstance(planted["pointer"], str)
        assert planted["pointer"] == "" or planted["pointer"].startswith("/")


def test_committed_x_demo_is_what_make_demo_builds(tmp_path: Path) -> None:
    make_demo = _make_demo()
    truth = make_demo.Truth()
    (built,) = make_demo.build_x(tmp_path, make_demo.PERSONA, truth)
    assert built.read_bytes() == _x_zip().read_bytes(), "resources/demo is stale: run scripts/make_demo.py"
    assert sorted(truth.to_json()["planted"], key=json.dumps) == sorted(_x_truth(), key=json.dumps)


def test_truth_covers_the_required_categories() -> None:
    categories = {p["category"] for p in _x_truth()}
    assert {"home_address", "employer_disclosure", "identity_details", "family_details", "official_information",
            "conduct_risk", "location_pattern", "account_exposure"} <= categories


def test_every_planted_record_exists_where_the_truth_says() -> None:
    with zipfile.ZipFile(_x_zip()) as zf:
        documents: dict[str, Any] = {}
        for planted in _x_truth():
            file = planted["file"]
            if file not in documents:
                documents[file] = json.loads(zf.read(file).decode("utf-8").split("=", 1)[1])
            record = _resolve(documents[file], planted["pointer"])
            assert record, planted["what"]
            if file.startswith("data/tweets") and "timestamp" in planted:
                created = parse_twitter_time(record["tweet"]["created_at"])
                assert created is not None
                assert created.strftime("%Y-%m-%dT%H:%M:%SZ") == planted["timestamp"]


def test_reader_reads_the_whole_demo() -> None:
    with open_export([_x_zip()]) as export:
        ctx = ReadContext(0, export)
        items = list(XArchiveReader().read(ctx))
    assert ctx.skipped == []
    posts = [i for i in items if i.kind is ItemKind.POST]
    assert len(posts) >= 400
    planted_posts = [p for p in _x_truth() if p["file"] == "data/tweets.js" and p["pointer"]]
    pointers = {p.source.pointer for p in posts}
    for planted in planted_posts:
        assert f"{planted['pointer']}/tweet/full_text" in pointers
    home = next(p for p in _x_truth() if "location" in p and p["category"] == "home_address")
    near_home = [i for i in items if i.kind is ItemKind.CHECKIN and i.location is not None
                 and _distance_m((i.location.lat, i.location.lon),
                                 (home["location"]["lat"], home["location"]["lon"])) < 60]
    assert len(near_home) >= 5
    setting = next(i for i in items if i.kind is ItemKind.SETTING)
    assert (setting.field, setting.text) == ("protected", "false")


def _found(planted: dict[str, Any], findings: list[dict[str, Any]], input_index: int) -> bool:
    for f in findings:
        if f["category"] != planted["category"]:
            continue
        if "location" in planted:
            loc = f.get("location")
            if loc and _distance_m((loc["lat"], loc["lon"]), (planted["location"]["lat"],
                                                               planted["location"]["lon"])) <= 150:
                return True
            continue
        for source in [f["source"], *f.get("related", [])]:
            if source["input"] != input_index or source["file"] != planted["file"]:
                continue
            if starts_with(source["pointer"], planted["pointer"]) or (
                    "timestamp" in planted and source.get("timestamp") == planted["timestamp"]):
                return True
    return False


def test_demo_audit_is_a_valid_report(tmp_path: Path) -> None:
    paths = demo_paths()
    report = audit(paths)
    out = tmp_path / "demo.json"
    with out.open("w", encoding="utf-8") as fh:
        write_json(report, fh)
    data = json.loads(out.read_text(encoding="utf-8"))
    x_input = next(k for k, i in enumerate(data["inputs"]) if i["format"] == "x-archive")
    assert data["inputs"][x_input]["skipped"] == []
    planted = _x_truth()
    missed = sorted({p["category"] + ": " + p["what"] for p in planted if not _found(p, data["findings"], x_input)})
    assert len(planted) >= 20 and missed == [], f"demo X recall {len(planted) - len(missed)}/{len(planted)}"
    assert len({f["category"] for f in data["findings"]}) >= 3
    check_contract(out)


def test_scan_demo_json_to_stdout_is_a_contract_report(tmp_path: Path) -> None:
    """`offduty scan --demo --json -`: the JSON alone on standard output, valid against the contract."""
    result = subprocess.run([sys.executable, "-m", "desktop.cli", "scan", "--demo", "--json", "-", "--quiet"],
                            capture_output=True, text=True, check=False, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["schema"] == "offduty.report/1"
    assert sorted(Path(i["path"]).name for i in data["inputs"]) == sorted(p.name for p in demo_paths())
    assert all(i["format"] != "unknown" for i in data["inputs"])
    check_contract(data, "--platform", "x", tmp_path=tmp_path)
