"""Regenerate the README's screenshots with the app itself (``make screenshots``).

    .venv/bin/python tools/screenshots.py [--catalog catalog.db] [--out docs/screenshots]

The kiosk window is laid out offscreen at each shot's size and language
(exhibition_app.ui.kiosk.screenshots lists them) from the shipped sample exhibition, and
each picture is written as docs/screenshots/NAME.jpg. The same machinery runs the kiosk
preflight (``exhibition-app kiosk preflight``), so the pictures show what it checks.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalog", default=str(ROOT / "catalog.db"))
    parser.add_argument("--assets", default=str(ROOT / "assets"))
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from exhibition_app.catalog import Catalog
    from exhibition_app.ui.kiosk.screenshots import shoot_all

    catalog = Catalog.open(args.catalog, args.assets, create=False)
    try:
        for path in shoot_all(lambda: catalog, Path(args.out)):
            print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    finally:
        catalog.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
