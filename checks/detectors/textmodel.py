"""The learned text model: a linear model over words, parts of words and signals, applied in plain Python.

Trained by `training/train.py` (scikit-learn, a developer tool) on the labelled texts in
`training/data/`, and shipped as `resources/model/text-model.bin`: feature names, their weights for
each category, and each category's threshold. Applying it needs nothing but arithmetic, so the
installers carry no machine-learning library, and the same text always gets the same scores.

Three blocks of features, each a plain sum of weights:
- words: each word, each pair of neighbouring words and, in the class view, each class token and
  pair holding one ("my <relation> <name>"), weighted by IDF and scaled by the block's length;
- parts of words: the 2- to 5-letter pieces of every distinct word (so "Hants", "Hampshire" and a
  typo share weight), weighted by IDF and scaled by the block's length; a word's part depends on
  the word alone, so it is worked out once per word and kept;
- signals: 1 for each signal of the text (`checks.detectors.signals`), unscaled.
Digits are read as "0" so that numbers are known by their shape. A word feature counts once however
often it occurs (so a post of one word repeated 800 times is not 800 times as sure); a block's
length is the square root of the sum of IDF squared over what is present, so every feature simply
adds to the score and to the length: that is what lets the app add whole words at a time.

Speed: each feature's weights for every category, its share of its block's length and a count of
one are packed into one Python integer, lane by lane (fixed point, biased so every lane stays
positive), each block in its own lanes; adding two packed integers adds all the lanes at once. A
word's own feature and all its parts are added up once and kept as one integer, so a post costs one
dictionary lookup and one integer addition per distinct word (and per known pair), and one read
back of the lanes at the end, not one step per feature and category.

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
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from pathlib import Path

from checks.detectors.links import blank_links
from checks.records import Category
from checks.resources import resource_path

MODEL_FILE = "text-model.bin"
MAGIC = b"OFFDUTY-TEXT-MODEL-1\n"
CHAR_MIN, CHAR_MAX = 2, 5
WORD_CACHE_LIMIT = 50_000

TOKEN = re.compile(r"[#@]?\w+(?:'+\w+)*")  # apostrophes inside a word, never at its end
# typographic apostrophes folded, every digit read as "0" (one character for one: positions stay)
_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", **{str(d): "0" for d in range(1, 10)}})


def _normal(text: str) -> str:
    """Folded, lower-cased and without links, one character for one (so positions match the text's)."""
    text = blank_links(text)
    low = text.translate(_FOLD).lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text.translate(_FOLD))


def words_of(text: str) -> list[str]:
    """The words of `text`, lower case with digits as "0" (what the model reads).

    The same as `TOKEN.findall` over the whole text, read piece by piece: a word never holds a
    space, and a piece of letters and digits alone (most of them: `str.isalnum` is exactly the
    regular expression's `\\w` but for "_") is one word as it is, with no expression run on it.
    """
    out: list[str] = []
    for piece in _normal(text).split():
        if piece.isalnum():
            out.append(piece)
        else:
            out.extend(TOKEN.findall(piece))
    return out


def tokens(text: str) -> list[tuple[str, int, int]]:
    """The words of `text` as `words_of` reads them, with where each sits."""
    normal = _normal(text)
    out: list[tuple[str, int, int]] = []
    at = 0
    for piece in normal.split():
        at = normal.find(piece, at)
        if piece.isalnum():
            out.append((piece, at, at + len(piece)))
        else:
            out.extend((m.group(0), at + m.start(), at + m.end()) for m in TOKEN.finditer(piece))
        at += len(piece)
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
    return ["w:" + w for w in words] + _pairs(words, view)


def _pairs(words: Sequence[str], view: Sequence[str]) -> list[str]:
    """The word block's features other than single words (pairs, class tokens, class pairs)."""
    out = [f"b:{a} {b}" for a, b in pairwise(words)]
    if view is not words:
        out.extend(_class_features(view))
    return out


def _class_features(view: Sequence[str]) -> list[str]:
    """The class tokens of the class view, and its pairs that hold one."""
    out = ["v:" + w for w in view if w.startswith("<")]
    out.extend(f"v:{a} {b}" for a, b in pairwise(view) if a.startswith("<") or b.startswith("<"))
    return out


@dataclass(frozen=True)
class Contribution:
    """What carried a score: a word (with where it is in the text) or a signal, and how much."""

    kind: str  # "word" or "signal"
    name: str
    weight: float
    start: int = -1
    end: int = -1


def _logit(probability: float) -> float:
    if probability <= 0.0:
        return -math.inf
    if probability >= 1.0:
        return math.inf
    return math.log(probability / (1.0 - probability))


SCALE = 1 << 20  # fixed point: weights to about a millionth
LANE_BITS = 64
BIAS = 1 << 40  # keeps every lane positive, so lanes never borrow from each other
MASK = (1 << LANE_BITS) - 1
_PER_SCALE = 1.0 / SCALE  # a power of two: multiplying by it is dividing by SCALE, exactly


class TextModel:
    """Per-category linear scores for a text (logits; see `probability`)."""

    def __init__(self, categories: Sequence[Category], intercepts: Sequence[float], thresholds: Sequence[float],
                 features: Sequence[str], idf: Sequence[float], weights: Sequence[float],
                 meta: dict[str, object] | None = None) -> None:
        self.categories = tuple(categories)
        k = self.k = len(self.categories)
        self.intercepts = tuple(intercepts)
        self.thresholds = tuple(thresholds)
        # the logit at which each threshold is reached (a hair under, so comparing logits never
        # misses a probability exactly at its threshold)
        self.logit_thresholds = tuple(_logit(t) - 1e-9 for t in self.thresholds)
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
        # lanes: the word block's k weights, its length and its count, then the parts' the same, then
        # the signals' k weights and their count
        self._char_base = k + 2
        self._signal_base = 2 * k + 4
        self._packed_word = {f: self._pack(idf_, row, 0) for f, (idf_, row) in self._word.items()}
        self._packed_char = {g: self._pack(idf_, row, self._char_base) for g, (idf_, row) in self._char.items()}
        self._packed_signal = {n: self._pack(1.0, row, self._signal_base, length=False)
                               for n, row in self._signal.items()}
        # word pairs as first word -> second word -> packed: looked up without building "b:a b" strings
        self._packed_pair: dict[str, dict[str, int]] = {}
        for f, packed in self._packed_word.items():
            if f.startswith("b:") and f.count(" ") == 1:
                a, b = f[2:].split(" ")
                self._packed_pair.setdefault(a, {})[b] = packed
        self._word_cache: dict[str, int] = {}
        self._lanes = struct.Struct(f"<{3 * k + 5}Q")  # a packed sum read back lane by lane, in one call
        self._index = {c: i for i, c in enumerate(self.categories)}

    def _pack(self, idf: float, row: Sequence[float], base: int, length: bool = True) -> int:
        """From lane `base`: idf * weight for every category, idf squared (the block's length) unless
        not `length`, and a count of one."""
        packed = 0
        for j, w in enumerate(row):
            packed |= (round(idf * w * SCALE) + BIAS) << ((base + j) * LANE_BITS)
        lane = base + self.k
        if length:
            packed |= round(idf * idf * SCALE) << (lane * LANE_BITS)
            lane += 1
        return packed | (1 << (lane * LANE_BITS))

    @staticmethod
    def _lane(packed: int, lane: int) -> int:
        return (packed >> (lane * LANE_BITS)) & MASK

    # -- scoring -----------------------------------------------------------------------------
    def score(self, text: str, signals: Iterable[str], spans: Sequence[Span] = ()) -> tuple[float, ...]:
        """The logit of every category for `text` with these signal names and classed spans."""
        if spans:
            toks = tokens(text)
            words = [t[0] for t in toks]
            view = class_view(toks, spans)
        else:
            words = words_of(text)
            view = words
        total = 0
        cache = self._word_cache
        for w in set(words):
            packed = cache.get(w)
            total += packed if packed is not None else self._word_part(w)
        pairs = self._packed_pair
        known_pairs: dict[tuple[str, str], int] = {}  # each known pair counted once
        for a, b in pairwise(words):
            following = pairs.get(a)
            if following is not None:
                found = following.get(b)
                if found is not None:
                    known_pairs[a, b] = found
        if known_pairs:
            total += sum(known_pairs.values())
        if view is not words:
            known = self._packed_word
            for f in set(_class_features(view)):
                found = known.get(f)
                if found is not None:
                    total += found
        packed_signal = self._packed_signal
        for name in signals:
            found = packed_signal.get(name)
            if found is not None:
                total += found
        # every block read back in one pass: a weight lane less count * BIAS is the block's fixed-point
        # sum (exact, in integers), times the block's factor (1 / SCALE, over its length if scaled)
        lanes = self._lanes.unpack(total.to_bytes(self._lanes.size, "little"))
        k, c0, s0 = self.k, self._char_base, self._signal_base
        word_len, wb = lanes[k], lanes[k + 1] * BIAS
        char_len, cb = lanes[c0 + k], lanes[c0 + k + 1] * BIAS
        sb = lanes[s0 + k] * BIAS
        wf = 1.0 / math.sqrt(word_len * SCALE) if word_len > 0 else 0.0
        cf = 1.0 / math.sqrt(char_len * SCALE) if char_len > 0 else 0.0
        return tuple([i + (w - wb) * wf + (c - cb) * cf + (g - sb) * _PER_SCALE for i, w, c, g in
                      zip(self.intercepts, lanes[:k], lanes[c0:c0 + k], lanes[s0:s0 + k], strict=True)])

    def _word_part(self, word: str) -> int:
        """A word's own packed feature (if known) plus all its known parts, kept for the next time."""
        packed = self._packed_word.get("w:" + word, 0)
        chars = self._packed_char
        for g in char_grams(word):
            found = chars.get(g)
            if found is not None:
                packed += found
        cache = self._word_cache
        if len(cache) >= WORD_CACHE_LIMIT:
            cache.clear()
        cache[word] = packed
        return packed

    def probability(self, logit: float) -> float:
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, logit))))

    def threshold(self, category: Category) -> float:
        return self.thresholds[self._index[category]]

    def index(self, category: Category) -> int:
        return self._index[category]

    # -- explaining --------------------------------------------------------------------------
    def explain(self, text: str, signals: Iterable[str], category: Category, top: int = 4,
                spans: Sequence[Span] = ()) -> list[Contribution]:
        """The words and signals that pushed `category`'s score up most, strongest first.

        A word's share is its own weight, half of each pair it is in, and its parts, each scaled by
        its block's length as in `score` (read from the same packed numbers, so it costs about what
        scoring does).
        """
        j = self._index[category]
        k, c0, lane = self.k, self._char_base, self._lane
        toks = tokens(text)
        words = [t[0] for t in toks]
        where: dict[str, tuple[int, int]] = {}
        for w, a, b in toks:
            where.setdefault(w, (a, b))
        view = class_view(toks, spans) if spans else words
        known = self._packed_word
        present = [(f, known[f]) for f in {*("w:" + w for w in where), *_pairs(words, view)} if f in known]
        word_length = sum(lane(packed, k) for _f, packed in present) / SCALE
        word_scale = 1.0 / math.sqrt(word_length) if word_length > 0 else 0.0
        per_word: dict[str, float] = {}
        for f, packed in present:
            if f[0] == "v":
                continue  # class tokens belong to no one word
            share = f[2:].split(" ")
            value = ((lane(packed, j) - BIAS) / SCALE) * word_scale / len(share)
            for w in share:
                per_word[w] = per_word.get(w, 0.0) + value
        cache = self._word_cache
        parts = {w: cache[w] if w in cache else self._word_part(w) for w in where}
        char_length = sum(lane(packed, c0 + k) for packed in parts.values()) / SCALE
        char_scale = 1.0 / math.sqrt(char_length) if char_length > 0 else 0.0
        for w, packed in parts.items():
            cn = lane(packed, c0 + k + 1)
            if cn:
                value = (lane(packed, c0 + j) - cn * BIAS) / SCALE
                per_word[w] = per_word.get(w, 0.0) + value * char_scale
        out = [Contribution("word", w, v, *where[w]) for w, v in per_word.items() if w in where]
        out.extend(Contribution("signal", n, self._signal[n][j]) for n in signals if n in self._signal)
        out.sort(key=lambda c: -c.weight)
        return [c for c in out if c.weight > 0][:top]

    # -- the vector training uses ------------------------------------------------------------
    def featurize(self, text: str, signals: Iterable[str], spans: Sequence[Span] = ()) -> dict[str, float]:
        """The feature values `score()` applies the weights to (for training and its parity test)."""
        if not hasattr(self, "_idf"):
            self._idf = ({f: idf for f, (idf, _r) in self._word.items()},
                         {g: idf for g, (idf, _r) in self._char.items()})
        return featurize(text, signals, self._idf[0], self._idf[1], spans)

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
    """Feature name -> value, exactly as TextModel.score sees the text (see the module's docstring)."""
    out: dict[str, float] = {}
    toks = tokens(text)
    words = [t[0] for t in toks]
    present = {f for f in word_features(words, class_view(toks, spans) if spans else words) if f in word_idf}
    length = sum(word_idf[f] ** 2 for f in present)
    for f in present:
        out[f] = word_idf[f] / math.sqrt(length)
    chars: dict[str, int] = {}
    for word in set(words):
        for g, c in _gram_counts(word, char_idf).items():
            chars[g] = chars.get(g, 0) + c
    length = sum(c * char_idf[g] ** 2 for g, c in chars.items())
    for g, c in chars.items():
        out["c:" + g] = c * char_idf[g] / math.sqrt(length)
    for name in signals:
        out["s:" + name] = 1.0
    return out


def _gram_counts(word: str, known: Mapping[str, object]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for g in char_grams(word):
        if g in known:
            counts[g] = counts.get(g, 0) + 1
    return counts


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
    names = body[pos:pos + n_len].decode().split("\n") if n_len else []
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
