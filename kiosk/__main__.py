"""``python -m kiosk``: the same as the ``kiosk`` command."""

import sys

from kiosk.commands.main import main

if __name__ == "__main__":
    sys.exit(main())
