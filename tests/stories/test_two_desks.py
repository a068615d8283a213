"""Two desks on one database (the dashboard's and `wirewatch poll`'s, in two processes): the stories are
those one desk would have made, however their runs interleave."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import shared
from tui.core.models import Article, FeedConfig
from tui.core.store import HealthUpdate, Store
from tui.core.stories import StoryDesk

OK = HealthUpdate(last_attempt=1, status=200, next_due=2, success=True)
START = 1_632_000_000.0


def reports() -> list[Article]:
    """300 Google News reports in three polls; the second poll's items are dated before the first's
    (late arrivals), so that clustering the first two polls at once takes them in another order."""
    lines = shared("datasets", "googlenews-dev.jsonl").read_text(encoding="utf-8").splitlines()[:300]
    out = []
    for i, row in enumerate(map(json.loads, lines)):
        when = START + i * 60 - (100_000 if 100 <= i < 200 else 0)
        out.append(Article(id=f"a{i}", feed="f", title=row["title"], link=f"http://x/{i}", author="",
                           published=when, summary=row.get("summary", ""), content=""))
    return out


def assignments(store: Store) -> dict[str, int]:
    return dict(store.conn.execute("SELECT article_id, cluster_id FROM article_clusters").fetchall())


def one_desk(db: Path, polls: list[list[Article]]) -> dict[str, int]:
    """The stories one desk makes, clustering after each poll: what two desks must leave too."""
    with Store(db) as store:
        store.sync_feeds([FeedConfig(name="f", url="http://x")])
        for poll in polls:
            store.record_poll("f", OK, poll)
            StoryDesk(store).run()
        return assignments(store)


def test_two_desks_on_one_database_leave_the_stories_one_desk_makes(tmp_path: Path) -> None:
    polls = [reports()[:100], reports()[100:200], reports()[200:]]
    expected = one_desk(tmp_path / "one.db", polls)
    db = tmp_path / "two.db"
    with Store(db) as first_store, Store(db) as second_store:
        first_store.sync_feeds([FeedConfig(name="f", url="http://x")])
        first, second = StoryDesk(first_store), StoryDesk(second_store)
        _ = second.engine  # the second desk has loaded the (empty) saved engine before the first saves
        first_store.record_poll("f", OK, polls[0])
        assert first.run().articles == 100
        first_store.record_poll("f", OK, polls[1])
        assert second.run().articles == 100  # the first poll's 100 were the first desk's
        first_store.record_poll("f", OK, polls[2])
        assert first.run().articles == 100  # the second poll's were the second desk's
        assert assignments(first_store) == expected
        saved = first_store.conn.execute("SELECT clustered_upto FROM engine_state").fetchone()[0]
        assert saved == first_store.conn.execute("SELECT max(seq) FROM articles").fetchone()[0]


def test_a_desk_made_before_another_saved_goes_on_from_the_saved_engine(tmp_path: Path) -> None:
    """The dashboard makes its desk at start; if `wirewatch poll` saves before that desk first loads
    the engine, the desk must not cluster again what the saved engine already holds."""
    polls = [reports()[:100], reports()[100:200]]
    expected = one_desk(tmp_path / "one.db", polls)
    db = tmp_path / "two.db"
    with Store(db) as first_store, Store(db) as second_store:
        first_store.sync_feeds([FeedConfig(name="f", url="http://x")])
        late = StoryDesk(second_store)  # made first, its engine not loaded yet
        first_store.record_poll("f", OK, polls[0])
        assert StoryDesk(first_store).run().articles == 100
        assert late.run().articles == 0  # nothing left: the saved engine holds all 100
        first_store.record_poll("f", OK, polls[1])
        assert late.run().articles == 100
        assert assignments(first_store) == expected
