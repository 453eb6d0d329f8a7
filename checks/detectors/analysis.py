"""One reading of an item's text, shared by every text detector: signals, model scores, verdicts.

Each detector used to read a post its own way; now the text is read once (`analyse(item)`): its
signals (`checks.detectors.signals`), the model's score for every category
(`checks.detectors.textmodel`) and, when a detector asks, the verdict for its category
(`checks.detectors.decide`). The detectors only say what to show (where in the text, which key,
which words) for what was decided here. The last analysis is kept: the detectors look at the same
item one after another.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from checks.detectors.decide import Verdict, decide, decisions
from checks.detectors.signals import Signal, TextSignals, item_signals, text_signals
from checks.detectors.textmodel import Contribution, text_model
from checks.records import Basis, Category, Item


@dataclass
class TextAnalysis:
    """Everything decided about one item's text (made by `analyse`, read by the detectors)."""

    item: Item
    signals: TextSignals
    present: frozenset[Signal]
    logits: tuple[float, ...]
    _verdicts: dict[Category, Verdict] = field(default_factory=dict)

    def probability(self, category: Category) -> float:
        model = text_model()
        return model.probability(self.logits[model.index(category)])

    def verdict(self, category: Category) -> Verdict:
        found = self._verdicts.get(category)
        if found is None:
            model = text_model()
            found = decide(category, self.present, self.probability(category), model.threshold(category),
                           decisions())
            self._verdicts[category] = found
        return found

    def explain(self, category: Category, top: int = 4) -> list[Contribution]:
        return text_model().explain(self.item.text, [s.value for s in self.present], category, top,
                                    self.signals.spans())

    def basis(self, category: Category, offset: int, length: int, relevant: frozenset[Signal] = frozenset(),
              top: int = 3) -> Basis:
        """What carried `category`: the rule or model, the signals, and the words within the excerpt.

        `offset` maps a position in the item's text to one in the excerpt (excerpt = text shifted by
        offset), so the words' spans can be masked with the evidence; `relevant` limits the signals
        named to those that mean something for this category.
        """
        verdict = self.verdict(category)
        contributions = self.explain(category, top=8)
        signals = [c.name for c in contributions if c.kind == "signal"
                   and (not relevant or Signal(c.name) in relevant)][:top]
        if verdict.by and verdict.by != "model":
            signals = [s.value for s in self.present if s in relevant][:top] or signals
        words = []
        for c in contributions:
            if c.kind != "word":
                continue
            a, b = c.start + offset, c.end + offset
            if 0 <= a < b <= length:
                words.append((a, b))
            if len(words) == top:
                break
        return Basis(verdict.by or "model", tuple(signals), tuple(sorted(words)))


class _Last:
    key: tuple[int, str] | None = None
    analysis: TextAnalysis | None = None


def analyse(item: Item) -> TextAnalysis:
    """The analysis of `item` (cached for the last item: each detector asks for the same one)."""
    key = (id(item), item.text)
    if _Last.key == key and _Last.analysis is not None and _Last.analysis.item is item:
        return _Last.analysis
    sig = text_signals(item.text)
    present = sig.kinds | item_signals(item)
    logits = text_model().score(item.text, [s.value for s in present], sig.spans())
    result = TextAnalysis(item, sig, present, logits)
    _Last.key, _Last.analysis = key, result
    return result
