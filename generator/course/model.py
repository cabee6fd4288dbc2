"""The course model: one validated object holding every language, read by every renderer."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from generator.course.languages import Language

if TYPE_CHECKING:
    from generator.course.catalogue import Strings

# A text in every language of the course, by language code: {"en": "...", "fr": "..."}.
Text = dict[str, str]


@dataclass
class Choice:
    """An option of a single, multiple or true/false question, with its feedback."""
    id: str
    text: Text
    feedback: Text
    correct: bool = False
    line: int = 0  # the line of its `id:` in the quiz file
    correct_line: int = 0  # the line of its `correct:`, when it has one


@dataclass
class Item:
    """An item of an ordering question (in the right order) or a pair of a matching question."""

    text: Text
    feedback: Text
    right: Text | None = None  # matching: the text that goes with `text`
    line: int = 0  # the item's line in the quiz file; a pair's `right:` line


@dataclass
class Answer:
    """A typed answer a question foresees: the right one, or a typical wrong one with its own feedback.

    A numeric answer is the range [low, high] (the value and its tolerance, a percentage already
    turned into an absolute margin); a short answer is a list of accepted texts per language.
    """

    feedback: Text
    correct: bool
    value: float | None = None
    tolerance: float = 0.0
    texts: dict[str, list[str]] = field(default_factory=dict)
    line: int = 0  # the line of its `answer:` (numeric) or `answers:` (short answer)
    text_lines: dict[str, list[int]] = field(default_factory=dict)  # the line of each text in `texts`

    def text_line(self, lang: str, index: int) -> int:
        """The line of the `index`-th text in `lang`: its own line in a block list, else the list's."""
        lines = self.text_lines.get(lang, [])
        return lines[index] if index < len(lines) else self.line

    @property
    def low(self) -> float:
        return (self.value or 0.0) - self.tolerance

    @property
    def high(self) -> float:
        return (self.value or 0.0) + self.tolerance


TYPED = ("numeric", "short_answer")


# Scripts whose combining marks are optional for a reader: accents (Latin, Greek, Cyrillic), short vowels and
# other signs (Arabic, Hebrew). In Devanagari, Bengali, Tamil, Thai... a mark is a vowel of the word itself:
# काम (work) is not कम (less), so those marks stay.
OPTIONAL_MARKS = frozenset({"LATIN", "GREEK", "CYRILLIC", "ARABIC", "HEBREW"})


def normalise_answer(text: str) -> str:
    """A short answer as it is compared: no case, accents, punctuation or extra spaces.

    core.js applies the same rule in the browser ("Taux d’engagement !" -> "taux dengagement").
    """
    kept, optional = [], False
    for c in unicodedata.normalize("NFD", text):
        category = unicodedata.category(c)
        if category.startswith("M"):
            if not optional:
                kept.append(c)
        elif category.startswith(("P", "S")):
            optional = False
        else:
            optional = unicodedata.name(c, "").split(" ", 1)[0] in OPTIONAL_MARKS
            kept.append(c)
    return " ".join("".join(kept).lower().split())


@dataclass
class Question:
    """One question of a quiz, in every language, with the lines of its parts in the quiz file."""
    id: str
    type: str  # single | multiple | true_false | ordering | matching | numeric | short_answer
    prompt: Text
    explanation: Text
    line: int
    choices: list[Choice] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    lesson: str | None = None  # "module-slug/lesson-slug"
    shuffle: bool | None = None  # None: the quiz's setting; False keeps author order ("both of the above")
    lesson_line: int = 0  # the line of `lesson:` in the quiz file
    id_line: int = 0  # the line of `id:`
    choices_line: int = 0  # single, multiple: the line of `choices:`
    answers: list[Answer] = field(default_factory=list)  # numeric, short_answer: the right one first
    unit: Text = field(default_factory=dict)  # numeric: shown beside the field ("%", "€")

    @property
    def typed(self) -> bool:
        """True for questions the learner answers by typing (numeric, short_answer)."""
        return self.type in TYPED

    @property
    def correct_ids(self) -> list[str]:
        return [c.id for c in self.choices if c.correct]


@dataclass
class Quiz:
    """A quiz file: a module quiz (own page, pass mark) or check questions embedded in lessons."""
    id: str
    path: Path
    title: Text
    kind: str  # module | check
    questions: list[Question]
    pass_mark: int = 80
    shuffle: bool = True
    draw: int | None = None  # a pool: each attempt draws this many questions
    mode: str = "practice"  # practice | exam (feedback waits until the learner submits)
    time_limit: int | None = None  # exam mode: minutes

    @property
    def size(self) -> int:
        """Questions in one attempt: the draw of a pool, else every question."""
        return self.draw or len(self.questions)

    def shuffles(self, q: Question) -> bool:
        """Whether the browser shows `q`'s options (or items) in an order drawn per attempt."""
        return self.shuffle if q.shuffle is None else q.shuffle

    def question(self, qid: str) -> Question | None:
        return next((q for q in self.questions if q.id == qid), None)


@dataclass
class Source:
    """One Markdown file of one language: its front matter and its body."""

    path: Path
    meta: dict[str, object]
    body: str
    body_line: int  # line of the file on which the body starts

    def line_of(self, key: str) -> int:
        """The line of a front matter key; the first key's line (2) when it is absent."""
        key_lines: dict[str, int] = getattr(self.meta, "key_lines", {})
        return key_lines.get(key, 2)


@dataclass
class Page:
    """A page in every language. `slug` is its path in the docs tree, without `.md`."""

    slug: str
    kind: str  # lesson | module | page | trainer
    sources: dict[str, Source]
    minutes: dict[str, int] = field(default_factory=dict)  # lessons and modules, per language (reading_time.py)

    def title(self, lang: str) -> str:
        return str(self.sources[lang].meta.get("title", ""))

    def description(self, lang: str) -> str:
        return str(self.sources[lang].meta.get("description", ""))

    @property
    def in_menu(self) -> bool:
        """False for a page the front matter keeps out of the learner's menu (`menu: false`)."""
        return next(iter(self.sources.values())).meta.get("menu", True) is not False


@dataclass
class Module:
    """A module: its overview page, lessons in order, trainer notes and module quiz."""
    slug: str  # "01-goals"
    overview: Page
    lessons: list[Page]
    trainer: Page | None
    quiz_id: str


    def objectives(self, lang: str) -> list[str]:
        value = self.overview.sources[lang].meta.get("objectives", [])
        return [str(v) for v in value] if isinstance(value, list) else []


@dataclass
class Course:
    """The whole validated course, every language: what every renderer and export reads."""
    root: Path
    declared: tuple[Language, ...]  # course.yml, in its order: the default language first
    modules: list[Module]
    pages: list[Page]  # home, tools, glossary, about... (not part of a module)
    quizzes: dict[str, Quiz]
    abbreviations: dict[str, str]  # language -> Markdown abbreviation lines
    key: str = field(default="", compare=False)  # the content key of course/cache.py ("" when not cached)
    strings: dict[str, Strings] = field(default_factory=dict)  # interface catalogues, by language code

    @property
    def languages(self) -> tuple[str, ...]:
        """The codes of the declared languages, the default first."""
        return tuple(language.code for language in self.declared)

    @property
    def default_language(self) -> str:
        """The first language of course.yml: its files carry no language suffix."""
        return self.languages[0]

    def name(self, lang: str) -> str:
        """The language's name in itself (Français), as course.yml gives it."""
        return next((language.name for language in self.declared if language.code == lang), lang)

    def direction(self, lang: str) -> str:
        """ltr or rtl."""
        return next((language.dir for language in self.declared if language.code == lang), "ltr")

    def title(self, lang: str) -> str:
        """The course's name in `lang`: the title of its home page (pages/index.md)."""
        home = next((p for p in self.pages if p.slug == "index"), None)
        return home.title(lang) if home else ""

    def page_by_slug(self) -> dict[str, Page]:
        found: dict[str, Page] = {}
        for module in self.modules:
            found[module.overview.slug] = module.overview
            for lesson in module.lessons:
                found[lesson.slug] = lesson
        for page in self.pages:
            found[page.slug] = page
        return found
