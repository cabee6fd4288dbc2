"""Read the course folders into the model, collecting every problem with its place."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from generator.course.catalogue import load_catalogues
from generator.course.languages import COURSE_FILE, load_languages
from generator.course.markdown_scan import french_typography
from generator.course.model import Answer, Choice, Course, Item, Module, Page, Question, Quiz, Source, Text
from generator.course.problems import Problems
from generator.course.question_fields import check_tolerances, drop_foreign_fields
from generator.course.schema import check, load_schema
from generator.course.yamlfile import LineDict, YamlProblem, load_yaml_file, parse_yaml, read_text

NAME = re.compile(r"^[0-9]{2}-[a-z0-9][a-z0-9-]*$")
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
ABBREVIATIONS = "abbreviations"


def split_lang(path: Path, languages: tuple[str, ...]) -> tuple[str, str]:
    """`lesson.fr.md` -> ("lesson", "fr"); `lesson.md` -> ("lesson", default language)."""
    stem = path.name[: -len(".md")]
    for lang in languages[1:]:
        if stem.endswith("." + lang):
            return stem[: -len(lang) - 1], lang
    return stem, languages[0]


def lang_file_name(stem: str, lang: str, languages: tuple[str, ...]) -> str:
    """The reverse of split_lang: `lesson.md` in the default (first) language, `lesson.fr.md` in another."""
    return f"{stem}.md" if lang == languages[0] else f"{stem}.{lang}.md"


def read_markdown(path: Path, kind: str, problems: Problems) -> Source | None:
    """Read a Markdown file with YAML front matter; check the front matter's schema."""
    text = read_text(path, problems)
    if text is None:
        return None
    if not text.startswith("---\n"):
        problems.add(path, 1, "frontmatter.missing",
                     "the file must start with front matter: a line '---', 'title: ...', and a closing '---'")
        return None
    end = text.find("\n---\n", 3)
    if end == -1 and text.endswith("\n---"):
        end = len(text) - 4
    if end == -1:
        problems.add(path, 1, "frontmatter.unclosed", "the front matter has no closing '---' line")
        return None
    try:
        meta = parse_yaml(text[4:end + 1], line_offset=1) if text[4:end].strip() else LineDict()
    except YamlProblem as exc:
        problems.add(path, exc.line, exc.code, f"front matter: {exc.message}")
        return None
    if not isinstance(meta, dict):
        problems.add(path, getattr(meta, "line", 2), "frontmatter.type", "front matter must be 'key: value' lines")
        return None
    if not check(meta, load_schema("frontmatter.schema.json")[kind], path, problems, "frontmatter.invalid"):
        return None
    body_line = text[: end + 5].count("\n") + 1
    return Source(path, meta, text[end + 5:], body_line)  # the LineDict keeps each key's line


def load_pairs(files: list[Path], kind: str, slug_of: Callable[[Path], str], languages: tuple[str, ...],
               problems: Problems) -> list[Page]:
    """Group Markdown files by their base name across languages into pages."""
    grouped: dict[Path, dict[str, Path]] = {}
    for path in sorted(files):
        base, lang = split_lang(path, languages)
        grouped.setdefault(path.parent / base, {})[lang] = path
    pages: list[Page] = []
    for key, by_lang in grouped.items():
        base = key.name
        for lang in languages:
            if lang not in by_lang:
                have = by_lang.get(languages[0]) or next(iter(by_lang.values()))  # the original, when there is one
                want = have.with_name(lang_file_name(base, lang, languages))
                problems.add(have, None, "i18n.missing_translation",
                             f"no {lang} version: create {problems.rel(want)}")
        sources = {lang: read_markdown(path, kind, problems) for lang, path in by_lang.items()}
        if all(sources.get(lang) for lang in languages):
            pages.append(Page(slug_of(key), kind, {k: v for k, v in sources.items() if v}))
        else:
            problems.leave_out(*by_lang.values())
    return pages


def load_module(folder: Path, languages: tuple[str, ...], problems: Problems) -> Module | None:
    """One module folder: overview, lessons, trainer notes and the name of its quiz."""
    files = sorted(folder.glob("*.md"))
    for other in sorted(set(folder.iterdir()) - set(files)):
        problems.add(other, None, "file.unexpected", "only .md files belong in a module folder")
    overview = [f for f in files if split_lang(f, languages)[0] == "index"]
    trainer = [f for f in files if split_lang(f, languages)[0] == "trainer"]
    lessons = [f for f in files if f not in overview and f not in trainer]
    if not overview:
        problems.add(folder, None, "module.no_overview", "the module has no index.md (its overview page)")
    for lesson in lessons:
        if not NAME.match(split_lang(lesson, languages)[0]):
            problems.add(lesson, None, "file.name",
                         "a lesson file name starts with two digits and a hyphen, in lowercase (01-my-lesson.md)")
    slug = folder.name
    pages = load_pairs(overview, "module", lambda p: f"{slug}/index", languages, problems)
    lesson_pages = load_pairs(lessons, "lesson", lambda p: f"{slug}/{p.name}", languages, problems)
    trainer_pages = load_pairs(trainer, "trainer", lambda p: f"{slug}/trainer", languages, problems)
    if not pages:
        problems.leave_out(folder)  # links to its lessons are not broken: the module is
        return None
    if not lesson_pages and lessons == []:
        problems.add(folder, None, "module.no_lessons", "the module has no lesson")
    quiz = str(pages[0].sources[languages[0]].meta.get("quiz", ""))
    return Module(slug, pages[0], lesson_pages, trainer_pages[0] if trainer_pages else None, quiz)


def _text(data: Any) -> Text:
    return {k: str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def build_question(data: LineDict) -> Question:
    """A Question from its checked YAML mapping, with the lines problems will point at."""
    q = Question(
        id=data["id"], type=data["type"], prompt=_text(data["prompt"]),
        explanation=_text(data["explanation"]), line=data.line, lesson=data.get("lesson"),
        lesson_line=data.line_of("lesson"), id_line=data.line_of("id"),
        shuffle=data.get("shuffle"),
    )
    if q.type in ("single", "multiple"):
        q.choices_line = data.line_of("choices")
        q.choices = [Choice(c["id"], _text(c["text"]), _text(c["feedback"]), bool(c.get("correct")),
                            line=c.line_of("id"), correct_line=c.line_of("correct"))
                     for c in data["choices"]]
    elif q.type == "true_false":
        answer = bool(data["answer"])
        q.choices = [
            Choice("true", {}, _text(data["feedback_true"]), answer),
            Choice("false", {}, _text(data["feedback_false"]), not answer),
        ]
    elif q.type == "ordering":
        q.items = [Item(_text(i["text"]), _text(i["feedback"]), line=i.line) for i in data["items"]]
    elif q.type == "matching":
        q.items = [Item(_text(p["left"]), _text(p["feedback"]), _text(p["right"]), line=p.line_of("right"))
                   for p in data["pairs"]]
    elif q.type == "numeric":
        default = data.get("tolerance", 0)
        q.answers = [_number(data, default, True)]
        q.answers += [_number(w, w.get("tolerance", default), False) for w in data.get("wrong_answers", [])]
        unit = data.get("unit")
        q.unit = _text(unit) if isinstance(unit, dict) else {lang: str(unit) for lang in q.prompt} if unit else {}
    elif q.type == "short_answer":
        q.answers = [_accepted(data, True)]
        q.answers += [_accepted(w, False) for w in data.get("wrong_answers", [])]
    return q


def tolerance_of(value: float, tolerance: float | str) -> float:
    """An absolute margin: a number as it is, a percentage ("5%") of the answer's size."""
    if isinstance(tolerance, str):
        return abs(value) * float(tolerance.rstrip("% ").replace(",", ".")) / 100
    return float(tolerance)


def _number(entry: LineDict, tolerance: float | str, correct: bool) -> Answer:
    """A numeric answer (the question itself or one of its wrong answers), from its `answer:`."""
    value = float(entry["answer"])
    return Answer(_text(entry["feedback"]), correct, value=value, tolerance=abs(tolerance_of(value, tolerance)),
                  line=entry.line_of("answer"))


def _accepted(entry: LineDict, correct: bool) -> Answer:
    """A short answer (the question itself or one of its wrong answers), from its `answers:`."""
    data = entry["answers"]
    texts = {k: [str(v).strip() for v in values] for k, values in data.items()} if isinstance(data, dict) else {}
    lines = {k: list(getattr(values, "item_lines", [])) for k, values in data.items()} if texts else {}
    return Answer(_text(entry["feedback"]), correct, texts=texts, line=entry.line_of("answers"), text_lines=lines)


def french_in_yaml(node: object) -> list[tuple[int, str]]:
    """French punctuation problems in every `fr:` text of a parsed YAML tree, with lines."""
    found: list[tuple[int, str]] = []
    if isinstance(node, LineDict):
        for key, value in node.items():
            if key == "fr" and isinstance(value, str):
                found += [(node.text_line(key, index), msg) for index, line in enumerate(value.split("\n"))
                          for msg in french_typography(line)]
            else:
                found += french_in_yaml(value)
    elif isinstance(node, list):
        for value in node:
            found += french_in_yaml(value)
    return found


def load_quiz(path: Path, languages: tuple[str, ...], problems: Problems) -> Quiz | None:
    quiz_id = path.stem
    if not SLUG.match(quiz_id):
        problems.add(path, None, "file.name", "a quiz file name uses lowercase letters, digits and hyphens")
        return None
    data = load_yaml_file(path, problems)
    if data is None:
        return None
    if not isinstance(data, LineDict):
        problems.add(path, getattr(data, "line", 1), "quiz.type",
                     "a quiz file is a mapping: 'title:', 'kind:', 'questions:'")
        return None
    drop_foreign_fields(data, path, problems)
    if not check(data, load_schema("quiz.schema.json", languages), path, problems, "quiz.schema"):
        return None
    if data["kind"] == "check" and "pass_mark" in data:
        problems.add(path, data.line_of("pass_mark"), "quiz.pass_mark_on_check",
                     "check questions have no pass mark: remove 'pass_mark' or use 'kind: module'")
    if data["kind"] == "check":
        for key in ("draw", "mode", "time_limit"):
            if key in data:
                problems.add(path, data.line_of(key), "quiz.module_only",
                             f"'{key}' applies to module quizzes only: remove it or use 'kind: module'")
    if "draw" in data and data["draw"] > len(data["questions"]):
        problems.add(path, data.line_of("draw"), "quiz.draw_too_many",
                     f"'draw: {data['draw']}' but the quiz has {len(data['questions'])} questions: "
                     "draw at most as many as there are, or add questions")
    if "time_limit" in data and data.get("mode") != "exam":
        problems.add(path, data.line_of("time_limit"), "quiz.time_limit_practice",
                     "'time_limit' needs 'mode: exam': a practice quiz gives feedback as the learner goes")
    for line, message in french_in_yaml(data):
        problems.add(path, line, "fr.typography", message)
    for question in data["questions"]:
        if question["type"] == "numeric":
            check_tolerances(question, path, problems)
    return Quiz(
        id=quiz_id, path=path, title=_text(data["title"]), kind=data["kind"],
        questions=[build_question(q) for q in data["questions"]],
        pass_mark=int(data.get("pass_mark", 80)), shuffle=bool(data.get("shuffle", True)),
        draw=data.get("draw"), mode=str(data.get("mode", "practice")), time_limit=data.get("time_limit"),
    )


def load_course(root: Path, problems: Problems) -> Course:
    """Load everything under `root`, in the languages its course.yml declares; problems are collected, not raised."""
    declared = load_languages(root, problems)
    if not declared:
        return Course(root, (), [], [], {}, {})
    languages = tuple(lang.code for lang in declared)
    strings = load_catalogues(root, declared, root / COURSE_FILE, problems)
    modules: list[Module] = []
    modules_dir = root / "modules"
    for folder in sorted(p for p in modules_dir.iterdir() if p.is_dir()) if modules_dir.is_dir() else []:
        if not NAME.match(folder.name):
            problems.add(folder, None, "file.name",
                         "a module folder name starts with two digits and a hyphen, in lowercase (01-goals)")
            problems.leave_out(folder)
            continue
        module = load_module(folder, languages, problems)
        if module:
            modules.append(module)
    pages_dir = root / "pages"
    page_files = sorted(pages_dir.rglob("*.md")) if pages_dir.is_dir() else []
    abbreviations: dict[str, str] = {}
    content: list[Path] = []
    for path in page_files:
        base, lang = split_lang(path, languages)
        if path.parent == pages_dir and base == ABBREVIATIONS:
            abbreviations[lang] = read_text(path, problems) or ""
        else:
            content.append(path)
    pages = load_pairs(content, "page", lambda p: p.relative_to(pages_dir).as_posix(), languages, problems)
    quizzes: dict[str, Quiz] = {}
    for path in sorted((root / "quizzes").glob("*.y*ml")) if (root / "quizzes").is_dir() else []:
        quiz = load_quiz(path, languages, problems)
        if quiz:
            quizzes[quiz.id] = quiz
        else:
            problems.leave_out(path)
    return Course(root, tuple(declared), modules, pages, quizzes, abbreviations, strings=strings)
