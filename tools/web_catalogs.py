"""The web pages' catalogs: extract the strings, update the .po files, build the .mo files.

    python tools/web_catalogs.py            # build .mo from the .po (tests and the demo do it)
    python tools/web_catalogs.py --update   # also re-extract and merge new strings into the .po

Sources: translations/web/<lang>/LC_MESSAGES/messages.po; the .mo are never committed.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kiosk.endpoint.web.i18n import CATALOGS, LANGUAGES, compile_catalogs  # noqa: E402


def update() -> None:
    pot = CATALOGS / "messages.pot"
    babel = [sys.executable, "-m", "babel.messages.frontend"]
    extract = [
        *babel,
        "extract",
        "-F",
        str(CATALOGS / "babel.cfg"),
        "-k",
        "_",
        "-k",
        "gettext",
        "-k",
        "ngettext:1,2",
        "-k",
        "QT_TRANSLATE_NOOP:2",  # the built-in reasons' words (kiosk/core/reasons.py)
        "--no-location",
        "--omit-header",
        "-o",
        str(pot),
        str(ROOT),
    ]
    subprocess.run(extract, check=True, cwd=ROOT)  # noqa: S603 - our own fixed command
    for language in LANGUAGES:
        merge = [
            *babel,
            "update",
            "-i",
            str(pot),
            "-d",
            str(CATALOGS),
            "-l",
            language,
            "--no-fuzzy-matching",
        ]
        subprocess.run(merge, check=True)  # noqa: S603 - our own fixed command
    pot.unlink()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--update", action="store_true")
    args = parser.parse_args()
    if args.update:
        update()
    for path in compile_catalogs():
        print(f"built {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
