"""The course model: one validated object holding every language, read by every renderer."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

# A text in every language of the course: {"en": "...", "fr": "..."}.
Text = dict[str, str]


@dataclass
class Choice:
    id: str
    text: Text
    feedback: Text
    correct: bool = False


@dataclass
class Item:
    """An item of an ordering question (in the right order) or a pair of a matching question."""

    text: Text
    feedback: Text
    right: Text | None = None  # matching: the text that goes with `text`


@dataclass
class Question:
    id: str
    type: str  # single | multiple | true_false | ordering | matching
    prompt: Text
    explanation: Text
    line: int
    choices: list[Choice] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    lesson: str | None = None  # "module-slug/lesson-slug"
    shuffle: bool | None = None  # None: the quiz's setting; False keeps author order ("both of the above")

    @property
    def correct_ids(self) -> list[str]:
        return [c.id for c in self.choices if c.correct]


@dataclass
class Quiz:
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


@dataclass
class Page:
    """A page in every language. `slug` is its path in the docs tree, without `.md`."""

    slug: str
    kind: str  # lesson | module | page | trainer
    sources: dict[str, Source]

    def title(self, lang: str) -> str:
        return str(self.sources[lang].meta.get("title", ""))

    def description(self, lang: str) -> str:
        return str(self.sources[lang].meta.get("description", ""))

    @property
    def duration(self) -> int:
        value = next(iter(self.sources.values())).meta.get("duration", 0)
        return value if isinstance(value, int) else 0


@dataclass
class Module:
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
    root: Path
    languages: tuple[str, ...]
    modules: list[Module]
    pages: list[Page]  # home, tools, glossary, about... (not part of a module)
    quizzes: dict[str, Quiz]
    abbreviations: dict[str, str]  # language -> Markdown abbreviation lines

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
