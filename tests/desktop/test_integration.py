"""The window's newer integrations: "What a stranger sees" (against a local HTTP server, never the
internet), evidence concealed across findings, welfare-session crypto-erase and leftover sessions,
the text-in-photos option, and the local place drawing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytest_httpserver import HTTPServer

from checks.progress import CancelToken, Progress
from checks.records import Category, Finding, ItemKind, Platform, Report, Severity, Source, msg
from checks.store.welfare import WelfareSession
from desktop.app import build_window
from desktop.engine import Engine
from desktop.pages.base import ScanRequest
from desktop.pages.findings import FindingsPage
from desktop.window import MainWindow
from tests.desktop.conftest import HeldEngine, make_report
from tests.security.conftest import MemoryKeyring

TIMEOUT = 30_000
PAGES = Path(__file__).resolve().parent.parent / "web" / "pages"


class RealEngine(Engine):
    """The real engine, remembering the keywords each audit was given."""

    def __init__(self) -> None:
        self.options: dict[str, object] = {}

    def audit(self, paths: Sequence[Path], progress: Callable[[Progress], None], cancel: CancelToken,
              **options: object) -> Report:
        self.options = dict(options)
        return super().audit(paths, progress, cancel, **options)


def open_window(qtbot, engine: Engine, welfare: bool = False) -> MainWindow:  # type: ignore[no-untyped-def]
    window = build_window(engine, welfare=welfare)
    qtbot.addWidget(window)
    window.show()
    return window


# what a stranger sees --------------------------------------------------------------------------


def serve_linkedin(httpserver: HTTPServer) -> str:
    httpserver.expect_request("/in/dan-example").respond_with_data(
        (PAGES / "linkedin.html").read_text(encoding="utf-8"), content_type="text/html")
    return httpserver.url_for("/in/dan-example")


def test_the_stranger_page_comes_right_after_adding_exports(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, RealEngine())
    keys = list(window.PAGE_KEYS)
    assert keys.index("stranger") == keys.index("add") + 1
    window.show_page("stranger")
    assert window.stack.currentWidget() is window.stranger
    for widget in (window.stranger.entry, window.stranger.add_button, window.stranger.targets_edit,
                   window.stranger.check_button, window.stranger.results, window.stranger.scan_button):
        assert widget.accessibleName()


def test_add_button_and_lines_make_the_list(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, RealEngine())
    page = window.stranger
    assert not page.check_button.isEnabled()
    page.entry.setText("  @sam@mastodon.example  ")
    page.add_button.click()
    page.entry.setText("sam.bsky.social")
    page.entry.returnPressed.emit()
    page.entry.setText("sam.bsky.social")  # a repeat is not added twice
    page.add_button.click()
    assert page.targets() == ["@sam@mastodon.example", "sam.bsky.social"]
    assert page.check_button.isEnabled()
    plan = page.plan_text.text()  # what would be fetched, shown before anything is
    assert "mastodon.example: the public profile of @sam" in plan and "sam.bsky.social" in plan


def test_cancelling_the_confirm_fetches_nothing(qtbot, httpserver: HTTPServer) -> None:  # type: ignore[no-untyped-def]
    url = serve_linkedin(httpserver)
    window = open_window(qtbot, RealEngine())
    page = window.stranger
    page.targets_edit.setPlainText(url)
    seen: dict[str, str] = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["text"], seen["plan"] = box.text(), box.informativeText()
        box.button(QMessageBox.StandardButton.Cancel).click()

    QTimer.singleShot(0, answer)
    assert page.check() is None
    assert seen["text"] == page.confirm_text()
    assert url in seen["plan"] and "this one page only" in seen["plan"]  # exactly what would be fetched
    assert httpserver.log == []
    assert page.add_to_scan(ScanRequest()) == ScanRequest()
    assert "Nothing was fetched" in page.status.text()


def test_confirmed_profiles_are_fetched_off_the_gui_thread_and_join_the_scan(
        qtbot, httpserver: HTTPServer, x_export: tuple[Path, str], monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    url = serve_linkedin(httpserver)
    closed = "http://127.0.0.1:9/nobody-listens"  # the discard port: nothing answers there
    engine = RealEngine()
    window = open_window(qtbot, engine)
    page = window.stranger
    planned: list[list[str]] = []
    monkeypatch.setattr(page, "confirm", lambda lines: planned.append(lines) or True)
    page.targets_edit.setPlainText(f"{url}\n{closed}")
    with qtbot.waitSignal(page.checked, timeout=TIMEOUT):
        assert page.check() is not None
    assert planned == [engine.plan_profiles([url, closed])]
    assert len(httpserver.log) == 1
    messages = [page.results.topLevelItem(i).text(1) for i in range(page.results.topLevelItemCount())]
    assert "visible to anyone" in messages[0]
    assert messages[1].startswith("could not be checked")
    options = page.add_to_scan(ScanRequest()).options()
    assert [s.path for s in options["extra_inputs"]] == [url, closed]

    with qtbot.waitSignal(window.add.described, timeout=TIMEOUT):
        window.add.add_paths([x_export[0]])
    with qtbot.waitSignal(window.report_ready, timeout=TIMEOUT):
        window.add.scan.click()
    assert "extra_items" in engine.options and "ocr" not in engine.options
    report = window.session.report
    assert report is not None
    web = [f for f in report.findings if f.platform is Platform.WEB]
    assert web, "the public LinkedIn page says where the person works"
    assert any(i.platform is Platform.WEB for i in report.inputs)
    platforms = [window.findings.platform.itemData(i) for i in range(window.findings.platform.count())]
    assert "web" in platforms
    window.show_page("findings")
    assert window.findings.select_finding(web[0].id)
    assert "Public web page" in window.findings.d_about.text()
    assert "without logging in" in window.findings.d_reason.text()
    assert len(httpserver.log) == 1  # scanning fetched nothing more


def test_a_network_failure_is_said_plainly(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, RealEngine())
    page = window.stranger
    monkeypatch.setattr(page, "confirm", lambda _lines: True)
    page.targets_edit.setPlainText("http://127.0.0.1:9/x")
    with qtbot.waitSignal(page.checked, timeout=TIMEOUT):
        page.check()
    message = page.results.topLevelItem(0).text(1)
    assert message.startswith("could not be checked") and "Traceback" not in message


# evidence concealed across findings ------------------------------------------------------------

def findings_page(qtbot, engine: HeldEngine, report: Report,  # type: ignore[no-untyped-def]
                  welfare: bool = False) -> FindingsPage:
    """A window showing `report` on the Findings page."""
    window = open_window(qtbot, engine, welfare=welfare)
    window.session.set_report(report)
    window.show_page("findings")
    return window.findings


POST = "Call me on 07700 900123 or pop round to 42 Laburnum Close"


def shared_post_report(export: Path, photo: str) -> Report:
    base = make_report(export, photo, drop=("f-home", "f-work", "f-photo", "f-dob"))
    src = Source(0, "data/tweets.js", "/3/tweet/full_text", datetime(2025, 6, 1, tzinfo=UTC))
    phone_at = POST.index("07700")
    home_at = POST.index("42 Laburnum")
    findings = (
        Finding("f-addr", "address", Category.HOME_ADDRESS, Severity.HIGH, 0.9, "Your home address in a post",
                "A street address shows where you live.", POST, Platform.X, src, item_kind=ItemKind.POST,
                span=(home_at, len(POST))),
        Finding("f-phone", "phone", Category.IDENTITY_DETAILS, Severity.MEDIUM, 0.8, "Your phone number in a post",
                "A phone number lets anyone call or find you.", POST, Platform.X, src, item_kind=ItemKind.POST,
                span=(phone_at, phone_at + len("07700 900123"))),
    )
    return replace(base, findings=findings)


def test_masked_evidence_never_shows_the_other_findings_secret(qtbot, engine: HeldEngine,
                                                                x_export: tuple[Path, str]) -> None:  # type: ignore[no-untyped-def]
    page = findings_page(qtbot, engine, shared_post_report(*x_export))
    for finding_id in ("f-addr", "f-phone"):
        assert page.select_finding(finding_id)
        text = page.d_evidence.text()
        assert "900123" not in text and "Laburnum" not in text
        assert text.startswith("Call me on")  # the person can still recognise the post
    page.reveal.click()  # deliberately show the phone finding: its full evidence
    assert page.d_evidence.text() == POST
    assert page.select_finding("f-addr")  # moving on hides it again
    assert "900123" not in page.d_evidence.text()


# welfare sessions ------------------------------------------------------------------------------


@pytest.fixture
def keyring(monkeypatch: pytest.MonkeyPatch) -> MemoryKeyring:
    ring = MemoryKeyring()
    monkeypatch.setattr("checks.store.vault.keyring_backend", lambda: ring)
    return ring


def test_ending_a_welfare_session_removes_its_files_and_key(qtbot, keyring: MemoryKeyring, tmp_path: Path,
                                                            x_export: tuple[Path, str]) -> None:  # type: ignore[no-untyped-def]
    from checks.errors import OffdutyError
    from checks.store.vault import load_report

    window = open_window(qtbot, Engine(), welfare=True)
    store = window.session.store
    assert store is not None and store.folder.is_dir()
    window.session.set_report(make_report(*x_export))
    audit = tmp_path / "session.offduty"
    with qtbot.waitSignal(window.output.written, timeout=TIMEOUT):
        window.output.save(audit, None)  # no passphrase: kept for this session only
    assert audit.exists() and keyring.store
    copy = tmp_path / "copy-elsewhere.offduty"
    copy.write_bytes(audit.read_bytes())  # a copy the session does not know about
    assert load_report(copy).findings
    page = tmp_path / "checklist.html"
    with qtbot.waitSignal(window.output.written, timeout=TIMEOUT):
        window.output.write("html", page)
    assert set(store.files) >= {audit.absolute(), page.absolute()}

    result = window.end_session()
    assert not audit.exists() and not page.exists()
    assert result.key_removed and not keyring.store
    assert page.absolute() in result.not_wiped
    with pytest.raises(OffdutyError):
        load_report(copy)  # crypto-erased: even a copy can no longer be opened
    assert not store.folder.exists()
    text = window.end_text(result)
    assert "key was deleted" in text and str(audit.absolute()) in text
    assert window.session.report is None


def test_a_passphrase_audit_is_kept_after_the_session(qtbot, keyring: MemoryKeyring, tmp_path: Path,
                                                      x_export: tuple[Path, str]) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, Engine(), welfare=True)
    window.session.set_report(make_report(*x_export))
    audit = tmp_path / "mine.offduty"
    with qtbot.waitSignal(window.output.written, timeout=TIMEOUT):
        window.output.save(audit, "a long passphrase here")
    result = window.end_session()
    assert audit.exists() and audit in result.kept


def test_leftover_sessions_are_offered_and_ended(qtbot, keyring: MemoryKeyring, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    crashed = WelfareSession()
    left = crashed.path_for("checklist.pdf")
    left.write_bytes(b"%PDF-1.4 invented")
    keyring.set_password("offduty", crashed.key_name, "x")
    crashed.pid = 2**22 + 12345  # a program that is gone
    crashed._write_manifest()
    window = open_window(qtbot, Engine())
    asked: list[str] = []
    told: list[str] = []
    monkeypatch.setattr("desktop.window.QMessageBox.question",
                        lambda _p, _t, text: asked.append(text) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr("desktop.window.QMessageBox.information", lambda _p, _t, text: told.append(text))
    reports = window.offer_leftover_cleanup()
    assert len(reports) == 1 and asked and "1 file" in asked[0]
    assert not left.exists() and not crashed.folder.exists()
    assert told and "Removed 1 file" in told[0]
    assert window.offer_leftover_cleanup() == []  # nothing left to offer


def test_declining_leaves_the_leftover_session(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    crashed = WelfareSession()
    crashed.pid = 2**22 + 12346
    crashed._write_manifest()
    window = open_window(qtbot, Engine())
    monkeypatch.setattr("desktop.window.QMessageBox.question", lambda *_a: QMessageBox.StandardButton.No)
    assert window.offer_leftover_cleanup() == []
    assert crashed.folder.exists()


def test_opening_never_asks_on_a_terminal(tmp_path: Path, x_export: tuple[Path, str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The window gives the vault what its dialog was given; with nothing, the vault says so."""
    from checks.store.vault import PassphraseNeeded, save_report

    path = tmp_path / "locked.offduty"
    save_report(make_report(*x_export), path, passphrase="correct horse battery")
    monkeypatch.setenv("OFFDUTY_PASSPHRASE", "correct horse battery")  # the engine never reads it

    def no_terminal(*_a: object, **_k: object) -> str:
        raise AssertionError("the window must never ask on a terminal")

    monkeypatch.setattr("getpass.getpass", no_terminal)
    with pytest.raises(PassphraseNeeded) as raised:
        Engine().load(path, None)  # a cancelled or empty dialog
    assert raised.value.message == msg("vault.passphrase_needed")
    assert Engine().load(path, "correct horse battery").method == "passphrase"


# text in photos --------------------------------------------------------------------------------


def test_text_in_photos_is_off_by_default_and_reaches_the_engine(qtbot, engine: HeldEngine, x_export: tuple[Path, str],
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(HeldEngine, "ocr_available", lambda _self: True, raising=False)
    window = open_window(qtbot, engine)
    box = window.add.ocr
    assert box.isEnabled() and not box.isChecked() and box.accessibleName()
    with qtbot.waitSignal(window.add.described, timeout=TIMEOUT):
        window.add.add_paths([x_export[0]])
    with qtbot.waitSignal(window.report_ready, timeout=TIMEOUT):
        window.add.scan.click()
    assert "ocr" not in engine.options
    box.setChecked(True)
    with qtbot.waitSignal(window.report_ready, timeout=TIMEOUT):
        window.add.scan.click()
    assert engine.options.get("ocr") is True


def test_text_in_photos_is_disabled_and_explained_without_the_engine(qtbot, engine: HeldEngine,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("checks.readers.ocr.available", lambda: False)
    window = open_window(qtbot, engine)
    assert not window.add.ocr.isEnabled() and not window.add.ocr.isChecked()
    assert "not installed" in window.add.ocr.toolTip()


# the local drawing of a place --------------------------------------------------------------------

POINTS = ((51.3701, -0.1002, "photo"), (51.3699, -0.0998, "photo"), (51.3712, -0.1010, "activity"))


def drawing_report(export: Path, photo: str) -> Report:
    report = make_report(export, photo)
    findings = tuple(replace(f, points=POINTS) if f.id == "f-photo" else f for f in report.findings)
    return replace(report, findings=findings)


def test_a_place_is_drawn_locally_with_one_mark_per_item(qtbot, engine: HeldEngine,
                                                          x_export: tuple[Path, str]) -> None:  # type: ignore[no-untyped-def]
    page = findings_page(qtbot, engine, drawing_report(*x_export))
    assert page.select_finding("f-photo")
    qtbot.waitUntil(page.drawing_box.isVisible, timeout=TIMEOUT)
    assert page.drawing.renderer().isValid()
    assert page.svg.count("<circle") == len(POINTS) + 1  # the place's ring and one mark per item
    assert "no map" in page.drawing_near.text()  # the caption, from the disclosure policy
    assert "Croydon" not in page.drawing_near.text()  # the town is part of the evidence: shown with it
    page.reveal.setChecked(True)
    assert "near Croydon" in page.drawing_near.text()
    assert page.select_finding("f-home")  # a place without points: no drawing
    assert not page.drawing_box.isVisible()


def test_in_a_welfare_session_the_drawing_waits_for_show(qtbot, engine: HeldEngine,
                                                          x_export: tuple[Path, str]) -> None:  # type: ignore[no-untyped-def]
    page = findings_page(qtbot, engine, drawing_report(*x_export), welfare=True)
    assert page.select_finding("f-photo")
    assert not page.drawing_box.isVisible() and page.svg == ""
    page.reveal.click()
    qtbot.waitUntil(page.drawing_box.isVisible, timeout=TIMEOUT)
    assert page.svg.count("<circle") == len(POINTS) + 1



def test_profiles_alone_can_be_scanned(qtbot, httpserver: HTTPServer, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    url = serve_linkedin(httpserver)
    window = open_window(qtbot, RealEngine())
    page = window.stranger
    monkeypatch.setattr(page, "confirm", lambda _lines: True)
    page.targets_edit.setPlainText(url)
    with qtbot.waitSignal(page.checked, timeout=TIMEOUT):
        page.check()
    assert page.scan_button.isEnabled()  # no exports added: what the profile shows is enough to scan
    with qtbot.waitSignal(window.report_ready, timeout=TIMEOUT):
        page.scan_button.click()
    report = window.session.report
    assert report is not None and [i.platform for i in report.inputs] == [Platform.WEB]
    assert report.findings and all(f.platform is Platform.WEB for f in report.findings)
