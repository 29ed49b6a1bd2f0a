"""The domain: answers, categories, NPS, reasons and abuse filtering.

Pure Python. No Qt, no SQLite, no network, no files: an import-linter contract in
``pyproject.toml`` keeps it so, and its tests run in milliseconds.
"""
