"""The central store as one object the web tier and the commands are given (never a global).

Holds only an engine (a pool of connections) and the tokens' hash key, which never changes:
any number of processes can open the same database; each request is one transaction.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, func, select

from kiosk.core.answer import iso_utc
from kiosk.endpoint.store import cases, health, ingest, migrate, registry, schema
from kiosk.endpoint.store.engine import open_engine, reading, reading_once, writing
from kiosk.endpoint.store.health import HealthRules, KioskReport
from kiosk.endpoint.store.ingest import Outcome
from kiosk.endpoint.store.registry import KioskIdentity, UserIdentity


def _now() -> datetime:
    return datetime.now(timezone.utc)


class CentralStore:
    """Answers, alerts, registry and health of many kiosks, on SQLite or PostgreSQL."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        migrate.check(engine)
        with reading(engine) as conn:
            self._key = registry.token_key(conn)

    @classmethod
    def open(
        cls, db: str | Path | None, *, create: bool = True, pool_size: int = 8
    ) -> CentralStore:
        """Open ``db``; an empty database is created at the newest schema when ``create``.

        Any other schema than the newest is refused (``SchemaMismatch``): ``kiosk endpoint
        migrate`` upgrades it.
        """
        engine = open_engine(db, pool_size=pool_size)
        try:
            if create:
                with engine.connect() as conn:
                    empty = migrate.is_empty(conn)
                if empty:
                    migrate.upgrade(engine)
            return cls(engine)
        except BaseException:
            engine.dispose()
            raise

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    # --- ingest ---------------------------------------------------------------------------

    def kiosk_for_token(self, token: str) -> KioskIdentity | None:
        with reading_once(self.engine) as conn:
            return registry.kiosk_for_token(conn, self._key, token)

    def user_for_token(self, token: str) -> UserIdentity | None:
        with reading(self.engine) as conn:
            return registry.user_for_token(conn, self._key, token)

    def user_for_password(
        self, name: str, password: str, now: datetime | None = None
    ) -> UserIdentity | None:
        """Raises ``registry.Throttled`` while the name is locked out."""
        with writing(self.engine) as conn:
            return registry.user_for_password(conn, name, password, now or _now())

    def ingest_answers(
        self,
        kiosk: KioskIdentity,
        site_code: str,
        app_version: str,
        answers: Sequence[Mapping[str, Any]],
        now: datetime,
        skew: float | None,
    ) -> Outcome:
        stamp = iso_utc(now)
        with writing(self.engine) as conn:
            site_id = kiosk.site_id or registry.bind_site(conn, stamp, kiosk.kiosk_id, site_code)
            return ingest.store_answers(
                conn, kiosk.kiosk_id, site_id, app_version, answers, stamp, skew
            )

    def ingest_alert(
        self,
        kiosk: KioskIdentity,
        site_code: str,
        app_version: str,
        answer: Mapping[str, Any],
        now: datetime,
        skew: float | None,
    ) -> bool:
        stamp = iso_utc(now)
        with writing(self.engine) as conn:
            site_id = kiosk.site_id or registry.bind_site(conn, stamp, kiosk.kiosk_id, site_code)
            new = ingest.store_alert(
                conn, kiosk.kiosk_id, site_id, app_version, answer, stamp, skew
            )
            if new:  # the follow-up case, in the alert's own transaction
                cases.open_for_alert(conn, kiosk.kiosk_id, answer["id"], site_id, stamp)
            return new

    def _known(self, kiosk: Mapping[str, str], now: datetime) -> KioskIdentity:
        """A kiosk by its id, registered on the fly (tests and tools that skip the registry)."""
        stamp = iso_utc(now)
        with writing(self.engine) as conn:
            k = schema.kiosks.c
            row = conn.execute(select(k.site_id).where(k.kiosk_id == kiosk["id"])).first()
            if row is None:
                s = schema.sites.c
                site = conn.execute(select(s.id).where(s.code == kiosk["site"])).scalar()
                if site is None:
                    site = registry.add_site(conn, stamp, "store", kiosk["site"], None)
                conn.execute(
                    schema.kiosks.insert().values(
                        kiosk_id=kiosk["id"], site_id=site, created_utc=stamp
                    )
                )
                return KioskIdentity(kiosk["id"], site, kiosk["site"], False)
            return KioskIdentity(kiosk["id"], row.site_id, None, False)

    def store_answers(
        self,
        kiosk: Mapping[str, str],
        answers: Sequence[Mapping[str, Any]],
        now: datetime,
        skew_seconds: float | None,
    ) -> Outcome:
        """Store validated answers for ``kiosk`` (``{"id", "site", "app_version"}``)."""
        identity = self._known(kiosk, now)
        return self.ingest_answers(
            identity, kiosk["site"], kiosk["app_version"], answers, now, skew_seconds
        )

    def store_alert(
        self,
        kiosk: Mapping[str, str],
        answer: Mapping[str, Any],
        now: datetime,
        skew_seconds: float | None,
    ) -> bool:
        identity = self._known(kiosk, now)
        return self.ingest_alert(
            identity, kiosk["site"], kiosk["app_version"], answer, now, skew_seconds
        )

    def note_config_version(self, kiosk_id: str, version: str) -> None:
        """The central configuration a kiosk says it runs with (each POST's kiosk block)."""
        k = schema.kiosks.c
        with reading(self.engine) as conn:
            known = conn.execute(select(k.config_version).where(k.kiosk_id == kiosk_id)).scalar()
        if known is not None and known != version:  # a write only when it changed
            with writing(self.engine) as conn:
                conn.execute(
                    schema.kiosks.update()
                    .where(k.kiosk_id == kiosk_id)
                    .values(config_version=version[:64])
                )

    # --- registry -------------------------------------------------------------------------

    def change(self, action: str, actor: str, *args: Any, **kwargs: Any) -> Any:
        """Run one registry change (``registry.<action>``) in its own audited transaction."""
        function = getattr(registry, action.replace("-", "_"))
        with writing(self.engine) as conn:
            return function(conn, iso_utc(_now()), actor, *args, **kwargs)

    def listing(self) -> dict[str, list[dict[str, Any]]]:
        with reading(self.engine) as conn:
            return registry.listing(conn)

    def audit_rows(self) -> list[dict[str, Any]]:
        a = schema.audit.c
        with reading(self.engine) as conn:
            return [dict(r._mapping) for r in conn.execute(select(schema.audit).order_by(a.id))]

    def scope_sites(self, user: UserIdentity) -> list[int] | None:
        """The site ids a manager may see (None: every site)."""
        if user.role == "admin":
            return None
        if user.role == "site":
            return [user.site_id] if user.site_id is not None else []
        with reading(self.engine) as conn:
            return list(
                conn.execute(
                    select(schema.sites.c.id).where(schema.sites.c.area_id == user.area_id)
                ).scalars()
            )

    def resolve(
        self,
        *,
        areas: Collection[str] = (),
        sites: Collection[str] = (),
        kiosks: Collection[str] = (),
    ) -> tuple[set[int] | None, set[str] | None]:
        """Names in a query to (site ids, kiosk ids); None means "not narrowed"."""
        s, k = schema.sites.c, schema.kiosks.c
        site_ids: set[int] | None = None
        with reading(self.engine) as conn:
            if areas:
                site_ids = set(
                    conn.execute(
                        select(s.id)
                        .join(schema.areas, schema.areas.c.id == s.area_id)
                        .where(schema.areas.c.name.in_(list(areas)))
                    ).scalars()
                )
            if sites:
                named = set(conn.execute(select(s.id).where(s.code.in_(list(sites)))).scalars())
                site_ids = named if site_ids is None else site_ids & named
            kiosk_ids = set(kiosks) if kiosks else None
            if kiosk_ids is not None:
                owners = set(
                    conn.execute(select(k.site_id).where(k.kiosk_id.in_(list(kiosk_ids)))).scalars()
                )
                site_ids = owners if site_ids is None else site_ids & owners
        return site_ids, kiosk_ids

    # --- reading --------------------------------------------------------------------------

    def count_answers(self, kiosk_id: str | None = None) -> int:
        query = select(func.count()).select_from(schema.answers)
        if kiosk_id is not None:
            query = query.where(schema.answers.c.kiosk_id == kiosk_id)
        with reading(self.engine) as conn:
            return conn.execute(query).scalar_one()

    def answer_ids(self) -> list[str]:
        with reading(self.engine) as conn:
            return list(conn.execute(select(schema.answers.c.id)).scalars())

    def alert_ids(self) -> list[str]:
        with reading(self.engine) as conn:
            return list(conn.execute(select(schema.alerts.c.answer_id)).scalars())

    def alert_received(self, answer_id: str) -> str | None:
        a = schema.alerts.c
        with reading(self.engine) as conn:
            return conn.execute(select(a.received_utc).where(a.answer_id == answer_id)).scalar()

    def kiosks(
        self,
        max_gaps: int = 100,
        *,
        site_ids: Collection[int] | None = None,
        rules: HealthRules | None = None,
        now: datetime | None = None,
    ) -> list[KioskReport]:
        with reading(self.engine) as conn:
            return health.reports(
                conn, now or _now(), rules or HealthRules(), site_ids, max_gaps=max_gaps
            )

    def iter_answers(
        self,
        site_ids: Collection[int] | None = None,
        kiosk_ids: Collection[str] | None = None,
        batch: int = 2000,
    ) -> Iterator[tuple[str, str, str]]:
        """(kiosk_id, site code, content JSON) of every answer, by kiosk and seq; streamed."""
        a, s = schema.answers.c, schema.sites.c
        query = (
            select(a.kiosk_id, s.code, a.content)
            .join(schema.sites, s.id == a.site_id)
            .order_by(a.kiosk_id, a.seq)
        )
        if site_ids is not None:
            query = query.where(a.site_id.in_(list(site_ids)))
        if kiosk_ids is not None:
            query = query.where(a.kiosk_id.in_(list(kiosk_ids)))
        with self.engine.connect() as conn:
            with conn.begin():
                result = conn.execution_options(stream_results=True, yield_per=batch).execute(query)
                try:
                    for row in result:
                        yield tuple(row)
                finally:
                    result.close()  # a server-side cursor on PostgreSQL

    def dashboard(self, **selection: Any) -> Any:
        """The managers' numbers (``reports.dashboard``) in one consistent snapshot."""
        from kiosk.endpoint.store import reports

        with reading(self.engine) as conn:
            return reports.dashboard(conn, **selection)

    def standings(self, **selection: Any) -> Any:
        """Each site's overview line (``reports.standings``) in one snapshot."""
        from kiosk.endpoint.store import reports

        with reading(self.engine) as conn:
            return reports.standings(conn, **selection)
