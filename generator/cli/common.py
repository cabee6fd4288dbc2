"""What every command shares: exit codes, the brand option, the build date."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from generator.course.brand import Brand

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
BRAND_HELP = "brand file of the hosting organisation (default: brands/default.yml when present)"


def find_root(start: Path) -> Path:
    """The course root: the nearest folder (upwards) holding mkdocs.yml."""
    for folder in [start, *start.parents]:
        if (folder / "mkdocs.yml").is_file():
            return folder
    return start


def build_date(root: Path) -> int:
    """The build date of a command's outputs, worked out once and handed down as a value.

    Builds are byte-reproducible when dates come from the sources, not the clock (output.build_epoch).
    """
    from generator.output import build_epoch

    return build_epoch(root)


def brand_of(args: argparse.Namespace) -> Brand | None:
    """The brand of the command: --brand, else brands/default.yml when the course has one."""
    from generator.course.brand import load_brand
    from generator.engine.brand import BACKDROPS

    return load_brand(args.root, args.brand.resolve() if args.brand else None, BACKDROPS)
