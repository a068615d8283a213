"""The embedded demo: a bundled corpus and a local server that replays feed snapshots over time."""
