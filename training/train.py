"""Train the text model: `python -m training.train` (needs scikit-learn: pip install -e ".[train]").

Reads every labelled file in training/data/, turns each text into the Item a reader would yield,
computes its signals exactly as the app does, builds the features with the app's own
`featurize()`, fits one logistic regression per category, chooses each category's threshold from
out-of-fold predictions combined with the rules (so the threshold is right for rules + model
together), and writes resources/model/text-model.bin. Deterministic: the same data gives the
same file.
"""

from __future__ import annotations

import argparse
import math
import platform
import sys
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold

from checks.detectors import analysis
from checks.detectors.decide import decide, decisions
from checks.detectors.quotes import blank_quoted
from checks.detectors.signals import Signal, item_signals, text_signals
from checks.detectors.textmodel import (
    MODEL_FILE,
    TextModel,
    char_grams,
    class_view,
    featurize,
    read_model,
    tokens,
    word_features,
)
from checks.resources import resource_path
from training.dataset import TEXT_CATEGORIES, Example, load_all, sha256, training_files
from training.evaluate import evaluate, table

TARGET_PRECISION = 0.93
MIN_DF = 2


def reading(ex: Example, n: int) -> tuple[list[str], list[tuple[str, int, int]]]:
    """The signal names and classed spans of an example, as the app computes them."""
    item = ex.item(n)
    sig = text_signals(blank_quoted(item.text))
    return sorted(s.value for s in sig.kinds | item_signals(item)), sig.spans()


def vocabulary(examples: list[Example]) -> tuple[dict[str, float], dict[str, float]]:
    """IDF of the word features and the char grams seen in at least MIN_DF texts."""
    n = len(examples)
    dfw: Counter[str] = Counter()
    dfc: Counter[str] = Counter()
    for ex in examples:
        text = blank_quoted(ex.text)
        toks = tokens(text)
        words = [t[0] for t in toks]
        dfw.update(set(word_features(words, class_view(toks, text_signals(text).spans()))))
        dfc.update({g for w in set(words) for g in char_grams(w)})

    def idf(df: Counter[str]) -> dict[str, float]:
        return {f: math.log((1 + n) / (1 + d)) + 1.0 for f, d in sorted(df.items()) if d >= MIN_DF}

    return idf(dfw), idf(dfc)


def matrix(examples: list[Example], readings: list[tuple[list[str], list[tuple[str, int, int]]]],
           word_idf: dict[str, float], char_idf: dict[str, float], columns: dict[str, int]) -> csr_matrix:
    data: list[float] = []
    indices: list[int] = []
    indptr = [0]
    for ex, (names, spans) in zip(examples, readings, strict=True):
        for f, v in featurize(blank_quoted(ex.text), names, word_idf, char_idf, spans).items():
            col = columns.get(f)
            if col is not None:
                indices.append(col)
                data.append(v)
        indptr.append(len(indices))
    return csr_matrix((data, indices, indptr), shape=(len(examples), len(columns)))


PENALTY = "l2"


def fit(x: csr_matrix, y: np.ndarray, c: float) -> LogisticRegression:
    model = LogisticRegression(C=c, l1_ratio=1.0 if PENALTY == "l1" else 0.0, class_weight="balanced",
                               max_iter=4000, solver="liblinear", random_state=0)
    return model.fit(x, y)


def choose_threshold(category: int, probs: np.ndarray, y: np.ndarray,
                     present: list[frozenset[Signal]]) -> tuple[float, float, float]:
    """The lowest threshold at which the model's own finds reach TARGET_PRECISION out of fold, with the
    out-of-fold precision and recall of rules + model there.

    What the rules decide alone (assertions and vetoes) does not move with the threshold, so only the
    texts the rules leave to the model choose it.
    """
    cat = TEXT_CATEGORIES[category]
    rules = decisions()
    fixed = [decide(cat, sig, float(p), 2.0, rules) for p, sig in zip(probs, present, strict=True)]
    open_ = [i for i, v in enumerate(fixed) if not v.found and not v.vetoed_by]
    rule_tp = sum(int(y[i]) for i, v in enumerate(fixed) if v.found)
    rule_fp = sum(1 - int(y[i]) for i, v in enumerate(fixed) if v.found)
    positives = int(y.sum())
    best = 0.999
    for thr in (*np.arange(0.30, 0.95, 0.01), *np.arange(0.95, 0.999, 0.002)):
        tp = sum(int(y[i]) for i in open_ if probs[i] >= thr)
        fp = sum(1 - int(y[i]) for i in open_ if probs[i] >= thr)
        if tp + fp and tp / (tp + fp) >= TARGET_PRECISION:
            best = round(float(thr), 3)
            break
    tp = rule_tp + sum(int(y[i]) for i in open_ if probs[i] >= best)
    fp = rule_fp + sum(1 - int(y[i]) for i in open_ if probs[i] >= best)
    return best, tp / max(1, tp + fp), tp / max(1, positives)


def train_model(examples: list[Example], c: float, folds: int, below: float = 0.0) -> tuple[
        list[str], dict[str, float], dict[str, float], np.ndarray, list[float], list[float]]:
    """Names, IDFs, weights (features x categories), intercepts and thresholds for `examples`.

    With `below`, a first fit picks the features whose weight reaches it; the model, its
    out-of-fold predictions and thresholds are then made with those features only, so the
    thresholds fit the model that ships.
    """
    readings = [reading(ex, n) for n, ex in enumerate(examples)]
    present = [frozenset(Signal(s) for s in names) for names, _spans in readings]
    word_idf, char_idf = vocabulary(examples)
    names = [*word_idf, *("c:" + g for g in char_idf), *sorted("s:" + s.value for s in Signal)]
    if below:
        columns = {n: i for i, n in enumerate(names)}
        x = matrix(examples, readings, word_idf, char_idf, columns)
        y = np.array([[c.value in ex.expected for c in TEXT_CATEGORIES] for ex in examples], dtype=int)
        first = np.column_stack([fit(x, y[:, j], c).coef_[0] for j in range(len(TEXT_CATEGORIES))])
        kept = set(names[i] for i in prune(names, first, below))
        names = [n for n in names if n in kept]
        word_idf = {f: v for f, v in word_idf.items() if f in kept}
        char_idf = {g: v for g, v in char_idf.items() if "c:" + g in kept}
        print(f"kept {len(names)} features", file=sys.stderr)
    columns = {n: i for i, n in enumerate(names)}
    x = matrix(examples, readings, word_idf, char_idf, columns)
    y = np.array([[c.value in ex.expected for c in TEXT_CATEGORIES] for ex in examples], dtype=int)
    weights = np.zeros((len(names), len(TEXT_CATEGORIES)))
    intercepts: list[float] = []
    thresholds: list[float] = []
    for j, cat in enumerate(TEXT_CATEGORIES):
        oof = np.zeros(len(examples))
        splitter = StratifiedKFold(n_splits=folds, shuffle=True, random_state=j)
        for train, test in splitter.split(x, y[:, j]):
            oof[test] = fit(x[train], y[train, j], c).predict_proba(x[test])[:, 1]
        thr, p_oof, r_oof = choose_threshold(j, oof, y[:, j], present)
        thresholds.append(thr)
        model = fit(x, y[:, j], c)
        weights[:, j] = model.coef_[0]
        intercepts.append(float(model.intercept_[0]))
        print(f"{cat.value}: {int(y[:, j].sum())} positives, threshold {thr}, out of fold P {p_oof:.2f} R {r_oof:.2f}",
              file=sys.stderr)
    return names, word_idf, char_idf, weights, intercepts, thresholds


def prune(names: list[str], weights: np.ndarray, below: float) -> list[int]:
    """Indices of the features kept: every signal, and any other with a weight of at least `below`."""
    return [i for i, n in enumerate(names) if n.startswith("s:") or np.abs(weights[i]).max() >= below]


def holdout(train: list[Example], test: list[Example], c: float, folds: int, show: bool = False,
            below: float = 0.0, keep: Path | None = None) -> int:
    """Rules + model trained without `test`, scored on it exactly as an audit runs (a preview of a
    fresh batch's first run). With `keep`, the model is saved there, or read from there if it
    exists, so rules can be tried again without training again."""
    if keep is not None and keep.exists():
        model = read_model(keep)
    else:
        names, word_idf, char_idf, weights, intercepts, thresholds = train_model(train, c, folds, below)
        idf = [word_idf.get(n, char_idf.get(n[2:], 1.0)) if not n.startswith("s:") else 1.0 for n in names]
        model = TextModel(TEXT_CATEGORIES, intercepts, thresholds, names, idf,
                          [float(v) for v in weights.flatten()])
        if keep is not None:
            model.save(keep)
    analysis.text_model = lambda: model  # type: ignore[assignment]  # the detectors read this model
    analysis._Last.key = None
    scores = evaluate(test)
    print(table(scores))
    if show:
        for kind, cat, text in sorted(scores.errors):
            print(f"{kind} {cat[:8]} {text[:160]!r}")
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--c", type=float, default=8.0, help="inverse regularisation strength")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--prune", type=float, default=0.02, help="drop features whose weights are all below this")
    ap.add_argument("--penalty", choices=("l1", "l2"), default=PENALTY)
    ap.add_argument("--holdout", help="train without this data file and report rules + model on it (writes nothing)")
    ap.add_argument("--show-errors", action="store_true", help="with --holdout: list what it got wrong")
    ap.add_argument("--keep", type=Path, help="with --holdout: save the model there, or reuse it if it exists")
    args = ap.parse_args(argv)
    globals()["PENALTY"] = args.penalty
    files = training_files()
    if args.holdout:
        held = [p for p in files if p.name == args.holdout]
        files = [p for p in files if p.name != args.holdout]
        return holdout(load_all(files), load_all(held), args.c, args.folds, args.show_errors, args.prune, args.keep)
    examples = load_all(files)
    print(f"{len(examples)} labelled texts from {len(files)} files", file=sys.stderr)
    names, word_idf, char_idf, weights, intercepts, thresholds = train_model(examples, args.c, args.folds, args.prune)
    keep = list(range(len(names)))  # already pruned in train_model
    kept = [names[i] for i in keep]
    idf = [word_idf.get(n, char_idf.get(n[2:], 1.0)) if not n.startswith("s:") else 1.0 for n in kept]
    flat = [float(v) for i in keep for v in weights[i]]
    meta = {"trained": datetime.now(UTC).strftime("%Y-%m-%d"), "texts": len(examples), "c": args.c,
            "target_precision": TARGET_PRECISION, "python": platform.python_version(),
            "data": {p.name: sha256(p)[:16] for p in files}}
    model = TextModel(TEXT_CATEGORIES, intercepts, thresholds, kept, idf, flat, meta)
    out = resource_path("model", MODEL_FILE)
    model.save(out)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.1f} MB, {len(kept)} features of {len(names)})", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
