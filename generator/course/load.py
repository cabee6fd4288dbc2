"""Load and validate a course in one call: what every command starts with."""

from __future__ import annotations

from pathlib import Path

from generator import LANGUAGES
from generator.course.loader import load_course
from generator.course.model import Course
from generator.course.problems import ContentError, Problems
from generator.course.validate import validate


def load_valid_course(root: Path, languages: tuple[str, ...] = LANGUAGES) -> Course:
    """Load and validate the course under `root`; raise ContentError listing every problem."""
    problems = Problems(root)
    course = load_course(root, languages, problems)
    if not problems:
        validate(course, problems)
    if problems:
        raise ContentError(problems.sorted())
    return course
