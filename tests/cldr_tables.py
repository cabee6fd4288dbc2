"""A shipped catalogue as the build hands it to the browser scripts, for tests/js/ (node runs this)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.course.catalogue import installed_theme, load_catalogues
from generator.course.languages import Language
from generator.course.problems import Problems


def catalogue(code: str) -> dict[str, Any]:
    """The sections of shipped catalogue `code`, with the `locale` table the build adds; raises on problems."""
    problems = Problems(Path.cwd())
    found = load_catalogues(installed_theme().parent, [Language(code, code)], Path("course.yml"), problems)
    if problems:
        raise SystemExit("\n".join(str(p) for p in problems.sorted()))
    return found[code].sections


def locale(code: str) -> dict[str, Any]:
    """The `locale` table the build writes into core.js for language `code` (no catalogue needed)."""
    from generator.course.cldr import page_table

    return page_table(code)
