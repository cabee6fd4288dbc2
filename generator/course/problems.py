"""Authoring problems: collected with their place, reported together, never as a traceback."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.course.cldr import plural_category
from generator.errors import CoursegenError


@dataclass(frozen=True, order=True)
class Problem:
    """One thing an author must fix, printed as ``path:line: message [code]``."""

    path: str
    line: int | None
    code: str
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message} [{self.code}]"


@dataclass
class Problems:
    """A collector: every stage adds to it instead of raising on the first problem."""

    root: Path
    items: list[Problem] = field(default_factory=list)
    # Files (or folders) that exist but were left out of the model because of a problem already reported:
    # later stages still run, and skip what points at them instead of calling it missing.
    left_out: set[Path] = field(default_factory=set)

    def add(self, path: Path | str, line: int | None, code: str, message: str) -> None:
        self.items.append(Problem(self.rel(path), line, code, message))

    def leave_out(self, *paths: Path) -> None:
        """Note files or folders the loader could not take in (their problems are reported)."""
        self.left_out.update(p.resolve() for p in paths)

    def is_left_out(self, path: Path) -> bool:
        """True when `path`, or a folder holding it, was left out of the model."""
        resolved = path.resolve()
        return any(p == resolved or p in resolved.parents for p in self.left_out)

    def rel(self, path: Path | str) -> str:
        p = Path(path)
        try:
            return p.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return p.as_posix()

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items), key=lambda p: (p.path, p.line or 0, p.code, p.message))


def count_of(n: int, noun: str, nouns: str) -> str:
    """"1 problem", "2 problems": the command line speaks English, by CLDR's English plural rule."""
    return f"{n} {noun if plural_category('en', n) == 'one' else nouns}"


class ContentError(CoursegenError):
    """Raised once, after collection, when the content has problems; carries them all."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        listing = "\n".join(str(p) for p in problems[:50])
        super().__init__(f"{count_of(len(problems), 'problem', 'problems')} in the course content:\n{listing}")

    def lines(self) -> list[str]:
        found = count_of(len(self.problems), "problem", "problems")
        return [*(str(p) for p in self.problems), f"{found} found; nothing was written."]
