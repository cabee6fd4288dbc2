"""`coursegen init`: a new course folder that passes `check` and builds at once.

It writes course.yml, a mkdocs.yml without `custom_dir` (the theme installed with coursegen
is used), a home page, one module with its quizzes and a brand, each in every language asked
for. A language coursegen has no interface strings for gets a copy of the English catalogue in
the course's theme/strings/, to translate; one it has no scaffold templates for gets English texts
marked for translation (`check --strict` fails on those until they are translated). Nothing is written until
every file has been made.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from generator.course import cldr
from generator.course.catalogue import REFERENCE, STRINGS_DIR, installed_theme
from generator.course.languages import COURSE_FILE, Language
from generator.course.loader import lang_file_name
from generator.course.schema import SCHEMAS, load_schema
from generator.errors import UsageError
from generator.render.scaffold import (
    has_templates,
    in_language,
    markdown,
    module_files,
    render,
    text_maps,
    texts,
    translate_notes,
)

DEFAULT_TITLE = "My course"
DEFAULT_LANGUAGES = "en"
FIRST_MODULE = "01-first-module"
# A language code as course.yml takes it: the pattern of course.schema.json.
_LANGUAGE = load_schema("course.schema.json")["properties"]["languages"]["items"]
CODE = re.compile(_LANGUAGE["properties"]["code"]["pattern"])
RTL = "rtl"
# A form of a counted string in en.yml: `    one: '{n} lesson'`.
FORM = re.compile(r"^    (zero|one|two|few|many|other): (.*)$")



class InitError(UsageError):
    """A folder or an option `init` cannot work with; nothing was written."""


@dataclass
class NewCourse:
    """What `init_course` wrote: the files (relative to the course folder) and what the author should know."""

    root: Path
    files: list[Path] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def check_folder(folder: Path) -> None:
    """`init` writes into a new or an empty folder only."""
    if folder.exists() and not folder.is_dir():
        raise InitError(f"{folder} is a file: give the name of a new folder for the course")
    if folder.is_dir() and any(folder.iterdir()):
        raise InitError(f"{folder} is not empty: give a new folder (or an empty one) for the course; "
                        "nothing was written")


def parse_languages(text: str) -> list[Language]:
    """`en,fr` -> the languages of course.yml, the first the default; InitError for a bad or repeated code."""
    codes = [cldr.tag_case(code.strip()) for code in text.split(",") if code.strip()]
    if not codes:
        raise InitError("--languages: give at least one language code, e.g. en or en,fr")
    for code in codes:
        if not CODE.match(code):
            raise InitError(f"--languages: '{code}' is not a language code: write two or three letters (en, fr, "
                            "de, ar), with a script or region only as Material names one (pt-BR, zh-Hant), "
                            "separated by commas")
        if cldr.babel_locale(code) is None:
            raise InitError(f"--languages: '{code}' is not a language CLDR knows (the locale data of numbers, "
                            "dates and plural rules): write the language's ISO 639 code (br, eu, gd)")
    repeated = sorted({code for code in codes if codes.count(code) > 1})
    if repeated:
        raise InitError(f"--languages: '{repeated[0]}' is given twice: list each language once")
    return [Language(code, cldr.self_name(code), RTL if cldr.right_to_left(code) else "ltr") for code in codes]


def installed_catalogues() -> list[str]:
    """The codes of the interface catalogues installed with coursegen (en, fr, ...)."""
    return sorted(p.stem for p in (installed_theme() / STRINGS_DIR).glob("*.yml"))


def copied_catalogue(language: Language) -> str:
    """The English catalogue with a header that asks for a translation into `language`."""
    english = (installed_theme() / STRINGS_DIR / f"{REFERENCE}.yml").read_text(encoding="utf-8")
    english = with_plural_forms(english.replace("\nreviewed: true\n", "\nreviewed: false\n", 1), language.code)
    return (f"# Interface strings in {language.name} ({language.code}): TRANSLATE EVERY TEXT.\n"
            f"# coursegen has no catalogue in {language.name}, so `coursegen init` copied its English one\n"
            f"# ({REFERENCE}.yml) here. Translate the texts; keep every key and every {{placeholder}}:\n"
            f"# `coursegen check` compares this file with the English one, key for key.\n#\n" + english)


def with_plural_forms(catalogue: str, code: str) -> str:
    """A copy of en.yml whose counted strings have the plural categories of language `code`.

    English writes `one` and `other`; a form the language needs besides (Polish `few`, `many`) starts as the
    English `other`, and a form it does not have (`one` in Chinese) goes, so the copy checks at once."""
    lines, out = catalogue.split("\n"), []
    wanted = [c for c in cldr.CATEGORIES if c in cldr.required_categories(code)]
    i = 0
    while i < len(lines):
        forms: dict[str, str] = {}
        j = i + 1
        while j < len(lines) and (form := FORM.match(lines[j])):
            forms[form.group(1)] = form.group(2)
            j += 1
        out.append(lines[i])
        for c in wanted if forms else []:
            # "One minute left." suits a form for 1 alone; where a category counts more (fr one: 0 and 1), `other`.
            keep = c in forms and ("{n}" in forms[c] or cldr.single_count(code, c) is not None)
            out.append(f"    {c}: {forms[c] if keep else forms['other']}")
        i = j
    return "\n".join(out)


def course_files(title: str, languages: list[Language], brand: str) -> dict[str, str]:
    """Every file of the new course, by path relative to its folder."""
    installed = installed_catalogues()
    codes = tuple(language.code for language in languages)
    files: dict[str, str] = {
        COURSE_FILE: render("course.yml", languages=languages, installed=", ".join(installed),
                            example=next((lang.code for lang in languages[1:]), "fr")),
        "mkdocs.yml": render("mkdocs.yml", title=title, brand=brand),
        ".gitignore": "# What `coursegen build` writes: the portal and the trainer edition (every answer).\n"
                      "site/\ntrainer/\n",
    }
    # The schema the first line of each quiz names, for editors with the YAML language server.
    files["quizzes/schema/quiz.schema.json"] = (SCHEMAS / "quiz.schema.json").read_text(encoding="utf-8")
    for stem, name in (("home", "index"), ("abbreviations", "abbreviations")):
        for language in languages:
            files[f"pages/{lang_file_name(name, language.code, codes)}"] = markdown(
                stem, language, title=in_language(title, language.code), module=FIRST_MODULE)
    for path, text in module_files(Path("."), FIRST_MODULE, languages).items():
        files[path.as_posix()] = text
    table = texts("brand", languages, brand=brand)
    for language in languages:
        table[language.code]["name"] = in_language(brand, language.code)
    files["brands/default.yml"] = render("brand.yml", notes=translate_notes(languages, "legal and privacy texts"),
                                         text=text_maps(table))
    for language in languages:
        if language.code not in installed:
            files[f"theme/{STRINGS_DIR}/{language.code}.yml"] = copied_catalogue(language)
    return files


def notices(languages: list[Language]) -> list[str]:
    """What the author must finish by hand: names to edit, catalogues and texts to translate."""
    said: list[str] = []
    installed = installed_catalogues()
    for language in languages:
        if language.code not in installed:
            said.append(f"theme/{STRINGS_DIR}/{language.code}.yml: coursegen has no interface strings in "
                        f"{language.name} ({language.code}): this is a copy of the English ones: translate every "
                        "text")
        if not has_templates(language.code):
            said.append(f"{language.code}: coursegen has no page templates in {language.name}: the pages, quizzes "
                        "and brand texts of that language are in English, marked 'Translate': translate them")
    return said


def init_course(folder: Path, title: str, languages: list[Language], brand: str) -> NewCourse:
    """Write a new course into `folder` (new or empty) in `languages`, the first the default."""
    check_folder(folder)
    title, brand = title.strip(), brand.strip()
    if not title:
        raise InitError("--title: give the course a title")
    if not brand:
        raise InitError("--brand-name: give the name of the organisation that publishes the course")
    files = course_files(title, languages, brand)  # everything is made before anything is written
    made = NewCourse(folder)
    for relative, text in files.items():
        path = folder / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        made.files.append(Path(relative))
    made.notices = notices(languages)
    return made
