"""A report's figures are extracted once while remembered, and a changed text is extracted afresh."""

from __future__ import annotations

import pytest

from tui.core import figure_memory
from tui.core.figures import extract


def test_figures_are_extracted_once_per_report_and_the_memory_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []

    def counting(title: str, text: str = "", published: float | None = None) -> list[object]:
        calls.append(title)
        return list(extract(title, text, published))

    monkeypatch.setattr(figure_memory, "extract", counting)
    monkeypatch.setattr(figure_memory, "MEMORY", 3)
    monkeypatch.setattr(figure_memory, "_memory", type(figure_memory._memory)())
    first = figure_memory.figures_of("Flood kills 12", "At least 40 were injured.", 1_632_045_600.0)
    assert [(f.value, f.counts) for f in first] == [(12, "dead"), (40, "injured")]
    assert figure_memory.figures_of("Flood kills 12", "At least 40 were injured.", 1_632_045_600.0) is first
    assert calls == ["Flood kills 12"]
    updated = figure_memory.figures_of("Flood kills 12", "At least 45 were injured.", 1_632_045_600.0)
    assert [f.value for f in updated] == [12, 45] and len(calls) == 2  # an updated report is read again
    for n in range(3):
        figure_memory.figures_of(f"Quake kills {n + 2}", "", None)
    assert len(figure_memory._memory) == 3  # the least recently read went first
    figure_memory.figures_of("Flood kills 12", "At least 40 were injured.", 1_632_045_600.0)
    assert len(calls) == 6
