"""The learned text model: a linear model over words, parts of words and signals, applied in plain Python.

Trained by `training/train.py` (scikit-learn, a developer tool) on the labelled texts in
`training/data/`, and shipped as `resources/model/text-model.bin`: feature names, their weights for
each category, and each category's threshold. Applying it needs nothing but arithmetic, so the
installers carry no machine-learning library, and the same text always gets the same scores.

Three blocks of features, each a plain sum of weights:
- words: each word and each pair of neighbouring words, TF-IDF weighted and scaled to unit length;
- parts of words: the 2- to 5-letter pieces of every distinct word (so "Hants", "Hampshire" and a
  typo share weight), IDF-weighted and scaled by the block's length; a word's contribution depends
  on the word alone, so it is worked out once per word and kept;
- signals: 1 for each signal of the text (`checks.detectors.signals`), unscaled.
Digits are read as "0" so that numbers are known by their shape.

`featurize()` writes the same numbers as a sparse vector: training builds its matrix with it, and a
test checks that `score()` equals the weights applied to `featurize()`, so training and the app
can never disagree.
"""

from __future__ import annotations

import json
import math
import re
import struct
import zlib
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from checks.records import Category
from checks.resources import resource_path

MODEL_FILE = "text-model.bin"
MAGIC = b"OFFDUTY-TEXT-MODEL-1\n"
CHAR_MIN, CHAR_MAX = 2, 5
WORD_CACHE_LIMIT = 50_000

TOKEN = re.compile(r"[#@]?[\w']+")
_DIGIT = re.compile(r"\d")
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'"})


def tokens(text: str) -> list[tuple[str, int, int]]:
    """The words of `text`, lower case with digits as "0", and where each sits."""
    low = text.translate(_FOLD).lower()
    out = []
    for m in TOKEN.finditer(low):
        word = m.group(0).strip("'")
        if word:
            out.append((_DIGIT.sub("0", word), m.start(), m.end()))
    return out


def char_grams(word: str) -> list[str]:
    padded = f" {word} "
    return [padded[i:i + n] for n in range(CHAR_MIN, CHAR_MAX + 1) for i in range(len(padded) - n + 1)]


Span = tuple[str, int, int]  # (class, start, end): a word-list class over part of the text


def class_view(toks: Sequence[tuple[str, int, int]], spans: Sequence[Span]) -> list[str]:
    """The words with every classed span as one class token: "my daughter Poppy" -> my <relation> <name>."""
    if not spans:
        return [t[0] for t in toks]
    ordered = sorted(spans, key=lambda s: (s[1], -(s[2] - s[1])))
    out: list[str] = []
    i = 0
    last_end = -1
    for word, start, _end in toks:
        while i < len(ordered) and ordered[i][2] <= start:
            i += 1
        if i < len(ordered) and ordered[i][1] <= start < ordered[i][2]:
            if ordered[i][2] != last_end:
                out.append(f"<{ordered[i][0]}>")
                last_end = ordered[i][2]
            continue
        out.append(word)
    return out


def word_features(words: Sequence[str], view: Sequence[str] = ()) -> list[str]:
    """The word block's feature names, repeated as often as they occur.

    Words and pairs of words ("w:", "b:"), and from the class view the class tokens and the pairs
    that hold one ("v:"), so "my <relation> <name>" is learned once for every name.
    """
    out = ["w:" + w for w in words]
    out.extend(f"b:{a} {b}" for a, b in zip(words, words[1:], strict=False))
    out.extend("v:" + w for w in view if w.startswith("<"))
    out.extend(f"v:{a} {b}" for a, b in zip(view, view[1:], strict=False) if a.startswith("<") or b.startswith("<"))
    return out


@dataclass(frozen=True)
class Contribution:
    """What carried a score: a word (with where it is in the text) or a signal, and how much."""

    kind: str  # "word" or "signal"
    name: str
    weight: float
    start: int = -1
    end: int = -1


class TextModel:
    """Per-category linear scores for a text (logits; see `probability`)."""

    def __init__(self, categories: Sequence[Category], intercepts: Sequence[float], thresholds: Sequence[float],
                 features: Sequence[str], idf: Sequence[float], weights: Sequence[float],
                 meta: dict[str, object] | None = None) -> None:
        self.categories = tuple(categories)
        k = len(self.categories)
        self.intercepts = tuple(intercepts)
        self.thresholds = tuple(thresholds)
        self.meta = meta or {}
        self._word: dict[str, tuple[float, tuple[float, ...]]] = {}
        self._char: dict[str, tuple[float, tuple[float, ...]]] = {}
        self._signal: dict[str, tuple[float, ...]] = {}
        for i, name in enumerate(features):
            row = tuple(weights[i * k:(i + 1) * k])
            prefix, rest = name[:2], name[2:]
            if prefix == "s:":
                self._signal[rest] = row
            elif prefix == "c:":
                self._char[rest] = (idf[i], row)
            else:
                self._word[name] = (idf[i], row)
        self._word_cache: dict[str, tuple[float, tuple[float, ...]]] = {}
        self._index = {c: i for i, c in enumerate(self.categories)}

    # -- scoring -----------------------------------------------------------------------------
    def score(self, text: str, signals: Iterable[str], spans: Sequence[Span] = ()) -> tuple[float, ...]:
        """The logit of every category for `text` with these signal names and classed spans."""
        k = len(self.categories)
        total = list(self.intercepts)
        toks = tokens(text)
        words = [t[0] for t in toks]
        self._add_words(word_features(words, class_view(toks, spans)), total, k)
        self._add_chars(set(words), total, k)
        for name in signals:
            row = self._signal.get(name)
            if row is not None:
                for j in range(k):
                    total[j] += row[j]
        return tuple(total)

    def _add_words(self, features: Sequence[str], total: list[float], k: int) -> None:
        counts: dict[str, int] = {}
        for f in features:
            if f in self._word:
                counts[f] = counts.get(f, 0) + 1
        if not counts:
            return
        sums = [0.0] * k
        norm = 0.0
        for f, c in counts.items():
            idf, row = self._word[f]
            x = (1.0 + math.log(c)) * idf
            norm += x * x
            for j in range(k):
                sums[j] += x * row[j]
        scale = 1.0 / math.sqrt(norm)
        for j in range(k):
            total[j] += sums[j] * scale

    def _add_chars(self, types: Iterable[str], total: list[float], k: int) -> None:
        sums = [0.0] * k
        sq = 0.0
        for word in types:
            part_sq, part = self._word_part(word, k)
            if part_sq:
                sq += part_sq
                for j in range(k):
                    sums[j] += part[j]
        if sq:
            scale = 1.0 / math.sqrt(sq)
            for j in range(k):
                total[j] += sums[j] * scale

    def _word_part(self, word: str, k: int) -> tuple[float, tuple[float, ...]]:
        """A word's char-gram dot products and squared length (worked out once per word)."""
        cached = self._word_cache.get(word)
        if cached is not None:
            return cached
        counts: dict[str, int] = {}
        for g in char_grams(word):
            if g in self._char:
                counts[g] = counts.get(g, 0) + 1
        sums = [0.0] * k
        sq = 0.0
        for g, c in counts.items():
            idf, row = self._char[g]
            x = c * idf
            sq += x * x
            for j in range(k):
                sums[j] += x * row[j]
        result = (sq, tuple(sums))
        if len(self._word_cache) >= WORD_CACHE_LIMIT:
            self._word_cache.clear()
        self._word_cache[word] = result
        return result

    def probability(self, logit: float) -> float:
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))

    def threshold(self, category: Category) -> float:
        return self.thresholds[self._index[category]]

    def index(self, category: Category) -> int:
        return self._index[category]

    # -- explaining --------------------------------------------------------------------------
    def explain(self, text: str, signals: Iterable[str], category: Category, top: int = 4,
                spans: Sequence[Span] = ()) -> list[Contribution]:
        """The words and signals that pushed `category`'s score up most, strongest first."""
        j = self._index[category]
        k = len(self.categories)
        toks = tokens(text)
        words = [t[0] for t in toks]
        where = {}
        for w, a, b in toks:
            where.setdefault(w, (a, b))
        out: list[Contribution] = []
        counts: dict[str, int] = {}
        for f in word_features(words, class_view(toks, spans)):
            if f in self._word:
                counts[f] = counts.get(f, 0) + 1
        norm = math.sqrt(sum(((1.0 + math.log(c)) * self._word[f][0]) ** 2 for f, c in counts.items())) or 1.0
        per_word: dict[str, float] = {}
        for f, c in counts.items():
            if f.startswith("v:"):
                continue  # a class ("<name>") is not a word of the text
            idf, row = self._word[f]
            value = (1.0 + math.log(c)) * idf * row[j] / norm
            for w in f[2:].split(" "):
                per_word[w] = per_word.get(w, 0.0) + value / (1 if f.startswith("w:") else 2)
        parts = {w: self._word_part(w, k) for w in set(words)}
        sq = sum(p[0] for p in parts.values())
        if sq:
            for w, (_s, sums) in parts.items():
                per_word[w] = per_word.get(w, 0.0) + sums[j] / math.sqrt(sq)
        for w, value in per_word.items():
            if w in where:
                a, b = where[w]
                out.append(Contribution("word", w, value, a, b))
        for name in signals:
            row = self._signal.get(name)
            if row is not None:
                out.append(Contribution("signal", name, row[j]))
        out.sort(key=lambda c: -c.weight)
        return [c for c in out if c.weight > 0][:top]

    # -- the vector training uses ------------------------------------------------------------
    def featurize(self, text: str, signals: Iterable[str], spans: Sequence[Span] = ()) -> dict[str, float]:
        """The feature values `score()` applies the weights to (for training and its parity test)."""
        return featurize(text, signals, {f: idf for f, (idf, _r) in self._word.items()},
                         {g: idf for g, (idf, _r) in self._char.items()}, spans)

    # -- storage -----------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        names = [*self._word, *("c:" + g for g in self._char), *("s:" + s for s in self._signal)]
        idf = array("f", [*(v[0] for v in self._word.values()), *(v[0] for v in self._char.values()),
                          *(1.0 for _ in self._signal)])
        weights = array("f")
        for v in self._word.values():
            weights.extend(v[1])
        for v in self._char.values():
            weights.extend(v[1])
        for row in self._signal.values():
            weights.extend(row)
        write_model(path, self.categories, self.intercepts, self.thresholds, names, idf, weights, self.meta)


def featurize(text: str, signals: Iterable[str], word_idf: dict[str, float],
              char_idf: dict[str, float], spans: Sequence[Span] = ()) -> dict[str, float]:
    """Feature name -> value, exactly as TextModel.score sees the text."""
    out: dict[str, float] = {}
    toks = tokens(text)
    words = [t[0] for t in toks]
    counts: dict[str, int] = {}
    for f in word_features(words, class_view(toks, spans)):
        if f in word_idf:
            counts[f] = counts.get(f, 0) + 1
    xs = {f: (1.0 + math.log(c)) * word_idf[f] for f, c in counts.items()}
    norm = math.sqrt(sum(x * x for x in xs.values())) or 1.0
    for f, x in xs.items():
        out[f] = x / norm
    chars: dict[str, float] = {}
    sq = 0.0
    for word in set(words):
        per: dict[str, int] = {}
        for g in char_grams(word):
            if g in char_idf:
                per[g] = per.get(g, 0) + 1
        for g, c in per.items():
            x = c * char_idf[g]
            sq += x * x
            chars[g] = chars.get(g, 0.0) + x
    if sq:
        scale = 1.0 / math.sqrt(sq)
        for g, x in chars.items():
            out["c:" + g] = x * scale
    for name in signals:
        out["s:" + name] = 1.0
    return out


def write_model(path: Path, categories: Sequence[Category], intercepts: Sequence[float],
                thresholds: Sequence[float], names: Sequence[str], idf: array[float] | Sequence[float],
                weights: array[float] | Sequence[float], meta: dict[str, object]) -> None:
    """The model file: a header line, then zlib(JSON header, names, float32 idf and weights)."""
    header = json.dumps({"categories": [c.value for c in categories], "intercepts": list(intercepts),
                         "thresholds": list(thresholds), "features": len(names), "meta": meta}).encode()
    name_blob = "\n".join(names).encode()
    idf_a = idf if isinstance(idf, array) else array("f", idf)
    w_a = weights if isinstance(weights, array) else array("f", weights)
    body = b"".join((struct.pack("<III", len(header), len(name_blob), len(idf_a)), header, name_blob,
                     idf_a.tobytes(), w_a.tobytes()))
    path.write_bytes(MAGIC + zlib.compress(body, 9))


def read_model(path: Path) -> TextModel:
    raw = path.read_bytes()
    if not raw.startswith(MAGIC):
        raise ValueError(f"{path.name} is not an Offduty text model")
    body = zlib.decompress(raw[len(MAGIC):])
    h_len, n_len, count = struct.unpack_from("<III", body)
    pos = 12
    header = json.loads(body[pos:pos + h_len])
    pos += h_len
    names = body[pos:pos + n_len].decode().split("\n")
    pos += n_len
    idf = array("f")
    idf.frombytes(body[pos:pos + 4 * count])
    pos += 4 * count
    weights = array("f")
    weights.frombytes(body[pos:])
    return TextModel([Category(c) for c in header["categories"]], header["intercepts"], header["thresholds"],
                     names, idf, weights, header.get("meta"))


@lru_cache(maxsize=1)
def text_model() -> TextModel:
    """The shipped model, loaded once per process."""
    return read_model(resource_path("model", MODEL_FILE))
