"""Run a command and measure its wall time, the CPU time and the peak resident memory of its whole process tree."""

from __future__ import annotations

import os
import resource
import subprocess
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    """One measured command."""

    seconds: float
    peak_mb: float
    returncode: int
    cpu_seconds: float = 0.0  # user + system time of the command and every process it waited for


PAGE = os.sysconf("SC_PAGE_SIZE")
# The sampler shares the measured program's 2 cores: every 20 ms it took 0.15 CPU s per 5 s of a
# 5-process tree (3% of a core, taken from whichever tool is busiest); every 50 ms, 0.06.
SAMPLE_EVERY = 0.05


def _tree_rss(root: int) -> int:
    """Sum of RSS (bytes) of `root` and all its descendants (walks /proc/PID/task/*/children only,
    so sampling stays cheap and does not steal the measured program's CPU)."""
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
            for task in Path(f"/proc/{pid}/task").iterdir():
                stack.extend(int(c) for c in (task / "children").read_text().split())
        except (OSError, ValueError, IndexError):
            continue
    return total


def measure(cmd: list[str], env: dict[str, str] | None = None, cwd: str | None = None) -> Run:
    """Run `cmd` to completion, sampling its process tree's memory every SAMPLE_EVERY s. Its CPU time is
    what the kernel accounts to this process's children while it runs (only the command runs as one)."""
    peak = 0
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, cwd=cwd)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(SAMPLE_EVERY)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - started
    done.set()
    sampler.join()
    if proc.returncode != 0:
        print(f"  ! {cmd[0]} exited {proc.returncode}: {err.decode(errors='replace')[-500:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return Run(seconds, peak / 1e6, proc.returncode, cpu)
