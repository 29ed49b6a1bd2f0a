"""The central service's store (SQLite or PostgreSQL), apart from the kiosk's own store."""
