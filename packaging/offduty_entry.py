"""Entry point of the frozen app: the same `offduty` command as the installed console script."""

import sys

from desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
