"""The logging filter hides evidence; the process leaves no core dumps."""

from __future__ import annotations

import logging
import subprocess
import sys
import textwrap

import pytest

from desktop.logging_setup import HIDDEN, EvidenceFilter, SensitiveValues, redact


@pytest.mark.parametrize(("text", "secret"), [
    ("could not parse sam.example@example.com in profile", "sam.example@example.com"),
    ("bad number 07700 900461 at row 3", "07700 900461"),
    ("bad number +44 7700 900461 at row 3", "7700 900461"),
    ("postcode CR0 2XY did not match", "CR0 2XY"),
    ("postcode cr02xy did not match", "cr02xy"),
    ("fix at 51.372101,-0.098765 dropped", "51.372101"),
    ("fix at 51.372101,-0.098765 dropped", "-0.098765"),
])
def test_redact_hides_what_looks_like_evidence(text: str, secret: str) -> None:
    out = redact(text, SensitiveValues())
    assert secret not in out and HIDDEN in out


@pytest.mark.parametrize("text", [
    "read 1200 items from data/tweets.js in 3 parts",
    "skipped member data/odd.js: not valid JSON",
    "progress 45% reading",
])
def test_redact_keeps_ordinary_messages(text: str) -> None:
    assert redact(text, SensitiveValues()) == text


def test_registered_values_are_hidden_whatever_the_case() -> None:
    values = SensitiveValues()
    values.add(["Quillbrook Close", "ab"])  # too short to register: would hide half of every line
    assert redact("moving to quillbrook close soon", values) == f"moving to {HIDDEN} soon"
    assert redact("about ab testing", values) == "about ab testing"
    values.clear()
    assert redact("moving to Quillbrook Close", values) == "moving to Quillbrook Close"


def _record(msg: str, *args: object, exc: BaseException | None = None) -> logging.LogRecord:
    exc_info = (type(exc), exc, exc.__traceback__) if exc else None
    return logging.LogRecord("checks.x", logging.WARNING, __file__, 1, msg, args, exc_info)


def test_filter_formats_redacts_and_drops_tracebacks() -> None:
    values = SensitiveValues()
    values.add(["Quillbrook"])
    try:
        int("Quillbrook Close")
    except ValueError as exc:
        record = _record("reading %s failed", "a post about Quillbrook", exc=exc)
    assert EvidenceFilter(values).filter(record)
    assert record.args is None and record.exc_info is None
    message = record.getMessage()
    assert "Quillbrook" not in message and "ValueError" in message and "test_logging_setup.py" in message


def test_bad_format_strings_do_not_leak_their_arguments() -> None:
    record = _record("reading %d failed", "sam.example@example.com")
    EvidenceFilter(SensitiveValues()).filter(record)
    assert "sam.example" not in record.getMessage()


def test_harden_process_turns_core_dumps_off() -> None:
    code = textwrap.dedent("""
        import json, resource, sys
        from desktop.logging_setup import harden_process, is_dumpable
        before = is_dumpable()
        applied = harden_process()
        print(json.dumps({"before": before, "after": is_dumpable(), "applied": applied,
                          "core": resource.getrlimit(resource.RLIMIT_CORE)}))
    """)
    if sys.platform == "win32":
        pytest.skip("core dump limits are POSIX")
    import json

    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    result = json.loads(out.stdout)
    assert result["core"] == [0, 0] and result["applied"]["core_dumps_off"]
    if sys.platform.startswith("linux"):
        assert result["before"] is True and result["after"] is False and result["applied"]["not_dumpable"]


def test_uncaught_errors_are_reported_without_evidence() -> None:
    code = textwrap.dedent("""
        import threading
        from desktop.logging_setup import configure_logging
        configure_logging()
        def worker():
            raise ValueError("could not parse 'Flat 3, 9 Quillbrook Close'")
        t = threading.Thread(target=worker)
        t.start(); t.join()
        raise RuntimeError("bad row: 'ring 07700 900461'")
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False)
    assert out.returncode == 1
    assert "ValueError" in out.stderr and "RuntimeError" in out.stderr
    assert "Quillbrook" not in out.stderr and "900461" not in out.stderr


def test_remember_report_hides_found_values_in_later_logs() -> None:
    from desktop.logging_setup import SENSITIVE, remember_report
    from tests.security.conftest import PLANTED, make_report

    try:
        remember_report(make_report(1))
        assert PLANTED not in redact(f"writing the page for {PLANTED.upper()} now")
    finally:
        SENSITIVE.clear()
