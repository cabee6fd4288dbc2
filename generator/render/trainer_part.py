"""The trainer part of the trainer edition: per module, the notes, the print list and the one-page key.

It comes after every workbook page (print_html keeps one numbering for both editions), so the page
numbers it cites (CSS target-counter) are the participants' page numbers as well.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.course.catalogue import Strings
from generator.course.model import Module, Quiz
from generator.render.card_sets import mark_card_sets
from generator.render.print_list import PrintItem, print_items
from generator.render.quick_key import KeyLine, quick_key
from generator.render.sheets import Sheet


@dataclass
class TrainerModule:
    """What the trainer part prints for one module."""

    anchor: str
    number: int
    title: str
    notes_anchor: str
    notes: Markup | None
    print_list: list[PrintItem]
    key_anchor: str
    key_title: str
    key: list[KeyLine]


def key_anchor(module: Module) -> str:
    return f"quick-key-{module.slug}"


def trainer_module(number: int, module: Module, title: str, notes: tuple[str, Markup] | None, sheets: list[Sheet],
                   quiz: Quiz, quiz_anchor: str, strings: Strings) -> TrainerModule:
    """The trainer part of `module`: `notes` (anchor and HTML of its trainer notes, if any), print list, key."""
    t = strings.table("workshop")
    key_title = t["quick_key"].format(quiz=quiz.title[strings.lang])
    # The card sets get their ids here, so that the print list can cite the pages they are printed on.
    marked, cards = mark_card_sets(notes[1], module.slug) if notes else ("", [])
    return TrainerModule(
        anchor=f"trainer-{module.slug}", number=number, title=title, notes_anchor=notes[0] if notes else "",
        notes=Markup(marked) if notes else None,
        print_list=print_items(sheets, quiz.title[strings.lang], quiz_anchor, key_title, key_anchor(module), cards),
        key_anchor=key_anchor(module), key_title=key_title, key=quick_key(quiz, strings),
    )
