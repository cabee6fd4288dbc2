"""Finish WeasyPrint's tagged PDF: table header cells get their scope, headings one content item each.

Two things WeasyPrint 70 leaves that a reader's tools stumble on, fixed in the written file with pikepdf:

- Its header cells (`/TH`) carry an `/ID` that data cells name in `/Headers`, but no `/Scope`. PDF/UA-1
  accepts either way of linking headers to cells; assistive technology and checkers (pdfua's UA-15-003
  counts only header cells that carry `/Scope` or `/Headers`) read `/Scope` more widely, so each header
  cell gets the scope WeasyPrint itself gave it: a row header when data cells of its own row name it
  (HTML `scope="row"`), else a column header.
- It writes every structure element's `/K` as an array, and a heading that wraps onto a second line, or
  holds an `<abbr>`, as one marked-content sequence per piece. pdfua 0.1.3's empty-heading check
  (UA-14-001) crashes on the first array it meets in a heading's `/K` chain (it asks a pikepdf array for an
  attribute, and pikepdf raises ValueError, not AttributeError), so the rule went unchecked on every course
  PDF. ISO 32000-1 (14.7.2, table 323) lets `/K` be the kid itself; a heading's adjacent pieces on one page
  become one marked-content sequence, which is also what a screen reader announces as the heading.

The file is saved with a content-derived `/ID` (qpdf's deterministic id), so the same content still gives
the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import BinaryIO

import pikepdf
from pikepdf import Array, Dictionary, Name, Object, Pdf

HEADINGS = frozenset(f"/H{level}" for level in range(1, 7))
# Keys of a structure element that carry nothing a reader sees: an element with any other key
# (/Lang, /Alt, /ActualText, /E...) is never folded into its heading's first piece.
PLAIN_KEYS = frozenset({"/Type", "/S", "/P", "/K", "/Pg"})
Operation = pikepdf.ContentStreamInstruction | pikepdf.ContentStreamInlineImage
PageId = tuple[int, int]  # a page object's (number, generation)
Piece = tuple[Dictionary, int, PageId | None]  # the element holding a content item, its MCID, its page


def kids(element: Dictionary) -> list[Object]:
    """The children of a structure element, whether `/K` is one kid or an array."""
    if "/K" not in element:
        return []
    value = element.K
    return list(value) if isinstance(value, Array) else [value]


def structure_elements(pdf: Pdf) -> Iterator[Dictionary]:
    """Every structure element of the tree, parents first."""
    root = pdf.Root.get("/StructTreeRoot")
    if not isinstance(root, Dictionary):
        return
    stack = list(reversed(kids(root)))
    seen: set[tuple[int, int]] = set()
    while stack:
        node = stack.pop()
        if not isinstance(node, Dictionary) or "/S" not in node:
            continue  # an MCID, a marked-content or object reference: a leaf
        if node.is_indirect:
            if node.objgen in seen:
                continue
            seen.add(node.objgen)
        yield node
        stack.extend(reversed(kids(node)))


# -- table header cells --------------------------------------------------------------------------

def table_attributes(cell: Dictionary) -> Dictionary:
    """The cell's attribute dictionary owned by /Table, made if missing."""
    found = cell.get("/A")
    for candidate in (list(found) if isinstance(found, Array) else [found]):
        if isinstance(candidate, Dictionary) and candidate.get("/O") == Name.Table:
            return candidate
    attributes = Dictionary(O=Name.Table)
    if found is None:
        cell.A = attributes
    else:
        cell.A = Array([*(list(found) if isinstance(found, Array) else [found]), attributes])
    return attributes


def named_headers(cell: Dictionary) -> set[str]:
    """The header ids a cell names in its /Table attributes' /Headers."""
    found = cell.get("/A")
    names: set[str] = set()
    for candidate in (list(found) if isinstance(found, Array) else [found]):
        if isinstance(candidate, Dictionary) and isinstance(candidate.get("/Headers"), Array):
            names.update(str(header) for header in candidate.Headers)
    return names


def add_header_scopes(elements: list[Dictionary]) -> int:
    """Give every /TH a /Scope: /Row when data cells of its own row name it, else /Column."""
    count = 0
    for cell in elements:
        if cell.S != Name.TH:
            continue
        row = cell.get("/P")
        own_row = [c for c in kids(row) if isinstance(c, Dictionary)] if isinstance(row, Dictionary) else []
        named = set().union(*(named_headers(c) for c in own_row if c.get("/S") == Name.TD))
        ident = str(cell.get("/ID", ""))
        table_attributes(cell).Scope = Name.Row if ident and ident in named else Name.Column
        count += 1
    return count


# -- headings ------------------------------------------------------------------------------------

def page_id(value: Object | None, default: PageId | None) -> PageId | None:
    return value.objgen if isinstance(value, Dictionary) else default


def content_pieces(element: Dictionary, page: PageId | None = None) -> list[Piece]:
    """The marked-content pieces under `element`, in reading order.

    A reference to an annotation or another stream is returned with MCID -1, so the caller leaves it be.
    """
    page = page_id(element.get("/Pg"), page)
    pieces: list[Piece] = []
    for kid in kids(element):
        if isinstance(kid, int):
            pieces.append((element, kid, page))
        elif isinstance(kid, Dictionary) and "/S" in kid:
            pieces.extend(content_pieces(kid, page))
        elif isinstance(kid, Dictionary) and kid.get("/Type") == Name.MCR and "/Stm" not in kid:
            pieces.append((element, int(kid.MCID), page_id(kid.get("/Pg"), page)))
        else:
            pieces.append((element, -1, page))
    return pieces


def plain_between(heading: Dictionary, holder: Dictionary) -> bool:
    """True when every element from `heading` down to `holder` carries nothing but structure."""
    node: Object | None = holder
    while isinstance(node, Dictionary) and node.objgen != heading.objgen:
        if set(node.keys()) - PLAIN_KEYS:
            return False
        node = node.get("/P")
    return isinstance(node, Dictionary)


def single_kids(element: Dictionary) -> None:
    """Write each one-element `/K` array under `element` as the kid itself (ISO 32000-1, table 323)."""
    value = element.get("/K")
    if isinstance(value, Array) and len(value) == 1:
        element.K = value[0]
    for kid in kids(element):
        if isinstance(kid, Dictionary) and "/S" in kid:
            single_kids(kid)


def joined_sequences(operations: list[Operation], mcids: list[int]) -> list[int] | None:
    """Indexes of the operators that, once removed, make `mcids` one marked-content sequence.

    Only when the pieces follow each other directly (`EMC` then the next piece's `BDC`), hold the same
    tag and say nothing but their MCID; else None.
    """
    starts: dict[int, int] = {}
    for index, op in enumerate(operations):
        if str(op.operator) == "BDC":
            properties = op.operands[-1]
            if isinstance(properties, Dictionary) and properties.get("/MCID") in mcids:
                if set(properties.keys()) != {"/MCID"}:
                    return None
                starts[int(properties.MCID)] = index
    if sorted(starts) != sorted(mcids) or len(set(str(operations[starts[m]].operands[0]) for m in mcids)) != 1:
        return None
    removed: list[int] = []
    for mcid, following in pairwise(mcids):
        end = starts[following] - 1
        if end <= starts[mcid] or str(operations[end].operator) != "EMC" or not closes(operations, starts[mcid], end):
            return None
        removed += [end, starts[following]]
    return removed


def closes(operations: list[Operation], start: int, end: int) -> bool:
    """True when the `EMC` at `end` is the one that closes the sequence opened at `start`."""
    depth = 0
    for op in operations[start:end + 1]:
        name = str(op.operator)
        depth += 1 if name in ("BDC", "BMC") else -1 if name == "EMC" else 0
        if depth == 0:
            return op is operations[end]
    return False


def join_headings(pdf: Pdf, elements: list[Dictionary]) -> int:
    """Make each heading's adjacent pieces on one page one marked-content sequence; `/K` kids unwrapped."""
    pages = {page.obj.objgen: page for page in pdf.pages}
    parent_tree = pikepdf.NumberTree(pdf.Root.StructTreeRoot.ParentTree)
    plans: dict[PageId, list[tuple[Dictionary, list[Piece]]]] = {}
    for heading in [e for e in elements if str(e.S) in HEADINGS]:
        pieces = content_pieces(heading)
        where = pieces[0][2] if pieces else None
        if len(pieces) > 1 and where is not None and all(
                mcid >= 0 and page == where and plain_between(heading, holder) for holder, mcid, page in pieces):
            plans.setdefault(where, []).append((heading, pieces))
        else:
            single_kids(heading)
    joined = 0
    for objgen, headings in plans.items():
        page = pages[objgen]
        operations = list(pikepdf.parse_content_stream(page))
        removed: set[int] = set()
        for heading, pieces in headings:
            drop = joined_sequences(operations, [mcid for _, mcid, _ in pieces])
            if drop is None:
                single_kids(heading)  # left as WeasyPrint wrote it, less the one-kid arrays
                continue
            removed.update(drop)
            first, mcid, _ = pieces[0]
            first.K = mcid
            first.Pg = page.obj
            first.P = heading
            heading.K = first
            parents = parent_tree[int(page.StructParents)]
            for _, gone, _ in pieces[1:]:
                parents[gone] = None
            joined += 1
        if removed:
            kept = [op for index, op in enumerate(operations) if index not in removed]
            page.obj.Contents = pdf.make_stream(pikepdf.unparse_content_stream(kept))
    return joined


def finish_tags(source: BinaryIO, target: Path) -> tuple[int, int]:
    """Read WeasyPrint's PDF from `source`, write the finished one to `target`.

    Returns how many header cells got a scope and how many headings were joined into one piece.
    """
    with Pdf.open(source) as pdf:
        elements = list(structure_elements(pdf))  # walked once: the tree has some 50,000 elements
        scoped = add_header_scopes(elements)
        joined = join_headings(pdf, elements)
        pdf.save(target, deterministic_id=True)
    return scoped, joined
