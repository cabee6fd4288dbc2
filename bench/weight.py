"""Page weight: our own files a page loads (gzip), what it inlines, and the bytes of a site."""

from __future__ import annotations

import gzip
import posixpath
from html.parser import HTMLParser
from pathlib import Path

# Material's own bundles: every Material page loads them, quizzes or not.
MATERIAL = ("assets/javascripts/", "assets/stylesheets/")


class _Assets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.files: list[str] = []
        self.inline = 0
        self._inline_tag: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "script" and a.get("src"):
            self.files.append(str(a["src"]))
        elif tag == "link" and a.get("rel") == "stylesheet" and a.get("href"):
            self.files.append(str(a["href"]))
        elif tag in ("script", "style"):
            self._inline_tag = tag

    def handle_endtag(self, tag: str) -> None:
        if tag == self._inline_tag:
            self._inline_tag = None

    def handle_data(self, data: str) -> None:
        if self._inline_tag:
            self.inline += len(data.encode("utf-8"))


def _parse(page: Path) -> _Assets:
    parser = _Assets()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def own_assets(site: Path, page: Path) -> dict[str, int]:
    """{site-relative path: gzip bytes} of the scripts and stylesheets a page loads that are not Material's."""
    found: dict[str, int] = {}
    base = page.parent.relative_to(site).as_posix()
    for ref in _parse(page).files:
        if "://" in ref or ref.startswith("//"):
            continue
        rel = posixpath.normpath(posixpath.join(base, ref.split("?", 1)[0]))
        if rel.startswith(MATERIAL) or rel.startswith("../"):
            continue
        found[rel] = len(gzip.compress((site / rel).read_bytes(), compresslevel=6))
    return found


# What the practice page alone fetches (practice.js asks for the other two): the scheduler, its script, its look.
PRACTICE = ("assets/cq/schedule.js", "assets/cq/practice.js", "assets/cq/practice.css")


def practice_assets(site: Path) -> dict[str, int]:
    """{site-relative path: gzip bytes} of the practice page's own files, fetched lazily so not in its HTML."""
    return {rel: len(gzip.compress((site / rel).read_bytes(), compresslevel=6)) for rel in PRACTICE}


def inline_bytes(page: Path) -> int:
    """Bytes of inline <script> and <style> content in a page."""
    return _parse(page).inline


def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def growth(ours: int, without: int) -> float:
    """Fraction by which `ours` is larger than `without`."""
    return ours / without - 1 if without else 0.0
