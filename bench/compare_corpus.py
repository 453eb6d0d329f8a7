"""Precision and recall of Offduty and of Presidio on the labelled corpus, for the categories both cover.

    .venv/bin/python bench/compare_corpus.py

Presidio runs in bench/.venv-compare (bench/presidio_side.py). Its entity types are mapped to
Offduty's categories as generously as is fair: identity_details <- PHONE_NUMBER, EMAIL_ADDRESS,
UK_NINO, UK_NHS, IBAN_CODE, CREDIT_CARD, UK_PASSPORT, UK_DRIVING_LICENCE; home_address <- LOCATION.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MAPPING = {
    "identity_details": {"PHONE_NUMBER", "EMAIL_ADDRESS", "UK_NINO", "UK_NHS", "IBAN_CODE", "CREDIT_CARD",
                         "UK_PASSPORT", "UK_DRIVING_LICENCE"},
    "home_address": {"LOCATION"},
}


def _score(predicted: list[set[str]], expected: list[set[str]], category: str) -> tuple[float, float]:
    tp = sum(1 for p, e in zip(predicted, expected, strict=True) if category in p and category in e)
    fp = sum(1 for p, e in zip(predicted, expected, strict=True) if category in p and category not in e)
    fn = sum(1 for p, e in zip(predicted, expected, strict=True) if category not in p and category in e)
    return (tp / (tp + fp) if tp + fp else 1.0, tp / (tp + fn) if tp + fn else 1.0)


def main() -> int:
    for name in ("corpus.jsonl", "heldout.jsonl"):
        print(f"\n{name}:")
        _compare(ROOT / "tests" / "detectors" / "corpus" / name)
    return 0


def _compare(corpus: Path) -> None:
    from checks.detectors import DETECTORS
    from checks.records import Item, ItemKind, Platform, Source

    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    expected = [set(r["expected"]) for r in rows]
    detectors = [cls() for cls in DETECTORS]
    ours = []
    for i, r in enumerate(rows):
        item = Item(Platform.X, ItemKind.POST, Source(0, "corpus", f"/{i}"), text=r["text"])
        ours.append({d.category.value for det in detectors for d in det.detect(item)})
    texts = ROOT / "bench" / "data" / "corpus-texts.json"
    texts.parent.mkdir(parents=True, exist_ok=True)
    texts.write_text(json.dumps([]), encoding="utf-8")
    py = ROOT / "bench" / ".venv-compare" / "bin" / "python"
    out = subprocess.run([str(py), str(ROOT / "bench" / "presidio_side.py"), str(texts), str(corpus)],
                         capture_output=True, text=True, check=True)
    entities = json.loads(out.stdout.strip().splitlines()[-1])["corpus_entities"]
    theirs = [{cat for cat, types in MAPPING.items() if set(found) & types} for found in entities]
    print("| category | Offduty precision / recall | Presidio precision / recall |")
    print("|---|---|---|")
    for category in MAPPING:
        op, orc = _score(ours, expected, category)
        pp, prc = _score(theirs, expected, category)
        print(f"| {category} | {op:.2f} / {orc:.2f} | {pp:.2f} / {prc:.2f} |")


if __name__ == "__main__":
    raise SystemExit(main())
