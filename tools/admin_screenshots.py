"""Render the owner's screens with demo data to PNG, in every language and orientation.

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/admin_screenshots.py --out screenshots \
        [--tsv /tmp/es-admin.tsv] [--sizes 1024x600,3840x2160|all] [--languages ca,fr|all] \
        [--dpi 282]

``--tsv`` adds Spanish translations not yet merged into ``translations/kiosk_es.ts``
(``context<TAB>English<TAB>Spanish`` lines), compiled with pyside6-lrelease on the fly.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path
from xml.sax.saxutils import escape

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QTranslator

from kiosk import __version__
from kiosk.admin.area import AdminArea
from kiosk.admin.screenshots import render_admin_screens
from kiosk.app.admin_services import build
from kiosk.config import Settings
from kiosk.core.demo import DemoPlan, generate_answers, iter_chunks
from kiosk.store.recovery import open_store
from kiosk.ui import theme
from kiosk.ui.i18n import Translations
from kiosk.ui.window import KioskWindow

PIN = "2468"


def tsv_to_qm(tsvs: list[Path], folder: Path) -> Path:
    contexts: dict[str, list[tuple[str, str]]] = {}
    for tsv in tsvs:
        for line in tsv.read_text(encoding="utf-8").splitlines():
            fields = line.split("\t")
            if len(fields) == 3:
                context, source, target = fields
                contexts.setdefault(context, []).append((source, target))
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        '<TS version="2.1" language="es">',
    ]
    for context, pairs in contexts.items():
        parts.append(f"<context><name>{escape(context)}</name>")
        for source, target in pairs:
            parts.append(
                f"<message><source>{escape(source)}</source>"
                f"<translation>{escape(target)}</translation></message>"
            )
        parts.append("</context>")
    parts.append("</TS>")
    ts = folder / "extra_es.ts"
    ts.write_text("\n".join(parts), encoding="utf-8")
    qm = folder / "extra_es.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run([str(lrelease), "-silent", str(ts), "-qm", str(qm)], check=True)  # noqa: S603 - our own tool
    return qm


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--tsv", action="append", default=[])
    parser.add_argument("--count", type=int, default=2400)
    parser.add_argument("--sizes", help="WxH,... or all (default: 1280x800,800x1280)")
    parser.add_argument("--languages", help="codes or all (default: es,en)")
    parser.add_argument("--dpi", type=float, help="the panel's pixels per inch")
    args = parser.parse_args()
    from kiosk.commands.screenshots import parse_languages, parse_sizes

    sizes = parse_sizes(args.sizes)
    languages = parse_languages(args.languages) or ("es", "en")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    from kiosk.app.guest import qt_app

    app = qt_app()
    theme.apply(app)
    with tempfile.TemporaryDirectory(prefix="kiosk-admin-shots-") as scratch:
        folder = Path(scratch)
        opened = open_store(folder / "kiosk.sqlite", "mostrador-1", __version__)
        now = datetime.now(timezone.utc)
        plan = DemoPlan(
            count=args.count,
            days=45,
            end=now,
            utc_offset_minutes=-300,
            kiosk_id="mostrador-1",
            app_version=__version__,
            languages=("es", "en"),
            reason_ids=None,
        )
        for chunk in iter_chunks(generate_answers(random.Random(7), plan), 5000):
            opened.answers.import_answers(chunk, origin="demo", enqueue=False)
        today_answers = [
            opened.answers.record_score(s, "es", now=now - timedelta(minutes=m))
            for m, s in enumerate([10, 9, 3, 8, 10, 6])
        ]
        del today_answers
        settings = Settings()
        services = build(opened.db, settings, folder / "kiosk.toml", export_folder=folder)
        services.set_pin(PIN)
        translations = Translations(languages, languages[0])
        extra = None
        if args.tsv:
            extra = QTranslator()
            if not extra.load(str(tsv_to_qm([Path(t) for t in args.tsv], folder))):
                raise SystemExit("cannot load the extra translations")

        def set_language(language: str) -> None:
            if extra is not None:
                QCoreApplication.removeTranslator(extra)
                if language == "es":
                    QCoreApplication.installTranslator(extra)
            translations.set_language(language)

        window = KioskWindow()
        window.set_look(settings.kiosk.accent_colour, args.dpi)
        window.setMinimumSize(400, 300)
        area = AdminArea(services)
        window.show_screen(area)
        window.show()
        count = 0
        for name, pixmap in render_admin_screens(area, window, languages, set_language, PIN, sizes):
            pixmap.save(str(out / f"{name}.png"))
            count += 1
        area.shutdown()
        translations.close()
        opened.db.close()
    print(f"{count} screenshots in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
