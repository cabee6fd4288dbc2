"""Interface strings: one YAML catalogue per language, read by the Python renderers and the browser scripts.

A catalogue is `theme/strings/<code>.yml`: the course's own theme first (a course may bring a
language, or reword one), else the theme installed with the generator. The installed `en.yml` is
the reference: every catalogue must hold its sections and keys, with the same `{placeholders}`,
so a missing translation is a build problem, not a blank in a page. A counted string is a mapping of
CLDR plural categories (plural_forms.py). Numbers, dates and plural rules are not in a catalogue: they
come from CLDR through Babel (cldr.py). `reviewed:` says whether a native speaker has read the catalogue.

The validated catalogues travel in the Course, one `Strings` value per language
(`course.strings[lang]`), and each renderer is handed the one of its language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import generator
from generator.course import cldr, plural_forms
from generator.course.problems import Problems
from generator.course.yamlfile import LineDict, load_yaml_file

if TYPE_CHECKING:
    from generator.course.languages import Language

STRINGS_DIR = "strings"
REFERENCE = "en"
PLACEHOLDER = re.compile(r"\{(\w+)\}")
# The one key of a catalogue that is no section: whether a native speaker reviewed it (false unless said).
REVIEWED = "reviewed"
# The section the build adds to every catalogue: what the browser scripts need of the language's CLDR data.
LOCALE = "locale"

Catalogue = dict[str, Any]


def installed_theme() -> Path:
    """The theme installed with the generator.

    From a wheel, theme/ sits inside the package (pyproject's package-dir); in a source checkout
    or an editable install it is the project's top-level theme/.
    """
    package = Path(generator.__file__).resolve().parent
    return next((p for p in (package / "theme", package.parent / "theme") if p.is_dir()), package / "theme")


def catalogue_files(root: Path) -> list[Path]:
    """Every catalogue a course under `root` may read (its own and the installed ones), for cache keys."""
    folders = [root / "theme" / STRINGS_DIR, installed_theme() / STRINGS_DIR]
    return sorted(p for folder in folders if folder.is_dir() for p in folder.glob("*.yml"))


def catalogue_path(root: Path, code: str) -> Path | None:
    """The catalogue of language `code`: the course's own, else the installed one, else None."""
    for theme in (root / "theme", installed_theme()):
        path = theme / STRINGS_DIR / f"{code}.yml"
        if path.is_file():
            return path
    return None


def _reference(problems: Problems) -> LineDict:
    path = installed_theme() / STRINGS_DIR / f"{REFERENCE}.yml"
    data = load_yaml_file(path, problems)
    if not isinstance(data, LineDict):
        raise RuntimeError(f"{path}: the generator's reference catalogue is missing or broken")
    return data


def _placeholders(text: object) -> set[str]:
    return set(PLACEHOLDER.findall(text)) if isinstance(text, str) else set()


def check_catalogue(data: Any, reference: LineDict, path: Path, problems: Problems, code: str = REFERENCE) -> bool:
    """Record every missing, unknown or mistyped key of language `code`'s catalogue; True when there was none."""
    before = len(problems)
    if not isinstance(data, LineDict):
        problems.add(path, getattr(data, "line", 1), "strings.type",
                     "a catalogue is a mapping of sections (site:, print:, …) as in the generator's en.yml")
        return False
    if not isinstance(data.get(REVIEWED, False), bool):
        problems.add(path, data.line_of(REVIEWED), "strings.type",
                     f"'{REVIEWED}' is true (a native speaker read this catalogue) or false")
    for section, wanted in reference.items():
        if section == REVIEWED:
            continue
        if section not in data:
            problems.add(path, data.line or 1, "strings.missing_key",
                         f"section '{section}' is missing: copy it from {REFERENCE}.yml and translate it")
            continue
        found = data[section]
        if not isinstance(found, LineDict):
            problems.add(path, data.line_of(section), "strings.type", f"'{section}' is a mapping of key: text")
            continue
        for key, text in wanted.items():
            if key not in found:
                problems.add(path, data.line_of(section), "strings.missing_key",
                             f"'{section}.{key}' is missing (in {REFERENCE}.yml: {str(text)!r:.60}): translate it")
            elif isinstance(text, LineDict):
                plural_forms.check_forms(found[key], text, (path, found.line_of(key), f"{section}.{key}"), code,
                                         problems, _placeholders)
            elif not isinstance(found[key], str):
                problems.add(path, found.line_of(key), "strings.type", f"'{section}.{key}' must be a text")
            elif _placeholders(found[key]) != _placeholders(text):
                want = ", ".join(f"{{{p}}}" for p in sorted(_placeholders(text))) or "none"
                problems.add(path, found.line_of(key), "strings.placeholder",
                             f"'{section}.{key}' must keep the placeholders of {REFERENCE}.yml ({want}): the code "
                             "fills them in")
        for key in found:
            if key not in wanted:
                problems.add(path, found.line_of(key), "strings.unknown_key",
                             f"'{section}.{key}' is not a key of {REFERENCE}.yml: remove it or fix its name")
    for section in data:
        if section not in reference and section != REVIEWED:
            problems.add(path, data.line_of(section), "strings.unknown_key",
                         f"section '{section}' is not in {REFERENCE}.yml: remove it or fix its name")
    return len(problems) == before


def load_catalogues(root: Path, languages: list[Language], course_file: Path,
                    problems: Problems) -> dict[str, Strings]:
    """The checked catalogue of every declared language; problems for missing or incomplete ones."""
    reference = _reference(problems)
    found: dict[str, Strings] = {}
    for lang in languages:
        path = catalogue_path(root, lang.code)
        if path is None:
            problems.add(course_file, lang.line, "strings.missing_catalogue",
                         f"no interface strings for '{lang.code}' ({lang.name}): create "
                         f"theme/{STRINGS_DIR}/{lang.code}.yml in the course, a copy of "
                         f"{installed_theme() / STRINGS_DIR / (REFERENCE + '.yml')} with every text translated")
            continue
        data = load_yaml_file(path, problems)
        # Plural forms are checked against the rules of the locale the pages will use (pt-PT's `one` is 1 alone).
        if data is not None and check_catalogue(data, reference, path, problems, lang.cldr_locale):
            sections = _plain(data)
            reviewed = bool(sections.pop(REVIEWED, False))
            found[lang.code] = Strings(lang.code, {**sections, LOCALE: cldr.page_table(lang.cldr_locale)}, reviewed,
                                       lang.cldr_locale)
    return found


def _plain(value: Any) -> Any:
    """Ordinary dicts and lists: the Course pickles into the cache and to worker processes."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


@dataclass(frozen=True)
class Strings:
    """One language's checked catalogue: what every renderer of that language is handed.

    A value, not a lookup in process state: the Course carries one per language
    (`course.strings[lang]`), so two courses rendered in one process never mix their texts.
    """

    lang: str
    sections: Catalogue
    reviewed: bool = False  # a native speaker read the catalogue (its `reviewed:`)
    locale: str = ""  # the CLDR locale of its dates, numbers and plurals (en-GB), "" for the language's default

    @property
    def cldr_locale(self) -> str:
        """The locale every number, date and count of this language is written in."""
        return self.locale or cldr.default_locale(self.lang)

    @property
    def site(self) -> dict[str, str]:
        """Texts of the web pages (quiz blocks, journey pages, the chooser)."""
        return cast("dict[str, str]", self.sections["site"])

    @property
    def print(self) -> dict[str, str]:
        """Texts of the printed editions (PDF workbook and trainer edition)."""
        return cast("dict[str, str]", self.sections["print"])

    @property
    def brand(self) -> dict[str, str]:
        """Texts of a brand's legal page and footer."""
        return cast("dict[str, str]", self.sections["brand"])

    @property
    def banks(self) -> dict[str, str]:
        """Texts of the question banks (GIFT, Moodle XML)."""
        return cast("dict[str, str]", self.sections["banks"])

    def table(self, name: str) -> dict[str, str]:
        """A section by name: the tables a script takes (`{/*strings:quiz_js*/}`)."""
        return cast("dict[str, str]", self.sections[name])

    def count(self, key: str, n: int, **values: object) -> str:
        """Counted string `key` ("section.key") for `n`, in the form the language's CLDR rules choose.

        `{n}` is written as the language writes numbers; `values` fill the other placeholders."""
        section, name = key.split(".", 1)
        forms = cast("dict[str, str]", self.sections[section][name])
        return plural_forms.choose(forms, self.cldr_locale, n).format(n=cldr.format_number(n, self.cldr_locale),
                                                                     **values)

    def percent(self, value: float) -> str:
        """`value` per cent as the language writes it (CLDR): 80% in English, 80 % in French."""
        return cldr.format_percent(value, self.cldr_locale)

    def join(self, items: list[str], style: cldr.ListStyle = "standard") -> str:
        """A list as the language writes it (CLDR): "a, b and c", "a、b和c"; style "or" for alternatives."""
        return cldr.format_list(items, self.cldr_locale, style)

    def number(self, value: float) -> str:
        """A number as the language writes it (CLDR, through Babel): 1,234.5 in English, 1 234,5 in French."""
        return cldr.format_number(value, self.cldr_locale)
