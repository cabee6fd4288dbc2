"""Line-level scanning of Markdown sources: directives and links, skipping fenced code."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import unquote

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

# [[question:quiz-id/question-id]] or [[quiz:quiz-id]] on a line of its own.
DIRECTIVE = re.compile(r"^\s*\[\[(question|quiz):\s*([a-z0-9-]+)(?:/([a-z0-9-]+))?\s*\]\]\s*$")
# Inline links and images whose target is a relative path (no scheme, no leading slash or #).
LINK = re.compile(r"(!?\[[^\]]*\]\()(?![a-z][a-z0-9+.-]*:|/|#)([^)\s]+?)((?:\s+\"[^\"]*\")?\))", re.I)
FENCE = re.compile(r"^\s*(```|~~~)")


def prose_lines(body: str) -> Iterator[tuple[int, str]]:
    """Yield (0-based index, line) for lines outside fenced code blocks."""
    fence: str | None = None
    for index, line in enumerate(body.split("\n")):
        match = FENCE.match(line)
        if match:
            if fence is None:
                fence = match.group(1)
            elif match.group(1) == fence:
                fence = None
            continue
        if fence is None:
            yield index, line


def directives(body: str) -> Iterator[tuple[int, str, str, str | None]]:
    """Yield (0-based index, kind, quiz id, question id or None) for each directive line."""
    if "[[" not in body:  # the renderer and the progress map ask for a lesson's directives several times
        return
    for index, line in _lines_with_embeds(body):
        match = DIRECTIVE.match(line)
        if match:
            yield index, match.group(1), match.group(2), match.group(3)
        elif line.lstrip().startswith("[[") and ("quiz" in line or "question" in line):
            yield index, "invalid", line.strip(), None


def _lines_with_embeds(body: str) -> Iterator[tuple[int, str]]:
    """The prose lines that hold `[[`: without a fence, found by searching instead of visiting every line."""
    if "```" in body or "~~~" in body:
        yield from ((index, line) for index, line in prose_lines(body) if "[[" in line)
        return
    index, counted, position = 0, 0, body.find("[[")
    while position != -1:
        start = body.rfind("\n", 0, position) + 1
        end = body.find("\n", position)
        end = len(body) if end == -1 else end
        index += body.count("\n", counted, start)
        counted = start
        yield index, body[start:end]
        position = body.find("[[", end)


def chunks(body: str) -> list[tuple[int, str, bool]]:
    """Split a body into runs of lines: (first line index, text, is prose) with fences kept apart."""
    prose = {index for index, _ in prose_lines(body)}
    runs: list[tuple[int, str, bool]] = []
    for index, line in enumerate(body.split("\n")):
        is_prose = index in prose
        if runs and runs[-1][2] == is_prose:
            first, text, _ = runs[-1]
            runs[-1] = (first, text + "\n" + line, is_prose)
        else:
            runs.append((index, line, is_prose))
    return runs


# Admonitions and collapsible blocks (`!!! note`, `??? tip`) hold Markdown indented by four spaces,
# which CommonMark would read as code: their content is dedented, line for line, before parsing.
_ADMONITION = re.compile(r"^(\s*)(!!!|\?\?\?\+?)\s")
_HTML_URL = re.compile(r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_MD_URL = re.compile(r"\]\(\s*<?([^)\s>]+)")  # Markdown links inside raw HTML blocks (md_in_html)
_SCHEME = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|/|#)", re.I)


@functools.cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # only `check` and validation read links; a cached build never does

    return MarkdownIt("commonmark").enable("table")


def _unindent_blocks(body: str) -> str:
    lines = body.split("\n")
    out: list[str] = []
    depth: int | None = None
    for line in lines:
        match = _ADMONITION.match(line)
        if match:
            depth = len(match.group(1)) + 4
            out.append("")
            continue
        if depth is not None and (not line.strip() or line.startswith(" " * depth)):
            out.append(line[4:] if line.strip() else line)
            continue
        depth = None
        out.append(line)
    return "\n".join(out)


def _line_of(lines: list[str], target: str, first: int, last: int) -> int:
    """The line (0-based) where `target` is written: in the block, else on its reference definition."""
    for index in range(first, min(last, len(lines))):
        if target in lines[index]:
            return index
    for index, line in enumerate(lines):
        if re.match(r"^\s{0,3}\[[^\]]+\]:\s*<?" + re.escape(target), line):
            return index
    return first


def links(body: str) -> Iterator[tuple[int, str]]:
    """Yield (0-based line, target) for every relative link and image of a Markdown body.

    Read by a CommonMark parser (markdown-it-py), so inline links, reference-style links
    (`[text][ref]` with `[ref]: ../page.md`), images and raw-HTML `href`/`src` are all found,
    with the line where the target is written; code is skipped.
    """
    lines = body.split("\n")
    for token in _parser().parse(_unindent_blocks(body)):
        first, last = token.map or (0, len(lines))
        found: list[str] = []
        if token.type == "inline":
            for child in token.children or []:
                if child.type == "link_open":
                    found.append(str(child.attrGet("href") or ""))
                elif child.type == "image":
                    found.append(str(child.attrGet("src") or ""))
                elif child.type == "html_inline":
                    found += [a or b for a, b in _HTML_URL.findall(child.content)]
        elif token.type == "html_block":
            found += [a or b for a, b in _HTML_URL.findall(token.content)]
            found += _MD_URL.findall(token.content)
        for href in found:
            target = unquote(href)
            if target and not _SCHEME.match(target):
                yield _line_of(lines, target, first, last), target


# Where a link target can be written: `](target` (inline), `]: target` (a reference definition), href= or src=.
_WRITTEN = re.compile(r"\](?:\(\s*([^\s)]*)|:\s*(\S*))")
_ATTRIBUTE = re.compile(r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*))""", re.I)
# What may make a parsed target differ from its text: backslash escapes, entities, percent-encoding,
# <angle brackets> (which allow spaces) and balanced parentheses.
_UNSURE = re.compile(r"[\\&%<>()]")


def written_targets(body: str) -> list[str] | None:
    """Every relative link target written in `body`, or None when the text alone cannot tell what it is.

    A superset of what `links` finds, read without parsing: targets in code are included, and an
    unused reference definition too. It lets validation skip the CommonMark parse of a page whose
    every written target is fine, nearly all of them: that parse was a sixth of a cold build."""
    found: list[str] = []
    # Two scans: one pattern that starts with `]` is found by a quick search, an alternation is not.
    matches = [*_WRITTEN.finditer(body), *(_ATTRIBUTE.finditer(body) if "=" in body else ())]
    for match in matches:
        target = next(group for group in match.groups() if group is not None)
        if _UNSURE.search(target):
            return None
        if target and not _SCHEME.match(target):
            found.append(target)
    return found


def _strip_code_spans(line: str) -> str:
    return re.sub(r"`[^`\n]*`", lambda m: " " * len(m.group(0)), line)


NBSP = "\u00a0\u202f"
_PUNCT = re.compile(r"[:;!?](?=[\s*_]|$)")


# Text marked as another language, `*Title: subtitle*{lang=en}`, keeps its own punctuation
# (and tells screen readers to switch voice, which RGAA asks for).
_OTHER_LANG = re.compile(r"(\*{1,2}|_)[^*_]+?\1\{\s*lang=[a-z-]+\s*\}")


_LANG_ATTR = r"\{\s*lang=[a-z-]+\s*\}"
_OTHER_LANG_SPLIT = rf"\*\*[^*_]+?\*\*{_LANG_ATTR}|\*[^*_]+?\*{_LANG_ATTR}|_[^*_]+?_{_LANG_ATTR}"
_ANY_PUNCT = re.compile(r"[:;!?«»]|\d ")


def french_typography(text: str) -> list[str]:
    """Problems of French punctuation spacing in one line of prose, as short descriptions."""
    if not _ANY_PUNCT.search(text):  # most lines: nothing to check, and every line of the course is checked
        return []
    text = _OTHER_LANG.sub(lambda m: " " * len(m.group(0)), _strip_code_spans(text))
    if text.lstrip().startswith("!!!") or text.lstrip().startswith("???"):
        text = text.split('"', 1)[1] if '"' in text else ""
    found: list[str] = []
    for match in _PUNCT.finditer(text):
        start = match.start()
        before = text[start - 1] if start else ""
        if before == "" or before in NBSP or before in ":;!?" or text[:start].strip() == "":
            continue
        if before in "|-" or text[max(0, start - 4):start].lower().endswith(("http", "https")):
            continue
        snippet = text[max(0, start - 12) : start + 1].strip()
        found.append(f"'{snippet}' needs a non-breaking space before '{match.group()}'")
    for match in re.finditer("«(?![" + NBSP + "])|(?<![" + NBSP + "])»", text):
        snippet = text[max(0, match.start() - 8) : match.end() + 8].strip()
        found.append(f"'{snippet}' needs a non-breaking space inside « »")
    for match in [*_UNIT_SPACE.finditer(text), *_THOUSANDS_SPACE.finditer(text)]:
        snippet = text[max(0, match.start() - 6) : match.end() + 4].strip()
        found.append(f"'{snippet}' needs a non-breaking space in the number ('80 %', '1 000')")
    return found


def fix_french_line(text: str) -> str:
    """Put non-breaking spaces where French typography wants them (outside code spans)."""
    # Code spans and text marked as another language (`*Title: subtitle*{lang=en}`) keep their
    # punctuation: they are set aside as placeholders, so the space before them still counts.
    kept: list[str] = []

    def keep(match: re.Match[str]) -> str:
        kept.append(match.group(0))
        return f"\x00{len(kept) - 1}\x00"

    text = re.sub(r"`[^`]*`|" + _OTHER_LANG_SPLIT, keep, text)
    stripped = text.lstrip()
    if stripped.startswith(("!!!", "???")):
        head, sep, rest = text.partition('"')
        text = head + sep + _fix_prose(rest) if sep else text
    elif not stripped.startswith("*["):
        text = _fix_prose(text)
    return re.sub("\x00(\\d+)\x00", lambda m: kept[int(m.group(1))], text)


# A number keeps its unit and its thousands on its line: "80 %", "35 min", "1 000" (French usage, and Grammalecte's).
_UNIT_SPACE = re.compile(r"(?<=\d) (?=(?:%|‰|€|\$|£|min|h|km|m|kg|g|ko|Ko|Mo|Go|Kio|Mio|°C|heures?|minutes?|"
                         r"secondes?|jours?|semaines?|mois|ans?|euros?)(?![\w]))")
_THOUSANDS_SPACE = re.compile(r"(?<![\d.,])(\d{1,3})((?: \d{3})+)(?![\d])")


def _number_spaces(part: str) -> str:
    part = _UNIT_SPACE.sub("\u00a0", part)
    return _THOUSANDS_SPACE.sub(lambda m: m.group(1) + m.group(2).replace(" ", "\u00a0"), part)


def _fix_prose(part: str) -> str:
    part = _number_spaces(part)
    part = re.sub(r'(?<=\S) +(?=[:;!?](?:[\s"}*_]|$))', "\u00a0", part)
    part = re.sub(r'(?<=[\w»)*’"\x00])(?=[:;!?](?:[\s"}*_]|$))', "\u00a0", part)
    part = re.sub("«[ \u00a0\u202f]*", "«\u00a0", part)
    return re.sub("[ \u00a0\u202f]*»", "\u00a0»", part)
