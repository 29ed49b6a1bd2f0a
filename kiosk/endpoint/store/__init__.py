"""The central service's store (SQLite or PostgreSQL), apart from the kiosk's own store."""

# The contacts table is declared beside its functions; importing it here puts it on the one
# metadata whatever module is imported first (the schema check compares all tables).
from kiosk.endpoint.store import contacts as _contacts  # noqa: F401
