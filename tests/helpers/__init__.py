"""Shared test helpers (importable as ``helpers.<module>``)."""
