"""The scripts' contracts: `wirewatch cluster`, `wirewatch figures` and errors on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.stories.cases import RIVER_EDGE, RIVER_FLOOD


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, timeout=60)


def test_cluster_contract(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    rows = [
        {"id": "a", "title": "Volcano erupts on La Palma", "text": "Lava flows on La Palma in the Canary Islands.",
         "published": "2021-09-19T15:00:00Z", "source": "X", "extra": 1},
        {"id": "b", "title": "La Palma volcano eruption forces evacuations", "summary": "Lava on La Palma.",
         "published": "2021-09-19T16:00:00+00:00"},
        {"id": "c", "title": "Russia holds Duma election", "text": "Voters in Russia elect the State Duma."},
    ]
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    out = tmp_path / "out.jsonl"
    assert run("cluster", "--input", str(src), "--output", str(out)).returncode == 0
    result = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["id"] for r in result] == ["a", "b", "c"]
    assert result[0]["cluster"] == result[1]["cluster"] != result[2]["cluster"]


def test_figures_contract(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "x", "title": "Quake kills at least 5, injures 176K?",
                               "text": "Officials pledged $14bn. Talks next week.",
                               "published": "2021-07-28T14:20:00Z"}) + "\n")
    out = tmp_path / "out.jsonl"
    assert run("figures", "--input", str(src), "--output", str(out)).returncode == 0
    (line,) = [json.loads(x) for x in out.read_text().splitlines()]
    assert line["id"] == "x"
    got = {(f["value"], f["counts"]) for f in line["figures"]}
    assert (14_000_000_000, "dollars") in got and (None, "date") in got
    assert all({"text", "value", "counts"} <= f.keys() for f in line["figures"])


def test_bad_input_names_file_and_line(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "title": "ok"}\nnot json\n')
    result = run("cluster", "--input", str(src), "--output", str(tmp_path / "o.jsonl"))
    assert result.returncode == 2 and f"{src}:2: not JSON" in result.stderr
    src.write_text('{"id": "a", "title": "ok", "published": "yesterday"}\n')
    result = run("figures", "--input", str(src), "--output", str(tmp_path / "o.jsonl"))
    assert result.returncode == 2 and f"{src}:1: 'published' is not ISO 8601" in result.stderr
    src.write_text('{"id": "a", "title": "ok"}\n' + "[" * 100_000 + "]" * 100_000 + "\n")  # ended in a traceback
    for command in ("cluster", "figures"):
        result = run(command, "--input", str(src), "--output", str(tmp_path / "o.jsonl"))
        assert result.returncode == 2
        assert result.stderr == f"wirewatch: {src}:2: JSON nested too deep to be an article\n"


@pytest.mark.parametrize("value", ["null", "true", '["h"]', '{"a": 1}'])
def test_an_id_that_is_no_string_or_number_is_named(tmp_path: Path, value: str) -> None:
    """A null, boolean, list or object id was taken as its text ("None", "['h']") and written back as given."""
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "title": "ok"}\n{"id": ' + value + ', "title": "5 dead"}\n')
    for command in ("cluster", "figures"):
        result = run(command, "--input", str(src), "--output", str(tmp_path / "o.jsonl"))
        assert result.returncode == 2, command
        assert f"{src}:2: 'id' must be a string or a number, not {value}" in result.stderr


def test_published_as_rss_writes_it_or_as_unix_seconds_reads_as_the_same_time(tmp_path: Path) -> None:
    """ISO 8601 is the contract; RFC 2822 (an RSS pubDate copied as it is) and Unix seconds used to stop
    the run. "next week" is placed from the publication date, so each form must give the same figures."""
    forms = ["2021-07-28T14:20:00Z", "Wed, 28 Jul 2021 17:20:00 +0300", 1627482000]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": i, "title": "Talks on 5,000 troops next week", "published": when}) + "\n"
                           for i, when in enumerate(forms)))
    out = tmp_path / "out.jsonl"
    assert run("figures", "--input", str(src), "--output", str(out)).returncode == 0
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert [line["id"] for line in lines] == [0, 1, 2]
    assert {(f["counts"], f.get("start")) for f in lines[0]["figures"]} == {("troops", None), ("date", "2021-08-02")}
    assert lines[1]["figures"] == lines[0]["figures"] == lines[2]["figures"]
    for bad in ('"last Tuesday"', "1e20", "true", "[2021]"):
        src.write_text('{"id": "a", "title": "ok", "published": ' + bad + "}\n")
        result = run("cluster", "--input", str(src), "--output", str(out))
        assert result.returncode == 2 and f"{src}:1: 'published' is not ISO 8601" in result.stderr, bad


def test_bad_input_leaves_an_existing_output_as_it_was(tmp_path: Path) -> None:
    """A script rerunning `figures` or `cluster` on a file with a bad line keeps its last good output
    (figures used to write the lines before the bad one over it)."""
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "title": "5 dead"}\nnot json\n')
    for command in ("figures", "cluster"):
        out = tmp_path / f"{command}.jsonl"
        out.write_text("previous run\n")
        result = run(command, "--input", str(src), "--output", str(out))
        assert result.returncode == 2 and out.read_text() == "previous run\n"


def test_a_line_that_is_not_utf8_is_named_and_ids_come_back_as_given(tmp_path: Path) -> None:
    """Bytes that are not UTF-8 used to end in a traceback; a number id used to come back as a string."""
    src = tmp_path / "in.jsonl"
    src.write_bytes(b'{"id": "a", "title": "ok"}\n{"id": "b", "title": "\xff\xfe"}\n')
    for command in ("cluster", "figures"):
        result = run(command, "--input", str(src), "--output", str(tmp_path / "o.jsonl"))
        assert result.returncode == 2 and f"{src}:2: not UTF-8" in result.stderr and "Traceback" not in result.stderr
    src.write_bytes(b'\xef\xbb\xbf{"id": 5, "title": "5 dead"}\n')  # a byte-order mark is no error
    for command in ("cluster", "figures"):
        out = tmp_path / f"{command}.jsonl"
        assert run(command, "--input", str(src), "--output", str(out)).returncode == 0
        assert json.loads(out.read_text())["id"] == 5


def test_cluster_gives_small_stories_their_second_look_when_the_input_ends(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    rows = [{"id": i, "title": title, "summary": text} for i, (title, text) in enumerate([*RIVER_FLOOD, RIVER_EDGE])]
    src.write_text("".join(json.dumps(r) + "\n" for r in rows))
    out = tmp_path / "out.jsonl"
    assert run("cluster", "--input", str(src), "--output", str(out)).returncode == 0
    assert len({json.loads(line)["cluster"] for line in out.read_text().splitlines()}) == 1
