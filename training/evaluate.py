"""Score the app's detectors on a labelled file, exactly as an audit runs them.

    python -m training.evaluate FILE.jsonl              precision and recall per category
    python -m training.evaluate FILE.jsonl --errors     ... and what it got wrong
    python -m training.evaluate FILE.jsonl --first-run  a fresh batch's one and only first run

`--first-run` is how a fresh batch is measured honestly: the file's SHA-256 must already be in
training/FROZEN.sha256 (frozen before any run), the batch must never have been scored, and the
result (with the commit and the model it was scored with) is appended to training/first_runs.json,
which refuses a second first run. It prints figures only, never the texts. After that, the batch
may be read and moved into training/data/.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from checks.detectors import DETECTORS
from checks.detectors.runner import DetectorRun
from checks.detectors.textmodel import text_model
from training.dataset import ROOT, TEXT_CATEGORIES, Example, load, sha256

FROZEN = ROOT / "training" / "FROZEN.sha256"
FIRST_RUNS = ROOT / "training" / "first_runs.json"


@dataclass
class Scores:
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (FP/FN, category, text)

    def precision(self, cat: str | None = None) -> float:
        tp, fp = (self.tp[cat], self.fp[cat]) if cat else (sum(self.tp.values()), sum(self.fp.values()))
        return tp / (tp + fp) if tp + fp else 1.0

    def recall(self, cat: str | None = None) -> float:
        tp, fn = (self.tp[cat], self.fn[cat]) if cat else (sum(self.tp.values()), sum(self.fn.values()))
        return tp / (tp + fn) if tp + fn else 1.0

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {}
        for cat in TEXT_CATEGORIES:
            c = cat.value
            out[c] = {"precision": round(self.precision(c), 3), "recall": round(self.recall(c), 3),
                      "found": self.tp[c], "false": self.fp[c], "missed": self.fn[c]}
        out["overall"] = {"precision": round(self.precision(), 3), "recall": round(self.recall(), 3),
                          "found": sum(self.tp.values()), "false": sum(self.fp.values()),
                          "missed": sum(self.fn.values())}
        return out


def evaluate(examples: list[Example]) -> Scores:
    """Every registered detector over every example, counted per text category."""
    detectors = DetectorRun([cls() for cls in DETECTORS])
    scores = Scores()
    for n, ex in enumerate(examples):
        item = ex.item(n)
        got = {d.category.value for d in detectors.detect(item)}
        for cat in TEXT_CATEGORIES:
            c = cat.value
            if c in got and c in ex.expected:
                scores.tp[c] += 1
            elif c in got:
                scores.fp[c] += 1
                scores.errors.append(("FP", c, ex.text))
            elif c in ex.expected:
                scores.fn[c] += 1
                scores.errors.append(("FN", c, ex.text))
    return scores


def table(scores: Scores) -> str:
    lines = ["| category | precision | recall | found, false, missed |", "| --- | --- | --- | --- |"]
    for cat in TEXT_CATEGORIES:
        c = cat.value
        lines.append(f"| {c} | {scores.precision(c):.2f} | {scores.recall(c):.2f} | "
                     f"{scores.tp[c]}, {scores.fp[c]}, {scores.fn[c]} |")
    lines.append(f"| **overall** | **{scores.precision():.2f}** | **{scores.recall():.2f}** | "
                 f"{sum(scores.tp.values())}, {sum(scores.fp.values())}, {sum(scores.fn.values())} |")
    return "\n".join(lines)


def frozen_hashes() -> dict[str, str]:
    out = {}
    for line in FROZEN.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            digest, name = line.split()
            out[name] = digest
    return out


def first_runs() -> list[dict[str, object]]:
    return json.loads(FIRST_RUNS.read_text(encoding="utf-8")) if FIRST_RUNS.exists() else []


def first_run(path: Path, note: str) -> int:
    """Score a frozen batch once and record it; refuse anything else."""
    digest = sha256(path)
    if frozen_hashes().get(path.name) != digest:
        print(f"{path.name} is not frozen with this content in {FROZEN.name}: refusing", file=sys.stderr)
        return 2
    runs = first_runs()
    if any(r.get("sha256") == digest for r in runs):
        print(f"{path.name} already had its first run: refusing a second", file=sys.stderr)
        return 2
    examples = load(path)
    scores = evaluate(examples)
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    runs.append({"batch": path.name, "sha256": digest, "texts": len(examples),
                 "look_alikes": sum(1 for e in examples if not e.expected),
                 "scored": datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), "commit": commit,
                 "model": text_model().meta, "note": note, "scores": scores.as_dict()})
    FIRST_RUNS.write_text(json.dumps(runs, indent=1) + "\n", encoding="utf-8")
    print(table(scores))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file", type=Path)
    ap.add_argument("--errors", action="store_true", help="list what was missed or wrongly found")
    ap.add_argument("--first-run", action="store_true", help="the one scoring of a frozen fresh batch")
    ap.add_argument("--note", default="", help="with --first-run: what the system was at the time")
    args = ap.parse_args(argv)
    if args.first_run:
        return first_run(args.file, args.note)
    digest = sha256(args.file)
    if digest in frozen_hashes().values() and not any(r.get("sha256") == digest for r in first_runs()):
        print("this batch is frozen and not yet scored: use --first-run", file=sys.stderr)
        return 2
    scores = evaluate(load(args.file))
    print(table(scores))
    if args.errors:
        for kind, cat, text in sorted(scores.errors):
            print(kind, cat, "::", text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
