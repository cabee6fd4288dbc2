"""What every command shares: exit codes, the course folder, the brand option, the build date."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from generator.errors import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE

if TYPE_CHECKING:
    from generator.course.brand import Brand

__all__ = ["BRAND_HELP", "EXIT_OK", "EXIT_PROBLEMS", "EXIT_USAGE", "brand_of", "build_date", "course_root",
           "find_root"]
BRAND_HELP = "brand file of the hosting organisation (default: brands/default.yml when present)"
# What makes a folder a course: its declaration, or (a course from before course.yml) its site settings.
MARKERS = ("course.yml", "mkdocs.yml")


def find_root(start: Path) -> Path | None:
    """The course root: the nearest folder (here or upwards) holding course.yml or mkdocs.yml; None outside one."""
    for folder in [start, *start.parents]:
        if any((folder / marker).is_file() for marker in MARKERS):
            return folder
    return None


def course_root(given: Path | None, here: Path) -> Path:
    """The course folder of a command: --root, else the one around `here`; ContentError when there is none."""
    root = given if given is not None else find_root(here)
    if root is not None and (any((root / m).is_file() for m in MARKERS) or (root / "modules").is_dir()):
        return root.resolve()
    from generator.course.problems import ContentError, Problems

    folder = (given or here).resolve()
    problems = Problems(folder)
    where = f"{folder} holds no course.yml" if given else f"neither {folder} nor a folder above it holds a course.yml"
    problems.add(folder / "course.yml", None, "course.not_found",
                 f"no course here: {where}: start one with `coursegen init my-course` (then `cd my-course`), "
                 "or give the course folder with --root")
    raise ContentError(problems.sorted())


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
