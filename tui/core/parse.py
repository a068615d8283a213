"""Parse feed bytes (RSS and Atom with feedparser, JSON Feed with jsonfeed) into normalised Articles
(runs in worker processes)."""

from __future__ import annotations

import calendar
import hashlib
import re
import time
from collections.abc import Mapping
from typing import Any
from urllib.parse import urljoin

from tui.core.boilerplate import repeated_runs, strip_runs
from tui.core.discovery import linked_feeds
from tui.core.jsonfeed import PLAIN, NotAJsonFeed, looks_like_json, read_json_feed
from tui.core.models import Article, ParsedFeed
from tui.core.textclean import clip, html_to_text, one_line, plain_text
from tui.core.urls import canonical_link

_MIN_EPOCH = 0.0
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")  # "https:", "mailto:": a link that is not relative
_FUTURE_SLACK = 2 * 86400.0  # dates further in the future than this are treated as wrong


def _epoch(struct: Any, now: float) -> float | None:
    if not struct:
        return None
    try:
        value = float(calendar.timegm(struct))
    except (TypeError, ValueError, OverflowError):
        return None
    if value < _MIN_EPOCH or value > now + _FUTURE_SLACK:
        return None
    return value


def article_key(guid: str, link: str, title: str, date_text: str) -> str:
    """The feed-local identity of an entry: guid, else canonical link, else title+date hash."""
    if guid.strip():
        return "guid:" + guid.strip()
    canonical = canonical_link(link)
    if canonical:
        return "link:" + canonical
    digest = hashlib.sha1(f"{title}\x00{date_text}".encode()).hexdigest()
    return "hash:" + digest


def article_id(feed: str, key: str) -> str:
    """Globally unique, stable article id derived from the feed name and the entry key."""
    return hashlib.sha1(f"{feed}\x00{key}".encode()).hexdigest()[:20]


def _content_html(entry: Mapping[str, Any]) -> str:
    parts = entry.get("content") or []
    best = ""
    for part in parts:
        value = part.get("value", "") if isinstance(part, Mapping) else ""
        if len(value) > len(best):
            best = value
    return best


def _ttl_seconds(feed: Mapping[str, Any]) -> float | None:
    raw = feed.get("ttl")
    try:
        minutes = float(str(raw).strip())
    except (TypeError, ValueError):
        return None
    return minutes * 60.0 if 0 < minutes < 7 * 24 * 60 else None


# What is kept of one item's fields. A headline is a line, a text a long read; a feed can put
# megabytes in either (one 4.5 MB title took 1.7 s to cluster), and nothing real is that long.
TITLE_LIMIT = 500
TEXT_LIMIT = 100_000
LINE_LIMIT = 4_000  # link and author


def _cleaned(text: str, plain: bool, keep_paragraphs: bool = False) -> str:
    """A field's clean text: as HTML (RSS, Atom, a JSON Feed's content_html), or as the plain text it is."""
    return plain_text(text, keep_paragraphs) if plain else html_to_text(text, keep_paragraphs)


def _entry_to_article(entry: Mapping[str, Any], feed: str, language: str | None, now: float,
                      default_language: str | None, url: str = "") -> Article | None:
    # feedparser's dict maps every key on each read (and raises inside .get for a missing one); its
    # plain copy is read 4x faster. The keys read here are its canonical ones; of its mappings only
    # "updated" → "published" would apply, and it is read only when "published" gave nothing.
    entry = dict(entry)
    plain = entry.get(PLAIN) or ()
    title = clip(_cleaned(entry.get("title", "") or "", "title" in plain), TITLE_LIMIT)
    link = clip(one_line(entry.get("link", "") or ""), LINE_LIMIT)
    if link and url and not _SCHEME.match(link):  # written relative to the site: "/world/a-123"
        link = clip(urljoin(url, link), LINE_LIMIT)
    summary = clip(_cleaned(entry.get("summary", "") or "", "summary" in plain), TEXT_LIMIT)
    content = clip(_cleaned(_content_html(entry), "content" in plain, keep_paragraphs=True), TEXT_LIMIT)
    if not title and not summary and not content and not link:
        return None
    if content and content.replace("\n", " ") == summary:
        content = ""
    published = (_epoch(entry.get("published_parsed"), now) or _epoch(entry.get("updated_parsed"), now)
                 or _epoch(entry.get("created_parsed"), now))
    date_text = str(entry.get("published") or entry.get("updated") or "")
    guid = str(entry.get("id") or "")
    key = article_key(guid, link, title, date_text)
    if not title:
        text = summary or content.replace("\n", " ")
        title = (text[:117] + "…") if len(text) > 120 else (text or link)
    return Article(
        id=article_id(feed, key), feed=feed, title=title, link=link,
        author=clip(one_line(entry.get("author", "") or ""), LINE_LIMIT),
        published=published if published is not None else now,
        summary=summary, content=content,
        language=language or one_line(str(entry.get("language") or "")) or default_language,
        guid=key,
    )


def _as_xml(content_type: str) -> str:
    """The Content-Type feedparser is given: an XML type, with the response's charset if it named one.

    Servers label feeds loosely: text/xml without a charset (which feedparser, after the obsolete
    RFC 3023, takes for US-ASCII, and then calls a UTF-8 feed malformed), text/html, text/plain,
    application/octet-stream. What the body is tells more (an HTML page is recognised by its start);
    the label's charset, when there is one, is kept."""
    params = [p.strip() for p in content_type.split(";")[1:]]
    charset = next((p for p in params if p.lower().startswith("charset=")), "")
    return "application/xml" + (f"; {charset}" if charset else "")


def _distinct(candidates: list[Article], feed: str) -> tuple[list[Article], int]:
    """One article per item, and how many items had to be told apart. Items that share an identity
    (a misconfigured feed gives every item one guid) but differ in link or headline are different
    items: they are keyed by their link (or, sharing that too, by their headline) instead of being
    dropped as repeats; a true repeat of one item is dropped."""
    groups: dict[str, list[Article]] = {}
    for article in candidates:
        groups.setdefault(article.id, []).append(article)
    out: list[Article] = []
    seen: set[str] = set()
    told_apart = 0
    for article in candidates:
        group = groups[article.id]
        if len(group) > 1 and len({(a.link, a.title) for a in group}) > 1:
            link = article.link if sum(a.link == article.link for a in group) == 1 else ""
            key = article_key("", link, article.title, "")  # not the date: an undated item gets the poll's time
            article = article._replace(id=article_id(feed, key), guid=key)
            told_apart += 1
        if article.id not in seen:
            seen.add(article.id)
            out.append(article)
    return out, told_apart


def _describe(exc: Any) -> str:
    text = one_line(str(exc)) or type(exc).__name__
    return text[:300]


def _not_markup(head: bytes, headers: Mapping[str, str] | None) -> str | None:
    """What a body that is not markup at all (its `head`, the start without a byte-order mark or
    leading space, does not begin with "<") is, said for the user: the type its server gave
    ("image/png"), else its first words, or that it is binary. None for markup: an XML parser's
    complaint about it ("unclosed token": a truncated feed) says more."""
    if head.startswith(b"<"):
        return None
    declared = next((v for k, v in (headers or {}).items() if k.lower() == "content-type"), "")
    kind = one_line(declared.split(";")[0])[:60]
    # a type that says nothing, or that claims a feed the body is not: the body itself is described
    if not kind or kind.lower() in {"application/octet-stream", "text/plain"} or \
            any(word in kind.lower() for word in ("xml", "rss", "atom", "json")):
        text = head[:40].decode("utf-8", "replace")
        kind = "binary data" if "\ufffd" in text or "\x00" in text else f"text beginning {one_line(text)!r}"
    return f"response is not a feed (RSS, Atom or JSON Feed) but {kind}"


def parse_feed(body: bytes, headers: Mapping[str, str] | None, feed: str,
               language: str | None = None, now: float | None = None, url: str = "") -> ParsedFeed:
    """Parse one response body (fetched from `url`, which an item's relative link is resolved against
    unless the document names another base) into articles.

    Entries are salvaged from documents feedparser flags as malformed ("bozo"); `problem` then says
    what was wrong. A body with no entries that is not a feed at all is `fatal`.
    """
    import feedparser  # imported lazily: the warm (all 304) path never pays for it

    from tui.core.feedparser_speed import install

    install()

    now = time.time() if now is None else now
    if not body.strip():
        return ParsedFeed(articles=(), problem="empty response body", fatal=True)
    if looks_like_json(body):
        try:
            meta, entries = read_json_feed(body)
        except NotAJsonFeed as exc:
            return ParsedFeed(articles=(), problem=str(exc), fatal=True)
        result: Mapping[str, Any] = {"feed": meta, "entries": entries, "version": "json"}
    else:
        lowered = {k.lower(): v for k, v in (headers or {}).items()}
        lowered["content-type"] = _as_xml(lowered.get("content-type", ""))
        try:
            result = feedparser.parse(body, response_headers=lowered, sanitize_html=False,
                                      resolve_relative_uris=False)
        except Exception as exc:  # feedparser should not raise, but the input is hostile
            return ParsedFeed(articles=(), problem=f"parser failure: {_describe(exc)}", fatal=True)
    meta = result.get("feed", {}) or {}
    default_language = one_line(str(meta.get("language") or "")) or None
    candidates: list[Article] = []
    for entry in result.get("entries", []) or []:
        try:
            article = _entry_to_article(entry, feed, language, now, default_language, url)
        except Exception:  # one broken entry must not cost the others
            continue
        if article is not None:
            candidates.append(article)
    articles, told_apart = _distinct(candidates, feed)
    runs = repeated_runs([a.summary or a.content for a in articles])
    if runs:
        articles = [a._replace(summary=strip_runs(a.summary, runs), content=strip_runs(a.content, runs))
                    for a in articles]
    problem: str | None = None
    fatal = False
    if told_apart:
        problem = f"{told_apart} items share a guid with other items; told apart by their links or headlines"
    if result.get("bozo"):
        problem = "; ".join(x for x in ("malformed feed: " + _describe(result.get("bozo_exception")), problem) if x)
    if not articles:
        version = result.get("version") or ""
        start = body[:512].removeprefix(b"\xef\xbb\xbf").lstrip()
        head = start.lower()
        if not version and (b"<html" in head or b"<!doctype html" in head):
            problem = "response is an HTML page, not a feed"
            if links := linked_feeds(body, url):  # a site's address given for its feed's: say where that is
                problem += f"; the page links to {'its feed' if len(links) == 1 else 'feeds'} at {', '.join(links)}"
            fatal = True
        elif not version:
            problem = _not_markup(start, headers) or problem or "response is not a feed (RSS, Atom or JSON Feed)"
            fatal = True
        elif problem:
            fatal = True
    return ParsedFeed(articles=tuple(articles), title=one_line(str(meta.get("title") or "")),
                      ttl_seconds=_ttl_seconds(meta), problem=problem, fatal=fatal)
