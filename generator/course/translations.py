"""Translations that fell behind their source: fingerprints recorded with each translation.

A translation records the fingerprint of the first language's text it was made from: front matter
`translated_from: "<fingerprint>"` in `lesson.fr.md`, and `translated_from: {fr: "<fingerprint>"}` on a
quiz (its title) and on each question (its texts). `coursegen translated` writes them once a
translator is done; `coursegen check` warns, at the recorded line, when the source changed since.
The fingerprint lives in the files, not in git history, so it works in a release archive, a zip
sent by e-mail or a folder on a USB stick alike. A translation without a record is not judged.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.course.model import Course, Page, Source
from generator.course.problems import Problems
from generator.course.yamlfile import LineDict, LineList, load_yaml_file

KEY = "translated_from"
LENGTH = 12  # hex digits: 48 bits, enough to tell two versions of one text apart
NOT_TEXT = frozenset({KEY, "duration", "quiz", "menu"})  # front matter a translator does not translate


def fingerprint(value: Any) -> str:
    """The fingerprint of a source: any JSON-able value (texts, front matter), read the same way on any machine."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:LENGTH]


def page_fingerprint(source: Source) -> str:
    """A page's source file as a translator reads it: the texts of its front matter and its body, with
    trailing spaces and blank lines at the ends ignored. Settings that are not text (a stated duration, the
    module's quiz, `menu`) are the same in every language: changing them leaves the translations as they are."""
    meta = {k: v for k, v in source.meta.items() if k not in NOT_TEXT}
    body = "\n".join(line.rstrip() for line in source.body.strip().split("\n"))
    return fingerprint({"meta": meta, "body": body})


def _source_texts(node: Any, languages: tuple[str, ...], where: str = "") -> Iterator[tuple[str, Any]]:
    """Every text of the first language under a quiz node, with its place. A text map is a mapping whose
    keys are all language codes (`{en: ..., fr: ...}`; accepted answers: `{en: [...], fr: [...]}`)."""
    if isinstance(node, dict):
        if node and set(node) <= set(languages) and languages[0] in node:
            yield where, node[languages[0]]
            return
        for key, value in node.items():
            if key not in (KEY, "questions"):  # a quiz's questions have records of their own
                yield from _source_texts(value, languages, f"{where}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _source_texts(value, languages, f"{where}[{index}]")


def texts_fingerprint(node: Any, languages: tuple[str, ...]) -> str:
    """The fingerprint of the first language's texts of a quiz (its title) or of a question (all of them)."""
    return fingerprint(list(_source_texts(node, languages)))


@dataclass(frozen=True)
class Record:
    """One recorded fingerprint: a translation, its place, what it was made from and what the source is now."""

    path: Path
    line: int
    lang: str
    what: str  # "page", "quiz 'x'", "question 'y'"
    recorded: str | None
    current: str
    question: str | None = None  # the question's id, for a question's record

    def command(self, path: str) -> str:
        """The `coursegen translated` command that records this translation once it is up to date."""
        if self.what == "page":
            return f"coursegen translated {path}"
        return f"coursegen translated {path} --lang {self.lang}" + (
            f" --question {self.question}" if self.question else "")


def page_records(page: Page, source_lang: str) -> Iterator[Record]:
    """A record for each translation of `page`."""
    current = page_fingerprint(page.sources[source_lang])
    for lang, source in page.sources.items():
        if lang != source_lang:
            recorded = source.meta.get(KEY)
            yield Record(source.path, source.line_of(KEY), lang, "page",
                         str(recorded) if recorded is not None else None, current)


def quiz_records(path: Path, data: LineDict, languages: tuple[str, ...]) -> Iterator[Record]:
    """A record for each translated language of a quiz file: its title, then each question."""
    nodes: list[tuple[LineDict, str, str | None]] = [(data, f"quiz '{path.stem}'", None)]
    questions = data.get("questions")
    if isinstance(questions, LineList):
        nodes += [(q, f"question '{q.get('id')}'", str(q.get("id"))) for q in questions if isinstance(q, LineDict)]
    for node, what, question in nodes:
        current = texts_fingerprint(node, languages)
        made = node.get(KEY)
        for lang in languages[1:]:
            recorded = made.get(lang) if isinstance(made, LineDict) else None
            line = made.line_of(lang) if isinstance(made, LineDict) and lang in made else node.line
            yield Record(path, line, lang, what, str(recorded) if recorded is not None else None, current, question)


def course_records(course: Course, problems: Problems) -> Iterator[Record]:
    """Every translation of the course with its record: pages, then quizzes (read again for their lines)."""
    source_lang = course.default_language
    for page in [*course.pages, *(p for m in course.modules
                                  for p in (m.overview, *m.lessons, *([m.trainer] if m.trainer else [])))]:
        yield from page_records(page, source_lang)
    for quiz in course.quizzes.values():
        data = load_yaml_file(quiz.path, problems)
        if isinstance(data, LineDict):
            yield from quiz_records(quiz.path, data, course.languages)


def stale_translations(course: Course, problems: Problems) -> None:
    """Warn at each recorded translation whose source changed after the record (`i18n.translation_stale`)."""
    source_lang = course.default_language
    quiet = Problems(course.root)  # the quizzes were read by the loader already: no new read problem here
    for record in course_records(course, quiet):
        if record.recorded is not None and record.recorded != record.current:
            problems.add(record.path, record.line, "i18n.translation_stale",
                         f"the {source_lang} text of this {record.what} changed after its {record.lang} translation "
                         f"was recorded ({KEY} {record.recorded}, now {record.current}): bring the {record.lang} text "
                         f"up to date, then run `{record.command(problems.rel(record.path))}`")
