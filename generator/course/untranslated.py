"""Warnings for texts still waiting for their translator: copied catalogues and scaffold pages.

A catalogue copied from en.yml passes every structural check (same keys, same placeholders): only a
comparison of its texts with the English ones shows that nobody translated it. `coursegen init` also
writes English pages, marked with SCAFFOLD_NOTE, for a language it has no templates in; such a page
builds, so only the note tells that it still waits for its translator. Both are warnings (fatal with
`check --strict`), at the line to edit.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from generator.course.catalogue import PLACEHOLDER, REFERENCE, STRINGS_DIR, catalogue_path, installed_theme
from generator.course.model import Course
from generator.course.problems import Problems
from generator.course.yamlfile import LineDict, LineList, load_yaml_file

# The title of the note `coursegen init` and `coursegen new` put on a page written in English for a
# language coursegen has no templates in (render/scaffold.py writes it; this is what finds it again).
SCAFFOLD_NOTE = '!!! warning "Translate this page"'
# Words many languages share with English (French, German, Spanish, Catalan...): a catalogue that keeps
# them is translated all the same. Short on purpose: a word here is never reported, in any language.
SAME_WORDS = frozenset({
    "contact", "date", "downloads", "mb", "min", "module", "modules", "ok", "p", "page", "pages", "pdf",
    "position", "question", "questions", "quiz", "score", "scorm", "status", "total",
})
FIRST_KEYS = 5  # how many of the untranslated keys the warning names
# A translator marks a text that is rightly the English one in her language (French "Participant",
# "{n} minutes") with this comment at the end of its line: it is then not reported.
SAME_MARK = "# same as en.yml"
WORD = re.compile(r"[^\W\d_]+")


def _leaves(value: Any, key: str, line: int) -> Iterator[tuple[str, str, int]]:
    """Every text of a catalogue as (dotted key, text, line), in the file's order."""
    if isinstance(value, LineDict):
        for name, inner in value.items():
            yield from _leaves(inner, f"{key}.{name}" if key else str(name), value.line_of(name))
    elif isinstance(value, LineList):
        if all(isinstance(v, str) for v in value):  # a list of names (months): one text
            yield key, "\n".join(value), line
    elif isinstance(value, str):
        yield key, value, line


def _shared(text: str) -> bool:
    """True for a text any language may keep as in English: no words, or only SAME_WORDS."""
    return all(word.lower() in SAME_WORDS for word in WORD.findall(PLACEHOLDER.sub(" ", text)))


def copied_texts(catalogue: LineDict, reference: LineDict, lines: Sequence[str] = ()) -> list[tuple[str, int]]:
    """The (key, line) of every text of `catalogue` that is the English one, beyond the shared words and the
    texts whose line in the catalogue's `lines` ends with SAME_MARK."""
    english = {key: text for key, text, _ in _leaves(reference, "", reference.line)}

    def marked(line: int) -> bool:
        return 0 < line <= len(lines) and lines[line - 1].rstrip().endswith(SAME_MARK)
    return [(key, line) for key, text, line in _leaves(catalogue, "", catalogue.line)
            if english.get(key) == text and not _shared(text) and not marked(line)]


def untranslated_catalogues(course: Course, problems: Problems) -> None:
    """Warn for each catalogue of a declared language whose texts are still the English ones."""
    quiet = Problems(course.root)  # the catalogues were checked by the loader: read errors are not new
    reference = load_yaml_file(installed_theme() / STRINGS_DIR / f"{REFERENCE}.yml", quiet)
    if not isinstance(reference, LineDict):
        return
    for lang in course.languages:
        path = catalogue_path(course.root, lang)
        if lang == REFERENCE or path is None:
            continue
        data = load_yaml_file(path, quiet)
        if not isinstance(data, LineDict):
            continue
        copied = copied_texts(data, reference, path.read_text(encoding="utf-8").splitlines())
        if copied:
            total = sum(1 for _ in _leaves(reference, "", reference.line))
            keys = ", ".join(key for key, _ in copied[:FIRST_KEYS]) + (", …" if len(copied) > FIRST_KEYS else "")
            problems.add(path, copied[0][1], "strings.untranslated",
                         f"{len(copied)} of the {total} texts are those of {REFERENCE}.yml, not translated into "
                         f"'{lang}': {keys}; translate them (words most languages share, such as 'Quiz' or 'PDF', "
                         f"are not counted; a text that is rightly the same ends its line with '{SAME_MARK}')")


def scaffold_pages(course: Course, problems: Problems) -> None:
    """Warn for each page that still carries the scaffold's note asking for a translation."""
    pages = [*course.pages, *(p for m in course.modules
                              for p in (m.overview, *m.lessons, *([m.trainer] if m.trainer else [])))]
    for page in pages:
        for lang, source in page.sources.items():
            for offset, line in enumerate(source.body.split("\n")):
                if line.strip() == SCAFFOLD_NOTE:
                    problems.add(source.path, source.body_line + offset, "i18n.scaffold_untranslated",
                                 f"this {lang} page is still the English text coursegen wrote, under its "
                                 "'Translate this page' note: translate the page, then delete the note")
                    break


def untranslated(course: Course, problems: Problems) -> None:
    """Every `strings.untranslated` and `i18n.scaffold_untranslated` warning of the course."""
    untranslated_catalogues(course, problems)
    scaffold_pages(course, problems)

