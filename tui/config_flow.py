"""The dashboard's side of a feeds.toml changed while it runs: the new list polled from the next round
on, or the file's error shown while the old list goes on being polled."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.models import Config
from tui.messages import ConfigReloaded

if TYPE_CHECKING:
    from textual.app import App

    Base = App[None]
else:
    Base = object


class ConfigFlow(Base):
    """Mixed into the app, which provides `config` and `_render_status`."""

    config: Config

    def _render_status(self) -> None: ...

    def on_config_reloaded(self, message: ConfigReloaded) -> None:
        """Take the config read again, and say what changed; or say why it could not be read."""
        if message.config is None:
            self.notify(f"{message.error}. Still polling the feeds it listed before.", severity="warning",
                        timeout=15, markup=False)
            return
        before = {f.name for f in self.config.feeds if f.enabled}
        after = {f.name for f in message.config.feeds if f.enabled}
        self.config = message.config
        added, removed = len(after - before), len(before - after)
        self.notify(f"{message.config.path} read again: {added} feed{'s' if added != 1 else ''} added, "
                    f"{removed} removed", timeout=5, markup=False)
        self._render_status()
