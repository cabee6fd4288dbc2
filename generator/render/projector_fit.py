"""The split rule of the projector view: how much a screen holds, and how a block too big for one is cut.

A screen is 1280×720 CSS pixels at the sizes of projector.css (body text 30 px, titles 40 px), readable from
the back of a room; nothing may scroll. The browser is not asked: the rule is decided at build time from the
text, in lines of `Measure.chars` characters, and a screen holds `Measure.lines` lines below its title.

Measured in Debian's Chromium (Liberation Sans, Arial's metrics) on every screen of the seven modules in English
and French: paragraphs, lists and templates take 0.75-0.93 of the lines estimated, tables 0.6-1.1 once cells are
wrapped word by word in columns shared as the browser's automatic layout shares them (a plain length/width
estimate gave 1.5-3 times too few lines for tables). With 68 characters and 12 lines, the fullest screen uses 80 %
of its height and none overflows: the fifth left is for a wider font (DejaVu Sans is about a tenth wider).
tests/test_projector.py walks every screen and fails on any that scrolls.

Cuts fall between sentences, list items, table rows or fence lines, never inside one; a table row too tall
for a screen (many long cells) becomes a card: its first cell as a heading, the others as a list, each under
its column's name.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from generator.render.projector_blocks import Block

_MARKUP = re.compile(r"\*\*|\*|`|\\")
_SENTENCE = re.compile(r"(?<=[.!?…])\s+(?=\S)")


@dataclass(frozen=True)
class Measure:
    """What a screen holds: characters per line of body text, lines of body text below a one-line title."""

    chars: int = 68
    lines: float = 12.0
    # A title is set larger (40 px against 30): fewer characters per line, taller lines.
    title_scale: float = 1.4
    # How a table's cell reads under its column's name when the table becomes cards, in the page's language.
    label: str = "{name}: {value}"


def _length(text: str) -> int:
    return len(_MARKUP.sub("", text))


def _wrapped(text: str, chars: float) -> int:
    # A nested list's items are lines of their own within their item (projector_blocks joins them with <br>).
    return sum(max(1, math.ceil(_length(part) / max(chars, 4))) for part in text.split("<br>"))


def title_height(title: str, measure: Measure) -> float:
    return _wrapped(title, measure.chars / measure.title_scale) * measure.title_scale + 0.5


def cells(row: str) -> list[str]:
    return [cell.strip() for cell in row.strip().strip("|").split("|")]


def _wrapped_words(text: str, chars: float) -> int:
    """Lines `text` takes in a column `chars` wide, words wrapped as a browser wraps them."""
    lines, used = 1, 0
    for word in _MARKUP.sub("", text).split():
        if used and used + 1 + len(word) > chars:
            lines, used = lines + 1, 0
        used += (1 if used else 0) + len(word)
    return lines


def _columns(rows: list[list[str]], measure: Measure) -> list[float]:
    """Characters per line of each column, as a browser's automatic table layout shares the width: each
    column gets its longest word, and what is left goes in proportion to how much more its longest cell wants."""
    count = len(rows[0])
    column = [[_MARKUP.sub("", row[i]) if i < len(row) else "" for row in rows] for i in range(count)]
    least = [max(max((len(w) for w in cell.split()), default=1) for cell in texts) + 1 for texts in column]
    most = [max(len(cell) for cell in texts) + 1 for texts in column]
    usable = measure.chars - 1.2 * count  # each cell's padding, in characters
    if sum(most) <= usable:
        return [float(w) for w in most]
    spare, wanted = max(usable - sum(least), 0), sum(m - n for m, n in zip(most, least, strict=True)) or 1
    return [n + spare * (m - n) / wanted for m, n in zip(most, least, strict=True)]


def table_fits(block: Block, measure: Measure) -> bool:
    """Whether the table's longest words fit side by side across the screen (else its rows become cards)."""
    rows = [cells(row) for row in block.lines]
    least = [max(len(w) for row in rows if i < len(row) for w in [*_MARKUP.sub("", row[i]).split(), ""]) + 1
             for i in range(len(rows[0]))]
    return sum(least) <= measure.chars - 1.2 * len(rows[0])


def height(block: Block, measure: Measure) -> float:
    """The lines a block takes on a screen, the space after it included."""
    if block.kind == "table":
        rows = [cells(row) for row in block.lines]
        widths = _columns(rows, measure)
        # The header row is bold (a tenth wider); each row adds its padding and border.
        return sum(max(_wrapped_words(cell, widths[i] / (1.1 if r == 0 else 1.0))
                       for i, cell in enumerate(row[: len(widths)])) + 0.5
                   for r, row in enumerate(rows)) + 0.5
    if block.kind == "list":
        return sum(_wrapped(item, measure.chars - 3) + 0.2 for item in block.lines) + 0.5
    if block.kind == "fence":
        return sum(_wrapped(line, measure.chars) for line in block.lines[1:-1]) + 1.2
    return sum(_wrapped(line, measure.chars) for line in block.lines) + 0.5


def pieces(block: Block, room: float, measure: Measure, first: float | None = None) -> list[Block]:
    """`block` cut into pieces that each fit in `room` lines (a piece that cannot be cut stays whole).

    `first` is the room left on the screen being filled: a list or a paragraph starts there (a lead such as
    "Instructions:" stays with the first items of its list instead of standing alone)."""
    if block.kind == "table" and not table_fits(block, measure):
        rows = [cells(row) for row in block.lines[1:]]
        if sum(1 for row in rows for cell in row if cell) <= len(rows):  # a form to fill in: what it asks for
            return pieces(Block("list", cells(block.lines[0])), room, measure, first)
        return [piece for row in block.lines[1:] for piece in pieces(card(block.lines[0], row, measure.label), room,
                                                                             measure)]
    if height(block, measure) <= room:
        return [block]
    if block.kind == "table":
        return _table_pieces(block, room, measure)
    if block.kind == "fence":
        return [replace(block, lines=[block.lines[0], *part, block.lines[-1]])
                for part in _runs(block.lines[1:-1], lambda part, _: height(
                    replace(block, lines=[block.lines[0], *part, block.lines[-1]]), measure) <= room)]
    if block.kind == "list":
        items = block.lines
        def made(part: list[str]) -> Block:
            return replace(block, lines=part)
    else:
        items = _SENTENCE.split(" ".join(block.lines).strip())
        def made(part: list[str]) -> Block:
            return replace(block, lines=[" ".join(part)])
    limit = first if first is not None and not block.title else room
    runs = _runs(items, lambda part, opening: height(made(part), measure) <= (limit if opening else room))
    if limit != room and height(made(runs[0]), measure) > limit:  # not even one item fits what is left
        return pieces(block, room, measure)
    out: list[Block] = []
    number = block.start
    for part in runs:
        out.append(replace(made(part), start=number))
        number += len(part) if block.ordered else 0
    return out


def _table_pieces(block: Block, room: float, measure: Measure) -> list[Block]:
    """Rows in groups under the header row; a row that does not fit alone with it becomes a card."""
    header, rows = block.lines[0], block.lines[1:]
    out: list[Block] = []
    group: list[str] = []
    for row in rows:
        if height(replace(block, lines=[header, *group, row]), measure) <= room:
            group.append(row)
            continue
        if group:
            out.append(replace(block, lines=[header, *group]))
            group = []
        if height(replace(block, lines=[header, row]), measure) <= room:
            group = [row]
        else:
            out += pieces(card(header, row, measure.label), room, measure)
    if group:
        out.append(replace(block, lines=[header, *group]))
    return out


def card(header: str, row: str, label: str = "{name}: {value}") -> Block:
    """A table row as a list: each cell after the first under its column's name (`label`, the language's way of
    writing "name: value"); the first cell is the title."""
    names, values = cells(header), cells(row)
    items = [label.format(name=f"**{name}**", value=value)
             for name, value in zip(names[1:], values[1:], strict=False) if value]
    return Block("list", items, title=values[0])


def _runs(items: list[str], fits: Callable[[list[str], bool], bool]) -> list[list[str]]:
    """Consecutive items packed greedily into runs for which `fits(run, is_first_run)` holds (a lone item always
    forms a run)."""
    runs: list[list[str]] = []
    for item in items:
        if runs and fits([*runs[-1], item], len(runs) == 1):
            runs[-1].append(item)
        else:
            runs.append([item])
    return runs


def pack(title: str, blocks: list[Block], measure: Measure) -> list[tuple[str, list[Block]]]:
    """One idea's blocks as screens (title, blocks): cut what is too big, keep together what fits."""
    screens: list[tuple[str, list[Block]]] = []
    used = math.inf
    room = measure.lines + measure.title_scale + 0.5 - title_height(title, measure)
    for block in blocks:
        left = room - used if screens and screens[-1][0] == title else room
        for piece in pieces(block, room, measure, left):
            head = piece.title if piece.kind == "list" and piece.title else title
            size = height(piece, measure)
            if piece.title or used + size > room or not screens or screens[-1][0] != head:
                screens.append((head, []))
                used = 0.0
            screens[-1][1].append(piece)
            used += size
    return screens
