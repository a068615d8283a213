"""The headless command-line interface (subcommands of `wirewatch`)."""
