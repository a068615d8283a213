"""The project's first acceptance test: the two seed reports, served as feeds and polled, form one
story of two outlets with the expected figures, flags and no false figures."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import cast

from tests.conftest import shared, write_config
from tests.feedserver import FeedServer, Reply
from tui.core.store import Store
from tui.core.stories import BackgroundDesk
from tui.core.summaries import story_summaries


def test_seed_pair_is_one_story_with_its_figures_and_discrepancies(server: FeedServer, tmp_path: Path) -> None:
    seeds = shared("fixtures", "seeds")
    server.routes["/presstv"] = Reply(body=(seeds / "presstv.rss.xml").read_bytes())
    server.routes["/second"] = Reply(body=(seeds / "second-outlet.rss.xml").read_bytes())
    config = write_config(tmp_path / "feeds.toml", [("Press TV", server.url("/presstv")),
                                                     ("Second Outlet", server.url("/second"))])
    base = [sys.executable, "-m", "tui", "--config", str(config), "--db", str(tmp_path / "w.db")]
    polled = subprocess.run([*base, "poll", "--once"], capture_output=True, text=True, timeout=60)
    assert polled.returncode == 0, polled.stderr
    listed = subprocess.run([*base, "clusters", "--json"], capture_output=True, text=True, timeout=60)
    clusters = json.loads(listed.stdout)["clusters"]
    assert len(clusters) == 1
    plain = subprocess.run([*base, "clusters"], capture_output=True, text=True, timeout=60).stdout
    # the first listing stored the reports' figures (see figure_store); a later one reads them back alike
    with Store(tmp_path / "w.db") as store:
        assert store.conn.execute("SELECT count(*) FROM article_figures").fetchone()[0] == 2
    assert subprocess.run([*base, "clusters", "--json"], capture_output=True, text=True, timeout=60).stdout \
        == listed.stdout
    assert plain.startswith(f"#{clusters[0]['id']:<6}  2 outlets   2 reports  ") and "⚠ description: " in plain, plain
    story = clusters[0]
    assert {a["feed"] for a in story["articles"]} == {"Press TV", "Second Outlet"}
    figures = story["figures"]

    def stated(value: float, key: str) -> list[dict[str, object]]:
        return [f for f in figures if f["value"] == value and f["key"] == key]

    troops_230k = stated(230000, "troops")
    assert len(troops_230k) == 1 and set(troops_230k[0]["feeds"]) == {"Press TV", "Second Outlet"}  # type: ignore[arg-type]
    # who stated it and when: each outlet's first report of it, as the timeline dates them
    when = {e["feed"]: e["published"] for e in story["timeline"]}
    stated_by = cast(list[dict[str, str]], troops_230k[0]["stated"])
    assert [(s["feed"], s["published"]) for s in stated_by] == \
        [("Press TV", when["Press TV"]), ("Second Outlet", when["Second Outlet"])]
    assert {f["counts"] for f in figures if f["value"] == 230000} >= {"forces"} or "security forces" in str(figures)
    by_20k = {f["key"]: f for f in figures if f["value"] == 20000}
    assert set(by_20k) == {"troops", "reservists"}
    assert by_20k["troops"]["feeds"] == ["Press TV"] and by_20k["reservists"]["feeds"] == ["Second Outlet"]
    assert all(f["flags"] for f in by_20k.values())
    borders = stated(90, "percent of borders")
    assert len(borders) == 1 and set(borders[0]["feeds"]) == {"Press TV", "Second Outlet"}  # type: ignore[arg-type]
    refugees = stated(100000, "refugees")
    assert len(refugees) == 1 and refugees[0]["feeds"] == ["Press TV"]
    assert stated(20, "kilometers")
    drills = [f for f in figures if f["key"] == "date" and "August 5 to 10" in str(f["text"])]
    assert drills and drills[0]["feeds"] == ["Press TV"]
    kinds = {(d["kind"], d["detail"]) for d in story["discrepancies"]}
    assert any(k == "description" and "troops" in d and "reservists" in d for k, d in kinds)
    assert any(k == "timing" and "next month" in d and "next week" in d for k, d in kinds)
    # Nothing made of the 201st base, H.R. 1, the 2019 caption date or the boilerplate lines.
    texts = " | ".join(str(f["text"]) for f in figures)
    assert all(f["value"] not in (201, 1, 2019, 2021, 5, 8, 22) for f in figures), texts
    assert "stocks" not in texts and "alternate" not in texts
    assert story["timeline"][0]["feed"] == "Press TV" and story["timeline"][0]["added"] == "first report"
    assert story["timeline"][1]["lag_seconds"] == 9900
    assert story["independent_reports"] == 2
    assert story["outlet_lag_seconds"] == {"Press TV": 0, "Second Outlet": 9900}


def test_background_desk_stores_discrepancy_counts(server: FeedServer, tmp_path: Path) -> None:
    """The dashboard's clustering process counts each touched story's discrepancies and stores them,
    so the story list can mark them without rebuilding stories on the UI side."""
    seeds = shared("fixtures", "seeds")
    server.routes["/presstv"] = Reply(body=(seeds / "presstv.rss.xml").read_bytes())
    server.routes["/second"] = Reply(body=(seeds / "second-outlet.rss.xml").read_bytes())
    config = write_config(tmp_path / "feeds.toml", [("Press TV", server.url("/presstv")),
                                                     ("Second Outlet", server.url("/second"))])
    db = tmp_path / "w.db"
    base = [sys.executable, "-m", "tui", "--config", str(config), "--db", str(db)]
    polled = subprocess.run([*base, "poll", "--once", "--no-cluster"], capture_output=True, text=True, timeout=60)
    assert polled.returncode == 0, polled.stderr
    with BackgroundDesk(db, interval=0.01, flag_discrepancies=True) as desk:
        desk.start()
    assert desk.error == "" and desk.articles == 2 and len(desk.touched) == 1
    with Store(db) as store:
        rows = store.conn.execute("SELECT id, discrepancies, key_figures FROM clusters WHERE merged_into IS NULL"
                                  ).fetchall()
        summaries = story_summaries(store)
    assert len(rows) == 1 and rows[0][1] >= 2  # troops vs reservists, next month vs next week
    assert summaries[0].discrepancies == rows[0][1]
    latest = json.loads(rows[0][2])
    assert latest.get("refugees") == 100000 and summaries[0].key_figures == rows[0][2]
