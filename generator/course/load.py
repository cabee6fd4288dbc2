"""Load and validate a course in one call: what every command starts with."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from generator.course import cache
from generator.course.model import Course
from generator.course.problems import ContentError, Problems

if TYPE_CHECKING:
    from generator.course.brand import Backdrops, Brand

SITE_CONFIG = "mkdocs.yml"
log = logging.getLogger("coursegen")


def check_site_config(root: Path, problems: Problems) -> None:
    """Every build reads the course's mkdocs.yml; without it a build would fail half-way."""
    if not (root / SITE_CONFIG).is_file():
        problems.add(root / SITE_CONFIG, None, "course.no_mkdocs",
                     "the course has no mkdocs.yml, the site settings every build reads: copy the one "
                     "`coursegen init` writes into a new folder (site_name, theme, markdown_extensions)")


def collect(root: Path, problems: Problems, use_cache: bool = True) -> Course:
    """The course under `root` with every problem of every stage in `problems` (loading does not stop
    validating: what could not load is left out, the rest is checked)."""
    check_site_config(root, problems)  # before the cache: mkdocs.yml is not part of its key
    key = cache.course_key(root) if use_cache else ""
    cached = cache.load(key) if use_cache and not problems else None
    if isinstance(cached, Course):
        log.debug("the course comes from the cache (%s): its sources have not changed", cache.cache_dir())
        return cached
    # Imported on a cache miss only: the parsers and the schema validator take a tenth of a second.
    from generator.course.loader import load_course
    from generator.course.reading_time import compute
    from generator.course.validate import validate

    course = load_course(root, problems)
    validate(course, problems)
    compute(course)  # minutes per language, read by every page that shows them
    if use_cache and not problems:
        course.key = key
        cache.store(key, course)
    return course


def load_valid_course(root: Path, use_cache: bool = True) -> Course:
    """Load and validate the course under `root`; raise ContentError listing every problem.

    A course already validated with the same content comes from the cache (see cache.py).
    """
    problems = Problems(root)
    course = collect(root, problems, use_cache)
    if problems:
        raise ContentError(problems.sorted())
    return course


def check_everything(root: Path, backdrops: Backdrops) -> tuple[Course, list[Brand]]:
    """`coursegen check`: the course and every brand file of brands/, their problems reported together.

    `backdrops`: what the site engine shows brand colours against (engine.brand.BACKDROPS)."""
    from generator.course.brand import read_brand

    problems = Problems(root)
    course = collect(root, problems)
    files = sorted((root / "brands").glob("*.y*ml")) if course.languages else []
    brands = [read_brand(path, problems, course.languages, backdrops) for path in files]
    if problems:
        raise ContentError(problems.sorted())
    return course, [b for b in brands if b is not None]
