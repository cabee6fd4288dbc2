"""`mkdocs build` of several config files in one process: the engine alone, for comparison.

Run with the interpreter of the environment being measured (the project's venv, or the
benchmark's mkdocs-quiz venv); it imports nothing but MkDocs. One process for both
languages, as `coursegen build` uses one, so neither side pays an extra start-up.
"""

from __future__ import annotations

import logging
import sys

from mkdocs.commands.build import build
from mkdocs.config import load_config


def main(config_files: list[str]) -> int:
    logging.basicConfig(level=logging.WARNING, format="mkdocs: %(message)s")
    for config_file in config_files:
        build(load_config(config_file))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
