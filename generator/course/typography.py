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
    return {"index": "module", "trainer": "trainer"}.get(stem, "lesson")


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


Span = tuple[int, int, int, int]  # first line, first column, last line, end column (0-based, end exclusive)


def _french_spans(node: Node) -> list[Span]:
    """Where every `fr:` scalar of a composed YAML tree is written: its own characters, not the rest of its line
    (`{en: "…", fr: "…", de: "…"}` holds other languages' keys and texts after it)."""
    found: list[Span] = []
    if isinstance(node, MappingNode):
        for key, value in node.value:
            if isinstance(key, ScalarNode) and key.value == "fr" and isinstance(value, ScalarNode):
                start, end = value.start_mark, value.end_mark
                found.append((start.line, start.column, end.line, end.column))
            else:
                found += _french_spans(value)
    elif isinstance(node, SequenceNode):
        for value in node.value:
            found += _french_spans(value)
    return found


def _fix_yaml(text: str) -> str:
    lines = text.split("\n")
    root = yaml.compose(text, Loader=yaml.SafeLoader)
    for first, col, last, end in _french_spans(root) if root else []:
        if first == last:
            line = lines[first]
            lines[first] = line[:col] + fix_french_line(line[col:end]) + line[end:]
            continue
        # A block or folded scalar: its first line holds only the indicator (">-", "|"), the rest is French.
        for i in range(first, min(last + (1 if end else 0), len(lines))):
            if i == first:
                lines[i] = lines[i][:col] + fix_french_line(lines[i][col:])
            else:
                lines[i] = fix_french_line(lines[i])
    return "\n".join(lines)


def fix_file(path: Path) -> bool:
    """Fix one `.fr.md` or quiz file in place; return True when it changed."""
    text = path.read_text(encoding="utf-8")
    if path.suffix in (".yml", ".yaml"):
        new = _fix_yaml(text)
    else:
        lines = text.split("\n")
        body_start = text.find("\n---\n", 3) + 5 if text.startswith("---\n") else 0
        offset = text[:body_start].count("\n")
        for i in sorted(offset + i for i, _ in prose_lines(text[body_start:])):
            if i < len(lines):
                lines[i] = fix_french_line(lines[i])
        new = "\n".join(lines)
    if new != text:
        path.write_text(new, encoding="utf-8")
        return True
    return False
