"""The shipped course, copied side by side until it has about 200 lessons: real lessons at a size hosts reach.

The synthetic courses (synthetic.py) have one shape of lesson; the real one has tables, admonitions,
links between modules, embedded questions, recap quizzes and trainer notes. Each copy renumbers the
modules after the previous copy's (01-goals becomes 08-goals, then 15-goals...) and renames every
reference to a module (quiz ids, `lesson:` fields, embeds, links, its summary page) with it; the
other pages, the home page among them, are shared.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

MODULE = re.compile(r"^([0-9]{2})-(.+)$")


def lessons_in(root: Path) -> int:
    """Lessons of the default language: module files other than the overview and the trainer notes."""
    return len([p for p in (root / "modules").glob("*/*.md")
                if p.name.count(".") == 1 and p.stem not in ("index", "trainer")])


def renumbered(slug: str, shift: int) -> str:
    """`01-goals` shifted by 7 is `08-goals`."""
    number, name = slug.split("-", 1)
    return f"{int(number) + shift:02d}-{name}"


def write_replicated(dest: Path, source: Path, lessons: int = 200) -> int:
    """Write the course in `source` (a copy of the real one, without the repository's tooling) to `dest`
    (replaced), its modules copied until it has at least `lessons` lessons; return how many it has."""
    if dest.exists():
        shutil.rmtree(dest)
    # Everything but the lessons and quizzes as it is (pages, theme, the snippets pages include from deploy/).
    def copied_below(folder: str, names: list[str]) -> list[str]:
        if Path(folder) == source:
            return ["modules"]
        return [n for n in names if n.endswith(".yml")] if Path(folder) == source / "quizzes" else []

    shutil.copytree(source, dest, ignore=copied_below)
    slugs = sorted(p.name for p in (source / "modules").iterdir() if p.is_dir() and MODULE.match(p.name))
    per_copy = lessons_in(source)
    copies = max(1, -(-lessons // per_copy))
    if copies * len(slugs) > 99:
        raise ValueError("module folders are numbered 01-99")
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, slugs)) + r")\b")
    for copy in range(copies):
        renamed = {slug: renumbered(slug, copy * len(slugs)) for slug in slugs}

        def rename(text: str, renamed: dict[str, str] = renamed) -> str:
            return pattern.sub(lambda m: renamed[m.group(1)], text)

        for slug in slugs:
            for path in sorted((source / "modules" / slug).rglob("*")):
                target = dest / "modules" / renamed[slug] / path.relative_to(source / "modules" / slug)
                if path.is_dir():
                    target.mkdir(parents=True, exist_ok=True)
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(rename(path.read_text(encoding="utf-8")), encoding="utf-8")
        for path in sorted((source / "pages").rglob("*.md")) if copy else []:  # a module's page (its summary)
            if pattern.search(path.name):
                target = dest / "pages" / rename(path.relative_to(source / "pages").as_posix())
                target.write_text(rename(path.read_text(encoding="utf-8")), encoding="utf-8")
        for path in sorted((source / "quizzes").glob("*.yml")):
            target = dest / "quizzes" / rename(path.name)
            target.write_text(rename(path.read_text(encoding="utf-8")), encoding="utf-8")
    return lessons_in(dest)
