"""Lesson Markdown read as blocks, for the projector view: headings, paragraphs, lists, tables, fences, admonitions.

The projector view is derived from the lessons at build time (no second copy to keep in sync), so it needs the
lesson's structure, not its HTML: a line reader is enough for what lessons hold (the authoring guide's subset),
and it keeps the Markdown of each block, which the site engine renders on the projector page as on the lesson.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from generator.course.markdown_scan import DIRECTIVE

_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
# A heading's attribute list ({#monday-morning-inbox}) names the lesson's anchor, not its title: a screen that
# carried it would repeat one id on every screen of the section and read it out in its label.
_ATTRIBUTES = re.compile(r"\s*\{[^{}]*\}\s*$")
_ADMONITION = re.compile(r'^(!!!|\?\?\?\+?)\s+(\w[\w-]*)(?:\s+"([^"]*)")?\s*$')
_FENCE = re.compile(r"^(```|~~~)")
_ITEM = re.compile(r"^(?:[-*+]|(\d+)[.)])\s+")
_BOLD_LEAD = re.compile(r"^\*\*[^*]+\*\*")
# A link shows as its text: a projected screen is read from the back of a room, not clicked.
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_NESTED = re.compile(r"^\s+(?:[-*+]|\d+[.)])\s+")


@dataclass
class Block:
    """One block of a lesson: `kind` is para, list, table, fence or admonition; `lines` its Markdown lines.

    A list holds one entry per item (continuation lines joined), a table one per row (separator row left out),
    an admonition the lines of its body (dedented) and its title in `title`."""

    kind: str
    lines: list[str]
    title: str = ""
    ordered: bool = False
    start: int = 1

    @property
    def bold_lead(self) -> bool:
        """A paragraph that opens with bold words (`**Complaints.** ...`): a definition or a rule."""
        return self.kind == "para" and bool(_BOLD_LEAD.match(self.lines[0]))


@dataclass
class Section:
    """The blocks under one heading (`level` 0: before the first heading)."""

    title: str
    level: int
    blocks: list[Block] = field(default_factory=list)


def plain(text: str) -> str:
    """Inline Markdown without links' targets (language marks such as `*Le Monde*{lang=fr}` stay: screen readers
    and the spelling check read them)."""
    return _LINK.sub(r"\1", text)


def sections(body: str) -> list[Section]:
    """The body as sections of blocks; check-question directives and raw HTML are left out."""
    found = [Section("", 0)]
    lines = body.split("\n")
    index = 0
    while index < len(lines):
        line = lines[index]
        heading = _HEADING.match(line)
        if not line.strip() or DIRECTIVE.match(line) or line.lstrip().startswith("<"):
            index += 1
        elif heading:
            found.append(Section(plain(_ATTRIBUTES.sub("", heading.group(2))), len(heading.group(1))))
            index += 1
        else:
            block, index = _block(lines, index)
            found[-1].blocks.append(block)
    return [s for s in found if s.blocks or s.level]


def _block(lines: list[str], index: int) -> tuple[Block, int]:
    line = lines[index]
    fence = _FENCE.match(line)
    if fence:
        end = index + 1
        while end < len(lines) and not lines[end].startswith(fence.group(1)):
            end += 1
        return Block("fence", [line, *lines[index + 1 : end], fence.group(1)]), end + 1
    admonition = _ADMONITION.match(line)
    if admonition:
        end = index + 1
        while end < len(lines) and (not lines[end].strip() or lines[end].startswith("    ")):
            end += 1
        body = [text[4:] for text in lines[index + 1 : end]]
        return Block("admonition", [plain(" ".join(t.strip() for t in body if t.strip()))],
                     title=admonition.group(3) or admonition.group(2).title()), end
    if line.startswith("|"):
        end = index
        while end < len(lines) and lines[end].startswith("|"):
            end += 1
        rows = [plain(row) for row in lines[index:end] if not re.match(r"^\|[\s:|-]+\|?\s*$", row)]
        return Block("table", rows), end
    item = _ITEM.match(line)
    if item:
        return _list(lines, index, item.group(1))
    end = index
    while end < len(lines) and lines[end].strip() and not _starts_block(lines[end]):
        end += 1
    return Block("para", [plain(" ".join(t.strip() for t in lines[index:end]))]), end


def _starts_block(line: str) -> bool:
    return bool(_HEADING.match(line) or _FENCE.match(line) or _ADMONITION.match(line) or _ITEM.match(line)
                or line.startswith("|") or DIRECTIVE.match(line))


def _list(lines: list[str], index: int, number: str | None) -> tuple[Block, int]:
    items: list[str] = []
    end = index
    while end < len(lines):
        line = lines[end]
        if _ITEM.match(line):
            items.append(_ITEM.sub("", line).strip())
        elif _NESTED.match(line) and items:
            items[-1] += "<br>" + _NESTED.sub("", line)  # a nested item: a line of its own within its item
        elif line.startswith(" ") and line.strip() and items:
            items[-1] += " " + line.strip()  # a continuation line
        elif not line.strip() and end + 1 < len(lines) and (_ITEM.match(lines[end + 1])
                                                             or lines[end + 1].startswith("   ")):
            pass  # a loose list: a blank line between items
        else:
            break
        end += 1
    return Block("list", [plain(item) for item in items], ordered=number is not None,
                 start=int(number or 1)), end
