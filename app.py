"""The web chat's entry point: `python app.py [--index DIR] [--port N]` is `qa serve`."""

import sys

from qa.ui.cli import main

if __name__ == "__main__":
    sys.exit(main(["serve", *sys.argv[1:]]))
