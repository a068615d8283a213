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


def test_a_call_to_action_ends_the_text_that_is_read() -> None:
    news = "John Tame was lost and injured in Kahurangi National Park after a bad fall."
    action = " Subscribe to 1News: http://bit.ly/1NewsSubscribe | Join the Sunday team. WATCH SUNDAY 7.30PM"
    assert document_features("Rescue in the bush", news + action) == document_features("Rescue in the bush", news)
    episode = "Here's the full episode. For more TeleRadyo videos, click the links below: COVID-19, click"
    assert "covid" not in document_features("Sakto", episode)[0]


def test_function_words_of_other_languages_are_no_terms() -> None:
    terms = document_features("P6 milyong halaga ng marijuana nasabat sa Taguig", "")[0]
    assert "ng" not in terms and "sa" not in terms and "marijuana" in terms
    assert "на" not in document_features("Выборы в Госдуму на этой неделе", "")[0]
    # written in capitals they are names: South Australia, Northern Ireland
    assert {"e:sa", "e:ni"} <= document_features("SA and NI record new cases", "")[1].keys()
