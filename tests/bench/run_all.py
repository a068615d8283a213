"""`make bench`: run every benchmark in turn and print their figures."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BENCHES = ["tests.bench.bench_pipeline", "tests.bench.bench_cluster", "tests.bench.bench_tui",
           "tests.bench.bench_quality_spread", "tests.bench.bench_rounds"]


def main() -> int:
    failed = 0
    for module in BENCHES:
        print(f"== {module}", flush=True)
        failed += subprocess.run([sys.executable, "-m", module, *sys.argv[1:]], cwd=REPO).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
