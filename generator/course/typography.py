"""`coursegen fix-typography`: put French non-breaking spaces in place, in lessons and quiz texts."""

from __future__ import annotations

from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from generator.course.loader import read_markdown, split_lang
from generator.course.markdown_scan import fix_french_line, prose_lines
from generator.course.problems import Problems
from generator.course.yamlfile import load_yaml_file, read_text

FRENCH = "fr"  # the language whose typography this file knows


def _kind(path: Path) -> str:
    if "modules" not in path.parts:
        return "page"
    stem = path.name.split(".")[0]
    return {"index": "module", "trainer": "page"}.get(stem, "lesson")


def french_files(root: Path, languages: tuple[str, ...]) -> list[Path]:
    """The French lessons and pages of a course (`x.fr.md`, or `x.md` when French is its first language)
    and its quiz files, whose `fr:` texts are French."""
    if FRENCH not in languages:
        return []
    pages = sorted([*root.glob("modules/**/*.md"), *root.glob("pages/**/*.md")])
    french = [p for p in pages if split_lang(p, languages)[1] == FRENCH]
    return [*french, *sorted(root.glob("quizzes/*.yml"))]


def readable(path: Path, problems: Problems) -> bool:
    """True when `path` parses (front matter and YAML) as `check` reads it; else its problems are added."""
    before = len(problems)
    if path.name.split(".")[0] == "abbreviations":  # definitions only, no front matter
        read_text(path, problems)
    elif path.suffix in (".yml", ".yaml"):
        load_yaml_file(path, problems)
    else:
        read_markdown(path, _kind(path), problems)
    return len(problems) == before


def _french_line_ranges(node: Node) -> list[tuple[int, int]]:
    """0-based (first, last) lines of every `fr:` scalar in a composed YAML tree."""
    found: list[tuple[int, int]] = []
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.value == "fr" and isinstance(value, ScalarNode):
                end = value.end_mark.line - (1 if value.end_mark.column == 0 else 0)
                found.append((value.start_mark.line, end))
            else:
                found += _french_line_ranges(value)
    elif isinstance(node, SequenceNode):
        for value in node.value:
            found += _french_line_ranges(value)
    return found


def fix_file(path: Path) -> bool:
    """Fix one `.fr.md` or quiz file in place; return True when it changed."""
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    if path.suffix in (".yml", ".yaml"):
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        targets = {i for first, last in (_french_line_ranges(root) if root else []) for i in range(first, last + 1)}
    else:
        body_start = text.find("\n---\n", 3) + 5 if text.startswith("---\n") else 0
        offset = text[:body_start].count("\n")
        targets = {offset + i for i, _ in prose_lines(text[body_start:])}
    for i in sorted(targets):
        if i < len(lines):
            if path.suffix in (".yml", ".yaml") and ("fr:" in lines[i]):
                head, sep, rest = lines[i].partition("fr:")
                lines[i] = head + sep + fix_french_line(rest)
            else:
                lines[i] = fix_french_line(lines[i])
    new = "\n".join(lines)
    if new != text:
        path.write_text(new, encoding="utf-8")
        return True
    return False
