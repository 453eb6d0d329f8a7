"""The demo audit printed: nothing any finding marks as sensitive shows in the masked HTML or PDF."""

from __future__ import annotations

import html
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from checks.records import Report
from checks.report.html_report import render_html

PLAIN = {"everyone", "followers", "only_me", "true", "false", "public", "private"}


@pytest.fixture(scope="module")
def demo() -> Report:
    from checks.exports.demo import demo_paths
    from checks.pipeline import audit

    paths = demo_paths()
    if not paths:
        pytest.skip("the demo export is not built")
    return audit(paths)


def _secrets(report: Report) -> set[str]:
    out = set()
    for f in report.findings:
        if f.span and f.evidence:
            s = " ".join(f.evidence[f.span[0]:f.span[1]].split())
            if len(s) >= 5 and s.lower() not in PLAIN:
                out.add(s)
    return out


def test_demo_html_masks_every_sensitive_part(demo: Report) -> None:
    secrets = _secrets(demo)
    assert len(secrets) >= 10
    page = " ".join(html.unescape(render_html(demo)).split())
    assert not [s for s in secrets if s in page]
    revealed = " ".join(html.unescape(render_html(demo, reveal=True)).split())
    assert [s for s in secrets if s in revealed]


@pytest.mark.usefixtures("qapp")
def test_demo_pdf_masks_every_sensitive_part(demo: Report, tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) missing")
    from desktop.printing import write_pdf

    path = tmp_path / "demo.pdf"
    pages = write_pdf(demo, path)
    assert pages > 3
    raw = subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    text = " ".join(unicodedata.normalize("NFKC", raw).split())
    assert not [s for s in _secrets(demo) if s in text]
    for entry in demo.checklist[:10]:
        assert " ".join(entry.title.split()) in text
