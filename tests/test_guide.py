"""`coursegen guide`: the authoring guide that comes with coursegen, written or served, with no course at hand."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.cli.main import main
from tests.conftest import REPO


def test_the_guide_is_written_in_each_language_outside_any_course(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    old = Path.cwd()
    os.chdir(tmp_path)  # no course.yml here or above: the guide needs none
    try:
        assert main(["guide"]) == 0
        assert main(["guide", "--lang", "fr", "-o", "fr/guide.html"]) == 0
    finally:
        os.chdir(old)
    out = capsys.readouterr().out
    assert "wrote authoring-guide.html: the authoring guide (en), one page any browser opens" in out
    english = BeautifulSoup((tmp_path / "authoring-guide.html").read_text(encoding="utf-8"), "html.parser")
    french = BeautifulSoup((tmp_path / "fr" / "guide.html").read_text(encoding="utf-8"), "html.parser")
    assert english.html["lang"] == "en" and english.h1.get_text() == english.title.get_text() == "Authoring guide"
    assert french.html["lang"] == "fr" and french.h1.get_text() == "Guide de rédaction"
    # Any course's guide: no make targets, no virtual environment, no tests of this repository.
    for page in (english, french):
        text = page.get_text()
        assert not re.search(r"\bmake (site|serve|test|minified)|\.venv|tests/", text)
        assert not page.find_all("script") and not page.select("link[href], img[src]"), "one self-contained page"
        codes = {c.get_text() for c in page.select("td code")}
        assert {"strings.untranslated", "i18n.scaffold_untranslated", "i18n.translation_stale"} <= codes
        # Its links within the page land on a heading.
        ids = {tag["id"] for tag in page.select("[id]")}
        assert [a["href"] for a in page.select('a[href^="#"]') if a["href"][1:] not in ids] == []
    assert "coursegen translated" in english.get_text() and "coursegen translated" in french.get_text()
    # Where the portal's address is set, which the sitemap, canonical links, PDFs' QR codes and cmi5 ids need.
    for page, heading in ((english, "The portal's address (site_url)"), (french, "L’adresse du portail (site_url)")):
        title = next(h for h in page.select("h3") if h.get_text() == heading)
        said = title.find_next("p").get_text(" ")
        assert all(word in said for word in ("site_url:", "brands/default.yml", "sitemap", "cmi5", "--site-url",
                                             "mkdocs.yml")), said


def test_a_guide_in_an_unknown_language_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["guide", "--lang", "de", "-o", str(tmp_path / "g.html")]) == 2
    assert capsys.readouterr().err.splitlines() == ["error: --lang de: the authoring guide is written in en, fr"]
    assert list(tmp_path.iterdir()) == []


def test_the_guide_is_served_until_stopped(tmp_path: Path) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with subprocess.Popen([sys.executable, "-m", "generator", "guide", "--serve", "--lang", "fr", "--dev-addr",
                           f"127.0.0.1:{port}"], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True) as server:
        try:
            assert server.stdout is not None
            assert server.stdout.readline().strip() == (f"the authoring guide (fr) on http://127.0.0.1:{port}/; "
                                                        "Ctrl-C to stop")
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as answer:
                assert answer.status == 200 and answer.headers["Content-Type"] == "text/html; charset=utf-8"
                page = BeautifulSoup(answer.read().decode("utf-8"), "html.parser")
            assert page.html["lang"] == "fr" and page.h1.get_text() == "Guide de rédaction"
            with pytest.raises(urllib.error.HTTPError) as missing:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/sitemap.xml", timeout=10)
            missing.value.close()
            assert missing.value.code == 404
        finally:
            server.terminate()
            server.wait(timeout=10)
    assert list(tmp_path.iterdir()) == [], "served from memory: nothing written"


def test_the_portal_shows_the_guide_that_comes_with_coursegen() -> None:
    """One guide: this repository's portal page is the package's file (tests/test_release.py installs a wheel and
    writes the guide with it, outside the repository)."""
    for name in ("authoring.md", "authoring.fr.md"):
        assert (REPO / "pages" / name).resolve() == (REPO / "generator" / "guide" / name).resolve()
