"""The window's own words: every `tr`/`translate` takes a literal (so lupdate can find it), and every
literal is in the translation file under the context Qt looks it up in (scripts/update-translations.sh).

The engine's words are not here: they come through `checks.report.words.say()` from the words
catalogue (tests/report/test_words.py).
"""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "offduty_en_GB.ts"


def translated_literals(source: str) -> tuple[set[tuple[str, str]], list[int]]:
    """((context, text) for each literal the code translates, lines of calls with a non-literal)."""
    found: set[tuple[str, str]] = set()
    dynamic: list[int] = []

    def visit(node: ast.AST, context: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute):
                name, args = child.func.attr, child.args
                if name == "tr" and isinstance(child.func.value, ast.Name) and child.func.value.id == "self":
                    _take(context, args[0] if args else None, child.lineno)
                elif name == "translate" and len(args) >= 2 and isinstance(args[0], ast.Constant):
                    _take(str(args[0].value), args[1], child.lineno)
            visit(child, context)

    def _take(context: str, arg: ast.expr | None, line: int) -> None:
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            found.add((context, arg.value))
        else:
            dynamic.append(line)

    visit(ast.parse(source), "")
    return found, dynamic


def _desktop_modules() -> list[Path]:
    return sorted((ROOT / "desktop").rglob("*.py"))


def test_every_translated_text_is_a_literal() -> None:
    dynamic = {}
    for path in _desktop_modules():
        _, lines = translated_literals(path.read_text(encoding="utf-8"))
        if lines:
            dynamic[str(path.relative_to(ROOT))] = lines
    assert dynamic == {}, "tr() of a variable can never be translated; engine words go through say()"


def test_every_literal_is_in_the_translation_file_under_its_context() -> None:
    in_file = {(ctx.findtext("name") or "", (m.findtext("source") or ""))
               for ctx in ET.parse(TS).getroot().iter("context") for m in ctx.iter("message")}
    missing = set()
    for path in _desktop_modules():
        found, _ = translated_literals(path.read_text(encoding="utf-8"))
        missing |= found - in_file
    assert sorted(missing) == [], "run scripts/update-translations.sh"


def test_the_check_sees_a_variable_and_the_context() -> None:
    found, dynamic = translated_literals(
        "class P:\n    def f(self, x):\n        self.tr('Hello')\n        self.tr(x)\n"
        "def g():\n    QCoreApplication.translate('worker', 'Bye')\n")
    assert found == {("P", "Hello"), ("worker", "Bye")} and dynamic == [4]
