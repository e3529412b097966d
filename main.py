"""Entry point: hands the command line to console.cli."""

import sys

from console.cli import main

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
