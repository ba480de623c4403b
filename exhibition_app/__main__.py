"""``python -m exhibition_app`` and the ``exhibition-app`` console script."""

import sys


def main() -> int:
    from exhibition_app.cli import main as cli_main

    return cli_main()


if __name__ == "__main__":
    sys.exit(main())
