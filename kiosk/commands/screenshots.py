"""``kiosk screenshots --out DIR``: every guest screen, in every language, both orientations."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from kiosk.app.screenshots import SIZES, offscreen_kiosk, render_screens


def parse_sizes(text: str | None) -> tuple[tuple[int, int], ...]:
    """``"1024x600,3840x2160"``, ``"all"`` (every size in kiosk.ui.theme.SCREENS) or None."""
    from kiosk.ui.theme import SCREENS

    if not text:
        return SIZES
    if text == "all":
        return SCREENS
    sizes = []
    for one in text.split(","):
        width, _, height = one.strip().partition("x")
        if not (width.isdigit() and height.isdigit()) or int(width) < 320 or int(height) < 320:
            raise ValueError(f"a size is WIDTHxHEIGHT, like 1024x600; got {one!r}")
        sizes.append((int(width), int(height)))
    return tuple(sizes)


def parse_languages(text: str | None) -> tuple[str, ...] | None:
    from kiosk.core.languages import SUPPORTED_LANGUAGES

    if not text:
        return None
    if text == "all":
        return SUPPORTED_LANGUAGES
    languages = tuple(one.strip() for one in text.split(","))
    unknown = [one for one in languages if one not in SUPPORTED_LANGUAGES]
    if unknown:
        raise ValueError(
            f"unknown language {unknown[0]!r}; expected {', '.join(SUPPORTED_LANGUAGES)}"
        )
    return languages


def main(args: argparse.Namespace) -> int:
    out = Path(args.out)
    try:
        sizes = parse_sizes(getattr(args, "sizes", None))
        languages = parse_languages(getattr(args, "languages", None))
    except ValueError as exc:
        sys.stderr.write(f"kiosk screenshots: {exc}\n")
        return 2
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="kiosk-shots-") as scratch:
        kiosk = offscreen_kiosk(
            args.config,
            scratch,
            languages=languages,
            scale=getattr(args, "pseudo", None),
            pixels_per_inch=getattr(args, "dpi", None),
        )
        try:
            count = 0
            for name, pixmap in render_screens(kiosk, sizes):
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
