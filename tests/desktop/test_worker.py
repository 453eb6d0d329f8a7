"""The one background-task pattern: results, failures and progress reach the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread

from checks.errors import OffdutyError
from checks.progress import Cancelled
from desktop.worker import TaskContext, TaskRunner


def test_result_and_progress_arrive_on_the_gui_thread(qtbot) -> None:
    runner = TaskRunner()
    worker_threads: list[int] = []
    seen: list[tuple[str, bool]] = []

    def work(ctx: TaskContext) -> int:
        worker_threads.append(threading.get_ident())
        for i in range(3):
            ctx.report(i)
        return 42

    task = runner.start("t", work)
    gui = QThread.currentThread()
    task.progress.connect(lambda v: seen.append(("progress", QThread.currentThread() is gui)))
    task.finished.connect(lambda v: seen.append((f"finished {v}", QThread.currentThread() is gui)))
    with qtbot.waitSignal(task.done, timeout=10_000):
        pass
    assert worker_threads and worker_threads[0] != threading.get_ident()
    assert seen == [("progress", True)] * 3 + [("finished 42", True)]
    assert not runner.busy


def test_failures_are_plain_messages(qtbot, caplog) -> None:
    runner = TaskRunner()

    def plain(_ctx: TaskContext) -> None:
        raise OffdutyError("That file is not an export.")

    def bug(_ctx: TaskContext) -> None:
        raise KeyError("secret evidence text")

    messages: list[str] = []
    for fn in (plain, bug):
        task = runner.start("t", fn)
        task.failed.connect(messages.append)
        with qtbot.waitSignal(task.done, timeout=10_000):
            pass
    assert messages[0] == "That file is not an export."
    assert "KeyError" in messages[1] and "secret" not in messages[1]
    assert "secret" not in caplog.text  # never logged either


def test_cancel_sets_the_token_the_function_sees(qtbot) -> None:
    runner = TaskRunner()
    started = threading.Event()

    def work(ctx: TaskContext) -> None:
        started.set()
        while True:
            ctx.cancel.raise_if_cancelled()
            threading.Event().wait(0.001)

    task = runner.start("t", work)
    qtbot.waitUntil(started.is_set, timeout=10_000)
    with qtbot.waitSignal(task.cancelled, timeout=10_000):
        task.cancel()
    assert task.token.cancelled
    assert isinstance(Cancelled(), Exception)


def test_emitting_does_not_wear_down_true(qapp) -> None:
    """PySide6 6.12.0's emit() takes a reference from True each time; desktop.qtcompat.emit
    gives it back (without it, a long session aborts at exit)."""
    import sys

    from PySide6.QtCore import QObject, Signal

    from desktop.qtcompat import emit

    class Probe(QObject):
        ping = Signal(str, bool)

    probe = Probe()
    seen: list[bool] = []
    probe.ping.connect(lambda _s, flag: seen.append(flag))
    before = sys.getrefcount(True)
    for _ in range(200):
        emit(probe.ping, "x", True)
    seen.clear()
    assert sys.getrefcount(True) >= before
