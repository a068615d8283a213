"""The key footer, rebuilt only when what it shows changes.

Textual's Footer recomposes all its key widgets whenever the bindings *might* have changed, which
includes every focus change: ~40 ms of event-loop time here for Enter/Tab between the panes, though
this app's visible bindings are the same in both panes."""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer

Shown = tuple[tuple[str, str, str, bool], ...]


def shown_bindings(screen: Screen[object]) -> Shown:
    """What the footer displays for a screen: key, its display, description, enabled."""
    return tuple((binding.key, screen.app.get_key_display(binding), binding.description, enabled)
                 for _node, binding, enabled, _tooltip in screen.active_bindings.values() if binding.show)


class StableFooter(Footer):
    """A Footer that skips rebuilding when the displayed bindings are unchanged."""

    _shown: Shown | None = None

    def bindings_changed(self, screen: Screen[object]) -> None:
        """Rebuild (as Footer does) only if the shown keys differ from the last time."""
        shown = shown_bindings(screen)
        if shown == self._shown and self._bindings_ready:
            return
        if screen.app.app_focus and self.is_attached and screen is self.screen:
            self._shown = shown  # Footer rebuilds now; otherwise it waits, and so does our record
        super().bindings_changed(screen)
