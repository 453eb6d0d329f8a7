"""Saved-audit speed and size: save and open a large invented report, keyring and passphrase.

Usage: .venv/bin/python bench/bench_vault.py [FINDINGS]   (default 20000)
Builds a report with FINDINGS findings (each with a post of evidence and 3 related sources),
saves it with an in-process keyring and with a passphrase (scrypt n=2^17), opens it again and
prints seconds, MB/s of serialised content, file size and peak Python memory while opening.
"""

from __future__ import annotations

import sys
import tempfile
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import json

import keyring

from checks.report.serialise import report_to_dict
from checks.store import vault
from tests.security.conftest import MemoryKeyring, make_report


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20000
    base = make_report(1)
    template = base.findings[0]
    findings = tuple(replace(template, id=f"f{n:06x}", evidence=template.evidence.replace("no. 0", f"no. {n}"),
                             related=template.related * 3) for n in range(count))
    report = replace(base, findings=findings)
    content = len(json.dumps(report_to_dict(report), ensure_ascii=False).encode())
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as tmp:
        for label, phrase in (("keyring", None), ("passphrase", "correct horse battery")):
            target = Path(tmp) / f"{label}.offduty"
            t0 = time.perf_counter()
            vault.save_report(report, target, passphrase=phrase)
            t1 = time.perf_counter()
            loaded = vault.load_report(target, passphrase=phrase)
            t2 = time.perf_counter()
            assert loaded == report
            del loaded
            tracemalloc.start()
            vault.load_report(target, passphrase=phrase)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            size = target.stat().st_size
            print(f"{label:<10} {count} findings, content {content / 1e6:.1f} MB, file {size / 1e6:.1f} MB; "
                  f"save {t1 - t0:.2f} s ({content / 1e6 / (t1 - t0):.1f} MB/s), "
                  f"open {t2 - t1:.2f} s (peak Python memory while opening {peak / 1e6:.0f} MB)")


if __name__ == "__main__":
    main()
