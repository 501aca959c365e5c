"""Write the screenshot of the main view that the README shows.

    python -m dashboard.screenshot                 # the seeds, as a new user sees them after `bash start.sh`
    python -m dashboard.screenshot --db FILE --out docs/screenshot.png

Without ``--db`` it does what ``start.sh`` does, in a temporary folder holding a link to ``seeds/``:
``startup-health ingest seeds/`` into ``warehouse.duckdb`` there, then serves it from that folder, so the
page shows the paths a user of the project sees (``seeds/000_….txt``, ``warehouse.duckdb``), never this
machine's. It refuses to write a screenshot whose page names a folder of this machine.
Uses Debian's Chromium through Playwright (never ``playwright install``).
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import shutil
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


def take_screenshot(db: Path, out: Path, *, browser: Any = None, width: int = 1280, height: int = 900) -> str:
    """Serve ``db`` on a free loopback port, open the main view, click the burn-rate bar, save a PNG at
    ``out``. Returns the text of the page photographed."""
    from werkzeug.serving import make_server

    from dashboard.app import create_app

    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    app = create_app(Settings(db=db))
    server = make_server("127.0.0.1", 0, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{server.server_port}/"
    try:
        if browser is not None:
            return _shoot(browser, url, out, width, height)
        from playwright.sync_api import sync_playwright

        with sync_playwright() as p:
            b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return _shoot(b, url, out, width, height)
            finally:
                b.close()
    finally:
        server.shutdown()
        thread.join(5)


def _shoot(browser: Any, url: str, out: Path, width: int, height: int) -> str:
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
        text = str(page.evaluate("() => document.body.textContent"))
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out), full_page=True)
        return text
    finally:
        context.close()


def machine_paths(text: str, folders: list[Path]) -> list[str]:
    """The folders of this machine that ``text`` names.

    >>> machine_paths("seeds/000.txt · warehouse.duckdb", [Path("/tmp/x"), Path("/work/repo")])
    []
    >>> machine_paths("Source: /work/repo/seeds/000.txt", [Path("/tmp/x"), Path("/work/repo")])
    ['/work/repo']
    """
    return [str(f) for f in folders if str(f) in text]


def readme_screenshot(out: Path, *, browser: Any = None) -> str:
    """The README's screenshot: the seeds ingested and served as ``start.sh`` does, from a temporary
    folder. Returns the page's text; raises RuntimeError if it names a folder of this machine."""
    with tempfile.TemporaryDirectory() as tmp:
        home = Path(tmp)
        (home / "seeds").symlink_to(REPO / "seeds", target_is_directory=True)
        subprocess.run([sys.executable, "-m", "startup_health", "ingest", "seeds/", "-q"], check=True, cwd=home,
                       env={**_env(), "STARTUP_HEALTH_DB": "warehouse.duckdb"}, stdout=subprocess.DEVNULL)
        shot = home / "screenshot.png"
        with contextlib.chdir(home):
            text = take_screenshot(Path("warehouse.duckdb"), shot, browser=browser)
        named = machine_paths(text, [home, home.resolve(), REPO, Path(tempfile.gettempdir())])
        if named:
            raise RuntimeError(f"the page names folders of this machine ({', '.join(named)}); screenshot not kept")
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(shot, out)
    return text


def _env() -> dict[str, str]:
    import os

    return {**os.environ, "PYTHONPATH": str(REPO)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="warehouse to show (default: seeds/ ingested as start.sh does)")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshot.png")
    args = parser.parse_args(argv)
    if args.db is not None:
        take_screenshot(args.db, args.out)
    else:
        try:
            readme_screenshot(args.out)
        except RuntimeError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 1
    print(f"Screenshot: {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
