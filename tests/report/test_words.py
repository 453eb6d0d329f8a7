"""The words layer: every code the engine and the app use has its words; plurals; fallback."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from checks.records import Category, Message, Platform, msg
from checks.report.words import Words, load_entries, say

ROOT = Path(__file__).resolve().parents[2]


def _literal_codes() -> dict[str, str]:
    """Every code written as a literal in msg("...") or Message("...") in checks/ and desktop/."""
    codes: dict[str, str] = {}
    for folder in ("checks", "desktop"):
        for path in (ROOT / folder).rglob("*.py"):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.Call) or not node.args:
                    continue
                name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
                if name not in ("msg", "Message"):
                    continue
                first = node.args[0]
                if isinstance(first, ast.Constant) and isinstance(first.value, str):
                    codes[first.value] = f"{path.relative_to(ROOT)}:{node.lineno}"
    return codes


def test_the_engine_uses_codes_and_every_code_has_words() -> None:
    codes = _literal_codes()
    assert "crossref.public" in codes  # the scan itself works
    entries = load_entries("en-GB")
    missing = {code: where for code, where in codes.items() if code not in entries}
    assert not missing, f"codes without words in resources/words/en-GB.toml: {missing}"


def test_msg_codes_are_literals_so_the_catalogue_check_sees_them() -> None:
    dynamic = []
    for folder in ("checks", "desktop"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "msg":
                    if not (node.args and isinstance(node.args[0], ast.Constant)):
                        dynamic.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert not dynamic


def test_every_platform_and_category_has_a_name() -> None:
    entries = load_entries("en-GB")
    for platform in Platform:
        assert f"platform.{platform.value}" in entries
    for category in Category:
        assert f"category.{category.value}" in entries
    assert Platform.X.label == entries["platform.x"]


def test_values_fill_the_template_and_nested_messages_are_spoken() -> None:
    words = Words("en-GB", {"a.b": "{platform} has {count:,} posts", "platform.x": "X"})
    assert words.say(msg("a.b", platform=Platform.X, count=12000)) == "X has 12,000 posts"


def test_plural_forms_follow_the_count_in_english_and_welsh() -> None:
    entries = {"n": {"one": "{count} check-in", "other": "{count} check-ins"}}
    en = Words("en-GB", entries)
    assert en.say(msg("n", count=1)) == "1 check-in"
    assert en.say(msg("n", count=3)) == "3 check-ins"
    cy = Words("cy", {"n": {"zero": "z", "one": "o", "two": "t", "few": "f", "many": "m", "other": "x"}})
    assert [cy.say(msg("n", count=n)) for n in (0, 1, 2, 3, 6, 7)] == ["z", "o", "t", "f", "m", "x"]


def test_a_code_missing_in_a_language_falls_back_to_english_then_to_the_code() -> None:
    english = Words("en-GB", {"only.english": "Hello"})
    welsh = Words("cy", {}, fallback=english)
    assert welsh.say(Message("only.english")) == "Hello"
    assert welsh.say(Message("nowhere")) == "nowhere"


def test_plain_text_passes_through_during_migration() -> None:
    assert say("already a sentence") == "already a sentence"


def test_values_are_not_reinterpreted_as_templates() -> None:
    words = Words("en-GB", {"t": "said {text}"})
    assert words.say(msg("t", text="{count} {0}")) == "said {count} {0}"


def test_msg_refuses_values_it_cannot_carry() -> None:
    with pytest.raises(TypeError):
        msg("x", thing=object())


def test_every_stage_has_words() -> None:
    from checks.progress import Stage

    entries = load_entries("en-GB")
    assert all(stage.message.code in entries for stage in Stage)
    assert say(Stage.INFERRING.message) == entries["stage.inferring"]
