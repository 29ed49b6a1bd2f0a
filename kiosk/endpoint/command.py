"""``kiosk endpoint ...``: serve the central service, migrate it, keep its registry.

``register(subparsers)`` adds the whole subtree; ``main(args)`` runs it. ``kiosk endpoint``
with no subcommand serves (as it always did); ``--token-file`` still works: its tokens are
imported into the registry (once: known tokens are skipped) and the registry is served.
"""

from __future__ import annotations

import argparse
import getpass
import json
import logging
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

log = logging.getLogger("kiosk.endpoint")

ACTOR = "cli"


def _db_option(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    parser.add_argument(
        "--db",
        metavar="FILE|URL",
        default=None if top else argparse.SUPPRESS,
        help="central database: a SQLite file, or postgresql://user@host/dbname"
        " (default: $KIOSK_CENTRAL_DB)",
    )


def _serve_options(parser: argparse.ArgumentParser, *, top: bool = True) -> None:
    """Serving options, on ``kiosk endpoint`` and on ``kiosk endpoint serve`` alike."""

    def default(value: Any) -> Any:
        return value if top else argparse.SUPPRESS  # a subcommand keeps the parent's value

    parser.add_argument("--host", default=default("127.0.0.1"))
    parser.add_argument("--port", type=int, default=default(8080))
    parser.add_argument("--threads", type=int, default=default(8))
    parser.add_argument(
        "--token-file",
        metavar="FILE",
        default=default(None),
        help="a reference endpoint's tokens file, imported into the registry",
    )
    parser.add_argument(
        "--silent-after-hours",
        type=float,
        default=default(2.0),
        help="a kiosk silent this long needs attention",
    )
    parser.add_argument(
        "--gap-after-hours",
        type=float,
        default=default(1.0),
        help="a seq gap open this long needs attention",
    )
    parser.add_argument(
        "--request-timeout",
        type=float,
        default=default(20.0),
        help="seconds a client may take to send one request",
    )
    parser.add_argument("--connection-limit", type=int, default=default(1000))
    _alert_options(parser, default)


def _alert_options(parser: argparse.ArgumentParser, default: Any) -> None:
    """Where alerts and reports go: the SMTP server, the pages' address, the rounds."""
    parser.add_argument("--smtp-host", default=default(""), help="SMTP server for e-mail")
    parser.add_argument("--smtp-port", type=int, default=default(587))
    parser.add_argument(
        "--smtp-security", choices=("starttls", "ssl", "none"), default=default("starttls")
    )
    parser.add_argument("--smtp-from", default=default(""), help="the sender's address")
    parser.add_argument("--smtp-user", default=default(""))
    parser.add_argument(
        "--smtp-password-file",
        metavar="FILE",
        default=default(""),
        help="a file holding the SMTP password (never on the command line)",
    )
    parser.add_argument(
        "--public-url",
        default=default(""),
        help="the pages' address as managers reach it, for links in e-mails",
    )
    parser.add_argument(
        "--alert-interval",
        type=float,
        default=default(30.0),
        help="seconds between two alert rounds (0: none in this process)",
    )
    parser.add_argument(
        "--report-hour",
        type=int,
        default=default(6),
        help="UTC hour after which a finished period's reports go out",
    )


def register(subparsers: Any) -> None:
    endpoint = subparsers.add_parser("endpoint", help="run and manage the central service")
    _db_option(endpoint, top=True)
    _serve_options(endpoint)
    sub = endpoint.add_subparsers(dest="endpoint_command", metavar="COMMAND")
    serve = sub.add_parser("serve", help="serve kiosks and managers (the default)")
    _db_option(serve)
    _serve_options(serve, top=False)
    sub.add_parser("migrate", help="upgrade the database to this version's schema")
    area = sub.add_parser("add-area", help="add an area (a region or brand grouping sites)")
    area.add_argument("name")
    area.add_argument("--region", default="")
    area.add_argument("--brand", default="")
    site = sub.add_parser("add-site", help="add a site (what kiosks send as kiosk.site)")
    site.add_argument("code")
    site.add_argument("--area", required=True)
    site.add_argument("--name", default="")
    kiosk = sub.add_parser("add-kiosk", help="register a kiosk; prints its token once")
    kiosk.add_argument("kiosk_id")
    kiosk.add_argument("--site", required=True)
    revoke = sub.add_parser("revoke-kiosk", help="refuse a kiosk's token from now on")
    revoke.add_argument("kiosk_id")
    user = sub.add_parser("add-user", help="add a manager (password asked, or --api-token)")
    user.add_argument("name")
    user.add_argument("--role", required=True, choices=("admin", "area", "site"))
    user.add_argument("--scope", default=None, help="the area (role area) or site (role site)")
    user.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    user.add_argument(
        "--api-token", action="store_true", help="also make a personal API token (printed once)"
    )
    sub.add_parser("list", help="areas, sites, kiosks and users").add_argument(
        "--json", action="store_true"
    )
    tokens = sub.add_parser("import-tokens", help="import a reference endpoint's tokens file")
    tokens.add_argument("file")
    demo = sub.add_parser("demo", help="try the managers' pages on a demo chain (new file)")
    _serve_options(demo)
    central = sub.add_parser(
        "set-config",
        help="set an area's, site's or kiosk's central"
        " configuration (GET /v1/config) from a TOML file",
    )
    central.add_argument("--scope", required=True, metavar="area:X|site:Y|kiosk:Z")
    central.add_argument("file", help="TOML with the keys a central layer may set (empty: remove)")
    rounds = sub.add_parser(
        "alerts", help="fire the triggers, queue the reports and send them, once (for cron)"
    )
    _alert_options(rounds, lambda value: argparse.SUPPRESS)
    trigger = sub.add_parser("add-trigger", help="add an alert trigger")
    trigger.add_argument("kind", choices=("detractors", "silent", "case_due"))
    trigger.add_argument("--area", default=None, help="only this area's sites")
    trigger.add_argument("--site", default=None, help="only this site")
    trigger.add_argument("--share", type=float, default=argparse.SUPPRESS, help="detractors %%")
    trigger.add_argument("--minutes", type=int, default=argparse.SUPPRESS)
    trigger.add_argument("--min-answers", type=int, default=argparse.SUPPRESS)
    trigger.add_argument("--hours", type=float, default=argparse.SUPPRESS)
    trigger.add_argument("--no-email", action="store_true", help="chat only")
    trigger.add_argument("--webhook", default="", help="a chat's incoming webhook address")
    trigger.add_argument("--language", default="es", choices=("es", "en"))
    sub.add_parser("triggers", help="the alert triggers in force").add_argument(
        "--json", action="store_true"
    )
    untrigger = sub.add_parser("remove-trigger", help="remove an alert trigger")
    untrigger.add_argument("trigger_id", type=int)
    health = sub.add_parser("kiosks", help="kiosks' health")
    health.add_argument("--attention", action="store_true", help="only those needing attention")
    health.add_argument("--json", action="store_true")
    health.add_argument("--silent-after-hours", type=float, default=argparse.SUPPRESS)
    health.add_argument("--gap-after-hours", type=float, default=argparse.SUPPRESS)
    for parser in sub.choices.values():
        if parser is not serve:
            _db_option(parser)


def _mail(args: argparse.Namespace) -> Any:
    """The SMTP settings from the options (None without --smtp-host)."""
    from kiosk.endpoint.config import MailSettings

    if not getattr(args, "smtp_host", ""):
        return None
    password = ""
    if args.smtp_password_file:
        path = Path(args.smtp_password_file)
        try:
            password = path.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ValueError(f"--smtp-password-file {path}: {exc.strerror}") from exc
    return MailSettings(
        host=args.smtp_host,
        port=args.smtp_port,
        sender=args.smtp_from or args.smtp_user,
        security=args.smtp_security,
        user=args.smtp_user,
        password=password,
    )


def _alert_settings(args: argparse.Namespace) -> Any:
    from kiosk.endpoint.config import AlertSettings

    if not 0 <= args.report_hour <= 23:
        raise ValueError("--report-hour: an hour from 0 to 23")
    return AlertSettings(
        interval=max(args.alert_interval, 0.0),
        report_hour_utc=args.report_hour,
        public_url=args.public_url.rstrip("/"),
    )


def _config(args: argparse.Namespace) -> Any:
    from kiosk.endpoint.config import EndpointConfig, ServerLimits
    from kiosk.endpoint.store.health import HealthRules

    return EndpointConfig(
        db=args.db or "",
        host=args.host,
        port=args.port,
        limits=ServerLimits(
            threads=args.threads,
            connection_limit=args.connection_limit,
            request_timeout=args.request_timeout,
        ),
        health=HealthRules(
            silent_after=timedelta(hours=args.silent_after_hours),
            gap_after=timedelta(hours=args.gap_after_hours),
        ),
        mail=_mail(args),
        alerts=_alert_settings(args),
    )


def main(args: argparse.Namespace) -> int:
    from kiosk.logs import setup_logging

    setup_logging(None, getattr(args, "log_level", "INFO"))
    command = args.endpoint_command or "serve"
    try:
        from kiosk.endpoint.store.migrate import SchemaMismatch
        from kiosk.endpoint.store.registry import RegistryError
    except ImportError as exc:  # pragma: no cover - a kiosk installed without the extra
        sys.stderr.write(
            f"kiosk endpoint: {exc.name} is missing: pip install 'counter-kiosk[central]'\n"
        )
        return 2
    try:
        return _COMMANDS[command](args)
    except (SchemaMismatch, RegistryError, ValueError, OSError) as exc:
        sys.stderr.write(f"kiosk endpoint {command}: {exc}\n")
        return 2


def _open(args: argparse.Namespace, *, create: bool = True) -> Any:
    """The store; an empty database is made at the newest schema, any other is checked."""
    from kiosk.endpoint.store.service import CentralStore

    return CentralStore.open(args.db, create=create)


def _serve(args: argparse.Namespace) -> int:
    from kiosk.endpoint.alert_rounds import AlertRounds
    from kiosk.endpoint.app import create_app
    from kiosk.endpoint.serve import make_server
    from kiosk.endpoint.store.engine import database_url, redacted

    config = _config(args)
    if args.token_file:
        entries = load_tokens(args.token_file)
    store = _open(args, create=True)
    try:
        if args.token_file:
            counts = store.change("import-tokens", ACTOR, entries)
            log.info(
                "tokens file %s: %d kiosk(s) and %d owner(s) imported, %d known",
                args.token_file,
                counts["kiosks"],
                counts["owners"],
                counts["known"],
            )
        app = create_app(config, store)
        server = make_server(app, config.host, config.port, config.limits, config.max_body_bytes)
        rounds = AlertRounds(app, store, config.alerts, config.mail)
        rounds.start()
        log.info(
            "central service on http://%s:%d, store %s",
            config.host,
            config.port,
            redacted(database_url(config.db)),
        )
        if config.mail is None:
            log.info("no --smtp-host: alerts reach the inbox and chats, not e-mail")
        try:
            server.run()
        except KeyboardInterrupt:
            log.info("endpoint stopped")
        finally:
            rounds.stop()
            server.close()
    finally:
        store.close()
    return 0


def _migrate(args: argparse.Namespace) -> int:
    from kiosk.endpoint.store import migrate
    from kiosk.endpoint.store.engine import open_engine

    engine = open_engine(args.db)
    try:
        before, after = migrate.upgrade(engine)
    finally:
        engine.dispose()
    print(f"central database: version {before or '(empty)'} -> {after}")  # noqa: T201
    return 0


def _registry(action: str, *fields: str) -> Any:
    def run(args: argparse.Namespace) -> int:
        store = _open(args)
        try:
            result = store.change(action, ACTOR, *(getattr(args, f) for f in fields))
        finally:
            store.close()
        if action == "add-kiosk":
            print(  # noqa: T201
                f"token for kiosk {args.kiosk_id} (shown once; put it in the kiosk's"
                f" token_file):\n{result}"
            )
        else:
            print(f"{action}: done")  # noqa: T201
        return 0

    return run


def _add_user(args: argparse.Namespace) -> int:
    from kiosk.endpoint.store.registry import new_token

    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    elif args.api_token:
        password = None
    else:
        password = getpass.getpass(f"password for {args.name}: ")
    if password is not None and len(password) < 10:
        raise ValueError("a password needs at least 10 characters")
    token = new_token() if args.api_token else None
    store = _open(args)
    try:
        store.change("add-user", ACTOR, args.name, args.role, args.scope, password, api_token=token)
    finally:
        store.close()
    print(f"add-user: {args.name} ({args.role})")  # noqa: T201
    if token:
        print(f"API token (shown once):\n{token}")  # noqa: T201
    return 0


def _list(args: argparse.Namespace) -> int:
    store = _open(args)
    try:
        listing = store.listing()
    finally:
        store.close()
    if args.json:
        print(json.dumps(listing, indent=2, ensure_ascii=False))  # noqa: T201
        return 0
    for kind, rows in listing.items():
        print(f"{kind}:")  # noqa: T201
        for row in rows:
            print("  " + "  ".join(f"{k}={v}" for k, v in row.items()))  # noqa: T201
    return 0


def _import_tokens(args: argparse.Namespace) -> int:
    entries = load_tokens(args.file)
    store = _open(args)
    try:
        counts = store.change("import-tokens", ACTOR, entries)
    finally:
        store.close()
    print(  # noqa: T201
        f"import-tokens: {counts['kiosks']} kiosk(s), {counts['owners']} owner token(s)"
        f" imported; {counts['known']} already known. Kiosks are bound to the site they"
        " name at their first contact."
    )
    return 0


def _kiosks(args: argparse.Namespace) -> int:
    from kiosk.endpoint.store.health import HealthRules

    rules = HealthRules(
        silent_after=timedelta(hours=getattr(args, "silent_after_hours", 2.0)),
        gap_after=timedelta(hours=getattr(args, "gap_after_hours", 1.0)),
    )
    store = _open(args)
    try:
        reports = store.kiosks(rules=rules, max_gaps=10)
    finally:
        store.close()
    if args.attention:
        reports = [r for r in reports if r.attention]
    if args.json:
        print(json.dumps([r.as_dict() for r in reports], indent=2))  # noqa: T201
        return 0
    for r in reports:
        print(  # noqa: T201
            f"{r.kiosk_id}  site={r.site}  version={r.app_version}  answers={r.answers}"
            f"  missing={r.missing}  last_seen={r.last_seen_utc}  skew={r.last_skew_seconds}"
            f"  alerts={r.pending_alerts}  attention={','.join(r.attention) or '-'}"
        )
    return 0


def load_tokens(path: Path | str) -> list[tuple[str, str | None]]:
    """A reference endpoint's tokens file: ``token`` or ``token kiosk-id`` per line."""
    entries: list[tuple[str, str | None]] = []
    for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        parts = line.split()
        if not parts or parts[0].startswith("#"):
            continue
        if len(parts) > 2:
            raise ValueError(f"{path}:{number}: expected 'token' or 'token kiosk-id'")
        entries.append((parts[0], parts[1] if len(parts) == 2 else None))
    if not entries:
        raise ValueError(f"{path}: no tokens")
    return entries


def _demo(args: argparse.Namespace) -> int:
    """Fill (or reuse) a demo database, print the address and logins, then serve it."""
    from datetime import datetime, timezone

    from kiosk.endpoint.demo import prepare
    from kiosk.endpoint.web.i18n import compile_catalogs

    if not args.db:
        raise ValueError("give the demo its own file: --db demo.sqlite")
    compile_catalogs()
    store = _open(args, create=True)
    try:
        passwords = prepare(store, datetime.now(timezone.utc))
    finally:
        store.close()
    address = f"http://{args.host}:{args.port}/web/"
    lines = [f"Demo chain on {address}"] + [
        f"  log in as {name} / {password}" for name, password in passwords.items()
    ]
    sys.stdout.write("\n".join(lines) + "\n")
    sys.stdout.flush()
    args.token_file = None
    return _serve(args)


def _set_config(args: argparse.Namespace) -> int:
    """Check the file with the kiosks' own rules for a central layer, then store it."""
    from kiosk.config.files import read_document
    from kiosk.config.layers import CENTRAL, document_layer
    from kiosk.core.answer import iso_utc
    from kiosk.endpoint.store import config_layers
    from kiosk.endpoint.store.engine import writing

    scope, name = config_layers.parse_scope(args.scope)
    document = read_document(Path(args.file))
    document_layer(CENTRAL, document, args.file)  # a ConfigError names the file and the key
    store = _open(args)
    try:
        with writing(store.engine) as conn:
            version = config_layers.set_layer(
                conn, iso_utc(datetime.now(timezone.utc)), ACTOR, scope, name, document
            )
    finally:
        store.close()
    print(f"set-config {scope}:{name}: version {version}")  # noqa: T201
    return 0


def _alerts(args: argparse.Namespace) -> int:
    """One alert round, as the service runs them (for cron, or to try a trigger)."""
    from kiosk.endpoint.alert_rounds import AlertRounds
    from kiosk.endpoint.app import create_app
    from kiosk.endpoint.config import EndpointConfig

    mail, settings = _mail(args), _alert_settings(args)
    store = _open(args)
    try:
        app = create_app(EndpointConfig(db=args.db or "", mail=mail, alerts=settings), store)
        rounds = AlertRounds(app, store, settings, mail)
        try:
            result = rounds.run_once()
        finally:
            rounds.stop()
    finally:
        store.close()
    print(  # noqa: T201
        f"alerts: {result.fired} fired, {result.reports} report(s) queued,"
        f" {result.sent} sent, {result.failed} failed"
    )
    return 0 if result.failed == 0 else 1


def _add_trigger(args: argparse.Namespace) -> int:
    from kiosk.core.answer import iso_utc
    from kiosk.core.triggers import Trigger
    from kiosk.endpoint.store import alerting, registry
    from kiosk.endpoint.store.engine import writing

    names = {"share": "share", "minutes": "minutes", "min_answers": "min_answers", "hours": "hours"}
    settings = {key: getattr(args, attr) for key, attr in names.items() if hasattr(args, attr)}
    trigger = Trigger.checked(args.kind, settings)
    store = _open(args)
    try:
        with writing(store.engine) as conn:
            rule_id = alerting.add_rule(
                conn,
                iso_utc(datetime.now(timezone.utc)),
                ACTOR,
                trigger,
                area_id=registry.area_id(conn, args.area) if args.area else None,
                site_id=registry.site_id(conn, args.site) if args.site else None,
                email=not args.no_email,
                webhook_url=args.webhook,
                language=args.language,
            )
    finally:
        store.close()
    print(f"add-trigger: trigger {rule_id} ({trigger.kind.value})")  # noqa: T201
    return 0


def _triggers(args: argparse.Namespace) -> int:
    from kiosk.endpoint.store import alerting
    from kiosk.endpoint.store.engine import reading

    store = _open(args)
    try:
        with reading(store.engine) as conn:
            found = alerting.rules(conn)
    finally:
        store.close()
    rows = [
        {
            "id": r.rule_id,
            "kind": r.trigger.kind.value,
            "scope": r.scope,
            "area_id": r.area_id,
            "site_id": r.site_id,
            **r.trigger.settings,
            "email": r.email,
            "webhook": bool(r.webhook_url),  # the address is a secret: never printed
        }
        for r in found
    ]
    if args.json:
        print(json.dumps(rows, indent=2))  # noqa: T201
    for row in [] if args.json else rows:
        print("  ".join(f"{k}={v}" for k, v in row.items()))  # noqa: T201
    return 0


def _remove_trigger(args: argparse.Namespace) -> int:
    from kiosk.core.answer import iso_utc
    from kiosk.endpoint.store import alerting
    from kiosk.endpoint.store.engine import writing

    store = _open(args)
    try:
        with writing(store.engine) as conn:
            alerting.remove_rule(conn, iso_utc(datetime.now(timezone.utc)), ACTOR, args.trigger_id)
    finally:
        store.close()
    print(f"remove-trigger: trigger {args.trigger_id} removed")  # noqa: T201
    return 0


_COMMANDS = {
    "alerts": _alerts,
    "add-trigger": _add_trigger,
    "triggers": _triggers,
    "remove-trigger": _remove_trigger,
    "serve": _serve,
    "demo": _demo,
    "migrate": _migrate,
    "add-area": _registry("add-area", "name", "region", "brand"),
    "add-site": _registry("add-site", "code", "area", "name"),
    "add-kiosk": _registry("add-kiosk", "kiosk_id", "site"),
    "revoke-kiosk": _registry("revoke-kiosk", "kiosk_id"),
    "add-user": _add_user,
    "list": _list,
    "import-tokens": _import_tokens,
    "kiosks": _kiosks,
    "set-config": _set_config,
}
