"""Failed workers are reported, never fatal: the dashboard stays up and nothing stored is touched."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.worker import Worker, WorkerState

if TYPE_CHECKING:
    from textual.app import App

    Base = App[None]
else:
    Base = object

WORK_NAMES = {"load": "Loading the stories", "poll": "Polling", "detail": "Showing the story",
              "detail-layout": "Laying out the story", "detail-ahead": "Preparing the next stories",
              "seen": "Recording what was read", "search": "Searching"}


class WorkerErrors(Base):
    """The app's handling of a worker that raised (workers run with exit_on_error=False).

    The app provides `status_line`, `poll_failed` and `_render_status`; a failed poll loop is
    started again by the poll-now key.
    """

    status_line: str
    poll_failed: bool

    def _render_status(self) -> None:
        raise NotImplementedError

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Tell the user what failed and why; a stopped poll loop shows in the status bar."""
        if event.state != WorkerState.ERROR:
            return
        worker = event.worker
        error = worker.error
        if worker.group == "poll":
            self.poll_failed = True
            self.status_line = "polling stopped on an error; R polls again"
            self._render_status()
        self.notify(f"{WORK_NAMES.get(worker.group, 'A background task')} failed: {type(error).__name__}: {error}",
                    title="Error", severity="error", markup=False, timeout=10)
