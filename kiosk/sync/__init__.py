"""Carrying answers and alerts to the central endpoint (no Qt here)."""
