"""The projector view of a module: its lessons as large-type screens, one idea each, for a workshop room.

Derived from the same sources as the lessons when the docs tree is rendered, so there is no second copy to
keep in sync. What a screen shows, in order:

- the module: its title and objectives;
- each lesson: its title and opening sentence; then, section by section, its scenario and example boxes (one
  screen each, titled by the box), and what a room can read at a glance: lists, tables, templates and the
  paragraphs that open with bold words (definitions and rules), under the section's heading; prose written
  to be read alone is left to the lesson;
- the trainer notes' numbered lists (the exercise's instructions, the discussion questions), each with the
  bold-led paragraph before it, under its section's heading.

What does not fit on one screen is cut by projector_fit's rule. projector.js (loaded only on these pages)
shows one screen at a time; without it the page is the screens one after the other.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup, escape

from generator.course.model import Module, Page
from generator.render.projector_blocks import Block, sections
from generator.render.projector_fit import Measure, cells, pack

# url(from_docs, to_docs) -> a relative URL usable in raw HTML
Url = Callable[[str, str], str]


@dataclass
class Screen:
    """One screen: its title, its blocks and the page Escape returns to (a docs path)."""

    title: str
    blocks: list[Block]
    back: str


def docs_of(module: Module) -> str:
    """Where the projector page of `module` sits in the docs tree."""
    return f"{module.slug}/projector.md"


def _packed(title: str, blocks: list[Block], back: str, measure: Measure) -> list[Screen]:
    return [Screen(head, part, back) for head, part in pack(title, blocks, measure)] if blocks else []


def lesson_screens(lesson: Page, lang: str, measure: Measure) -> list[Screen]:
    back = lesson.slug + ".md"
    found = sections(lesson.sources[lang].body)
    lead = [b for s in found if s.level == 0 for b in s.blocks if b.kind == "para"]
    screens = _packed(lesson.title(lang), lead, back, measure) or [Screen(lesson.title(lang), [], back)]
    for section in (s for s in found if s.level):
        waiting: list[Block] = []
        for block in section.blocks:
            if block.kind == "admonition":
                screens += _packed(section.title, waiting, back, measure)
                screens += _packed(block.title, [Block("para", block.lines)], back, measure)
                waiting = []
            elif block.kind in ("list", "table", "fence") or block.bold_lead:
                waiting.append(block)
        screens += _packed(section.title, waiting, back, measure)
    return screens


def trainer_screens(trainer: Page, lang: str, back: str, measure: Measure) -> list[Screen]:
    screens: list[Screen] = []
    for section in sections(trainer.sources[lang].body):
        for index, block in enumerate(section.blocks):
            if block.kind == "list" and block.ordered:
                before = section.blocks[index - 1] if index else None
                lead = [before] if before is not None and before.bold_lead else []
                screens += _packed(section.title, [*lead, block], back, measure)
    return screens


def module_screens(module: Module, lang: str, label: str = "{name}: {value}") -> list[Screen]:
    """Every screen of `module` in `lang`, in the order a session shows them; `label` writes a table's cell under
    its column's name in the language ("{name}: {value}", French "{name} : {value}")."""
    measure = Measure(label=label)
    overview = module.overview.slug + ".md"
    objectives = module.objectives(lang)
    screens = _packed(module.overview.title(lang), [Block("list", objectives)] if objectives else [], overview,
                      measure) or [Screen(module.overview.title(lang), [], overview)]
    for lesson in module.lessons:
        screens += lesson_screens(lesson, lang, measure)
    if module.trainer is not None and lang in module.trainer.sources:
        screens += trainer_screens(module.trainer, lang, overview, measure)
    return screens


def _markdown(block: Block) -> str:
    if block.kind == "table":
        head = cells(block.lines[0])
        return "\n".join([block.lines[0], "|" + "---|" * len(head), *block.lines[1:]])
    if block.kind == "list" and block.ordered:
        # Python-Markdown numbers every list from 1: a list cut across screens keeps its numbers as HTML.
        items = "\n".join(f"<li markdown>{item}</li>" for item in block.lines)
        return f'<ol start="{block.start}" markdown>\n{items}\n</ol>'
    if block.kind == "list":
        return "\n".join(f"- {item}" for item in block.lines)
    return "\n".join(block.lines)


def page(module: Module, lang: str, t: dict[str, str], url: Url, abbreviations: str) -> str:
    """The projector page of `module`: front matter, the screens as labelled regions, the key bar."""
    docs = docs_of(module)
    screens = module_screens(module, lang, t["card"])
    total = len(screens)
    out = ["---", f"title: {_yaml(t['title'].format(title=module.overview.title(lang)))}",
           f"description: {_yaml(t['description'])}", "search:", "  exclude: true",
           "hide:", "  - navigation", "  - toc", "  - footer", "---", "",
           f'<div class="cq-projector" data-cq-projector data-counter="{escape(t["counter"])}" markdown>', ""]
    for n, screen in enumerate(screens, 1):
        label = t["screen"].format(n=n, t=total, title=screen.title)
        out += [f'<section class="cq-screen" id="screen-{n}" aria-label="{escape(label)}" tabindex="-1" '
                f'data-back="{escape(url(docs, screen.back))}" markdown>', "",
                f"{'#' if n == 1 else '##'} {screen.title}", ""]
        out += [part for block in screen.blocks for part in (_markdown(block), "")]
        out += ["</section>", ""]
    # No live region on the counter: the focus moves to each screen, whose label already says "Screen 3 of 14".
    out += [f'<p class="cq-projector-bar" hidden><span class="cq-projector-keys">{escape(t["keys"])}</span>'
            f'<span class="cq-projector-count"></span></p>', "", "</div>"]
    return "\n".join(out) + abbreviations


def overview_link(module: Module, t: dict[str, str], url: Url) -> str:
    """The discreet link on a module's overview: trainers find it, learners are not drawn to it."""
    href = url(module.overview.slug + ".md", docs_of(module))
    return f'<p class="cq-projector-link"><a href="{escape(href)}">{escape(t["link"])}</a></p>'


def print_note(module: Module, lang: str, t: dict[str, str], site_url: str | None) -> str:
    """Where the trainer edition's notes find the projector view: on the site when the brand gives its address,
    and always in the offline copy, which works over file:// in a room whose Wi-Fi cannot be trusted."""
    # The offline copy a trainer downloads is one language's (exports/offline.py names it; this layer cannot import
    # it, tests/test_projector.py checks the two agree): the page sits at its top.
    # A file name or address is code, set left to right: inside an Arabic or Hebrew sentence the bidirectional
    # algorithm would otherwise cut "course-ar-offline.zip" into pieces.
    text = escape(t["print_offline"]).format(zip=_code(f"course-{lang}-offline.zip"),
                                             path=_code(f"{module.slug}/projector.html"))
    offline = f'<p class="cq-projector-where">{text}</p>'
    if not site_url:
        return offline
    url = f"{site_url}{lang}/{module.slug}/projector/"
    return f'<p class="cq-projector-where">{escape(t["print_web"]).format(url=_code(url))}</p>\n{offline}'


def _code(text: str) -> Markup:
    return Markup('<code dir="ltr">{}</code>').format(text)


def _yaml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
