"""Alembic's environment: always run on a connection the caller opened (no alembic.ini)."""

from alembic import context

from kiosk.endpoint.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
    transaction_per_migration=True,
)
with context.begin_transaction():
    context.run_migrations()
