"""Built pages are valid HTML (Nu HTML Checker, npm vnu-jar, run with Java) and every link resolves.

`make test` runs the checker on a page of each kind in both languages (tests/pages.py); `make test-all`
runs it on every page. The link check reads every page in both.
"""

from __future__ import annotations

import html.parser
import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.conftest import REPO
from tests.pages import SAMPLE

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# Rules filtered out, each for a reason:
IGNORED = {
    # Material for MkDocs writes tabindex="" on navigation section labels; browsers ignore the empty
    # value, and fixing it would mean copying Material's nav-item.html partial into this repository.
    "Bad value “” for attribute “tabindex” on element “label”",
    # Material's hidden toggle checkboxes carry autocomplete="off" so browsers do not restore their state;
    # harmless, and again Material's own partials.
    "Attribute “autocomplete” is only allowed when the input type is",
}


def nu_errors(site: Path, pages: list[Path]) -> list[str]:
    """What the Nu checker reports on `pages`, less the IGNORED rules."""
    if not VNU.is_file() or shutil.which("java") is None:
        pytest.fail("vnu.jar or java is missing: run `make test`")
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, pages)],
                            capture_output=True, text=True, timeout=600, check=False)
    messages = json.loads(result.stderr)["messages"]
    return [f"{m['url'].rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages
            if not any(m["message"].startswith(rule) for rule in IGNORED)]


def test_a_page_of_each_kind_in_both_languages_is_valid_html(built_real: Path) -> None:
    pages = [built_real / rel for rel in SAMPLE]
    assert [p for p in pages if not p.is_file()] == [], "tests/pages.py names pages the build no longer makes"
    assert nu_errors(built_real, pages) == []


@pytest.mark.exhaustive
def test_every_page_is_valid_html(built_real: Path) -> None:
    pages = sorted(built_real.rglob("*.html"))
    assert len(pages) > 100
    assert nu_errors(built_real, pages) == []


class Anchors(html.parser.HTMLParser):
    """The hrefs of a page's links and the ids of its elements: the standard library's HTML tokenizer, which
    BeautifulSoup's "html.parser" runs too, without building a tree (a quarter of the time on 150 pages)."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value is not None:
                self.ids.add(value)
            elif name == "href" and tag == "a" and value is not None:
                self.hrefs.append(value)


def test_no_broken_internal_link_or_anchor(built_real: Path) -> None:
    """Every href in every page, quiz blocks included, reaches a file and, if it names one, an id."""
    parsed: dict[Path, Anchors] = {}

    def read(path: Path) -> Anchors:
        if path not in parsed:
            parsed[path] = Anchors(path.read_text(encoding="utf-8"))
        return parsed[path]

    broken = []
    checked = 0
    for page in sorted(built_real.rglob("*.html")):
        if page.name == "404.html":
            continue  # its links are absolute to the host (site_url), checked by the browser tests
        for href in read(page).hrefs:
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:")):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if not target.is_file():
                broken.append(f"{page.relative_to(built_real)}: {href}")
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in read(target).ids:
                broken.append(f"{page.relative_to(built_real)}: {href} (no such anchor)")
    assert checked > 1000
    assert broken == []
