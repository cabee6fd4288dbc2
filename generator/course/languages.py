"""The languages a course declares in its `course.yml`: codes, names and writing directions.

Every part of the generator takes its languages from here: file names (`lesson.md` is the first
language, `lesson.fr.md` another), the text maps of quizzes and brands, the language switcher,
search, PDFs, SCORM packages and question banks.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from generator.course import cldr
from generator.course.problems import ContentError, Problems
from generator.course.schema import check, load_schema
from generator.course.yamlfile import LineDict, load_yaml_file

COURSE_FILE = "course.yml"


@dataclass(frozen=True)
class Language:
    """One declared language: its code (en), its name in itself (English) and direction (ltr or rtl)."""

    code: str
    name: str
    dir: str = "ltr"
    line: int = 0  # the line of its `code:` in course.yml
    locale: str = ""  # the CLDR locale course.yml gives it (en-GB), "" for the language's default

    @property
    def cldr_locale(self) -> str:
        """The locale of its dates, numbers and plurals: course.yml's `locale`, else the language's default."""
        return self.locale or cldr.default_locale(self.code)


def load_languages(root: Path, problems: Problems) -> list[Language]:
    """The languages of `root/course.yml`, or [] with a problem when the file is missing or wrong."""
    path = root / COURSE_FILE
    if not path.is_file():
        problems.add(path, None, "course.no_languages",
                     "the course declares its languages in course.yml: create it (`coursegen init` writes one), "
                     "e.g. 'languages:' then '  - code: en' and '    name: English'")
        return []
    data = load_yaml_file(path, problems)
    if data is None:
        return []
    if not isinstance(data, LineDict):
        problems.add(path, getattr(data, "line", 1), "course.type", "course.yml is a mapping: 'languages:' and a list")
        return []
    if not check(data, load_schema("course.schema.json"), path, problems, "course.schema"):
        return []
    languages: list[Language] = []
    for entry in data["languages"]:
        code = str(entry["code"])
        if code in {lang.code for lang in languages}:
            problems.add(path, entry.line_of("code"), "course.duplicate_language",
                         f"language '{code}' is declared twice: keep one")
            continue
        if cldr.babel_locale(code) is None:
            problems.add(path, entry.line_of("code"), "course.unknown_language",
                         f"language '{code}' is not in CLDR (the locale data that gives numbers, dates and plural "
                         "rules): write a code CLDR knows, such as the language's ISO 639 code (br, eu, gd), "
                         "with a region or script only where Material for MkDocs names one (pt-BR, zh-Hant)")
            continue
        locale = str(entry.get("locale", ""))
        if locale and not _locale_of(code, locale):
            problems.add(path, entry.line_of("locale"), "course.locale",
                         f"locale '{locale}' is not a CLDR locale of '{code}': write '{code}' and a region CLDR "
                         "knows for it, as en-GB, pt-BR or es-419 are, or leave `locale` out for the language's "
                         f"default ({cldr.default_locale(code)})")
            continue
        languages.append(Language(code, str(entry["name"]), str(entry.get("dir", "ltr")), entry.line_of("code"),
                                  locale))
    return languages


def _locale_of(code: str, locale: str) -> bool:
    """True when CLDR knows `locale` and it is a locale of the language `code` (en-GB of en, not fr-FR)."""
    found, language = cldr.babel_locale(locale), cldr.babel_locale(code)
    return found is not None and language is not None and found.language == language.language


def declared_languages(root: Path) -> list[Language]:
    """The languages of `root/course.yml`, for a command that needs them before (or without) the course;
    ContentError listing the problems of a missing or broken course.yml."""
    problems = Problems(root)
    languages = load_languages(root, problems)
    if problems or not languages:
        raise ContentError(problems.sorted())
    return languages
