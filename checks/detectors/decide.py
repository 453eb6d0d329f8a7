"""Decisions: the rules of `resources/rules/decisions.toml` and the text model, combined.

For each text category a text is decided once (`decide()`), from its signals and the model's
probability: found by the model (probability at or over the category's threshold) or by an
assertion; stopped by a veto (other people's words, a denial) or, for an assertion, by a model that
finds the category very unlikely, or by the absence of any sign of it (a model that scores a
post as police talk when it names nothing of the police is reading too much into its words). A
`Verdict` says which happened and why, in codes the words catalogue turns into sentences, so every
finding can explain itself and every refusal can be tested.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from checks.detectors.signals import Signal, signal_rules
from checks.records import Category
from checks.resources import resource_path


@dataclass(frozen=True)
class Condition:
    """all / any / also_any / unless over signals (groups already expanded)."""

    all: frozenset[Signal] = frozenset()
    any: frozenset[Signal] = frozenset()
    also_any: frozenset[Signal] = frozenset()
    unless: frozenset[Signal] = frozenset()
    when_absent: bool = False  # holds when none of `any` is present (and all of `all` are): "no sign of a police job"

    def holds(self, present: frozenset[Signal]) -> bool:
        if self.when_absent:
            return self.all <= present and present.isdisjoint(self.any) and present.isdisjoint(self.unless)
        return (self.all <= present
                and (not self.any or not present.isdisjoint(self.any))
                and (not self.also_any or not present.isdisjoint(self.also_any))
                and present.isdisjoint(self.unless))


@dataclass(frozen=True)
class Rule:
    id: str
    categories: frozenset[Category]
    condition: Condition
    confidence: float = 0.0
    final: bool = False  # an assertion the model cannot overrule (a field that says it outright)
    model_at_least: float = 0.0  # an assertion that holds only when the model gives at least this
    model_below: float = 2.0  # a veto that holds only when the model gives less than this


@dataclass(frozen=True)
class Implication:
    """A category found in a text finds another in it too (own operational work shows the job)."""

    id: str
    source: Category
    category: Category
    confidence: float


@dataclass(frozen=True)
class Decisions:
    vetoes: tuple[Rule, ...]
    asserts: tuple[Rule, ...]
    model_veto_below: float
    implications: tuple[Implication, ...] = ()

    def implied(self, category: Category) -> tuple[Implication, ...]:
        """The implications that can find `category` when its own rules and the model did not."""
        return tuple(i for i in self.implications if i.category is category)

    def for_category(self, category: Category) -> tuple[tuple[Rule, ...], tuple[Rule, ...]]:
        """The vetoes and assertions that can decide `category` (worked out once per category)."""
        vetoes, asserts, _needed = self._by_category()[category]
        return vetoes, asserts

    def triggers(self, category: Category) -> frozenset[Signal] | None:
        """Signals of which a text needs one for any assertion of `category` to hold (None: no such set).

        A text with none of them, and a model probability under the threshold, is not found: vetoes
        only ever stop a finding, so nothing else needs checking (most posts end here).
        """
        return self._by_category()[category][2]

    def _by_category(self) -> dict[Category, tuple[tuple[Rule, ...], tuple[Rule, ...], frozenset[Signal] | None]]:
        cache = self.__dict__.get("_by")
        if cache is None:
            cache = {}
            for category in Category:
                vetoes = tuple(v for v in self.vetoes if category in v.categories)
                asserts = tuple(a for a in self.asserts if category in a.categories)
                needed: frozenset[Signal] | None = frozenset()
                for a in asserts:
                    one_of = a.condition.all | a.condition.any or a.condition.also_any
                    always = a.condition.when_absent or not one_of
                    needed = None if needed is None or always else needed | one_of
                cache[category] = (vetoes, asserts, needed)
            self.__dict__["_by"] = cache
        return cache


@dataclass(frozen=True)
class Verdict:
    """How one category was decided for one text."""

    category: Category
    found: bool
    confidence: float
    probability: float
    by: str = ""  # "model" or the id of the assertion that found it
    vetoed_by: str = ""  # the id of the veto, or "model" when the model stopped an assertion


def _expand(names: Iterable[str], groups: Mapping[str, frozenset[Signal]]) -> frozenset[Signal]:
    out: set[Signal] = set()
    for name in names:
        out |= groups[name] if name in groups else {Signal(name)}
    return frozenset(out)


def _condition(raw: Mapping[str, object], groups: Mapping[str, frozenset[Signal]]) -> Condition:
    def names(key: str) -> list[str]:
        value = raw.get(key, ())
        assert isinstance(value, list | tuple)
        return [str(v) for v in value]

    return Condition(_expand(names("all"), groups), _expand(names("any"), groups),
                     _expand(names("also_any"), groups), _expand(names("unless"), groups),
                     bool(raw.get("when_absent", False)))


@lru_cache(maxsize=1)
def decisions() -> Decisions:
    """The declared decisions (loaded once; unknown signals or categories are errors)."""
    with resource_path("rules", "decisions.toml").open("rb") as handle:
        data = tomllib.load(handle)
    groups: dict[str, frozenset[Signal]] = dict(signal_rules().groups)
    for name, members in data.get("groups", {}).items():
        groups[name] = _expand(members, groups)
    vetoes = tuple(Rule(v["id"], frozenset(Category(c) for c in v["categories"]), _condition(v, groups),
                        model_below=float(v.get("model_below", 2.0)))
                   for v in data.get("veto", ()))
    asserts = tuple(Rule(a["id"], frozenset({Category(a["category"])}), _condition(a, groups),
                         float(a.get("confidence", 0.8)), bool(a.get("final", False)),
                         float(a.get("model_at_least", 0.0)))
                    for a in data.get("assert", ()))
    implications = tuple(Implication(i["id"], Category(i["from"]), Category(i["category"]),
                                     float(i.get("confidence", 0.7)))
                         for i in data.get("imply", ()))
    if any(i.source in {j.category for j in implications} for i in implications):
        raise ValueError("decisions.toml: an implied category cannot imply another (no chains)")
    return Decisions(vetoes, asserts, float(data.get("model", {}).get("veto_below", 0.0)), implications)


def decide(category: Category, present: frozenset[Signal], probability: float, threshold: float,
           rules: Decisions | None = None) -> Verdict:
    """Whether `category` is found in a text with these signals and this model probability."""
    rules = rules or decisions()
    if probability < threshold:
        needed = rules.triggers(category)
        if needed is not None and present.isdisjoint(needed):
            return Verdict(category, False, 0.0, probability)
    vetoes, asserts = rules.for_category(category)
    for veto in vetoes:
        if probability < veto.model_below and veto.condition.holds(present):
            return Verdict(category, False, 0.0, probability, vetoed_by=veto.id)
    for rule in asserts:
        if probability >= rule.model_at_least and rule.condition.holds(present):
            if probability < rules.model_veto_below and not rule.final:
                return Verdict(category, False, 0.0, probability, by=rule.id, vetoed_by="model")
            return Verdict(category, True, max(rule.confidence, probability), probability, by=rule.id)
    if probability >= threshold:
        return Verdict(category, True, probability, probability, by="model")
    return Verdict(category, False, 0.0, probability)
