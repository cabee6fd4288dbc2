"""Workshop run sheets in trainer notes: read so that code can use them, checked so that the plan holds.

A trainer page (modules/NN-*/trainer.md and its translations) may carry a run sheet: the first table after
the heading whose id is `run-sheet` (`## Run sheet {#run-sheet}`). Its columns are read by position, so
each language writes its own headers:

    | start | min | step | teaches | uses | materials |

`start` is h:mm from the beginning of the session, `min` the step's minutes, `teaches` and `uses` the ids of
the tools (a grid, a framework, a checklist) the step teaches or needs, and `materials` the printed things the
step needs, each a Markdown link to where it is printed: a card set or sheet of the trainer page
(`#message-cards`), a lesson or a tool page. `quiz` in `uses` is the module quiz. The page's front matter
gives the session's length (`workshop_minutes: 90`) and the page has a `{#before-the-workshop}` section.

Problems found: minutes that do not add up, a start time that does not follow, a material that is not a link
or leads nowhere, a tool used before (or without) the step that teaches it, a quiz given less than 30 seconds
a question, and twins whose minutes differ. Each is reported at its line.
"""

from __future__ import annotations

import math
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path

from markdown.extensions.toc import slugify

from generator.course.markdown_scan import prose_lines
from generator.course.model import Course, Module, Page, Source
from generator.course.problems import Problems

RUN_SHEET_ID = "run-sheet"
BEFORE_ID = "before-the-workshop"
LENGTH_KEY = "workshop_minutes"
QUIZ_TOOL = "quiz"  # in `uses`: the module quiz, which needs no teaching
COLUMNS = 6
SECONDS_PER_QUESTION = 30  # the least a participant needs to read a question and its options

HEADING = re.compile(r"^(#{2,6})\s+(.*?)\s*$")
HAND_ID = re.compile(r"\{[^}]*#([\w-]+)[^}]*\}\s*$")
HTML_ID = re.compile(r"""\bid=["']([^"']+)["']""")
LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")
START = re.compile(r"^(\d+):([0-5]\d)$")
MINUTES = re.compile(r"^(\d+)(?:\s*min)?$")
NONE = {"", "-", "—", "–"}


@dataclass(frozen=True)
class Material:
    """A printed thing a step needs: its words and the link to where it is printed."""

    text: str
    target: str


@dataclass(frozen=True)
class Step:
    """One row of the run sheet."""

    line: int  # line in the source file
    start: str
    minutes: int
    text: str
    teaches: tuple[str, ...]
    uses: tuple[str, ...]
    materials: tuple[Material, ...]


@dataclass(frozen=True)
class RunSheet:
    """A trainer page's run sheet in one language."""

    path: Path
    line: int  # the heading's line
    length: int | None  # `workshop_minutes` of the front matter
    steps: tuple[Step, ...]

    @property
    def total(self) -> int:
        return sum(step.minutes for step in self.steps)


def anchors(body: str) -> set[str]:
    """The ids a link can reach in a page: headings (written by hand or made from their words) and `id=`."""
    found: set[str] = set()
    for _, line in prose_lines(body):
        heading = HEADING.match(line)
        if heading:
            hand = HAND_ID.search(heading.group(2))
            found.add(hand.group(1) if hand else slugify(heading.group(2), "-"))
        found.update(HTML_ID.findall(line))
        if line.rstrip().endswith("}"):
            found.update(HAND_ID.findall(line))
    return found


def _cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") else inner
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", inner)]


def _ids(cell: str) -> tuple[str, ...]:
    words = (w.strip().strip("`").strip() for w in re.split(r"[,;]", cell))
    return tuple(w for w in words if w not in NONE)


def parse(src: Source, problems: Problems | None = None) -> RunSheet | None:
    """The run sheet of one trainer source, or None when it has none; malformed rows go to `problems`."""
    lines = dict(prose_lines(src.body))
    heading = next((i for i, text in lines.items()
                    if HEADING.match(text) and (m := HAND_ID.search(text)) and m.group(1) == RUN_SHEET_ID), None)
    if heading is None:
        return None
    rows = [i for i in sorted(lines) if i > heading]
    table: list[int] = []
    for i in rows:
        text = lines[i].strip()
        if text.startswith("|"):
            table.append(i)
        elif table or HEADING.match(text):
            break
    steps: list[Step] = []
    for i in table[2:]:  # header and separator rows first
        line = src.body_line + i
        cells = _cells(lines[i])
        if len(cells) != COLUMNS:
            _add(problems, src.path, line, "runsheet.columns",
                 f"a run-sheet row has {len(cells)} cells, not {COLUMNS}: start | min | step | teaches | uses | "
                 "materials (write '—' in an empty cell)")
            continue
        minutes = MINUTES.match(cells[1])
        if not minutes or int(minutes.group(1)) == 0:
            _add(problems, src.path, line, "runsheet.minutes",
                 f"'{cells[1]}' is not a number of minutes: write a whole number such as 10")
            continue
        steps.append(Step(line, cells[0], int(minutes.group(1)), cells[2], _ids(cells[3]), _ids(cells[4]),
                          _materials(cells[5], src.path, line, problems)))
    length = src.meta.get(LENGTH_KEY)
    return RunSheet(src.path, src.body_line + heading, length if isinstance(length, int) else None, tuple(steps))


def _materials(cell: str, path: Path, line: int, problems: Problems | None) -> tuple[Material, ...]:
    found = tuple(Material(text.strip(), target) for text, target in LINK.findall(cell))
    rest = LINK.sub("", cell)
    if any(word not in NONE for word in (w.strip() for w in re.split(r"[,;]", rest))):
        _add(problems, path, line, "runsheet.material_not_linked",
             f"'{cell}': name each material by a link to where it is printed (a card set of this page such as "
             "[message cards](#message-cards), a lesson or a tool page); room equipment goes in 'Before the "
             "workshop'")
    return found


def _add(problems: Problems | None, path: Path, line: int, code: str, message: str) -> None:
    if problems is not None:
        problems.add(path, line, code, message)


def check_module(course: Course, module: Module, problems: Problems) -> None:
    """Check the run sheet of `module`'s trainer notes in every language (nothing to do without one)."""
    if module.trainer is None:
        return
    sheets = {lang: parse(src, problems) for lang, src in module.trainer.sources.items()}
    quiz = course.quizzes.get(module.quiz_id)
    pages = pages_by_path(course)
    for lang, sheet in sheets.items():
        if sheet is not None:
            check_sheet(sheet, module.trainer.sources[lang], pages, lang, len(quiz.questions) if quiz else 0,
                        problems)
    default = sheets.get(course.default_language)
    for lang, sheet in sheets.items():
        if lang == course.default_language:
            continue
        if default is None:
            if sheet is not None:
                problems.add(sheet.path, sheet.line, "runsheet.lang_mismatch",
                             f"these trainer notes have a run sheet and the {course.default_language} ones do not: "
                             "one session, one plan in every language")
        elif sheet is None:
            problems.add(module.trainer.sources[lang].path, 2, "runsheet.lang_mismatch",
                         f"the {course.default_language} trainer notes have a run sheet and these do not: "
                         "translate it")
        elif [s.minutes for s in sheet.steps] != [s.minutes for s in default.steps]:
            problems.add(sheet.path, sheet.line, "runsheet.lang_mismatch",
                         f"the steps' minutes {[s.minutes for s in sheet.steps]} differ from the "
                         f"{course.default_language} run sheet's {[s.minutes for s in default.steps]}: "
                         "one session, one plan")


def check_sheet(sheet: RunSheet, src: Source, pages: dict[Path, Page], lang: str, questions: int,
                problems: Problems) -> None:
    """Minutes, start times, materials and tools of one run sheet."""
    if sheet.length is None:
        problems.add(src.path, src.line_of(LENGTH_KEY), "runsheet.no_length",
                     f"the page has a run sheet but no '{LENGTH_KEY}' in its front matter: give the session's "
                     "length, such as 'workshop_minutes: 90'")
    elif sheet.total != sheet.length:
        problems.add(src.path, sheet.line, "runsheet.total",
                     f"the steps add up to {sheet.total} minutes but the session lasts {sheet.length} "
                     f"('{LENGTH_KEY}'): change a step's minutes or the session's length")
    here = anchors(src.body)
    if BEFORE_ID not in here:
        problems.add(src.path, sheet.line, "runsheet.no_before",
                     f"a page with a run sheet needs a section '{{#{BEFORE_ID}}}' (what to print and prepare)")
    elapsed = 0
    taught: dict[str, int] = {}
    for step in sheet.steps:
        start = START.match(step.start)
        if not start or int(start.group(1)) * 60 + int(start.group(2)) != elapsed:
            problems.add(src.path, step.line, "runsheet.start",
                         f"the step starts at '{step.start}' but the steps before it add up to "
                         f"{elapsed // 60}:{elapsed % 60:02d}")
        for material in step.materials:
            missing = material_missing(material.target, src, here, pages, lang)
            if missing:
                problems.add(src.path, step.line, "runsheet.material_missing",
                             f"material '{material.text}' ({material.target}): {missing}")
        for tool in step.teaches:  # a step may teach a tool and use it at once: teaching comes first
            taught.setdefault(tool, step.line)
        for tool in step.uses:
            if tool == QUIZ_TOOL:
                least = math.ceil(questions * SECONDS_PER_QUESTION / 60)
                if step.minutes < least:
                    problems.add(src.path, step.line, "runsheet.quiz_time",
                                 f"the module quiz has {questions} questions: give it at least {least} minutes "
                                 f"(30 seconds to a minute a question), not {step.minutes}")
            elif tool not in taught:
                later = next((s.line for s in sheet.steps if s.line > step.line and tool in s.teaches), None)
                where = f"it is taught later, on line {later}" if later else "no step teaches it"
                problems.add(src.path, step.line, "runsheet.tool_before_taught",
                             f"this step uses '{tool}' but {where}: teach it in an earlier step (a two-line "
                             "reminder counts), or list it under 'teaches' here")
        elapsed += step.minutes


def material_missing(target: str, src: Source, here: set[str], pages: dict[Path, Page], lang: str) -> str:
    """Why a material's link leads nowhere ("" when it leads to something printed)."""
    path, _, fragment = target.partition("#")
    if not path:
        return "" if fragment in here else f"this page has no heading or card set with id '{fragment}'"
    if "://" in path or not path.endswith(".md"):
        return "not a page of the course: link to a lesson, a tool page or a card set of this page"
    resolved = Path(posixpath.normpath((src.path.parent / path).as_posix())).resolve()
    page = pages.get(resolved)
    if page is None:
        return "not a page of the course"
    twin = page.sources.get(lang)
    if fragment and (twin is None or fragment not in anchors(twin.body)):
        return f"the page has no heading with id '{fragment}' in this language: give the heading {{#{fragment}}}"
    return ""


def pages_by_path(course: Course) -> dict[Path, Page]:
    """Every page the trainer edition prints, by its default-language file (the name links use)."""
    pages = [*course.page_by_slug().values(), *(m.trainer for m in course.modules if m.trainer)]
    return {p.sources[course.default_language].path.resolve(): p for p in pages
            if course.default_language in p.sources}
