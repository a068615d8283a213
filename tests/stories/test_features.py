"""Clustering features: what counts as a name, a number, a year or a date."""

from __future__ import annotations

from tui.core.features import document_features


def specifics(title: str, text: str = "") -> dict[str, float]:
    return document_features(title, text)[1]


def test_a_calendar_date_is_one_fact_not_a_name_a_number_and_a_year() -> None:
    for title in ("Best of cartoons, September 19, 2021", "TeleRadyo Balita (19 September 2021)",
                  "Talks resume on Sept. 19th, 2021"):
        spec = specifics(title)
        assert spec.get("d:09-19") == 3.0, (title, spec)
        assert not [k for k in spec if k.startswith(("n:", "y:")) or k == "e:september"], (title, spec)


def test_numbers_with_thousands_separators_are_not_years() -> None:
    spec = specifics("In 2021 the army sent 2,000 troops")
    assert spec["y:2021"] == 3.0 and spec["n:2000"] == 1.5 and "y:2000" not in spec


def test_a_megabyte_title_is_read_as_far_as_a_lead() -> None:
    """An odd input's huge "title" (one of 4.5 MB took 1.7 s to cluster) counts its first 150 words."""
    words = [f"word{i}" for i in range(10_000)]
    assert document_features(" ".join(words), "") == document_features(" ".join(words[:150]), "")
