"""No plaintext left behind, nothing printed unmasked unless asked, no network.

A planted evidence string goes through the real pipeline (an X archive in X's own layout, read by
the real reader; a small detector flags the string so the test does not depend on which detectors
are registered). The summary, the JSON, the logs and the saved audit must not show it; with
`--reveal` the outputs must (so the check can fail). A full scan + save + reopen runs in a child
process whose sockets are blocked and whose temporary folder starts empty: nothing may try to
connect, and the temporary folder must still be empty afterwards.
"""

from __future__ import annotations

import io
import json
import logging
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from checks import pipeline
from checks.detectors.base import Detector
from checks.records import Category, Detection, Item, Severity
from desktop.cli import main
from tests.builders.x import Tweet, XArchive
from tests.security.conftest import PLANTED, PLANTED_PHONE, MemoryKeyring

ROOT = Path(__file__).resolve().parents[2]
PASS = "correct horse battery"
TEXT = f"Got the keys! {PLANTED} is ours, ring me on {PLANTED_PHONE} if lost"


class PlantedDetector(Detector):
    """Flags the planted address (a stand-in for the real detectors, so this test stands alone)."""

    id = "planted_address"
    category = Category.HOME_ADDRESS
    severity = Severity.HIGH

    def detect(self, item: Item) -> Iterator[Detection]:
        # two findings on one post: each one's secret must stay masked in the other's evidence too
        for secret, key in ((PLANTED, "planted"), (PLANTED_PHONE, "planted-phone")):
            start = item.text.find(secret)
            if start >= 0:
                yield self.found(item, title="A home address in a post", reason="A detail, posted publicly.",
                                 evidence=item.text, key=key, confidence=0.9, span=(start, start + len(secret)))


def _archive(folder: Path) -> Path:
    when = datetime(2026, 5, 2, 18, 30, tzinfo=UTC)
    archive = XArchive(tweets=[Tweet(text=TEXT, created_at=when), Tweet(text="Lovely walk today", created_at=when)])
    return archive.write_folder(folder / "twitter-export")


@pytest.fixture
def planted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pipeline, "DETECTORS", [*pipeline.DETECTORS, PlantedDetector])


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def _leaks(text: str) -> list[str]:
    pieces = [PLANTED, "Quillbrook", PLANTED_PHONE, PLANTED_PHONE.replace(" ", "")]
    return [p for p in pieces if p in text]


def test_outputs_and_logs_are_masked_unless_revealed(tmp_path: Path, planted: None, memory_keyring: MemoryKeyring,
                                                     capsys: pytest.CaptureFixture[str],
                                                     caplog: pytest.LogCaptureFixture) -> None:
    export = _archive(tmp_path)
    caplog.set_level(logging.DEBUG)
    code, summary, err = _run(["scan", str(export), "--quiet"], capsys)
    assert code == 0 and "A home address in a post" in summary  # the finding is there...
    assert _leaks(summary) == [] and _leaks(err) == []  # ...masked

    code, out, err = _run(["scan", str(export), "--quiet", "--json", "-"], capsys)
    report = json.loads(out)
    assert [f["detector"] for f in report["findings"]].count("planted_address") == 2
    assert _leaks(out) == [] and _leaks(err) == []

    html = tmp_path / "checklist.html"
    if _have("checks.report.html_report"):
        assert main(["scan", str(export), "--quiet", "--html", str(html)]) == 0
        assert _leaks(html.read_text(encoding="utf-8")) == []

    saved = tmp_path / "audit.offduty"
    assert main(["scan", str(export), "--quiet", "--json", str(tmp_path / "r.json"), "--save", str(saved)]) == 0
    assert _leaks(saved.read_bytes().decode("latin-1")) == []

    code, out, err = _run(["show", str(saved), "--json", "-"], capsys)
    assert code == 0 and _leaks(out) == []
    assert "planted_address" in [f["detector"] for f in json.loads(out)["findings"]]

    assert _leaks("\n".join(r.getMessage() for r in caplog.records)) == []

    code, out, _ = _run(["show", str(saved), "--json", "-", "--reveal"], capsys)  # asked for: shown
    assert PLANTED in out
    code, out, _ = _run(["scan", str(export), "--quiet", "--reveal"], capsys)
    assert PLANTED in out


def _have(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def test_cli_errors_on_saved_audits_are_one_sentence(tmp_path: Path, memory_keyring: MemoryKeyring,
                                                     capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    export = _archive(tmp_path)
    saved = tmp_path / "audit.offduty"
    monkeypatch.setenv("OFFDUTY_PASSPHRASE", PASS)
    assert main(["scan", str(export), "--quiet", "--save", str(saved)]) == 0
    capsys.readouterr()
    monkeypatch.setenv("OFFDUTY_PASSPHRASE", "not the passphrase")
    code, out, err = _run(["show", str(saved)], capsys)
    assert code == 1 and out == ""
    assert err.startswith("offduty: The passphrase does not open") and err.count("\n") == 1
    data = bytearray(saved.read_bytes())
    data[-5] ^= 0xFF
    saved.write_bytes(bytes(data))
    monkeypatch.setenv("OFFDUTY_PASSPHRASE", PASS)
    code, out, err = _run(["show", str(saved)], capsys)
    assert code == 1 and "changed or damaged" in err and "Traceback" not in err
    assert saved.read_bytes() == bytes(data)  # a failed open never touches the file


_CHILD = textwrap.dedent("""
    import socket, sys
    from tests.security.test_no_leaks import PlantedDetector
    from checks import pipeline
    from desktop.cli import main
    pipeline.DETECTORS = [*pipeline.DETECTORS, PlantedDetector]
    code = main(sys.argv[1:])
    sys.exit(code)
""")

_BLOCK_SOCKETS = textwrap.dedent("""
    # Installed as sitecustomize in the child: every attempt to reach the network is recorded and refused.
    import os, socket

    def _refuse(*args, **kwargs):
        with open(os.environ["OFFDUTY_TEST_NET_LOG"], "a") as fh:
            fh.write("network attempt\\n")
        raise OSError("network disabled in this test")

    socket.socket.connect = _refuse
    socket.socket.connect_ex = _refuse
    socket.socket.sendto = _refuse
    socket.getaddrinfo = _refuse
    socket.create_connection = _refuse
""")


def _child(args: list[str], tmp_path: Path, env_extra: dict[str, str]) -> subprocess.CompletedProcess[str]:
    site = tmp_path / "site"
    site.mkdir(exist_ok=True)
    (site / "sitecustomize.py").write_text(_BLOCK_SOCKETS)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST", "COV_"))}
    env.update({"PYTHONPATH": os.pathsep.join([str(site), str(ROOT)]),
                "OFFDUTY_TEST_NET_LOG": str(tmp_path / "net.log"), **env_extra})
    return subprocess.run([sys.executable, "-c", _CHILD, *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=300, check=False)


def test_full_scan_offline_and_leaves_no_temporary_files(tmp_path: Path) -> None:
    export = _archive(tmp_path)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    saved = tmp_path / "audit.offduty"
    env = {"TMPDIR": str(tmp), "TEMP": str(tmp), "TMP": str(tmp), "OFFDUTY_PASSPHRASE": PASS}
    zipped = XArchive(tweets=[Tweet(text=TEXT, created_at=datetime(2026, 5, 3, tzinfo=UTC))]).write_zip(
        tmp_path / "twitter-2026.zip")  # zips are read in place, never unpacked to disk
    scan_args = ["scan", str(export), str(zipped), "--json", str(tmp_path / "r.json"), "--save", str(saved)]
    if _have("checks.exports.demo"):
        scan_args.insert(1, "--demo")
    scan = _child(scan_args, tmp_path, env)
    assert scan.returncode == 0, scan.stderr[-2000:]
    shown = _child(["show", str(saved)], tmp_path, env)
    assert shown.returncode == 0, shown.stderr[-2000:]
    as_json = _child(["show", str(saved), "--json", "-"], tmp_path, env)
    assert "planted_address" in [f["detector"] for f in json.loads(as_json.stdout)["findings"]]  # reopened whole
    assert _leaks(shown.stdout + as_json.stdout + scan.stderr) == []
    assert not (tmp_path / "net.log").exists(), "something tried to use the network"
    assert sorted(os.listdir(tmp)) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["twitter-export", "twitter-2026.zip", "tmp", "site", "audit.offduty", "r.json"])


def test_the_socket_block_really_blocks(tmp_path: Path) -> None:
    """The guard of the test above: a child that tries to connect is caught."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "sitecustomize.py").write_text(_BLOCK_SOCKETS)
    env = {**os.environ, "PYTHONPATH": str(site), "OFFDUTY_TEST_NET_LOG": str(tmp_path / "net.log")}
    code = "import socket\ntry:\n    socket.create_connection(('192.0.2.1', 9), timeout=1)\nexcept OSError:\n    pass\n"
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=60)
    assert (tmp_path / "net.log").read_text().strip() == "network attempt"


def test_logging_filter_on_real_handlers(planted: None, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from desktop.logging_setup import SENSITIVE, configure_logging

    root = logging.getLogger()
    saved_handlers, saved_level, saved_factory = list(root.handlers), root.level, logging.getLogRecordFactory()
    stream = io.StringIO()
    try:
        log_file = tmp_path / "offduty.log"
        configure_logging(verbose=True, log_file=log_file)
        caplog.set_level(logging.DEBUG)
        for h in root.handlers:
            if getattr(h, "_offduty", False) and not isinstance(h, logging.FileHandler):
                h.setStream(stream)  # type: ignore[attr-defined]
        SENSITIVE.add([PLANTED])
        log = logging.getLogger("checks.test")
        log.info("reading a post: %s", TEXT)
        try:
            int(PLANTED_PHONE)
        except ValueError:
            log.exception("could not read a number")
        for h in root.handlers:
            h.flush()
        written = stream.getvalue() + log_file.read_text(encoding="utf-8")
        assert "reading a post" in written and "ValueError" in written
        assert _leaks(written) == []
        assert _leaks("\n".join(caplog.text for _ in [0])) == []  # pytest's own handler saw redacted records
    finally:
        SENSITIVE.clear()
        for h in list(root.handlers):
            if getattr(h, "_offduty", False):
                root.removeHandler(h)
                h.close()
        for h in saved_handlers:
            if h not in root.handlers:
                root.addHandler(h)
        root.setLevel(saved_level)
        logging.setLogRecordFactory(saved_factory)


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_reports_written_by_the_cli_are_owner_only(tmp_path: Path, planted: None) -> None:
    export = _archive(tmp_path)
    out = tmp_path / "revealed.json"
    old = os.umask(0o022)
    try:
        assert main(["scan", str(export), "--quiet", "--reveal", "--json", str(out)]) == 0
    finally:
        os.umask(old)
    assert PLANTED in out.read_text(encoding="utf-8")
    assert out.stat().st_mode & 0o077 == 0
