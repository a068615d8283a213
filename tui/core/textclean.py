"""Turn untrusted feed text (HTML fragments, entities, control codes) into clean plain text."""

from __future__ import annotations

import html
import re

_DROP_BLOCKS = re.compile(r"<(script|style|head|noscript|template)\b[^>]*>.*?</\1\s*>", re.I | re.S)
_UNCLOSED_BLOCK = re.compile(r"<(script|style)\b.*", re.I | re.S)
_COMMENTS = re.compile(r"<!--.*?-->|<!\[CDATA\[|\]\]>", re.S)
_SPECIAL = re.compile(r"<(?:!|script|style|head|noscript|template)|\]\]>", re.I)  # what the three above need
_BREAKS = re.compile(r"<\s*(br|/p|p|/div|div|/li|li|/h[1-6]|h[1-6]|/tr|/blockquote|hr)\b[^>]*>", re.I)
# A tag starts with "<" and a letter, "/", "!" or "?" (as an HTML parser reads it): "Inflation <5% as rates >3%"
# and "Profits < forecasts as costs > sales" are text.
_TAGS = re.compile(r"<(?:/?[A-Za-z]|[!?])[^>]*>")
# ANSI/VT escape sequences (CSI, OSC, and two-character escapes), then any remaining C0/C1 controls,
# and Unicode bidi overrides/isolates that could reorder what the user sees.
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(\x07|\x1b\\)?|\x1b[@-Z\\-_]|\x9b[0-?]*[ -/]*[@-~]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0\u2000-\u200b\u3000]+")
_NEWLINES = re.compile(r"\s*\n\s*")


def strip_controls(text: str) -> str:
    """Remove terminal escape sequences, control characters and bidi overrides (keeps newlines)."""
    if text.isprintable():  # every character both patterns remove (ESC, C0/C1, bidi, BOM) is not printable
        return text
    return _CONTROL.sub("", _ANSI.sub("", text))


def html_to_text(fragment: str, keep_paragraphs: bool = False) -> str:
    """Plain text of an HTML fragment: tags stripped, entities decoded, whitespace collapsed.

    With keep_paragraphs, block-level breaks become single newlines; otherwise everything is
    collapsed onto one line.
    """
    if not fragment:
        return ""
    text = fragment
    if "<" in text:
        if _SPECIAL.search(text):  # most fragments have none of these: one scan instead of three
            text = _COMMENTS.sub(" ", text)
            text = _DROP_BLOCKS.sub(" ", text)
            text = _UNCLOSED_BLOCK.sub(" ", text)
        text = _BREAKS.sub("\n", text)
        text = _TAGS.sub(" ", text)
    if "&" in text:
        text = html.unescape(text)
        if "<" in text and re.search(r"<[a-zA-Z/][^>]*>", text):
            # Double-escaped HTML (&lt;p&gt;) decodes to markup: strip that too.
            text = _TAGS.sub(" ", _BREAKS.sub("\n", text))
    return _folded(strip_controls(text), keep_paragraphs)


def plain_text(text: str, keep_paragraphs: bool = False) -> str:
    """Clean plain text (a JSON Feed's title, summary or content_text): controls stripped and whitespace
    collapsed as html_to_text does, but nothing read as a tag or an entity ("<b>" and "&amp;" stay)."""
    return _folded(strip_controls(text), keep_paragraphs) if text else ""


def _folded(text: str, keep_paragraphs: bool) -> str:
    """Whitespace collapsed: onto one line, or (keep_paragraphs) to single newlines between paragraphs."""
    if keep_paragraphs:
        return _NEWLINES.sub("\n", _SPACES.sub(" ", text)).strip()
    # on one line, str.split already takes every _SPACES character but the zero-width space for a gap
    return " ".join((text.replace("\u200b", " ") if "\u200b" in text else text).split())


def clip(text: str, limit: int) -> str:
    """`text` cut to `limit` characters, its last one an ellipsis when anything was cut."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def one_line(text: str) -> str:
    """Collapse any text onto a single clean line (for titles, authors, names)."""
    return " ".join(strip_controls(text).split())


def count_of(n: int, one: str, many: str = "") -> str:
    """'1 report', '3 reports', '2 copies'."""
    return f"{n} {one if n == 1 else (many or one + 's')}"
