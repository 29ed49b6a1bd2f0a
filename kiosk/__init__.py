"""Counter feedback kiosk: one question, one tap, stored at once, synced when it can be."""

__version__ = "0.1.0"
