"""Wirewatch: a terminal dashboard that clusters regional news feeds into stories."""

__version__ = "0.1.0"
