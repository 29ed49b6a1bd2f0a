"""The endpoint's whole suite runs on both stores: SQLite files and a real PostgreSQL.

``store_kind`` is parametrized; ``db_url`` gives each test an empty database of that kind
and ``central_store`` that database opened (migrated). Without PostgreSQL binaries (and no
``KIOSK_TEST_POSTGRES_URL``) the PostgreSQL half is skipped with the reason, except under
``CI=true``, where it fails: CI must test what production runs.
"""

from __future__ import annotations

import os

import pytest

from endpoint.postgres import ENV_URL, Cluster, Databases, find_bin

STORES = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def postgres_databases():
    url = os.environ.get(ENV_URL)
    cluster = None
    if not url:
        bindir = find_bin()
        if bindir is None:
            reason = f"PostgreSQL binaries not found (install postgresql, or set {ENV_URL})"
            if os.environ.get("CI", "").lower() == "true":
                pytest.fail(reason + ": required under CI=true")
            pytest.skip(reason)
        cluster = Cluster(bindir)
        url = cluster.url
    databases = Databases(url)
    yield databases
    databases.close()
    if cluster is not None:
        cluster.stop()


@pytest.fixture(params=STORES)
def store_kind(request) -> str:
    return request.param


def _database(request, store_kind: str, tmp_path, *, migrated: bool):
    if store_kind == "sqlite":
        return str(tmp_path / "central.sqlite"), None
    databases = request.getfixturevalue("postgres_databases")
    url = databases.create(migrated=migrated)
    return url, databases


@pytest.fixture
def db_url(request, store_kind, tmp_path):
    """An empty database of the kind under test (a file path or a postgresql:// address)."""
    url, databases = _database(request, store_kind, tmp_path, migrated=False)
    yield url
    if databases is not None:
        databases.drop(url)


@pytest.fixture
def migrated_url(request, store_kind, tmp_path):
    """A database at the newest schema (PostgreSQL: copied from a migrated template)."""
    url, databases = _database(request, store_kind, tmp_path, migrated=True)
    yield url
    if databases is not None:
        databases.drop(url)


@pytest.fixture
def central_store(migrated_url):
    from kiosk.endpoint.store.service import CentralStore

    store = CentralStore.open(migrated_url)
    yield store
    store.close()
