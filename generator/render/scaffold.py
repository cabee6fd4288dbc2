"""`coursegen new`: write a module or a quiz that builds at once, in every language of course.yml.

Markdown comes from one template per language (`scaffold/lesson.md.j2` is English,
`scaffold/lesson.fr.md.j2` French); the short texts of quiz and brand maps from
`scaffold/texts/<code>.yml`. A language coursegen has no template for gets the English text,
marked for translation, so that the course checks and builds at once all the same.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, PackageLoader, StrictUndefined

from generator.course.languages import Language, declared_languages
from generator.course.loader import lang_file_name
from generator.course.markdown_scan import fix_french_line
from generator.course.untranslated import SCAFFOLD_NOTE
from generator.errors import UsageError

SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
SCAFFOLD = Path(__file__).resolve().parent.parent / "templates" / "scaffold"
BASE = "en"  # the language of the templates without a language code (lesson.md.j2)
NOTE = (SCAFFOLD_NOTE + "\n"
        "    This page is in English: coursegen has no template in {name} ({code}). Translate it, then delete "
        "this note.")


class ScaffoldError(UsageError):
    """A module or quiz that cannot be scaffolded (a bad or taken name); nothing was written."""


def quoted(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is YAML's): safe for colons, quotes and `#`."""
    return json.dumps(text, ensure_ascii=False)


def plain(text: str) -> str:
    """A YAML scalar as plain as YAML allows (`English`, `'yes'`), for short values people read."""
    return yaml.safe_dump(text, allow_unicode=True, width=1000).removesuffix("\n...\n").rstrip("\n")


@cache
def _environment() -> Environment:
    # Not the quiz renderers' environment: that one escapes HTML, and these files are Markdown and YAML.
    env = Environment(loader=PackageLoader("generator", "templates"), autoescape=False, undefined=StrictUndefined,
                      keep_trailing_newline=True)
    env.filters["q"] = quoted
    env.filters["plain"] = plain
    return env


def render(name: str, **context: Any) -> str:
    """The template `scaffold/<name>.j2` filled in with `context`."""
    return _environment().get_template(f"scaffold/{name}.j2").render(**context)


def has_templates(code: str) -> bool:
    """True when coursegen's scaffold templates are written in language `code`."""
    return code == BASE or (SCAFFOLD / "texts" / f"{code}.yml").is_file()


def in_language(text: str, code: str) -> str:
    """A text an author typed (a title, a name), with French spacing when it goes into a French file."""
    return fix_french_line(text) if code == "fr" else text


def markdown(stem: str, language: Language, **context: str) -> str:
    """The Markdown page `stem` (index, lesson, trainer, home, abbreviations) in `language`: its own
    template, else the English one with a note to translate it."""
    if has_templates(language.code) and language.code != BASE:
        return render(f"{stem}.{language.code}.md", note="", **context)
    note = "" if has_templates(language.code) else NOTE.format(name=language.name, code=language.code)
    return render(f"{stem}.md", note=note, **context)


@cache
def _texts(code: str) -> dict[str, dict[str, str]]:
    path = SCAFFOLD / "texts" / f"{code if has_templates(code) else BASE}.yml"
    data: dict[str, dict[str, str]] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


def texts(section: str, languages: list[Language], **values: str) -> dict[str, dict[str, str]]:
    """The short texts of `section` (quiz, brand) per language, `{name}` placeholders filled in with `values`."""
    found: dict[str, dict[str, str]] = {}
    for language in languages:
        table = dict(_texts(language.code)[section])
        for key, text in table.items():
            for name, value in values.items():
                text = text.replace("{" + name + "}", in_language(value, language.code))
            table[key] = text
        found[language.code] = table
    return found


def translate_notes(languages: list[Language], what: str) -> list[str]:
    """Comment lines for a YAML file whose texts are in English for languages coursegen has no template in."""
    missing = [f"{lang.name} ({lang.code})" for lang in languages if not has_templates(lang.code)]
    return [f"The {', '.join(missing)} {what} are in English: coursegen has no template in that language. "
            "Translate them."] if missing else []


def text_maps(table: dict[str, dict[str, str]]) -> Callable[[str, int], str]:
    """`text(key, indent)` for templates: a text map in block style, one line (or block) per language."""
    def text(key: str, indent: int) -> str:
        pad = " " * indent
        lines: list[str] = []
        for code, entries in table.items():
            value = entries[key]
            if "\n" in value:
                lines.append(f"{pad}{code}: |-")
                lines += [f"{pad}  {line}" if line else "" for line in value.split("\n")]
            else:
                lines.append(f"{pad}{code}: {quoted(value)}")
        return "\n".join(lines)
    return text


def quiz_yaml(kind: str, slug: str, languages: list[Language]) -> str:
    """A module quiz (two questions) or check questions (one), with texts in exactly `languages`."""
    table = texts("quiz", languages, slug=slug)
    return render("quiz.yml", kind=kind, notes=translate_notes(languages, "texts"), text=text_maps(table))


def module_files(root: Path, slug: str, languages: list[Language]) -> dict[Path, str]:
    """Every file of a new module: overview, first lesson and trainer notes in each language, its quizzes."""
    folder = root / "modules" / slug
    codes = tuple(language.code for language in languages)
    files: dict[Path, str] = {}
    for stem, name in (("index", "index"), ("lesson", "01-first-lesson"), ("trainer", "trainer")):
        for language in languages:
            files[folder / lang_file_name(name, language.code, codes)] = markdown(stem, language, slug=slug)
    files[root / "quizzes" / f"{slug}.yml"] = quiz_yaml("module", slug, languages)
    files[root / "quizzes" / f"{slug}-checks.yml"] = quiz_yaml("check", slug, languages)
    return files


def _write_new(files: dict[Path, str]) -> list[Path]:
    existing = [p for p in files if p.exists()]
    if existing:
        raise ScaffoldError(f"{existing[0]} already exists: choose another name")
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return list(files)


def new_quiz(root: Path, slug: str) -> list[Path]:
    """Write quizzes/<slug>.yml: one check question, in each language of the course."""
    if not SLUG.match(slug):
        raise ScaffoldError(f"'{slug}' is not a valid quiz name: use lowercase letters, digits and hyphens")
    return _write_new({root / "quizzes" / f"{slug}.yml": quiz_yaml("check", slug, declared_languages(root))})


def new_module(root: Path, slug: str) -> list[Path]:
    """Write a module (numbered after the last one) that checks and builds, in each language of the course."""
    if not SLUG.match(slug):
        raise ScaffoldError(f"'{slug}' is not a valid module name: use lowercase letters, digits and hyphens")
    languages = declared_languages(root)
    modules = root / "modules"
    if not re.match(r"^[0-9]{2}-", slug):
        numbers = [int(p.name[:2]) for p in modules.glob("[0-9][0-9]-*") if p.is_dir()] if modules.is_dir() else []
        slug = f"{max(numbers, default=0) + 1:02d}-{slug}"
    folder = modules / slug
    if folder.exists():
        raise ScaffoldError(f"{folder} already exists: choose another name")
    return _write_new(module_files(root, slug, languages))
