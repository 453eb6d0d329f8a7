"""The one background-task pattern of the window: run engine calls off the GUI thread.

Every slow call (recognising exports, scanning, saving, opening, printing to a file) goes
through `TaskRunner.start(fn)`. The function runs on a pool thread with a `TaskContext`
(a cancel token and a progress reporter); the returned `Task` emits `progress`, `finished`,
`failed` or `cancelled` back on the GUI thread. Workers never touch widgets.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from checks.errors import OffdutyError
from checks.progress import Cancelled, CancelToken
from desktop.qtcompat import emit

log = logging.getLogger(__name__)


class TaskContext:
    """What a task function receives: the cancel token and a way to report progress."""

    def __init__(self, task: Task) -> None:
        self._task = task
        self.cancel = task.token

    def report(self, value: object) -> None:
        """Send a progress value (any object, e.g. `checks.progress.Progress`) to the GUI thread."""
        emit(self._task._post, "progress", value)


class Task(QObject):
    """One background call.

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
    # The worker thread only ever emits this; it is queued to the task's own (GUI) thread, where
    # `_deliver` emits the public signals, so every receiver runs on the GUI thread.
    _post = Signal(str, object)

    def __init__(self, name: str, fn: Callable[[TaskContext], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.fn = fn
        self.token = CancelToken()
        self.running = True
        self._post.connect(self._deliver)

    @Slot(str, object)
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

    def cancel(self) -> None:
        """Ask the task to stop; the engine checks the token between records."""
        self.token.cancel()

    def _run(self) -> None:
        ctx = TaskContext(self)
        post = self._post.emit
        try:
            result = self.fn(ctx)
        except Cancelled:
            post("cancelled", None)
        except OffdutyError as exc:
            post("failed", str(exc))
        except MemoryError:
            post("failed", "The computer ran out of memory. Close other programs and try again.")
        except OSError as exc:
            post("failed", f"The file could not be used: {exc.strerror or type(exc).__name__}.")
        except Exception as exc:  # a bug must not take the window down
            log.exception("task %s failed", self.name)
            post("failed", f"Something went wrong ({type(exc).__name__}). Nothing was lost; please try again.")
        else:
            if self.token.cancelled or getattr(result, "cancelled", False):
                post("cancelled", result)
            else:
                post("finished", result)
        finally:
            post("done", None)


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        self.task._run()


class TaskRunner(QObject):
    """Starts tasks on its own thread pool and keeps them alive until they are done."""

    def __init__(self, parent: QObject | None = None, max_threads: int = 2) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._tasks: set[Task] = set()

    def start(self, name: str, fn: Callable[[TaskContext], Any]) -> Task:
        task = Task(name, fn)
        task.moveToThread(self.thread())
        self._tasks.add(task)
        task.done.connect(lambda t=task: self._tasks.discard(t))
        self.pool.start(_Runnable(task))
        return task

    @property
    def busy(self) -> bool:
        return any(t.running for t in self._tasks)

    def cancel_all(self) -> None:
        for task in list(self._tasks):
            task.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Wait for running tasks (on quit). Returns False on timeout."""
        return bool(self.pool.waitForDone(msecs))
