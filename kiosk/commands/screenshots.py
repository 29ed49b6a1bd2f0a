"""``kiosk screenshots --out DIR``: every guest screen, in every language, both orientations."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from kiosk.app.screenshots import offscreen_kiosk, render_screens


def main(args: argparse.Namespace) -> int:
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kiosk-shots-") as scratch:
        kiosk = offscreen_kiosk(args.config, scratch)
        try:
            count = 0
            for name, pixmap in render_screens(kiosk):
                path = out / f"{name}.png"
                if not pixmap.save(str(path)):
                    sys.stderr.write(f"kiosk screenshots: cannot write {path}\n")
                    return 1
                count += 1
            sys.stdout.write(f"{count} screenshots in {out}\n")
        finally:
            kiosk.close()
            kiosk.ctx.close()
    return 0
