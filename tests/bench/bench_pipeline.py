"""Pipeline benchmark: `wirewatch poll --once --all` vs newsboat on 500 local feeds × 50 items.

Cold = empty database / cache (`--no-cluster`: fetch, parse, store); warm = every feed answers 304;
cold + stories = cold with the story engine clustering all 25,000 articles (the default). Both tools
poll the same URLs from the same server process on 127.0.0.1, with the same concurrency, in the same run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.bench.budget import Budget, measure_budget
from tests.bench.measure import Run, measure

REPO = Path(__file__).resolve().parents[2]


def start_server(feeds: int, items: int) -> tuple[subprocess.Popen[bytes], int]:
    proc = subprocess.Popen([sys.executable, "-m", "tests.bench.serve", str(feeds), str(items)],
                            stdout=subprocess.PIPE, cwd=REPO)
    assert proc.stdout is not None
    port = int(proc.stdout.readline())
    return proc, port


def wirewatch_runs(port: int, feeds: int, concurrency: int, work: Path, rounds: int,
                   first: int = 0) -> list[tuple[Run, ...]]:
    config = work / "feeds.toml"
    lines = ["[settings]", f"concurrency = {concurrency}", f"per_host_concurrency = {concurrency}", ""]
    for i in range(feeds):
        lines += ["[[feed]]", f'name = "outlet {i}"', f'url = "http://127.0.0.1:{port}/f{i}.xml"', ""]
    config.write_text("\n".join(lines))
    exe = str(Path(sys.executable).parent / "wirewatch")
    out = []
    for r in range(first, first + rounds):
        cmd = [exe, "--config", str(config), "--db", str(work / f"ww{r}.db"), "poll", "--once", "--all"]
        cold = measure([*cmd, "--no-cluster"])
        warm = measure(cmd)
        clustered = measure([exe, "--config", str(config), "--db", str(work / f"wwc{r}.db"), "poll", "--once", "--all"])
        out.append((cold, warm, clustered))
    return out


def newsboat_runs(port: int, feeds: int, threads: int, work: Path, rounds: int,
                  first: int = 0) -> list[tuple[Run, Run]]:
    exe = shutil.which("newsboat")
    if exe is None:
        return []
    urls = work / "urls"
    urls.write_text("".join(f"http://127.0.0.1:{port}/f{i}.xml\n" for i in range(feeds)))
    conf = work / "newsboat.conf"
    conf.write_text(f"reload-threads {threads}\nshow-read-feeds yes\n")
    env = {**os.environ, "HOME": str(work)}
    out = []
    for r in range(first, first + rounds):
        cache = work / f"nb{r}.db"
        cmd = [exe, "-x", "reload", "-u", str(urls), "-c", str(cache), "-C", str(conf)]
        cold = measure(cmd, env=env)
        warm = measure(cmd, env=env)
        out.append((cold, warm))
    return out


def best(runs: list[tuple[Run, ...]], which: int) -> Run:
    return min((r[which] for r in runs), key=lambda x: x.seconds)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--feeds", type=int, default=500)
    parser.add_argument("--items", type=int, default=50)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    server, port = start_server(args.feeds, args.items)
    try:
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            # rounds alternate between the two tools: this machine's speed drifts by ±20-40% over
            # minutes, and all of one tool's runs before all of the other's let the drift decide
            ours, theirs = [], []
            for r in range(args.rounds):
                ours += wirewatch_runs(port, args.feeds, args.concurrency, work, 1, first=r)
                theirs += newsboat_runs(port, args.feeds, args.concurrency, work, 1, first=r)
            budget = measure_budget(args.feeds, args.items, work / "ww0.db", work)
    finally:
        server.kill()
    print(f"pipeline: {args.feeds} feeds x {args.items} items, concurrency {args.concurrency}, "
          f"best of {args.rounds}")
    for label, idx, other in (("cold", 0, 0), ("warm", 1, 1), ("cold + stories", 2, 0)):
        w = best(ours, idx)
        line = f"  {label:>14}: wirewatch {w.seconds:6.2f} s ({w.cpu_seconds:5.1f} CPU s) {w.peak_mb:6.1f} MB"
        if theirs:
            n = best(theirs, other)
            line += (f" | newsboat {n.seconds:6.2f} s ({n.cpu_seconds:5.1f} CPU s) {n.peak_mb:6.1f} MB"
                     f" | ratio {w.seconds / n.seconds:.3f}x")
        else:
            line += " | newsboat not installed (apt-get install newsboat)"
        print(line)
    if theirs:  # each round against the newsboat run next to it in time
        paired = ", ".join(f"{w[2].seconds / n[0].seconds:.3f}x" for w, n in zip(ours, theirs, strict=True))
        print(f"  cold + stories, round by round: {paired}")
    print_budget(budget, best(theirs, 0) if theirs else None)


def print_budget(budget: Budget, newsboat_cold: Run | None) -> None:
    """The CPU time of the cold poll's two big parts, each alone, against what 2 cores give in newsboat's time."""
    print(f"  CPU budget: feedparser alone {budget.parse:.1f} CPU s; story desk alone on the "
          f"{budget.articles} stored articles {budget.desk:.1f} CPU s")
    if newsboat_cold is not None:
        print(f"  2 cores x newsboat's cold wall time = {2 * newsboat_cold.seconds:.1f} CPU s available")


if __name__ == "__main__":
    main()
