"""Whether the terminal the dashboard runs on still exists.

When a terminal window (or tmux server) goes away while a parent such as `make` holds on to the hangup
signal, the app keeps running on a hung-up tty: reads return nothing at once and the input thread spins
on a core. The dashboard checks this every second and quits instead."""

from __future__ import annotations

import sys
import termios


def stdin_is_terminal() -> bool:
    """True when standard input is a terminal (checked once, at start-up)."""
    stream = sys.__stdin__
    try:
        return stream is not None and stream.isatty()
    except (OSError, ValueError):
        return False


def terminal_gone() -> bool:
    """True when standard input, a terminal at start-up, has been hung up (its attributes can no longer
    be read: EIO)."""
    stream = sys.__stdin__
    if stream is None:
        return False
    try:
        termios.tcgetattr(stream.fileno())
    except termios.error:
        return True
    except (OSError, ValueError):
        return False
    return False
