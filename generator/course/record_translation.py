"""`coursegen translated`: record, in each translation, the fingerprint of the source it now matches.

Only the record's line changes (or one line is added): the author's formatting, comments and
order stay as they were. In a page it is a front matter line, `translated_from: "1a2b3c4d5e6f"`; in a
quiz a flow mapping, `translated_from: {fr: "1a2b3c4d5e6f"}`, just above `questions:` for the quiz's
title and just below `id:` for a question. Fingerprints are quoted: YAML reads `123456789012` as a number.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable
from pathlib import Path

from generator.course.model import Course, Page
from generator.course.problems import Problems
from generator.course.translations import KEY, page_fingerprint, texts_fingerprint
from generator.course.yamlfile import LineDict, LineList, load_yaml_file
from generator.errors import UsageError

_ID_LINE = re.compile(r"^(\s*(?:-\s+)?)id\s*:")


def _pages(course: Course) -> list[Page]:
    return [*course.pages, *(p for m in course.modules
                             for p in (m.overview, *m.lessons, *([m.trainer] if m.trainer else [])))]


def record_page(path: Path, fingerprint: str) -> bool:
    """Write `translated_from: <fingerprint>` into the front matter of `path`; True when the file changed."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    end = lines.index("---", 1)  # the loader accepted the file: its front matter is closed
    wanted = f'{KEY}: "{fingerprint}"'  # quoted: an all-digit fingerprint would read as a YAML number
    at = next((i for i in range(1, end) if re.match(rf"{KEY}\s*:", lines[i])), None)
    if at is None:
        lines.insert(end, wanted)
    elif lines[at] == wanted:
        return False
    else:
        lines[at] = wanted
    path.write_text("\n".join(lines), encoding="utf-8")
    return True


def _block_end(lines: list[str], start: int) -> int:
    """The index after a key's block starting at `start` (its value may run on more indented lines)."""
    indent = len(lines[start]) - len(lines[start].lstrip())
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or len(lines[end]) - len(lines[end].lstrip()) > indent):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():  # blank lines belong to what follows
        end -= 1
    return end


def record_quiz(path: Path, languages: tuple[str, ...], langs: Iterable[str],
                questions: Collection[str] = ()) -> bool:
    """Record the current fingerprints of `langs` on the quiz of `path` and on each question (only on the
    questions of `questions`, when given: a translator who brought those up to date, and not the others)."""
    data = load_yaml_file(path, Problems(path.parent))
    if not isinstance(data, LineDict):
        raise UsageError(f"{path}: not a quiz coursegen can read: run `coursegen check`")
    chosen = set(langs)
    lines = path.read_text(encoding="utf-8").split("\n")
    nodes: list[LineDict] = [data]
    if isinstance(data.get("questions"), LineList):
        nodes += [q for q in data["questions"] if isinstance(q, LineDict)]
    if questions:
        nodes = [q for q in nodes if q is not data and str(q.get("id")) in questions]
    edits: list[tuple[int, int, str]] = []  # (first index, index after, new line), applied bottom up
    for node in nodes:
        found = node.get(KEY)
        made = found if isinstance(found, LineDict) else LineDict()
        values = {lang: str(made[lang]) for lang in languages[1:] if lang in made}
        values.update({lang: texts_fingerprint(node, languages) for lang in languages[1:] if lang in chosen})
        flow = "{" + ", ".join(f'{lang}: "{values[lang]}"' for lang in languages[1:] if lang in values) + "}"
        if KEY in node:
            start = node.line_of(KEY) - 1
            indent = lines[start][: len(lines[start]) - len(lines[start].lstrip())]
            edits.append((start, _block_end(lines, start), f"{indent}{KEY}: {flow}"))
        elif node is data:
            at = data.line_of("questions") - 1
            edits.append((at, at, f"{KEY}: {flow}"))
        else:
            at = node.line_of("id") - 1
            match = _ID_LINE.match(lines[at])
            if match is None:
                raise UsageError(f"{path}:{at + 1}: write this question's 'id:' on a line of its own, then run "
                                 "`coursegen translated` again")
            edits.append((at + 1, at + 1, " " * len(match.group(1)) + f"{KEY}: {flow}"))
    new = list(lines)
    for start, end, line in sorted(edits, reverse=True):
        new[start:end] = [line]
    if new == lines:
        return False
    path.write_text("\n".join(new), encoding="utf-8")
    return True


def record_translations(course: Course, paths: list[Path], lang: str | None,
                        questions: Collection[str] = ()) -> list[Path]:
    """Record the fingerprints of the translations in `paths` (every page and quiz when empty), in `lang`
    or in every translated language, and in a quiz only on `questions` when given; the files changed."""
    translated = course.languages[1:]
    if lang is not None and lang not in translated:
        raise UsageError(f"--lang {lang}: give a translated language of course.yml ({', '.join(translated)}); "
                         f"{course.default_language} is the language translations are made from")
    wanted = {p.resolve() for p in paths}
    quizzes = {q.path.resolve() for q in course.quizzes.values()}
    unknown = wanted - quizzes - {s.path.resolve() for page in _pages(course) for s in page.sources.values()}
    if unknown:
        raise UsageError(f"not a page or a quiz of this course: {', '.join(sorted(str(p) for p in unknown))}")
    if questions:
        chosen = [quiz for quiz in course.quizzes.values() if quiz.path.resolve() in wanted]
        if len(chosen) != 1 or wanted != {chosen[0].path.resolve()}:
            raise UsageError("--question: name one quiz file, e.g. `coursegen translated quizzes/01-goals.yml "
                             "--lang fr --question smart-1`")
        unknown_ids = sorted(set(questions) - {q.id for q in chosen[0].questions})
        if unknown_ids:
            raise UsageError(f"--question {unknown_ids[0]}: {problems_rel(course, chosen[0].path)} has no such "
                             "question")
    changed: list[Path] = []
    for page in _pages(course):
        source = page_fingerprint(page.sources[course.default_language])
        for code, page_source in page.sources.items():
            named = not wanted or page_source.path.resolve() in wanted or any(
                s.path.resolve() in wanted for c, s in page.sources.items() if c == course.default_language)
            if code in translated and named and (lang or code) == code and record_page(page_source.path, source):
                changed.append(page_source.path)
    for path in sorted(quizzes):
        if (not wanted or path in wanted) and record_quiz(path, course.languages, [lang] if lang else translated,
                                                          questions):
            changed.append(path)
    return changed


def problems_rel(course: Course, path: Path) -> str:
    """`path` as the author names it: relative to the course folder."""
    return Problems(course.root).rel(path)
