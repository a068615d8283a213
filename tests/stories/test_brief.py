"""The Markdown brief of a story: who stated each figure and when, the timeline's lags, safe cells."""

from __future__ import annotations

import re

from tui.core.brief import brief_markdown
from tui.core.facts import Report, story_facts
from tui.core.storyview import StoryArticle, StoryDetail
from tui.core.timeline import build_timeline

NINE_FIFTEEN = 1_626_945_300.0  # 2021-07-22T09:15Z


def test_brief_names_each_figures_outlets_with_times_and_lags_in_hours() -> None:
    reports = [Report("a", "Press TV", "Russia sends 230,000 troops to drills | Press TV", "", NINE_FIFTEEN),
               Report("b", "Second Outlet", "Drills draw 230,000 troops", "", NINE_FIFTEEN + 9900)]
    articles = tuple(StoryArticle(r.id, r.feed, r.title, f"https://example.org/{r.id}", r.published, "", "", None)
                     for r in reports)
    figures, discrepancies = story_facts(reports)
    detail = StoryDetail(1, reports[0].title, ("drills",), articles, tuple(figures), tuple(discrepancies),
                         build_timeline(reports))
    brief = brief_markdown(detail)
    row = next(line for line in brief.splitlines() if line.startswith("| 230,000 troops |"))
    assert "Press TV (2021-07-22 09:15 UTC), Second Outlet (2021-07-22 12:00 UTC)" in row, row
    timeline = brief[brief.index("## Timeline"):]
    assert "| first |" in timeline and "| +2h45m |" in timeline, timeline
    assert "with their lag: Press TV first, Second Outlet +2h45m" in brief
    assert "drills \\| Press TV" in brief  # a headline's "|" is escaped, not a new cell


def test_feed_text_in_a_brief_is_never_markdown_or_html_and_only_web_links_are_links() -> None:
    """A headline's '[x](javascript:…)', '<img onerror=…>' or '*…*' was written into the brief as is,
    and a report's javascript: link became a link."""
    hostile = "Flood [click](javascript:alert(1)) <img src=x onerror=alert(1)> *kills* `12`"
    reports = [Report("a", "Outlet [A]", hostile, "", NINE_FIFTEEN),
               Report("b", "Outlet B", "Flood kills 12 (update)", "", NINE_FIFTEEN + 60)]
    links = {"a": "javascript:alert(1)", "b": "https://example.org/news/flood (update)"}
    articles = tuple(StoryArticle(r.id, r.feed, r.title, links[r.id], r.published, "", "", None) for r in reports)
    figures, discrepancies = story_facts(reports)
    detail = StoryDetail(1, hostile, ("flood",), articles, tuple(figures), tuple(discrepancies),
                         build_timeline(reports))
    brief = brief_markdown(detail)
    unescaped = re.compile(r"(?<!\\)(?:<img|\]\(javascript|\[click|\*kills)")
    assert not unescaped.search(brief), brief
    assert "\\[click\\](javascript:alert(1)) \\<img src=x onerror=alert(1)\\> \\*kills\\* \\`12\\`" in brief
    assert "- Flood \\[click\\]" in brief  # the javascript: report is listed, not linked
    assert "- [Flood kills 12 (update)](https://example.org/news/flood%20%28update%29) (Outlet B)" in brief
    assert "Outlet \\[A\\]" in brief
