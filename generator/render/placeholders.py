"""Warnings for the examples `coursegen init` writes and the author has not yet replaced.

A course made with `init` builds at once, so nothing but its texts tells that "My organisation", the
sample questions ("Write the question here.") or the example legal notice are still in it. They are
found from the scaffold itself, what `init` and `new` write (render/scaffold.py and its templates),
not from a second list of texts that could drift: the quiz and brand texts of every language the
scaffold is written in, the default organisation name, and the lines of the scaffold's mkdocs.yml that
carry that name. Warnings (fatal with `check --strict`), each at the line to edit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from generator.course.languages import Language
from generator.course.model import Course
from generator.course.problems import Problems
from generator.course.yamlfile import LineDict, LineList, load_yaml_file
from generator.render.scaffold import SCAFFOLD, render, text_maps, texts

# The organisation `init` names when given no --brand-name (render/init.py takes it from here).
DEFAULT_BRAND = "My organisation"
# The keys of the scaffold's brand file that are examples to replace (its colours and privacy text are
# true as written: the portal sets no cookie).
BRAND_EXAMPLES = ("name", "legal", "contact.email")
SPACES = re.compile(r"\s+")


def _flat(text: str) -> str:
    return SPACES.sub(" ", text).strip()


def _short(text: str, width: int = 50) -> str:
    """A text to quote in a message: whole words, at most about `width` characters."""
    flat = _flat(text)
    return flat if len(flat) <= width else flat[:width].rsplit(" ", 1)[0] + " …"


def _pattern(text: str) -> re.Pattern[str]:
    """A scaffold text as a pattern: what init filled in stands for any module name (`{slug}`) or any text."""
    escaped = re.escape(_flat(text)).replace(re.escape("{slug}"), r"[a-z0-9-]+")
    return re.compile(re.sub(r"\\\{\w+\\\}", ".+", escaped), re.S)


def _scaffold_languages() -> list[Language]:
    """Every language the scaffold's short texts are written in (texts/<code>.yml)."""
    return [Language(path.stem, path.stem) for path in sorted((SCAFFOLD / "texts").glob("*.yml"))]


@cache
def quiz_examples() -> tuple[re.Pattern[str], ...]:
    """The sample question, answer and feedback texts of the scaffold's quizzes, in every scaffold language."""
    table = texts("quiz", _scaffold_languages())
    return tuple(_pattern(text) for entries in table.values() for text in entries.values())


@cache
def brand_examples() -> dict[str, tuple[re.Pattern[str], ...]]:
    """Per brand key (name, legal, contact.email): the scaffold brand file's example values, any language."""
    languages = _scaffold_languages()
    table = texts("brand", languages, brand=DEFAULT_BRAND)
    for entries in table.values():
        entries["name"] = DEFAULT_BRAND
    written = yaml.safe_load(render("brand.yml", notes=[], text=text_maps(table)))
    found: dict[str, tuple[re.Pattern[str], ...]] = {}
    for key in BRAND_EXAMPLES:
        value: Any = written
        for part in key.split("."):
            value = value[part]
        values = value.values() if isinstance(value, dict) else [value]
        # In a longer text (the legal notice) the name stands for whatever name init was given.
        found[key] = tuple(re.compile(re.escape(str(v))) if str(v) == DEFAULT_BRAND
                           else _pattern(str(v).replace(DEFAULT_BRAND, "{brand}")) for v in values)
    return found


@cache
def config_examples() -> tuple[str, ...]:
    """The keys of the scaffold's mkdocs.yml whose value `init` fills with the organisation's name."""
    written = render("mkdocs.yml", title="T", brand=DEFAULT_BRAND)
    return tuple(line.split(":", 1)[0] for line in written.splitlines()
                 if DEFAULT_BRAND in line and not line.lstrip().startswith("#"))


def _leaves(value: Any, key: str, line: int, owner: LineDict | None = None,
            name: str = "") -> Iterator[tuple[str, str, int]]:
    """Every text of a YAML file as (dotted key, text, line of the text)."""
    if isinstance(value, LineDict):
        for inner_name, inner in value.items():
            yield from _leaves(inner, f"{key}.{inner_name}" if key else str(inner_name), value.line_of(inner_name),
                               value, str(inner_name))
    elif isinstance(value, LineList):
        for index, inner in enumerate(value):
            yield from _leaves(inner, key, value.item_lines[index] if index < len(value.item_lines) else line)
    elif isinstance(value, str):
        yield key, value, owner.text_line(name, 0) if owner is not None else line


def _matches(text: str, patterns: tuple[re.Pattern[str], ...]) -> bool:
    return any(p.fullmatch(_flat(text)) for p in patterns)


def _quiz_placeholders(path: Path, problems: Problems, quiet: Problems) -> None:
    data = load_yaml_file(path, quiet)
    for key, text, line in _leaves(data, "", 1):
        if _matches(text, quiz_examples()):
            problems.add(path, line, "scaffold.placeholder",
                         f"'{_short(text)}' is an example text `coursegen init` wrote ({key}): replace it with "
                         "your own text")


def _brand_placeholders(path: Path, problems: Problems, quiet: Problems) -> None:
    data = load_yaml_file(path, quiet)
    what = {"name": "the name of the organisation that publishes the course",
            "legal": "your own legal notice (the publisher, the director of publication, the web host)",
            "contact.email": "the address learners write to"}
    for key, text, line in _leaves(data, "", 1):
        example = next((k for k in BRAND_EXAMPLES if key == k or key.startswith(k + ".")), None)
        if example is not None and _matches(text, brand_examples()[example]):
            problems.add(path, line, "scaffold.placeholder",
                         f"'{_short(text)}' is the example `coursegen init` wrote ({key}): replace it with "
                         f"{what[example]}")


def _config_placeholders(path: Path, problems: Problems) -> None:
    keys = config_examples()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.split(":", 1)[0] in keys and DEFAULT_BRAND in line:
            problems.add(path, number, "scaffold.placeholder",
                         f"'{DEFAULT_BRAND}' is the example name `coursegen init` wrote ({line.split(':', 1)[0]}): "
                         "replace it with the name of the organisation that publishes the course (the footer and "
                         "the PDF cover show it)")


def placeholders(course: Course) -> list[str]:
    """Every `scaffold.placeholder` warning of the course, sorted, as `path:line: message [code]`."""
    problems, quiet = Problems(course.root), Problems(course.root)  # the files were checked by the loader
    for quiz in course.quizzes.values():
        _quiz_placeholders(quiz.path, problems, quiet)
    for path in sorted((course.root / "brands").glob("*.y*ml")):
        _brand_placeholders(path, problems, quiet)
    config = course.root / "mkdocs.yml"
    if config.is_file():
        _config_placeholders(config, problems)
    return [str(p) for p in problems.sorted()]

