"""What to print for a module's session: which workbook pages, how many copies.

The trainer edition prints the list with page numbers the layout fills in (CSS target-counter: the
trainer edition keeps the workbook's numbering, see print_html); the workshop pack prints it with
the numbers read from the laid-out workbook and the copies counted for its participants.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from generator.render.card_sets import CardSet
from generator.render.sheets import Sheet

# Who a copy is for: one per participant, one per group of GROUP (a card set), or one for the trainer.
PER_PARTICIPANT = "participant"
PER_GROUP = "group"
FOR_TRAINER = "trainer"
GROUP = 4


@dataclass(frozen=True)
class PrintItem:
    """A piece of the workbook to print: from the page of `start` to the page of `end`, `per` whom."""

    title: str
    start: str
    end: str
    per: str

    def copies(self, participants: int) -> int:
        if self.per == PER_GROUP:
            return max(1, math.ceil(participants / GROUP))
        return participants if self.per == PER_PARTICIPANT else 1


def print_items(sheets: list[Sheet], quiz_title: str, quiz_anchor: str, key_title: str,
                key_anchor: str, cards: list[CardSet]) -> list[PrintItem]:
    """A module's print list in print order: its quiz and worksheets for each participant (workbook), its card
    sets for each group, then the quiz key for the trainer (trainer edition)."""
    items = [PrintItem(quiz_title, quiz_anchor, f"{quiz_anchor}-end", PER_PARTICIPANT)]
    items += [PrintItem(s.title, s.anchor, s.anchor, PER_PARTICIPANT) for s in sheets]
    items += [PrintItem(c.title, c.anchor, c.end, PER_GROUP) for c in cards]
    items.append(PrintItem(key_title, key_anchor, key_anchor, FOR_TRAINER))
    return items


def page_span(first: int, last: int) -> str:
    """`12` or `12-14` (an en dash)."""
    return str(first) if first == last else f"{first}\u2013{last}"
