"""The card sets of a module's trainer notes (`<div class="cq-card-set" markdown="1">`): found, named, marked.

Each set gets an id and its last card an end id, so that a print list can cite the pages the set is
printed on (the trainer edition starts each set on a new page) and the workshop pack can print the sets.
"""

from __future__ import annotations

import html as html_lib
import re
from dataclasses import dataclass

OPEN = '<div class="cq-card-set">'
_DIV = re.compile(r"<(/?)div\b[^>]*>")
_CARD = re.compile(r'<div class="cq-print-card"')
_HEADING = re.compile(r"<h[1-6][^>]*>(.*?)</h[1-6]>", re.S)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class CardSet:
    """One set: the title of the heading above it, its id, its last card's id, its HTML (ids included)."""

    title: str
    anchor: str
    end: str
    html: str


def _close(html: str, start: int) -> int:
    """The end of the div opened at `start` (after its `</div>`)."""
    depth = 0
    for tag in _DIV.finditer(html, start):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            return tag.end()
    return len(html)


def mark_card_sets(html: str, module_slug: str) -> tuple[str, list[CardSet]]:
    """`html` (trainer notes) with every card set's ids added, and the sets in order."""
    html = str(html)  # plain text: Markup.replace would escape the ids put in
    out: list[str] = []
    sets: list[CardSet] = []
    done = 0
    while (start := html.find(OPEN, done)) >= 0:
        stop = _close(html, start)
        anchor = f"cards-{module_slug}-{len(sets) + 1}"
        block = html[start:stop].replace(OPEN, f'<div class="cq-card-set" id="{anchor}">', 1)
        cards = list(_CARD.finditer(block))
        if cards:  # the last card is never split (print.css), so its page is where the set ends
            at = cards[-1].end()
            block = f'{block[:at]} id="{anchor}-end"{block[at:]}'
        headings = _HEADING.findall(html, 0, start)
        # A set with no heading above it still needs a row: it is named by its number.
        title = html_lib.unescape(_TAG.sub("", headings[-1])).strip() if headings else str(len(sets) + 1)
        sets.append(CardSet(title, anchor, f"{anchor}-end" if cards else anchor, block))
        out += [html[done:start], block]
        done = stop
    out.append(html[done:])
    return "".join(out), sets
