"""The engine's counted vocabulary stays bounded over a long run: rare terms are forgotten."""

from __future__ import annotations

from collections import Counter

import pytest

from tui.core import cluster, idf
from tui.core.cluster import StoryEngine
from tui.core.idf import DocumentFrequencies


def test_rare_terms_are_forgotten_down_to_half_the_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(idf, "MAX_TERMS", 10)
    frequencies = DocumentFrequencies()
    frequencies.df = Counter({f"once{i}": 1 for i in range(6)} | {f"twice{i}": 2 for i in range(4)}
                             | {"often": 9, "always": 20})
    frequencies.docs = 20
    vector = frequencies.vector({"often": 1.0, "new": 2.0}, 80)
    assert set(frequencies.df) == {"often", "always", "new"}  # seen once, then twice: forgotten
    assert frequencies.df["often"] == 10 and frequencies.df["new"] == 1
    assert vector["new"] > vector["often"] > 0  # a forgotten or new term weighs as a rare one


def test_a_long_run_of_new_words_keeps_the_vocabulary_and_headline_words_bounded(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(idf, "MAX_TERMS", 400)
    monkeypatch.setattr(cluster, "MAX_TERMS", 400)
    engine = StoryEngine()
    for i in range(600):
        engine.add(f"a{i}", f"Zorb{i}a meets Quil{i}b in Vakhsh", f"Talks on {i * 7919} tonnes of cargo.", 60.0 * i)
    assert len(engine.text_idf.df) <= 400 and len(engine.spec_idf.df) <= 400 and len(engine.surface) <= 401
    assert engine.text_idf.df["vakhsh"] > 300  # what every report says is kept
