"""Exports of stored answers: CSV, Excel and JSON, written atomically."""
