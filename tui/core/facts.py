"""Per story: the key figures grouped by what they count, with the outlets that state them, and the
discrepancies between outlets or over time (different values, different descriptions, different dates)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from tui.core.figure_memory import figures_of
from tui.core.figures import Figure
from tui.core.figwords import MEASURES

# Measures (durations, distances, capacities...) describe many different things in one story: their
# values are never compared with each other. Counts (people, troops, cases, money...) are.
# ("times" counts occurrences of whatever was done: "arrested four times", "shot seven times"; a match
# report's points, yards or goals are each player's or team's, and two outlets name different ones)
_NOT_COMPARED = MEASURES | {"date", "times"} | frozenset("""
points yards rebounds assists touchdowns passes goals runs wickets carries catches tackles saves strikeouts
knockouts kos wins losses""".split())
# A toll can be revised far from its first report ("5 dead" → "50 dead"): these are compared at any distance.
REVISED_FREELY = frozenset({"dead", "injured", "missing"})


@dataclass(frozen=True, slots=True)
class Report:
    """One article as the facts need it."""

    id: str
    feed: str
    title: str
    text: str
    published: float


@dataclass(frozen=True, slots=True)
class Statement:
    """A figure as stated by one report."""

    figure: Figure
    report: Report


@dataclass(slots=True)
class FigureRow:
    """One figure of a story (a value of one kind of thing) and who states it."""

    key: str
    value: float | None
    text: str
    counts: str
    statements: list[Statement] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)

    @property
    def feeds(self) -> list[str]:
        """Outlets stating it, in the order they first did."""
        return list(dict.fromkeys(s.report.feed for s in sorted(self.statements, key=lambda s: s.report.published)))

    @property
    def first(self) -> float:
        """When it was first stated."""
        return min(s.report.published for s in self.statements)

    @property
    def stated(self) -> list[Statement]:
        """Each outlet's first statement of it, in the order they came (who said it, and when)."""
        first: dict[str, Statement] = {}
        for s in sorted(self.statements, key=lambda s: s.report.published):
            first.setdefault(s.report.feed, s)
        return list(first.values())


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """Outlets (or one outlet over time) disagree."""

    kind: str  # "value", "description", "timing"
    key: str
    detail: str


def revisable(key: str) -> bool:
    """Whether a story's values of this kind are one quantity that later reports may state anew (a toll,
    troops, money), rather than measures of many things (distances, durations, a match's points) or dates."""
    return key not in _NOT_COMPARED


def may_restate(key: str, old: float, new: float) -> bool:
    """Whether `new` can be a restatement of `old` (both of kind `key`): a toll at any distance, anything
    else within 3x ("3 cases in Waikato" and "24 cases in New Zealand" count different things)."""
    return key in REVISED_FREELY or (old > 0 and 1 / 3 <= new / old <= 3)


def kind_of(figure: Figure) -> str:
    """What a figure counts, as its story compares it ("dead", "troops"; "percent of borders")."""
    if figure.counts == "percent" and figure.thing:
        return "percent of " + figure.thing.split()[-1].lower()
    return figure.key


def _fmt(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def story_facts(reports: Sequence[Report]) -> tuple[list[FigureRow], list[Discrepancy]]:
    """Figures of a story's reports grouped by (kind, value), and the discrepancies between them."""
    rows: dict[tuple[str, object], FigureRow] = {}
    for report in sorted(reports, key=lambda r: r.published):
        for figure in figures_of(report.title, report.text, report.published):
            key = kind_of(figure)
            ident = (key, figure.value if figure.value is not None else (figure.start, figure.end, figure.text.lower()))
            row = rows.get(ident)
            if row is None:
                row = rows[ident] = FigureRow(key=key, value=figure.value, text=figure.text, counts=figure.counts)
            row.statements.append(Statement(figure, report))
    out = list(rows.values())
    discrepancies = _value_conflicts(out) + _description_conflicts(out) + _timing_conflicts(out)
    return _grouped(out), discrepancies


def _grouped(rows: list[FigureRow]) -> list[FigureRow]:
    """The rows with each kind of figure together, its values in the order they were first stated (a
    toll's 12 dead, then 18 dead). Kinds whose best figure more outlets state come first, dates last."""
    kinds: dict[str, list[FigureRow]] = defaultdict(list)
    for row in rows:
        kinds[row.key].append(row)

    def rank(kind: list[FigureRow]) -> tuple[bool, int, int, float]:
        outlets = {feed for row in kind for feed in row.feeds}
        return kind[0].key == "date", -max(len(row.feeds) for row in kind), -len(outlets), min(r.first for r in kind)

    return [row for kind in sorted(kinds.values(), key=rank) for row in sorted(kind, key=lambda r: r.first)]


def latest_values(rows: Sequence[FigureRow]) -> dict[str, float]:
    """For each comparable kind of figure (dead, troops, dollars …), the value stated most recently,
    counting only reports that state a single value of that kind (several mean several things)."""
    stated: dict[tuple[str, str], set[float]] = defaultdict(set)
    when: dict[tuple[str, str], float] = {}
    for row in rows:
        if row.value is None or row.key in _NOT_COMPARED:
            continue
        for s in row.statements:
            stated[(row.key, s.report.id)].add(row.value)
            when[(row.key, s.report.id)] = s.report.published
    latest: dict[str, tuple[float, float]] = {}
    for (key, report), values in stated.items():
        if len(values) == 1 and (key not in latest or when[(key, report)] >= latest[key][0]):
            latest[key] = (when[(key, report)], next(iter(values)))
    return {key: value for key, (_, value) in sorted(latest.items())}


def _value_conflicts(rows: list[FigureRow]) -> list[Discrepancy]:
    by_key: dict[str, list[FigureRow]] = defaultdict(list)
    for row in rows:
        if row.value is not None and row.key not in _NOT_COMPARED:
            by_key[row.key].append(row)
    out = []
    for key, group in by_key.items():
        if len(group) < 2:
            continue
        per_report: dict[str, set[float]] = defaultdict(set)
        for row in group:
            for s in row.statements:
                per_report[s.report.id].add(row.value)  # type: ignore[arg-type]
        # A report that states several values of one kind is counting several things, not disagreeing.
        single = {rid for rid, values in per_report.items() if len(values) == 1}
        candidates = [r for r in group if any(s.report.id in single for s in r.statements)]
        if key not in REVISED_FREELY:
            # Values far apart count different things ("3 cases in Waikato", "24 cases in New Zealand"; a
            # deal's $11 billion and a bid's $9.5 billion are close, a bid and a fee are not): keep the
            # values within 3x of the one stated by most reports.
            candidates = _near_the_most_stated(candidates)
        values = sorted({r.value for r in candidates if r.value is not None})
        if len(values) < 2:
            continue
        outlets = {s.report.feed for r in candidates for s in r.statements if s.report.id in single}
        if len(outlets) < 2 and key not in REVISED_FREELY:
            continue  # one outlet's two amounts of money or groups of prisoners are two facts; its toll revised is news
        timeline = sorted(((s.report.published, s.report.feed, r.value) for r in candidates for s in r.statements
                           if s.report.id in single), key=lambda t: t[0])
        # Outlets that state a value in a row are one step ("12 (A) → 18 (B, C)"); one outlet repeating its
        # own figure (in an update, or in headline and text) is named once.
        steps: list[tuple[float | None, list[str]]] = []
        for _, feed, v in timeline:
            if steps and steps[-1][0] == v:
                if feed not in steps[-1][1]:
                    steps[-1][1].append(feed)
            else:
                steps.append((v, [feed]))
        said = " → ".join(f"{_fmt(v)} ({', '.join(feeds)})" for v, feeds in steps)
        detail = f"{key}: {said}"
        for r in candidates:
            others = [_fmt(v) for v in values if v != r.value]
            r.flags.append("also reported as " + ", ".join(others))
        out.append(Discrepancy("value", key, detail))
    return out


def _near_the_most_stated(rows: list[FigureRow]) -> list[FigureRow]:
    if not rows:
        return rows
    anchor = max(rows, key=lambda r: (len(r.statements), -r.first)).value or 0.0
    return [r for r in rows if r.value is not None and anchor > 0 and 1 / 3 <= r.value / anchor <= 3]


def _description_conflicts(rows: list[FigureRow]) -> list[Discrepancy]:
    by_value: dict[float, list[FigureRow]] = defaultdict(list)
    for row in rows:
        if row.value is not None and row.value >= 100 and row.key not in _NOT_COMPARED and "percent" not in row.key \
                and row.key not in {"dollars", "euros", "pounds", "rupees", "yen", "pesos"}:
            by_value[row.value].append(row)
    out = []
    for value, group in by_value.items():
        keys = {r.key for r in group}
        if len(keys) < 2 or len({f for r in group for f in r.feeds}) < 2:
            continue
        said = " vs ".join(f"{_fmt(value)} {r.counts} ({', '.join(r.feeds)})" for r in group)
        for r in group:
            r.flags.append("described differently: " + ", ".join(sorted(k for k in keys if k != r.key)))
        out.append(Discrepancy("description", " / ".join(sorted(keys)), said))
    return out


def _timing_conflicts(rows: list[FigureRow]) -> list[Discrepancy]:
    dated = [r for r in rows if r.key == "date" and r.statements[0].figure.start]
    out = []
    for i, a in enumerate(dated):
        for b in dated[i + 1:]:
            fa, fb = a.statements[0].figure, b.statements[0].figure
            if set(a.feeds) == set(b.feeds):
                continue  # one outlet's own dates for different things
            overlap = (fa.start or "") <= (fb.end or "") and (fb.start or "") <= (fa.end or "")
            both_relative = not _explicit(fa) and not _explicit(fb)
            if not overlap or (both_relative and (fa.start, fa.end) != (fb.start, fb.end)):
                detail = (f"{fa.text} ({', '.join(a.feeds)}: {fa.start}–{fa.end}) vs "
                          f"{fb.text} ({', '.join(b.feeds)}: {fb.start}–{fb.end})")
                a.flags.append(f'timing differs from "{fb.text}"')  # quoted: it may start with "from"
                b.flags.append(f'timing differs from "{fa.text}"')
                out.append(Discrepancy("timing", "date", detail))
    return out


def _explicit(figure: Figure) -> bool:
    return any(ch.isdigit() for ch in figure.text)
