"""Worksheets to write on: one A4 page each, in the workbook and in the module's worksheet PDF.

A module declares its sheets in its overview's front matter (`worksheets:`, one list per language
file, so each language states its own words); a module that declares none gets an action plan made
of its objectives, so every module has a page to write on. Rows and writing lines are 15 mm high,
the room a handwritten line needs (the print stylesheet says so; tests measure it in the PDF).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup

from generator.course.catalogue import Strings
from generator.course.model import Module
from generator.render.quiz import environment

# Height a sheet gives its frames once the title, the name line and the way home are placed (cm), and what
# one frame needs besides its lines (its label and padding): see .sheet-frame in print.css.
FRAME_ROOM_CM = 19.0
FRAME_OVERHEAD_CM = 1.4
ROW_CM = 1.5
MAX_LINES = 12


@dataclass(frozen=True)
class Sheet:
    """One page to write on: a table with 15 mm rows, or frames of ruled 15 mm lines."""

    anchor: str
    title: str
    intro: str = ""
    columns: tuple[str, ...] = ()
    rows: tuple[str, ...] = ()  # the first cell of each row: a label, or its number for blank rows
    frames: tuple[str, ...] = ()
    lines: int = 0  # ruled lines per frame
    module: str = field(default="", compare=False)


def frame_lines(frames: int) -> int:
    """Ruled lines per frame so that `frames` frames share one page."""
    if frames == 0:
        return 0
    return max(2, min(MAX_LINES, int((FRAME_ROOM_CM / frames - FRAME_OVERHEAD_CM) // ROW_CM)))


def sheet_anchor(module: Module, index: int) -> str:
    return f"sheet-{module.slug}-{index}"


def module_sheets(module: Module, lang: str, strings: Strings) -> list[Sheet]:
    """The sheets of `module` in `lang`: those its overview declares, else an action plan of its objectives."""
    declared = module.overview.sources[lang].meta.get("worksheets")
    t = strings.table("workshop")
    if not isinstance(declared, list) or not declared:
        return [Sheet(sheet_anchor(module, 1), t["action_plan"], t["action_plan_intro"],
                      (t["objective"], t["plan_action"], t["plan_when"]), tuple(module.objectives(lang)),
                      module=module.slug)]
    sheets = []
    for index, spec in enumerate(declared, 1):
        rows = spec.get("rows", ())
        labels = tuple(str(n) for n in range(1, rows + 1)) if isinstance(rows, int) else tuple(map(str, rows))
        frames = tuple(str(f) for f in spec.get("frames", ()))
        sheets.append(Sheet(sheet_anchor(module, index), str(spec["title"]), str(spec.get("intro", "")),
                            tuple(str(c) for c in spec.get("columns", ())), labels, frames,
                            frame_lines(len(frames)), module=module.slug))
    return sheets


def sheet_html(sheet: Sheet, strings: Strings, way_home: Markup) -> Markup:
    """HTML of one sheet; `way_home` is the course's address block (empty without a site address)."""
    return Markup(environment().get_template("sheet.html.j2").render(
        sheet=sheet, t=strings.table("workshop"), colon=strings.site["colon"], way_home=way_home))
