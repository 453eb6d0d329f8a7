"""The text model applied in packed integers gives what the weights say, for scores and explanations."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checks.detectors.signals import text_signals
from checks.detectors.textmodel import (
    TOKEN,
    TextModel,
    _gram_counts,
    _normal,
    read_model,
    text_model,
    tokens,
    words_of,
    write_model,
)
from checks.records import Category

TEXTS = [
    "Proud to have joined the Met today, PC 1234AB reporting for duty",
    "My daughter Poppy, 9, won at swimming for Hilly Fields juniors",
    "Every Saturday at the parkrun then home by 10, house empty till Sunday",
    "lovely day out with friends at the park coffee then home early",
    "Door went in at 6am, two lifted and the dog section had a busy one",
    "Moving into 14 Larkspur Close tomorrow!! SE13 7PH if you want to send a card",
]


def _signals_and_spans(text: str) -> tuple[list[str], list[tuple[str, int, int]]]:
    sig = text_signals(text)
    return [s.value for s in sig.kinds], sig.spans()


def _weights(model: TextModel, feature: str) -> tuple[float, ...]:
    prefix, rest = feature[:2], feature[2:]
    if prefix == "s:":
        return model._signal[rest]
    if prefix == "c:":
        return model._char[rest][1]
    return model._word[feature][1]


@pytest.mark.parametrize("text", TEXTS)
def test_score_is_the_weights_applied_to_the_features_training_sees(text: str) -> None:
    model = text_model()
    signals, spans = _signals_and_spans(text)
    vector = model.featurize(text, signals, spans)
    expected = [b + sum(x * _weights(model, f)[j] for f, x in vector.items())
                for j, b in enumerate(model.intercepts)]
    assert model.score(text, signals, spans) == pytest.approx(expected, abs=1e-4)


def _reference_explain(model: TextModel, text: str, signals: list[str], spans: list[tuple[str, int, int]],
                       category: Category) -> dict[str, float]:
    """Each word's share worked out in floats from the feature vector (what `explain` must agree with)."""
    j = model.index(category)
    vector = model.featurize(text, signals, spans)
    words = {w for w, _a, _b in tokens(text)}
    out: dict[str, float] = {}
    for f, x in vector.items():
        if f.startswith(("w:", "b:")):
            share = f[2:].split(" ")
            for w in share:
                out[w] = out.get(w, 0.0) + x * model._word[f][1][j] / len(share)
    total = sum(c * model._char[g][0] ** 2 for w in words for g, c in _gram_counts(w, model._char).items())
    scale = 1.0 / math.sqrt(total) if total else 0.0
    for w in words:
        value = sum(c * model._char[g][0] * model._char[g][1][j] for g, c in _gram_counts(w, model._char).items())
        out[w] = out.get(w, 0.0) + value * scale
    return out


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("category", [Category.EMPLOYER_DISCLOSURE, Category.FAMILY_DETAILS,
                                      Category.LOCATION_PATTERN, Category.HOME_ADDRESS])
def test_explanations_read_from_packed_weights_match_the_float_arithmetic(text: str, category: Category) -> None:
    model = text_model()
    signals, spans = _signals_and_spans(text)
    reference = _reference_explain(model, text, signals, spans, category)
    found = model.explain(text, signals, category, top=50, spans=spans)
    words = [c for c in found if c.kind == "word"]
    assert words, "every text here has some word that pushes each category up"
    for c in words:
        assert c.weight == pytest.approx(reference[c.name], abs=1e-4)
    positive = sorted((v for v in reference.values() if v > 0), reverse=True)[:len(words)]
    assert [c.weight for c in words] == pytest.approx(positive, abs=1e-4)


def test_explanations_point_at_the_words_in_the_text() -> None:
    text = TEXTS[0]
    signals, spans = _signals_and_spans(text)
    found = text_model().explain(text, signals, Category.EMPLOYER_DISCLOSURE, top=8, spans=spans)
    for c in found:
        if c.kind == "word":
            assert tokens(text)[[t[1] for t in tokens(text)].index(c.start)][0] == c.name


def test_a_saved_model_reads_back_the_same(tmp_path_factory: pytest.TempPathFactory) -> None:
    model = text_model()
    path = tmp_path_factory.mktemp("model") / "m.bin"
    model.save(path)
    again = read_model(path)
    signals, spans = _signals_and_spans(TEXTS[1])
    assert again.score(TEXTS[1], signals, spans) == pytest.approx(model.score(TEXTS[1], signals, spans), abs=1e-6)
    assert again.thresholds == model.thresholds
    write_model(path, model.categories, model.intercepts, model.thresholds, [], [], [], {})
    assert read_model(path).score(TEXTS[1], [], []) == pytest.approx(model.intercepts)


def _tokens_by_expression(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in TOKEN.finditer(_normal(text))]


# the fast reading (piece by piece, letters and digits taken as they are) against the one expression
# over the whole text: the model was trained on what the expression reads, so they must never differ
PIECES = st.sampled_from(["PC", "1234AB", "don't", "it''s", "'quoted'", "#GMP", "@met_police", "snake_case",
                          "a_b", "e-mail", "Ça", "naïve", "Straße", "İstanbul", "①②", "٣", "x²", "🚔", "💙💙",
                          "\u00a0", "\u2009", "\t", "\n", "\x1c", " ", "...", "’s", "--", "#", "@", "_", "'"])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=6)), max_size=14).map("".join))
def test_words_are_read_as_the_expression_reads_them(text: str) -> None:
    assert words_of(text) == [t[0] for t in _tokens_by_expression(text)]
    assert tokens(text) == _tokens_by_expression(text)


def test_words_of_every_labelled_text_are_read_as_the_expression_reads_them() -> None:
    folder = Path(__file__).resolve().parents[2] / "training" / "data"
    texts = [json.loads(line)["text"] for path in sorted(folder.glob("*.jsonl"))
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(texts) > 10_000
    differ = [t for t in texts if tokens(t) != _tokens_by_expression(t)]
    assert differ == []
