"""`coursegen new`: write a module or a quiz that builds at once, for an author to fill in."""

from __future__ import annotations

import re
from pathlib import Path

from generator.render.quiz import environment

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class ScaffoldError(Exception):
    pass


def _render(name: str, **context: str) -> str:
    return environment().get_template(f"scaffold/{name}.j2").render(**context)


def _write_new(files: dict[Path, str]) -> list[Path]:
    existing = [p for p in files if p.exists()]
    if existing:
        raise ScaffoldError(f"{existing[0]} already exists: choose another name")
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(files)


def new_quiz(root: Path, slug: str) -> list[Path]:
    if not SLUG.match(slug):
        raise ScaffoldError(f"'{slug}' is not a valid quiz name: use lowercase letters, digits and hyphens")
    return _write_new({root / "quizzes" / f"{slug}.yml": _render("quiz.yml", kind="check", slug=slug)})


def new_module(root: Path, slug: str) -> list[Path]:
    if not SLUG.match(slug):
        raise ScaffoldError(f"'{slug}' is not a valid module name: use lowercase letters, digits and hyphens")
    modules = root / "modules"
    if not re.match(r"^[0-9]{2}-", slug):
        numbers = [int(p.name[:2]) for p in modules.glob("[0-9][0-9]-*") if p.is_dir()] if modules.is_dir() else []
        slug = f"{max(numbers, default=0) + 1:02d}-{slug}"
    folder = modules / slug
    if folder.exists():
        raise ScaffoldError(f"{folder} already exists: choose another name")
    context = {"slug": slug}
    return _write_new({
        folder / "index.md": _render("index.md", **context),
        folder / "index.fr.md": _render("index.fr.md", **context),
        folder / "01-first-lesson.md": _render("lesson.md", **context),
        folder / "01-first-lesson.fr.md": _render("lesson.fr.md", **context),
        folder / "trainer.md": _render("trainer.md", **context),
        folder / "trainer.fr.md": _render("trainer.fr.md", **context),
        root / "quizzes" / f"{slug}.yml": _render("quiz.yml", kind="module", slug=slug),
        root / "quizzes" / f"{slug}-checks.yml": _render("quiz.yml", kind="check", slug=slug),
    })
