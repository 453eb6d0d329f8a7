"""One reading of an item's text, shared by every text detector: signals, model scores, verdicts.

Each detector used to read a post its own way; now the text is read once (`analyse(item)`): its
signals (`checks.detectors.signals`), the model's score for every category
(`checks.detectors.textmodel`) and, when a detector asks, the verdict for its category
(`checks.detectors.decide`). The detectors only say what to show (where in the text, which key,
which words) for what was decided here. The last analysis is kept: the detectors look at the same
item one after another.

A long text (a blog-length Reddit post, a LinkedIn summary) is read in windows of a few sentences
(`windows`): the model was trained on posts, and over a long text many weak words add up to a
score no single part of it earns. A category is found when any window shows it; the detectors then
look for its words in that window (`hits`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from checks.detectors.decide import Decisions, Verdict, decide, decisions
from checks.detectors.quotes import blank_quoted
from checks.detectors.signals import Signal, SignalHit, TextSignals, item_signals, text_signals
from checks.detectors.textmodel import Contribution, TextModel, text_model
from checks.records import Basis, Category, Item

LONG_TEXT = 480  # characters: longer texts are read in windows
WINDOW = 320  # characters a window aims for (whole sentences; one sentence shared with the next)
EXPLAINED = 8  # contributions worked out once per category (the detectors and the basis ask for up to this)
_SENTENCE_END = re.compile(r"(?<=[.!?…\n])\s+")
_PART = frozenset({Signal.LONG_TEXT_PART})


def windows(text: str) -> tuple[tuple[int, int], ...]:
    """Where the windows of `text` start and end: one window for a short text."""
    if len(text) <= LONG_TEXT:
        return ((0, len(text)),)
    sentences = _sentences(text)
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(sentences):
        start, end = sentences[i]
        j = i + 1
        while j < len(sentences) and sentences[j][1] - start <= WINDOW:
            end = sentences[j][1]
            j += 1
        out.append((start, end))
        if j >= len(sentences):
            break
        i = j - 1 if j - 1 > i else j  # the last sentence is read again with what follows
    return tuple(out)


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans, with any sentence longer than a window cut at spaces."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in [*_SENTENCE_END.finditer(text), None]:
        end = m.start() if m is not None else len(text)
        while end - start > WINDOW:
            cut = text.rfind(" ", start + WINDOW // 2, start + WINDOW)
            cut = cut if cut > start else start + WINDOW
            out.append((start, cut))
            start = cut + 1 if text[cut] == " " else cut
        if end > start:
            out.append((start, end))
        if m is not None:
            start = m.end()
    return out


@dataclass(frozen=True)
class Window:
    """One part of the text as the model and rules saw it."""

    start: int
    end: int
    present: frozenset[Signal]
    logits: tuple[float, ...]
    spans: tuple[tuple[str, int, int], ...]  # classed spans, in the window's own positions


@dataclass
class TextAnalysis:
    """Everything decided about one item's text (made by `analyse`, read by the detectors)."""

    item: Item
    signals: TextSignals
    present: frozenset[Signal]
    windows: tuple[Window, ...]
    _verdicts: dict[Category, tuple[Verdict, Window]] = field(default_factory=dict)
    _explained: dict[Category, list[Contribution]] = field(default_factory=dict)
    _candidates: frozenset[Category] | None = None

    @property
    def logits(self) -> tuple[float, ...]:
        """The model's scores for the first window (the whole text when it is short)."""
        return self.windows[0].logits

    def probability(self, category: Category) -> float:
        return self._decided(category)[0].probability

    @property
    def candidates(self) -> frozenset[Category]:
        """The categories some window could be found for; no other category can be (worked out once).

        A category is found only by a probability at its threshold or by an assertion, and every
        assertion needs one of its category's trigger signals (`Decisions.triggers`), or by an
        implication from a category that is itself a candidate. Most posts have none, and the
        detectors skip them without deciding anything.
        """
        cached = self._candidates
        if cached is None:
            model, rules = text_model(), decisions()
            out: set[Category] = set()
            for window in self.windows:
                logits, present = window.logits, window.present
                for j, (category, at_least, needed) in enumerate(_openings(model, rules)):
                    if needed is None or logits[j] >= at_least or not present.isdisjoint(needed):
                        out.add(category)
            if out:
                out.update(i.category for i in rules.implications if i.source in out)
            cached = self._candidates = frozenset(out)
        return cached

    def verdict(self, category: Category) -> Verdict:
        return self._decided(category)[0]

    def window(self, category: Category) -> tuple[int, int]:
        """Where in the text `category` was decided (the whole text unless it is long)."""
        chosen = self._decided(category)[1]
        return chosen.start, chosen.end

    def hits(self, category: Category, *signals: Signal) -> list[SignalHit]:
        """The signal hits (of these kinds, or all) inside the window where `category` was decided."""
        start, end = self.window(category)
        wanted = set(signals)
        return [h for h in self.signals.hits
                if start <= h.start and h.end <= end and (not wanted or h.signal in wanted)]

    def _decided(self, category: Category) -> tuple[Verdict, Window]:
        found = self._verdicts.get(category)
        if found is None:
            model = text_model()
            j, threshold, rules = model.index(category), model.threshold(category), decisions()
            best: tuple[Verdict, Window] | None = None
            for w in self.windows:
                v = decide(category, w.present, model.probability(w.logits[j]), threshold, rules)
                if best is None or (v.found, v.confidence, v.probability) > (
                        best[0].found, best[0].confidence, best[0].probability):
                    best = (v, w)
            assert best is not None
            if not best[0].found and not best[0].vetoed_by:
                best = self._implied(category, best)
            found = self._verdicts[category] = best
        return found

    def _implied(self, category: Category, unfound: tuple[Verdict, Window]) -> tuple[Verdict, Window]:
        """`category` found through another category found in the text ([[imply]] in decisions.toml)."""
        for rule in decisions().implied(category):
            source, where = self._decided(rule.source)
            if source.found:
                return Verdict(category, True, min(rule.confidence, source.confidence), unfound[0].probability,
                               by=rule.id), where
        return unfound

    def explain(self, category: Category, top: int = 4) -> list[Contribution]:
        """The words and signals that carried `category` (words at their positions in the whole text)."""
        cached = self._explained.get(category)
        if cached is not None and top <= EXPLAINED:
            return cached[:top]
        w = self._decided(category)[1]
        found = text_model().explain(self.signals.text[w.start:w.end], [s.value for s in w.present], category,
                                     max(top, EXPLAINED), list(w.spans))
        out = [Contribution(c.kind, c.name, c.weight, c.start + w.start, c.end + w.start) if c.kind == "word"
               else c for c in found]
        self._explained[category] = out
        return out[:top]

    def basis(self, category: Category, offset: int, length: int, relevant: frozenset[Signal] = frozenset(),
              top: int = 3) -> Basis:
        """What carried `category`: the rule or model, the signals, and the words within the excerpt.

        `offset` maps a position in the item's text to one in the excerpt (excerpt = text shifted by
        offset), so the words' spans can be masked with the evidence; `relevant` limits the signals
        named to those that mean something for this category.
        """
        verdict, w = self._decided(category)
        contributions = self.explain(category, top=8)
        signals = [c.name for c in contributions if c.kind == "signal"
                   and (not relevant or Signal(c.name) in relevant)][:top]
        if verdict.by and verdict.by != "model":
            signals = [s.value for s in w.present if s in relevant][:top] or signals
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


class _Openings:
    """For each of the model's categories: the logit that finds it, and the signals an assertion needs."""

    made_for: tuple[TextModel, Decisions] | None = None
    table: tuple[tuple[Category, float, frozenset[Signal] | None], ...] = ()


def _openings(model: TextModel, rules: Decisions) -> tuple[tuple[Category, float, frozenset[Signal] | None], ...]:
    made_for = _Openings.made_for
    if made_for is None or made_for[0] is not model or made_for[1] is not rules:
        _Openings.table = tuple((c, model.logit_thresholds[j], rules.triggers(c))
                                for j, c in enumerate(model.categories))
        _Openings.made_for = (model, rules)
    return _Openings.table


class _Last:
    analysis: TextAnalysis | None = None


def analyse(item: Item) -> TextAnalysis:
    """The analysis of `item` (cached for the last item: each detector asks for the same one).

    Items are frozen, and the cached analysis holds its item, so the same object is the same text.
    """
    last = _Last.analysis
    if last is not None and last.item is item:
        return last
    text = blank_quoted(item.text)  # what the person wrote, at the same positions
    sig = text_signals(text)
    own = item_signals(item) | sig.whole
    present = sig.kinds | own
    model = text_model()
    spans = sig.spans()
    parts = windows(text)
    found: tuple[Window, ...]
    if len(parts) == 1:
        found = (Window(0, len(text), present, model.score(text, present, spans), tuple(spans)),)
    else:
        built = []
        for start, end in parts:
            inside = frozenset(h.signal for h in sig.hits if start <= h.start and h.end <= end) | own | _PART
            local = tuple((c, a - start, b - start) for c, a, b in spans if start <= a and b <= end)
            logits = model.score(text[start:end], inside, list(local))
            built.append(Window(start, end, inside, logits, local))
        found = tuple(built)
    result = TextAnalysis(item, sig, present, found)
    _Last.analysis = result
    return result
