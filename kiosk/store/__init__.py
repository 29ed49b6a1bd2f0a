"""SQLite storage. All SQL of the kiosk lives in this package."""
