"""The one background-task pattern of the window: run engine calls off the GUI thread.

Every slow call (recognising exports, scanning, saving, opening, writing files, reading a photo)
goes through `TaskRunner.start(fn)`. The function runs on a pool thread with a `TaskContext`
(a cancel token and a progress reporter); the returned `Task` emits `progress`, `finished`,
`failed` or `cancelled`, then `done`, on the GUI thread. Workers never touch widgets.

The worker thread never holds a Qt object whose life it could end: it reports through one relay
object that lives for the whole process, and the GUI thread hands each report to its Task.
"""

from __future__ import annotations

import itertools
import logging
import os
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Signal, Slot

from checks.errors import OffdutyError
from checks.progress import Cancelled, CancelToken
from desktop.qtcompat import emit

log = logging.getLogger(__name__)


class Task(QObject):
    """One background call, as the GUI thread sees it.

    Signals:
        progress(object): a progress value from the task function.
        finished(object): the function's result.
        failed(str): a plain-language message (never a traceback, never evidence).
        cancelled(object): the person cancelled; carries any partial result (or None).
        done(): emitted last, whatever the outcome.
    """

    progress = Signal(object)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal(object)
    done = Signal()

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.token = CancelToken()
        self.running = True

    def cancel(self) -> None:
        """Ask the task to stop; the engine checks the token between records."""
        self.token.cancel()

    def _deliver(self, kind: str, value: object) -> None:
        if kind == "progress":
            emit(self.progress, value)
            return
        self.running = False  # the outcome is known; receivers may start the next task
        if kind == "finished":
            emit(self.finished, value)
        elif kind == "failed":
            emit(self.failed, str(value))
        elif kind == "cancelled":
            emit(self.cancelled, value)
        elif kind == "done":
            emit(self.done)


class _Relay(QObject):
    """Carries reports from worker threads to the GUI thread (queued), to the task they are for."""

    posted = Signal(int, str, object)

    def __init__(self) -> None:
        super().__init__()
        self.tasks: dict[int, Task] = {}
        self.posted.connect(self._on_posted)

    @Slot(int, str, object)
    def _on_posted(self, key: int, kind: str, value: object) -> None:
        task = self.tasks.get(key)
        if task is None:
            return
        if kind == "done":
            del self.tasks[key]  # released here, on the GUI thread
        task._deliver(kind, value)


_relay: _Relay | None = None
_keys = itertools.count(1)


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
        app = QCoreApplication.instance()
        if app is not None:
            _relay.moveToThread(app.thread())
    return _relay


class TaskContext:
    """What a task function receives: the cancel token and a way to report progress."""

    def __init__(self, key: int, token: CancelToken, relay: _Relay) -> None:
        self._key, self._relay = key, relay
        self.cancel = token

    def report(self, value: object) -> None:
        """Send a progress value (any object, e.g. `checks.progress.Progress`) to the GUI thread."""
        emit(self._relay.posted, self._key, "progress", value)


class _Runnable(QRunnable):
    def __init__(self, name: str, key: int, fn: Callable[[TaskContext], Any], token: CancelToken,
                 relay: _Relay) -> None:
        super().__init__()
        self.name, self.key, self.fn, self.token, self.relay = name, key, fn, token, relay
        self.setAutoDelete(True)

    def run(self) -> None:
        def post(kind: str, value: object = None) -> None:
            emit(self.relay.posted, self.key, kind, value)

        try:
            result = self.fn(TaskContext(self.key, self.token, self.relay))
        except Cancelled:
            post("cancelled")
        except OffdutyError as exc:
            post("failed", str(exc))
        except MemoryError:
            post("failed", QCoreApplication.translate(
                "worker", "The computer ran out of memory. Close other programs and try again."))
        except OSError as exc:
            post("failed", QCoreApplication.translate("worker", "The file could not be used: %1.").replace(
                "%1", exc.strerror or type(exc).__name__))
        except Exception as exc:  # a bug must not take the window down
            # The type only: an exception's text or traceback can carry evidence (HACKING.md).
            log.error("task %s failed: %s", self.name, type(exc).__name__,
                      exc_info=os.environ.get("OFFDUTY_DEBUG") == "1")
            post("failed", QCoreApplication.translate(
                "worker", "Something went wrong (%1). Nothing was lost; please try again.").replace(
                "%1", type(exc).__name__))
        else:
            if self.token.cancelled or getattr(result, "cancelled", False):
                post("cancelled", result)
            else:
                post("finished", result)
        finally:
            self.fn = None  # type: ignore[assignment]
            post("done")


class TaskRunner(QObject):
    """Starts tasks on its own thread pool and keeps them alive until they are done."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._mine: set[Task] = set()

    def start(self, name: str, fn: Callable[[TaskContext], Any], *,
              on_progress: Callable[[object], None] | None = None,
              on_finished: Callable[[object], None] | None = None,
              on_failed: Callable[[str], None] | None = None,
              on_cancelled: Callable[[object], None] | None = None,
              on_done: Callable[[], None] | None = None) -> Task:
        """Run `fn` on the pool; the `on_*` callbacks are connected to the task's signals first."""
        relay = _the_relay()
        key = next(_keys)
        task = Task(name)
        relay.tasks[key] = task
        self._mine.add(task)
        task.done.connect(lambda t=task: self._mine.discard(t))
        for signal, slot in ((task.progress, on_progress), (task.finished, on_finished), (task.failed, on_failed),
                             (task.cancelled, on_cancelled), (task.done, on_done)):
            if slot is not None:
                signal.connect(slot)
        self.pool.start(_Runnable(name, key, fn, task.token, relay))
        return task

    @property
    def busy(self) -> bool:
        return any(t.running for t in self._mine)

    def cancel_all(self) -> None:
        for task in list(self._mine):
            task.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Wait for running tasks (on quit). Returns False on timeout."""
        return bool(self.pool.waitForDone(msecs))
