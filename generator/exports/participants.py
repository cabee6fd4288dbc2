"""The participants of a workshop, from a CSV file a trainer writes in a spreadsheet.

One participant per row under a header row that has a `name` column (other columns, such as an
email or a company, are kept out of every document). Every problem is collected with its line, so
that one run lists them all, and the pack is written only from a clean file.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from generator.course.problems import ContentError, Problems

NAME = "name"
MAX_PARTICIPANTS = 60  # more than a room holds: probably the wrong file (a customer list, a mailing)


def read_participants(path: Path, root: Path) -> list[str]:
    """The names of `path`'s participants, in file order; raise ContentError listing every problem."""
    problems = Problems(root)
    if not path.is_file():
        problems.add(path, None, "participants.missing",
                     "no such file: give a CSV file with a header row holding a 'name' column")
        raise ContentError(problems.sorted())
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")  # a spreadsheet's "CSV UTF-8" starts with a byte-order mark
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        problems.add(path, line, "participants.encoding",
                     "this file is not UTF-8: save it from your spreadsheet as 'CSV UTF-8'")
        raise ContentError(problems.sorted()) from None
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel  # a single column has no delimiter to find
    rows = list(csv.reader(io.StringIO(text), dialect))
    header = [cell.strip().lower() for cell in rows[0]] if rows else []
    if NAME not in header:
        problems.add(path, 1, "participants.header",
                     f"the first row must name the columns and one of them must be '{NAME}' (found: "
                     f"{', '.join(repr(h) for h in header) or 'nothing'}): add a header row such as 'name,email'")
        raise ContentError(problems.sorted())
    column = header.index(NAME)
    names: list[str] = []
    seen: dict[str, int] = {}
    for line, row in enumerate(rows[1:], 2):
        if not any(cell.strip() for cell in row):
            continue  # a blank line at the end of a spreadsheet export
        name = " ".join(row[column].split()) if column < len(row) else ""
        if not name:
            problems.add(path, line, "participants.empty_name",
                         f"this row has no '{NAME}': fill it in or delete the row")
        elif name.casefold() in seen:
            problems.add(path, line, "participants.duplicate",
                         f"'{name}' is already on line {seen[name.casefold()]}: one row per participant")
        else:
            seen[name.casefold()] = line
            names.append(name)
    if not names and not problems:
        problems.add(path, 1, "participants.none", "no participant below the header row: add one name per row")
    elif len(names) > MAX_PARTICIPANTS:
        problems.add(path, 1, "participants.too_many",
                     f"{len(names)} participants, more than a workshop of {MAX_PARTICIPANTS}: is this the right file?")
    if problems:
        raise ContentError(problems.sorted())
    return names
