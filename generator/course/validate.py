"""Cross-file rules: answer keys, ids, references, links, translations and French typography.

They run even when loading found problems, on whatever loaded, so that `check` lists every problem at
once; a reference to a file the loader had to leave out (its own problem is reported) is not missing.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

from generator.course.markdown_scan import directives, french_typography, links, prose_lines, written_targets
from generator.course.model import Course, Page, Question, Quiz, Source, normalise_answer
from generator.course.problems import Problems
from generator.course.run_sheet import check_module


def check_question(quiz: Quiz, q: Question, problems: Problems) -> None:
    where = f"question '{q.id}'"
    correct = q.correct_ids
    if q.type in ("single", "multiple"):
        seen: set[str] = set()
        for choice in q.choices:
            if choice.id in seen:
                problems.add(quiz.path, choice.line, "quiz.duplicate_choice",
                             f"{where}: choice id '{choice.id}' is used twice")
            seen.add(choice.id)
        if not correct:
            problems.add(quiz.path, q.choices_line, "quiz.no_correct",
                         f"{where}: no choice is marked 'correct: true': mark the right answer")
        elif q.type == "single" and len(correct) > 1:
            second = [c for c in q.choices if c.correct][1]
            problems.add(quiz.path, second.correct_line, "quiz.single_two_correct",
                         f"{where}: choices {', '.join(repr(c) for c in correct)} are all marked correct but the "
                         "question is single-choice: keep one, or make it 'type: multiple'")
        elif q.type == "multiple" and len(correct) == len(q.choices):
            problems.add(quiz.path, q.choices_line, "quiz.all_correct",
                         f"{where}: every choice is correct, so the question tests nothing: add a wrong option")
    if q.type in ("numeric", "short_answer"):
        check_typed_answers(quiz, q, problems)
    if q.type == "matching":
        for lang in q.prompt:  # a duplicate in any language makes that language's match ambiguous
            rights: set[str] = set()
            for item in q.items:
                right = item.right[lang] if item.right else ""
                if right in rights:
                    problems.add(quiz.path, item.line, "quiz.matching_duplicate",
                                 f"{where}: two pairs have the same right-hand text, so the match is ambiguous")
                rights.add(right)


def check_typed_answers(quiz: Quiz, q: Question, problems: Problems) -> None:
    """A typical wrong answer must not also count as right, or its feedback would never show."""
    right, *wrong = q.answers
    for n, answer in enumerate(wrong, 1):
        if q.type == "numeric" and answer.low <= right.high and right.low <= answer.high:
            problems.add(quiz.path, answer.line, "quiz.wrong_overlaps_right",
                         f"question '{q.id}': wrong answer {n} ({answer.value:g}) is within the tolerance of the "
                         f"right answer ({right.value:g}): move it or narrow the tolerances")
        for lang, texts in answer.texts.items():
            accepted = {normalise_answer(t) for t in right.texts.get(lang, [])}
            for index, text in enumerate(texts):
                if normalise_answer(text) in accepted:
                    problems.add(quiz.path, answer.text_line(lang, index), "quiz.wrong_overlaps_right",
                                 f"question '{q.id}': wrong answer '{text}' ({lang}) is also an accepted answer "
                                 "once case, accents and punctuation are ignored: remove one of them")
    for answer in q.answers:
        for lang, texts in answer.texts.items():
            for index, text in enumerate(texts):
                if not normalise_answer(text):
                    problems.add(quiz.path, answer.text_line(lang, index), "quiz.empty_answer",
                                 f"question '{q.id}': answer '{text}' ({lang}) has no letter or digit, so no "
                                 "reply can match it: write the word itself")


def check_quizzes(course: Course, problems: Problems) -> None:
    lessons = {lesson.slug for m in course.modules for lesson in m.lessons}
    for quiz in course.quizzes.values():
        seen: dict[str, int] = {}
        for q in quiz.questions:
            if q.id in seen:
                problems.add(quiz.path, q.id_line, "quiz.duplicate_id",
                             f"question id '{q.id}' is already used on line {seen[q.id]}: ids are unique in a quiz")
            seen.setdefault(q.id, q.id_line)
            check_question(quiz, q, problems)
            if q.lesson and q.lesson not in lessons and not problems.is_left_out(
                    course.root / "modules" / f"{q.lesson}.md"):
                problems.add(quiz.path, q.lesson_line or q.line, "ref.lesson_missing",
                             f"question '{q.id}': lesson '{q.lesson}' does not exist (module-folder/lesson-file)")


def source_target(page_path: Path, target: str, root: Path) -> Path:
    """Where a relative link in a source file points, in the source tree."""
    clean = target.split("#", 1)[0]
    return Path(posixpath.normpath((page_path.parent / clean).as_posix()))


def quiz_left_out(course: Course, quiz_id: str, problems: Problems) -> bool:
    """True when the quiz's file exists but could not be loaded (its problems are reported already)."""
    return any(problems.is_left_out(course.root / "quizzes" / f"{quiz_id}{ext}") for ext in (".yml", ".yaml"))


def check_links(src: Source, root: Path, known_sources: set[Path], problems: Problems) -> None:
    """A problem for each relative link to a Markdown file that is not a page of the course.

    `known_sources` holds each page's path as the loader found it and resolved: a target that
    names one as written needs no resolving (a look-up of every folder on the way, per link)."""

    def broken(target: str) -> bool:
        if not target.split("#", 1)[0].endswith(".md"):
            return False
        path = source_target(src.path, target, root)
        if path in known_sources:
            return False
        resolved = path.resolve()
        return resolved not in known_sources and not problems.is_left_out(resolved)

    # The targets written in the text first: only a page where one looks broken is parsed, to know
    # whether it is a link (not code) and on which line it is written.
    written = written_targets(src.body)
    if written is not None and not any(broken(target) for target in written):
        return
    for index, target in links(src.body):
        if broken(target):
            problems.add(src.path, src.body_line + index, "ref.broken_link",
                         f"link target '{target}' is not a page of the course")


def check_pages(course: Course, problems: Problems) -> None:
    default = course.languages[0]
    paths = [page.sources[default].path for page in course.page_by_slug().values()]
    known_sources = {*paths, *(path.resolve() for path in paths)}
    module_quiz_ids = {m.quiz_id for m in course.modules}
    for module in course.modules:
        quiz = course.quizzes.get(module.quiz_id)
        src = module.overview.sources[default]
        if quiz is None and quiz_left_out(course, module.quiz_id, problems):
            continue
        if quiz is None:
            problems.add(src.path, src.line_of("quiz"), "ref.quiz_missing",
                         f"quiz '{module.quiz_id}' does not exist: create quizzes/{module.quiz_id}.yml")
        elif quiz.kind != "module":
            problems.add(src.path, src.line_of("quiz"), "ref.quiz_kind",
                         f"quiz '{module.quiz_id}' is a check quiz, not a module quiz")
    for page in [*course.page_by_slug().values(), *(m.trainer for m in course.modules if m.trainer)]:
        check_same_settings(page, default, problems)
        for lang, src in page.sources.items():
            for index, kind, quiz_id, qid in directives(src.body):
                line = src.body_line + index
                quiz = course.quizzes.get(quiz_id)
                if kind != "invalid" and quiz is None and quiz_left_out(course, quiz_id, problems):
                    continue
                if kind == "invalid":
                    problems.add(src.path, line, "ref.directive",
                                 f"'{quiz_id}' is not a valid embed: "
                                 "write [[question:QUIZ/QUESTION]] or [[quiz:QUIZ]]")
                elif quiz is None:
                    problems.add(src.path, line, "ref.quiz_missing", f"quiz '{quiz_id}' does not exist")
                elif kind == "question" and (qid is None or quiz.question(qid) is None):
                    problems.add(src.path, line, "ref.question_missing",
                                 f"quiz '{quiz_id}' has no question '{qid}'")
                elif quiz_id in module_quiz_ids:
                    problems.add(src.path, line, "ref.module_quiz_embedded",
                                 f"'{quiz_id}' is a module quiz: it has its own page; embed check questions instead")
            check_links(src, course.root, known_sources, problems)
            for index, line_text in prose_lines(src.body):
                if line_text.startswith("# "):
                    problems.add(src.path, src.body_line + index, "content.h1",
                                 "a level-one heading: the page title is added for you, start headings at '##'")
                for message in french_typography(line_text) if lang == "fr" else []:
                    problems.add(src.path, src.body_line + index, "fr.typography", message)


# Settings that are not text must be the same in every language: one course, one structure.
SHARED_SETTINGS = ("duration", "quiz")


def check_same_settings(page: Page, default: str, problems: Problems) -> None:
    reference = page.sources[default].meta
    for lang, src in page.sources.items():
        for key in SHARED_SETTINGS:
            if key == "duration" and (key not in src.meta or key not in reference):
                continue  # optional: minutes are computed per language (reading_time.py)
            if lang != default and src.meta.get(key) != reference.get(key):
                problems.add(src.path, src.line_of(key), "i18n.mismatch",
                             f"'{key}' is {src.meta.get(key)!r} here but {reference.get(key)!r} "
                             f"in the {default} version: set the same value in both")


def validate(course: Course, problems: Problems) -> None:
    """Run every cross-file rule on what loaded (all of the course, or what its problems left)."""
    if not course.languages:
        return  # no course.yml to read: nothing loaded, and its problem says why
    check_quizzes(course, problems)
    check_pages(course, problems)
    for module in course.modules:
        check_module(course, module, problems)  # the workshop's run sheet, when the trainer notes have one
    modules_dir = (course.root / "modules").resolve()
    if not course.modules and not any(p.parent == modules_dir for p in problems.left_out):
        problems.add(course.root / "modules", None, "course.empty", "the course has no module")
