"""The pages the other builds are timed on, derived from what `coursegen build` hands to MkDocs.

`capture` runs the real pipeline (generator.build.build) with the engine's last step swapped
for a copy, so each language's docs tree and full mkdocs.yml are exactly ours. From them:

- baseline: the same pages with every HTML block the generator wrote removed (quizzes, the
  progress table, the course map): what MkDocs alone costs for this content and this config;
- mkdocs-quiz: the baseline plus the same questions in mkdocs-quiz's `<quiz>` syntax;
- default Material: the baseline pages with nothing but `theme: material` (full navigation).

The synthetic course has no raw HTML of its own, so an HTML block is always ours.
"""

from __future__ import annotations

import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.course.catalogue import Strings
from generator.course.model import Course, Question

QUIZ_ID = re.compile(r'data-cq-quiz="([^"]+)"')
QUESTION_ID = re.compile(r'data-cq-question="([^"]+)"')
TRUE_FALSE = {"en": ("True", "False"), "fr": ("Vrai", "Faux")}


SLOT = re.compile(r"^<!--(cq-slot-\d+)-->$")


@dataclass
class Captured:
    lang: str
    docs: Path
    config: dict[str, Any]
    # When the build keeps quiz HTML out of the Markdown (slot comments filled in after MkDocs),
    # the HTML of each slot: the pages to compare with are the docs tree with slots filled.
    fragments: dict[str, str] = field(default_factory=dict)

    def expand(self, block: str) -> str:
        """A raw HTML block as the learner gets it: a slot comment becomes its quiz HTML."""
        match = SLOT.match(block.strip())
        return self.fragments.get(match.group(1), block) if match else block


def capture(root: Path, dest: Path, langs: tuple[str, ...] | None = None) -> dict[str, Captured]:
    """Render `root` through the real pipeline and keep each language's docs tree and config."""
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load

    from generator.build import BuildOptions, build
    from generator.course.brand import load_brand
    from generator.engine import adapter as engine
    from generator.engine.brand import BACKDROPS

    if dest.exists():
        shutil.rmtree(dest)
    found: dict[str, Captured] = {}
    fragments: dict[str, dict[str, str]] = {}

    def keep(config_file: Path, slots: dict[str, str], strings: Strings, epoch: int, strict: bool = True) -> None:
        # MkDocs' own loader: the written config names Python functions (`!!python/name:`, the template fence).
        config = yaml_load(config_file.read_text(encoding="utf-8"), loader=get_yaml_loader())
        Path(config["site_dir"]).mkdir(parents=True, exist_ok=True)  # what the build would have made
        lang = config["theme"]["language"]
        shutil.copytree(config["docs_dir"], dest / lang / "docs")
        found[lang] = Captured(lang, dest / lang / "docs", config)
        fragments[lang] = dict(slots or {})

    original = engine.build_site
    engine.build_site = keep
    try:
        # The brand `coursegen build` takes by itself (brands/default.yml, as the shipped course has):
        # MkDocs alone must get the same configuration, footer and brand stylesheet included.
        build(root, dest / "unused-site", BuildOptions(langs=langs, brand=load_brand(root, None, BACKDROPS)))
    finally:
        engine.build_site = original
    for lang, captured in found.items():
        captured.fragments = fragments.get(lang, {})
    shutil.rmtree(dest / "unused-site", ignore_errors=True)
    return found


def html_blocks(text: str) -> list[tuple[int, int]]:
    """(first, last + 1) line ranges of raw HTML blocks: from a line starting with '<' to a blank line."""
    lines = text.split("\n")
    blocks: list[tuple[int, int]] = []
    index = 0
    while index < len(lines):
        if lines[index].startswith("<"):
            end = index
            while end < len(lines) and lines[end].strip():
                end += 1
            blocks.append((index, end))
            index = end
        index += 1
    return blocks


def rewrite(text: str, replace: Any) -> str:
    """Replace each HTML block by `replace(block_text)` (a string, possibly empty)."""
    lines = text.split("\n")
    for first, end in reversed(html_blocks(text)):
        lines[first:end] = [replace("\n".join(lines[first:end]))]
    return "\n".join(lines)


def quiz_markup(question: Question, lang: str) -> str:
    """One question in mkdocs-quiz 1.x syntax: prompt, `- [x]` answers with `>` feedback, explanation."""
    out = ["<quiz>", question.prompt[lang]]
    for choice in question.choices:
        text = choice.text.get(lang) or TRUE_FALSE[lang][0 if choice.id == "true" else 1]
        out.append(f"- [{'x' if choice.correct else ' '}] {text}")
        out.append(f"    > {choice.feedback[lang]}")
    out += ["", question.explanation[lang], "</quiz>"]
    return "\n".join(out)


def write_tree(source: Path, dest: Path, replace: Any) -> None:
    for path in sorted(source.rglob("*")):
        target = dest / path.relative_to(source)
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        elif path.suffix == ".md":
            target.write_text(rewrite(path.read_text(encoding="utf-8"), replace), encoding="utf-8")
        else:
            shutil.copy2(path, target)


def write_config(config: dict[str, Any], path: Path) -> Path:
    """The config as the engine writes it (Python names such as the template fence kept as tags)."""
    from generator.engine.adapter import write_config as engine_write

    path.parent.mkdir(parents=True, exist_ok=True)
    return engine_write(config, path)


def baseline(captured: Captured, dest: Path) -> Path:
    """Our pages without our HTML, with our config: returns the config file."""
    write_tree(captured.docs, dest / "docs", lambda _block: "")
    config = {**captured.config, "docs_dir": str(dest / "docs"), "site_dir": str(dest / "site")}
    return write_config(config, dest / "mkdocs.yml")


def with_mkdocs_quiz(captured: Captured, course: Course, dest: Path) -> Path:
    """The baseline plus every quiz block written for mkdocs-quiz (run in the bench's own venv)."""
    lang = captured.lang

    def replace(block: str) -> str:
        block = captured.expand(block)
        quiz_id = QUIZ_ID.search(block) if block.startswith('<div class="cq-quiz"') else None
        if quiz_id is None:
            return ""
        quiz = course.quizzes[quiz_id.group(1)]
        wanted = QUESTION_ID.findall(block)
        return "\n\n".join(quiz_markup(q, lang) for q in quiz.questions if q.id in wanted)

    write_tree(captured.docs, dest / "docs", replace)
    plugins = [p for p in captured.config.get("plugins", []) if p != "mkdocs_quiz"] + ["mkdocs_quiz"]
    # mkdocs-quiz warns about things our strict build would refuse; it is timed, not judged.
    config = {**captured.config, "docs_dir": str(dest / "docs"), "site_dir": str(dest / "site"),
              "plugins": plugins, "strict": False}
    return write_config(config, dest / "mkdocs.yml")


def default_material(baseline_docs: Path, lang: str, title: str, dest: Path) -> Path:
    """The same pages as a default Material site: no nav given, so every page lists every page."""
    config = {"site_name": title, "docs_dir": str(baseline_docs), "site_dir": str(dest / "site"),
              "theme": {"name": "material", "language": lang}}
    return write_config(config, dest / "mkdocs.yml")
