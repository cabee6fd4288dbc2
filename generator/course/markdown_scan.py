"""Line-level scanning of Markdown sources: directives and links, skipping fenced code."""

from __future__ import annotations

import re
from collections.abc import Iterator

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
    for index, line in prose_lines(body):
        match = DIRECTIVE.match(line)
        if match:
            yield index, match.group(1), match.group(2), match.group(3)
        elif line.lstrip().startswith("[[") and ("quiz" in line or "question" in line):
            yield index, "invalid", line.strip(), None


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


def links(body: str) -> Iterator[tuple[int, str]]:
    """Yield (0-based index, target) for relative links in prose (link text may span lines)."""
    for first, text, is_prose in chunks(body):
        if is_prose:
            clean = _strip_code_spans(text)
            for match in LINK.finditer(clean):
                yield first + clean.count("\n", 0, match.start()), match.group(2)


def _strip_code_spans(line: str) -> str:
    return re.sub(r"`[^`\n]*`", lambda m: " " * len(m.group(0)), line)


NBSP = "\u00a0\u202f"
_PUNCT = re.compile(r"[:;!?](?=[\s*_]|$)")


# Text marked as another language, `*Title: subtitle*{lang=en}`, keeps its own punctuation
# (and tells screen readers to switch voice, which RGAA asks for).
_OTHER_LANG = re.compile(r"(\*{1,2}|_)[^*_]+?\1\{\s*lang=[a-z-]+\s*\}")


_ANY_PUNCT = re.compile("[:;!?«»]")


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
    return found


def fix_french_line(text: str) -> str:
    """Put non-breaking spaces where French typography wants them (outside code spans)."""
    parts = re.split(r"(`[^`]*`)", text)
    for i in range(0, len(parts), 2):
        part = parts[i]
        if part.lstrip().startswith(("!!!", "???", "*[")) and i == 0:
            head, sep, rest = part.partition('"') if part.lstrip().startswith(("!!!", "???")) else (part, "", "")
            if not sep:
                continue
            parts[i] = head + sep + fix_french_line(rest)
            continue
        part = re.sub(r'(?<=\S) +(?=[:;!?](?:[\s"}*_]|$))', "\u00a0", part)
        part = re.sub(r'(?<=[\w»)*’"])(?=[:;!?](?:[\s"}*_]|$))', "\u00a0", part)
        part = re.sub("«[ \u00a0\u202f]*", "«\u00a0", part)
        part = re.sub("[ \u00a0\u202f]*»", "\u00a0»", part)
        parts[i] = part
    return "".join(parts)
