"""Every built page is valid HTML (Nu HTML Checker, npm vnu-jar, run with Java) and links resolve."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.conftest import REPO

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


def test_every_page_is_valid_html(built_real: Path) -> None:
    if not VNU.is_file() or shutil.which("java") is None:
        pytest.fail("vnu.jar or java is missing: run `make test`")
    pages = sorted(str(p) for p in built_real.rglob("*.html"))
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
                            capture_output=True, text=True, timeout=600, check=False)
    messages = json.loads(result.stderr)["messages"]
    errors = [f"{m['url'].rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages
              if not any(m["message"].startswith(rule) for rule in IGNORED)]
    assert len(pages) > 100
    assert errors == []


def test_no_broken_internal_link_or_anchor(built_real: Path) -> None:
    """Every href in every page, quiz blocks included, reaches a file and, if it names one, an id."""
    ids: dict[Path, set[str]] = {}

    def ids_of(path: Path) -> set[str]:
        if path not in ids:
            soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
            ids[path] = {str(tag["id"]) for tag in soup.find_all(id=True)}
        return ids[path]

    broken = []
    checked = 0
    for page in sorted(built_real.rglob("*.html")):
        if page.name == "404.html":
            continue  # its links are absolute to the host (site_url), checked by the browser tests
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for a in soup.find_all("a", href=True):
            href = a["href"]
            parts = urlsplit(str(href))
            if parts.scheme or parts.netloc or href.startswith(("mailto:", "tel:")):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            checked += 1
            if not target.is_file():
                broken.append(f"{page.relative_to(built_real)}: {href}")
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in ids_of(target):
                broken.append(f"{page.relative_to(built_real)}: {href} (no such anchor)")
    assert checked > 1000
    assert broken == []
