"""Runs the text detectors over the labelled corpus and computes precision and recall per category."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from checks.detectors import DETECTORS
from checks.records import Audience, Category, Item, ItemKind, Platform, Source

CORPUS = Path(__file__).parent / "corpus" / "corpus.jsonl"
HELDOUT = Path(__file__).parent / "corpus" / "heldout.jsonl"
POSTED = datetime(2025, 6, 14, 9, 30, tzinfo=UTC)  # the date every corpus post was "written"
TEXT_CATEGORIES = [
    Category.HOME_ADDRESS, Category.EMPLOYER_DISCLOSURE, Category.IDENTITY_DETAILS, Category.FAMILY_DETAILS,
    Category.OFFICIAL_INFORMATION, Category.CONDUCT_RISK, Category.LOCATION_PATTERN,
]


def load(path: Path = CORPUS) -> list[dict[str, object]]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def post(text: str, n: int = 0) -> Item:
    return Item(Platform.X, ItemKind.POST, Source(0, "data/tweets.js", f"/{n}/tweet/full_text", POSTED),
                text=text, audience=Audience.PUBLIC)


@dataclass
class Scores:
    tp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fp: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    fn: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    errors: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, category, text)

    def precision(self, cat: str) -> float:
        d = self.tp[cat] + self.fp[cat]
        return self.tp[cat] / d if d else 1.0

    def recall(self, cat: str) -> float:
        d = self.tp[cat] + self.fn[cat]
        return self.tp[cat] / d if d else 1.0


def evaluate(path: Path = CORPUS) -> Scores:
    detectors = [cls() for cls in DETECTORS]
    scores = Scores()
    for n, row in enumerate(load(path)):
        text = str(row["text"])
        expected = set(row["expected"])  # type: ignore[arg-type]
        item = post(text, n)
        got = {d.category.value for det in detectors for d in det.detect(item)}
        for cat in TEXT_CATEGORIES:
            c = cat.value
            if c in got and c in expected:
                scores.tp[c] += 1
            elif c in got:
                scores.fp[c] += 1
                scores.errors.append(("FP", c, text))
            elif c in expected:
                scores.fn[c] += 1
                scores.errors.append(("FN", c, text))
    return scores


def table(scores: Scores) -> str:
    lines = ["| category | precision | recall | true +, false +, missed |", "| --- | --- | --- | --- |"]
    for cat in TEXT_CATEGORIES:
        c = cat.value
        lines.append(f"| {c} | {scores.precision(c):.2f} | {scores.recall(c):.2f} | "
                     f"{scores.tp[c]}, {scores.fp[c]}, {scores.fn[c]} |")
    return "\n".join(lines)


if __name__ == "__main__":
    import sys

    s = evaluate(HELDOUT if "--heldout" in sys.argv else CORPUS)
    print(table(s))
    for kind, cat, text in s.errors:
        print(kind, cat, "::", text)
