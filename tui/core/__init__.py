"""The pure core of Wirewatch: config, fetching, parsing, storage, clustering.

Nothing under this package imports textual or rich (tests/core/test_purity.py checks it).
"""
