"""What to print for a module's session: which workbook pages, how many copies.

The trainer edition prints the list with page numbers the layout fills in (CSS target-counter: the
trainer edition keeps the workbook's numbering, see print_html); the workshop pack prints it with
the numbers read from the laid-out workbook and the copies counted for its participants.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.render.sheets import Sheet

# Who a copy is for: one per participant, or one for the trainer.
PER_PARTICIPANT = "participant"
FOR_TRAINER = "trainer"


@dataclass(frozen=True)
class PrintItem:
    """A piece of the workbook to print: from the page of `start` to the page of `end`, `per` whom."""

    title: str
    start: str
    end: str
    per: str

    def copies(self, participants: int) -> int:
        return participants if self.per == PER_PARTICIPANT else 1


def print_items(sheets: list[Sheet], quiz_title: str, quiz_anchor: str, key_title: str,
                key_anchor: str) -> list[PrintItem]:
    """A module's print list in workbook order: its quiz and worksheets for each participant, then the quiz key
    for the trainer."""
    items = [PrintItem(quiz_title, quiz_anchor, f"{quiz_anchor}-end", PER_PARTICIPANT)]
    items += [PrintItem(s.title, s.anchor, s.anchor, PER_PARTICIPANT) for s in sheets]
    items.append(PrintItem(key_title, key_anchor, key_anchor, FOR_TRAINER))
    return items


def page_span(first: int, last: int) -> str:
    """`12` or `12-14` (an en dash)."""
    return str(first) if first == last else f"{first}\u2013{last}"
