"""Screenshots of the managers' pages at phone (390x844) and desktop (1366x900) widths.

    python tools/web_screenshots.py FOLDER [--chromium /usr/bin/chromium]

Builds the demo chain in a temporary SQLite file, serves it with waitress on 127.0.0.1 and
photographs the login, overview, a site, the inbox and a case (English and Spanish) with a
headless Chromium through Playwright.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kiosk.endpoint.app import create_app  # noqa: E402
from kiosk.endpoint.config import EndpointConfig, ServerLimits  # noqa: E402
from kiosk.endpoint.demo import prepare  # noqa: E402
from kiosk.endpoint.serve import make_server  # noqa: E402
from kiosk.endpoint.store.service import CentralStore  # noqa: E402
from kiosk.endpoint.web.i18n import compile_catalogs  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    args.folder.mkdir(parents=True, exist_ok=True)
    compile_catalogs()
    with tempfile.TemporaryDirectory() as folder:
        db = str(Path(folder) / "demo.sqlite")
        store = CentralStore.open(db)
        passwords = prepare(store, datetime.now(timezone.utc))
        server = make_server(
            create_app(EndpointConfig(db=db), store),
            "127.0.0.1",
            0,
            ServerLimits(threads=4),
            1 << 20,
        )
        url = f"http://127.0.0.1:{server.effective_port}"
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=args.chromium, args=ARGS)
                for language in ("en", "es"):
                    context = browser.new_context(locale=language, viewport=SIZES["desktop"])
                    page = context.new_page()
                    pages = [("login", f"{url}/web/login")]
                    shoot(page, args.folder, f"login-{language}", pages[0][1])
                    page.locator("#name").fill("demo-admin")
                    page.locator("#password").fill(passwords["demo-admin"])
                    page.locator("form.card button[type=submit]").click()
                    page.wait_for_url(f"{url}/web/")
                    shoot(page, args.folder, f"overview-{language}", f"{url}/web/?period=quarter")
                    shoot(page, args.folder, f"site-{language}", f"{url}/web/site/sur-playa")
                    shoot(page, args.folder, f"inbox-{language}", f"{url}/web/inbox")
                    page.goto(f"{url}/web/inbox")
                    page.locator("#inbox-rows a").first.click()
                    shoot(page, args.folder, f"case-{language}", page.url)
                    context.close()
                browser.close()
        finally:
            server.close()
            store.close()
    for path in sorted(args.folder.glob("*.png")):
        print(path)
    return 0


def shoot(page, folder: Path, name: str, url: str) -> None:  # type: ignore[no-untyped-def]
    for size, viewport in SIZES.items():
        page.set_viewport_size(viewport)
        page.goto(url)
        page.screenshot(path=str(folder / f"{name}-{size}.png"), full_page=True)


if __name__ == "__main__":
    raise SystemExit(main())
