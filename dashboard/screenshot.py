"""Write the screenshot of the main view that the README shows.

    python -m dashboard.screenshot                 # ingests seeds/ into a temporary warehouse
    python -m dashboard.screenshot --db FILE --out docs/screenshot.png

Uses Debian's Chromium through Playwright (never ``playwright install``).
"""

from __future__ import annotations

import argparse
import logging
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from startup_health.settings import Settings

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1"]
REPO = Path(__file__).resolve().parents[1]


def take_screenshot(db: Path, out: Path, *, browser: Any = None, width: int = 1280, height: int = 900) -> Path:
    """Serve ``db`` on a free loopback port, open the main view, click the burn-rate bar, save a PNG."""
    from werkzeug.serving import make_server

    from dashboard.app import create_app

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    app = create_app(Settings(db=db))
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        if browser is None:
            from playwright.sync_api import sync_playwright

            with sync_playwright() as p:
                b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    _shoot(b, f"http://127.0.0.1:{server.server_port}/", out, width, height)
                finally:
                    b.close()
        else:
            _shoot(browser, f"http://127.0.0.1:{server.server_port}/", out, width, height)
    finally:
        server.shutdown()
        thread.join(5)
    return out


def _shoot(browser: Any, url: str, out: Path, width: int, height: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": height}, device_scale_factor=1)
    try:
        page = context.new_page()
        page.goto(url)
        page.wait_for_selector("#comparison-chart g.trace.bars", state="attached", timeout=30_000)
        page.wait_for_selector("#evidence-grid .ag-row", timeout=30_000)
        # show some evidence: the first reported figure of the side-by-side table
        button = page.locator("#scorecards td.reported button").first
        if button.count():
            button.click()
            page.wait_for_selector("#evidence-detail .evidence-card", timeout=10_000)
        page.wait_for_timeout(500)
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out), full_page=True)
    finally:
        context.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="warehouse to show (default: seeds/ ingested into a temp file)")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshot.png")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "seeds.duckdb"
            subprocess.run(
                [sys.executable, "-m", "startup_health", "ingest", str(REPO / "seeds"), "--db", str(db)],
                check=True,
                cwd=REPO,
            )
        out = take_screenshot(db, args.out)
    print(f"Screenshot: {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
