"""Render one language of the course into a Markdown docs tree for the site engine.

Lessons keep their Markdown; quiz directives become HTML blocks, links are rewritten
from source paths to docs paths, and the module overview, quiz and progress pages are
generated. Nothing here knows which engine builds the tree.
"""

from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from markupsafe import Markup

from generator.course import cache
from generator.course.markdown_scan import LINK, chunks, directives
from generator.course.model import Course, Module, Page
from generator.render import journey, practice, projector
from generator.render.quiz import environment, exam_minutes, render_quiz

NavItem = dict[str, Any]


@dataclass
class DocsTree:
    """Rendered Markdown files of one language, keyed by docs path, plus the navigation."""

    lang: str
    files: dict[str, str] = field(default_factory=dict)
    nav: list[NavItem] = field(default_factory=list)
    # Quiz HTML kept out of the Markdown: slot comment name -> HTML, filled in after the build.
    fragments: dict[str, str] = field(default_factory=dict)
    # Pages built but kept out of the menu (front matter `menu: false`): for authors, trainers and hosts.
    unlisted: list[str] = field(default_factory=list)


def docs_path(slug: str) -> str:
    return slug + ".md"


def relative(from_docs: str, to_docs: str) -> str:
    """Relative Markdown link between two docs files (MkDocs turns it into a URL)."""
    return posixpath.relpath(to_docs, posixpath.dirname(from_docs) or ".")


def page_url(docs: str, directory_urls: bool = True) -> str:
    """The URL MkDocs gives a docs file: `a/b.md` -> `a/b/`, or `a/b.html` without directory URLs."""
    stem = docs.removesuffix(".md")
    if not directory_urls:  # the offline bundle: file:// has no index.html lookup
        return stem + ".html"
    stem = stem.removesuffix("index").rstrip("/") if stem == "index" or stem.endswith("/index") else stem
    return stem + "/" if stem else ""


def relative_url(from_docs: str, to_docs: str, directory_urls: bool = True) -> str:
    """Relative URL for raw HTML (which MkDocs leaves alone) from one page to another."""
    if not directory_urls:
        return posixpath.relpath(page_url(to_docs, False), posixpath.dirname(from_docs) or ".")
    rel = posixpath.relpath(page_url(to_docs) or ".", page_url(from_docs) or ".")
    return "./" if rel == "." else rel + "/"


class Renderer:
    def __init__(self, course: Course, lang: str, directory_urls: bool = True, issuer: str | None = None,
                 slots: bool = False, time_factor: float = 1.0, attestation: bool = False) -> None:
        self.course = course
        self.issuer = issuer
        self.time_factor = time_factor  # the brand's multiplier of exam time limits
        self.attestation = attestation  # the brand's certificate form: France's attestation de fin de formation
        self.fragments: dict[str, str] | None = {} if slots else None
        self.lang = lang
        self.directory_urls = directory_urls
        self.strings = course.strings[lang]
        self.t = self.strings.site
        self.pages = course.page_by_slug()
        # Source file (any language) -> docs path, for rewriting links written against the sources.
        self.by_source: dict[Path, str] = {}
        for page in self.pages.values():
            for src in page.sources.values():
                self.by_source[src.path.resolve()] = docs_path(page.slug)

    # -- pieces -------------------------------------------------------------------------------

    def front_matter(self, page: Page, title: str | None = None) -> str:
        meta: dict[str, object] = {"title": title or page.title(self.lang), "description": page.description(self.lang)}
        if not page.in_menu:  # an author's or host's page: out of the learner's search results too
            meta["search"] = {"exclude": True}
        return "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=True, width=1000) + "---\n\n"

    def link_for(self, from_docs: str) -> Any:
        def link(lesson_slug: str) -> dict[str, str] | None:
            page = self.pages.get(lesson_slug)
            if page is None:
                return None
            return {"href": relative_url(from_docs, docs_path(lesson_slug), self.directory_urls),
                    "title": page.title(self.lang)}
        return link

    def rewrite_links(self, line: str, src_path: Path, from_docs: str) -> str:
        def fix(match: Any) -> str:
            target = match.group(2)
            path, _, anchor = target.partition("#")
            if not path.endswith(".md"):
                return str(match.group(0))
            resolved = Path(posixpath.normpath((src_path.parent / path).as_posix())).resolve()
            docs = self.by_source.get(resolved)
            if docs is None:
                return str(match.group(0))
            new = relative(from_docs, docs) + (f"#{anchor}" if anchor else "")
            return f"{match.group(1)}{new}{match.group(3)}"
        return LINK.sub(fix, line)

    def quiz_block(self, html: str) -> str:
        """The quiz HTML itself, or a slot comment when the build fills slots after MkDocs.

        Markdown parses a raw HTML block tag by tag and the search plugin indexes it again:
        for quiz-heavy pages that doubled the engine's time (bench/results.md). A comment
        costs neither, and answers stay out of the search index."""
        if self.fragments is None:
            return html
        name = f"cq-slot-{len(self.fragments)}"
        self.fragments[name] = html
        return f"<!--{name}-->"

    def body(self, page: Page, from_docs: str) -> str:
        """The page body with directives replaced by quiz HTML and links rewritten."""
        src = page.sources[self.lang]
        lines = src.body.split("\n")
        for index, kind, quiz_id, qid in directives(src.body):
            quiz = self.course.quizzes[quiz_id]
            questions = quiz.questions if kind == "quiz" else [q for q in quiz.questions if q.id == qid]
            lines[index] = "\n" + self.quiz_block(render_quiz(quiz, questions, self.strings,
                                                                self.link_for(from_docs))) + "\n"
        out: list[str] = []
        for _first, text, is_prose in chunks("\n".join(lines)):
            out.append(self.rewrite_links(text, src.path, from_docs) if is_prose and "](" in text else text)
        return "\n".join(out)

    def abbreviations(self) -> str:
        text = self.course.abbreviations.get(self.lang, "")
        return "\n\n" + text.strip() + "\n" if text.strip() else "\n"

    def page(self, page: Page, top: str = "", bottom: str = "") -> str:
        docs = docs_path(page.slug)
        return (self.front_matter(page) + f"# {page.title(self.lang)}\n\n" + (top + "\n\n" if top else "")
                + self.body(page, docs).strip() + "\n" + (f"\n{bottom}\n" if bottom else "") + self.abbreviations())

    def module_overview(self, module: Module) -> str:
        docs = docs_path(module.overview.slug)
        quiz = self.course.quizzes[module.quiz_id]
        lessons = [
            {"title": lesson.title(self.lang), "href": relative(docs, docs_path(lesson.slug)),
             "duration": lesson.minutes[self.lang]}
            for lesson in module.lessons
        ]
        text = environment().get_template("module.md.j2").render(
            intro=Markup(self.body(module.overview, docs).strip()), objectives=module.objectives(self.lang),
            module=module, lessons=lessons, t=self.t, minutes=module.overview.minutes[self.lang],
            quiz_href=relative(docs, self.quiz_docs(module)),
            quiz_total=self.course.strings[self.lang].count("site.quiz_questions", quiz.size),
        )
        return (self.front_matter(module.overview) + f"# {module.overview.title(self.lang)}\n\n"
                + journey.resume_box(module.slug) + "\n\n" + text.strip() + "\n\n"
                + projector.overview_link(module, self.strings.table("projector"), self.url) + "\n\n"
                + journey.course_map(self.course, self.lang, docs, self.url, only=module.slug) + "\n"
                + self.abbreviations())

    def quiz_docs(self, module: Module) -> str:
        return f"{module.slug}/quiz.md"

    def module_quiz(self, module: Module) -> str:
        quiz = self.course.quizzes[module.quiz_id]
        docs = self.quiz_docs(module)
        index = self.course.modules.index(module)
        after = self.course.modules[index + 1] if index + 1 < len(self.course.modules) else None
        # Passed: on to the next module; after the last one, the certificate (once every quiz is passed).
        next_link = None if after is None else {
            "href": self.url(docs, docs_path(after.overview.slug)),
            "label": self.t["next_module"].format(title=after.overview.title(self.lang))}
        html = self.quiz_block(render_quiz(quiz, quiz.questions, self.strings, self.link_for(docs), next_link,
                                           self.time_factor))
        title = quiz.title[self.lang]
        intro = [self.t["exam_intro" if quiz.mode == "exam" else "quiz_intro"]]
        if quiz.draw:
            intro.append(self.t["pool_intro"].format(n=quiz.draw, m=len(quiz.questions)))
        if quiz.mode == "exam" and quiz.time_limit:
            intro.append(self.t["time_allowed"].format(n=exam_minutes(quiz, self.time_factor)))
        bottom = "" if after else ("\n" + journey.certificate_button(self.url(docs, "certificate.md"), self.t) + "\n\n"
                                   + journey.course_map(self.course, self.lang, docs, self.url) + "\n")
        return (self.front_matter(module.overview, title) + f"# {title}\n\n{' '.join(intro)}\n\n"
                + html + "\n" + bottom + self.abbreviations())

    def url(self, from_docs: str, to_docs: str) -> str:
        return relative_url(from_docs, to_docs, self.directory_urls)

    # -- the whole tree -----------------------------------------------------------------------

    def render(self) -> DocsTree:
        tree = DocsTree(self.lang)
        home: list[NavItem] = []
        others: list[NavItem] = []
        tools: list[NavItem] = []
        for page in self.course.pages:
            path = docs_path(page.slug)
            if page.slug == "index":
                top = journey.resume_box(practice=self.url(path, "practice.md")) + "\n\n" + journey.certificate_button(
                    self.url(path, "certificate.md"), self.t) + "\n\n" + self.quiz_block(
                    journey.module_cards(self.course, self.lang, path, self.url))
                tree.files[path] = self.page(page, top=top,
                                             bottom=journey.course_map(self.course, self.lang, path, self.url))
            else:
                tree.files[path] = self.page(page)
            entry = {page.title(self.lang): path}
            if not page.in_menu:
                tree.unlisted.append(path)
            elif page.slug == "index":
                home.append({self.t["home"]: path})
            elif page.slug.startswith("tools/"):
                (tools.insert(0, entry) if page.slug == "tools/index" else tools.append(entry))
            else:
                others.append(entry)
        tree.nav += home
        for module in self.course.modules:
            tree.files[docs_path(module.overview.slug)] = self.module_overview(module)
            # Titled by its module, not "Overview": the footer's next and previous links show this name.
            section: list[NavItem] = [{module.overview.title(self.lang): docs_path(module.overview.slug)}]
            for lesson in module.lessons:
                place = journey.lesson_place(module, lesson, self.lang, self.t)
                tree.files[docs_path(lesson.slug)] = self.page(lesson, top=place, bottom=journey.lesson_marker(lesson))
                section.append({lesson.title(self.lang): docs_path(lesson.slug)})
            tree.files[self.quiz_docs(module)] = self.module_quiz(module)
            section.append({self.t["module_quiz"]: self.quiz_docs(module)})
            # The projector view: for a workshop room, built from the same lessons, out of the menu.
            tree.files[projector.docs_of(module)] = projector.page(
                module, self.lang, self.strings.table("projector"), self.url, self.abbreviations())
            tree.unlisted.append(projector.docs_of(module))
            tree.nav.append({module.overview.title(self.lang): section})
        if tools:
            tree.nav.append({self.t["tools"]: tools})
        tree.files["progress.md"] = journey.progress_page(self.course, self.lang, self.url)
        tree.nav.append({self.t["progress"]: "progress.md"})
        tree.files["practice.md"] = practice.practice_page(self.course, self.lang, self.quiz_block,
                                                           self.link_for("practice.md")) + self.abbreviations()
        tree.nav.append({self.t["practice"]: "practice.md"})
        tree.files["certificate.md"] = journey.certificate_page(self.course, self.lang, self.url, self.issuer,
                                                                self.attestation)
        tree.nav.append({self.t["certificate"]: "certificate.md"})
        tree.nav += others
        return tree


def render_docs(course: Course, lang: str, directory_urls: bool = True, issuer: str | None = None,
                slots: bool = False, time_factor: float = 1.0, attestation: bool = False) -> DocsTree:
    """Render every page of `course` in `lang` (the course must be validated first).

    `directory_urls=False` is for builds read over file:// (the offline bundle), where raw-HTML
    links must name the .html file.
    """
    settings = ("docs", lang, directory_urls, issuer, slots, time_factor, attestation, _render_code())
    key = cache.derived_key(course.key, *settings) if course.key else ""
    cached = cache.load(key, "docs") if key else None
    if isinstance(cached, DocsTree):
        return cached
    renderer = Renderer(course, lang, directory_urls, issuer, slots, time_factor, attestation)
    tree = renderer.render()
    tree.fragments = renderer.fragments or {}
    if key:
        cache.store(key, tree, "docs")
    return tree


@functools.cache
def _render_code() -> str:
    """What renders a docs tree: this layer's code and the templates (a change gives new trees)."""
    here = Path(__file__).resolve().parent
    return cache.code_digest(here, here.parent / "templates")


SLOT = re.compile(r"<!--(cq-slot-\d+)-->")


def write_tree(tree: DocsTree, docs_dir: Path) -> int:
    """Write the tree, touching only files whose text changed (so live reload settles); return count."""
    written = 0
    wanted = set()
    for rel, text in tree.files.items():
        target = docs_dir / rel
        wanted.add(target)
        if target.is_file() and target.read_text(encoding="utf-8") == text:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written += 1
    for stale in [p for p in docs_dir.rglob("*.md") if p not in wanted]:
        stale.unlink()
        written += 1
    return written
