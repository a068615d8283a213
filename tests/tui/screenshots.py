"""`make screenshots`: write SVGs of the dashboard screens into screenshots/ (used by the README)."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from tests.tui.conftest import NOW, build_demo_db, settle
from tui.app import WirewatchApp

OUT = Path(__file__).resolve().parents[2] / "screenshots"
VIEWS = {"main": [], "detail": ["j", "j", "enter", "j"], "help": ["question_mark"], "health": ["H"]}


async def shoot(db: Path, config: object, name: str, keys: list[str], size: tuple[int, int]) -> None:
    app = WirewatchApp(config, db, poll=False, clock=lambda: NOW)  # type: ignore[arg-type]
    async with app.run_test(size=size) as pilot:
        await settle(app, pilot)
        for key in keys:
            await pilot.press(key)
            await settle(app, pilot)
        app.save_screenshot(f"{name}-{size[0]}x{size[1]}.svg", str(OUT))


def main() -> None:
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db, config = build_demo_db(Path(tmp))
        for name, keys in VIEWS.items():
            for size in ((120, 40), (80, 24)):
                asyncio.run(shoot(db, config, name, keys, size))
    print(f"wrote {len(VIEWS) * 2} screenshots to {OUT}")


if __name__ == "__main__":
    main()
