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


def set_source_date_epoch(root: Path) -> None:
    """Builds are byte-reproducible when dates come from the sources, not the clock."""
    from generator.output import set_build_epoch

    set_build_epoch(root)


def brand_of(args: argparse.Namespace) -> Brand | None:
    """The brand of the command: --brand, else brands/default.yml when the course has one."""
    from generator.course.brand import load_brand

    return load_brand(args.root, args.brand.resolve() if args.brand else None)
