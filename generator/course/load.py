"""Load and validate a course in one call: what every command starts with."""

from __future__ import annotations

from pathlib import Path

from generator.course import cache
from generator.course.model import Course
from generator.course.problems import ContentError, Problems


def load_valid_course(root: Path, use_cache: bool = True) -> Course:
    """Load and validate the course under `root`; raise ContentError listing every problem.

    A course already validated with the same content comes from the cache (see cache.py).
    """
    key = cache.course_key(root) if use_cache else ""
    cached = cache.load(key) if use_cache else None
    if isinstance(cached, Course):
        return cached
    # Imported on a cache miss only: the parsers and the schema validator take a tenth of a second.
    from generator.course.loader import load_course
    from generator.course.validate import validate

    problems = Problems(root)
    course = load_course(root, problems)
    if not problems:
        validate(course, problems)
    if problems:
        raise ContentError(problems.sorted())
    if use_cache:
        course.key = key
        cache.store(key, course)
    return course
