"""The offline bundle: unzipped from a USB stick and opened over file://, with nothing from the network."""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from generator.build import BuildOptions, build
from generator.course.load import load_valid_course
from generator.exports.offline import OfflineResult, build_offline
from tests.test_browser import answer_all_right


def unzip(bundle: Path, dest: Path) -> Path:
    """Unzip like a trainer would and return the folder holding index.html."""
    with zipfile.ZipFile(bundle) as archive:
        archive.extractall(dest)
        tops = {name.split("/", 1)[0] for name in archive.namelist()}
    assert len(tops) == 1, "the zip unpacks into one folder"
    return dest / tops.pop()


@pytest.fixture(scope="module")
def bundles(tmp_path_factory: pytest.TempPathFactory) -> dict[str, OfflineResult]:
    from generator.course.brand import load_brand
    from generator.engine.brand import BACKDROPS
    from tests.conftest import REPO, make_course

    root = make_course(tmp_path_factory.mktemp("offline") / "course")
    # A page for hosts, kept out of the learner's menu as pages/deploy.md is (`menu: false`).
    for name, title in (("hosting.md", "Hosting the course"), ("hosting.fr.md", "Héberger le cours")):
        (root / "pages" / name).write_text(f"---\ntitle: {title}\ndescription: For hosts.\nmenu: false\n---\n\n"
                                           "Hosts read this.\n", encoding="utf-8")
    course = load_valid_course(root)
    # A host's brand adds a legal page and a logo.
    brand = load_brand(REPO, REPO / "brands" / "cci-example.yml", BACKDROPS)
    return {"en": build_offline(course, root / "out" / "course-en-offline.zip", "en"),
            "all": build_offline(course, root / "out" / "course-offline.zip", brand=brand)}


def broken_links(folder: Path) -> list[str]:
    """Relative links that do not name an existing file: file:// shows a folder listing for `page/`."""
    broken = []
    for page in folder.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        # rel=alternate links are hints for search engines, which never read a USB stick.
        for tag in soup.select("a[href], link[href]:not([rel=alternate]), script[src], img[src]"):
            url = str(tag.get("href") or tag.get("src"))
            path = url.split("#", 1)[0].split("?", 1)[0]
            if path and ":" not in path and not (page.parent / path).is_file():
                broken.append(f"{page.relative_to(folder)}: {url}")
    return broken


def test_bundle_holds_the_shim_and_the_inlined_index_and_no_cdn(bundles: dict[str, OfflineResult],
                                                                 tmp_path: Path) -> None:
    folder = unzip(bundles["en"].path, tmp_path)
    assert folder.name == "course-en-offline"
    assert (folder / "assets" / "cq" / "iframe-worker-shim.js").is_file()
    assert (folder / "search" / "search_index.js").read_text(encoding="utf-8").startswith("var __index = {")
    assert (folder / "01-basics" / "quiz.html").is_file() and not (folder / "01-basics" / "quiz").exists()
    assert not list(folder.rglob("*.map"))
    for page in folder.rglob("*.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        sources = [t.get("src") or t.get("href") or "" for t in soup.select("script[src], link[href]")]
        assert not [s for s in sources if "://" in s], f"{page.name} loads something from another host"
    # A one-language bundle has no language switcher (the other language is not in it).
    assert not BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser").select(
        "a.md-select__link")
    # Raw-HTML links written by the generator name the file, as file:// needs.
    quiz = BeautifulSoup((folder / "01-basics" / "quiz.html").read_text(encoding="utf-8"), "html.parser")
    assert quiz.select_one("[data-cq-question=single-1] .cq-answer a")["href"] == "02-smart.html"
    assert broken_links(folder) == []


def test_branded_two_language_bundle_has_no_link_to_a_folder(bundles: dict[str, OfflineResult],
                                                             tmp_path: Path) -> None:
    folder = unzip(bundles["all"].path, tmp_path)
    assert sorted(p.name for p in folder.iterdir()) == ["README.txt", "en", "fr", "index.html"]
    assert (folder / "fr" / "legal.html").is_file()
    assert broken_links(folder) == []


def test_a_read_me_in_the_bundle_language_and_a_menu_of_learner_pages_only(bundles: dict[str, OfflineResult],
                                                                         tmp_path: Path) -> None:
    folder = unzip(bundles["en"].path, tmp_path / "en")
    readme = (folder / "README.txt").read_bytes().decode("utf-8")
    assert readme.startswith("Mini course: Offline copy of the course\r\n")
    assert "Open index.html in this folder with a web browser" in readme and "Ouvrez" not in readme
    assert "The course online:" not in readme  # no brand, no address to give
    both = (unzip(bundles["all"].path, tmp_path / "all") / "README.txt").read_text(encoding="utf-8")
    assert "Open index.html" in both and "Ouvrez index.html dans ce dossier" in both
    assert "Le cours en ligne\u00a0: https://learn.example-valley-chamber.example/social-media/fr/" in both
    home = BeautifulSoup((folder / "index.html").read_text(encoding="utf-8"), "html.parser")
    menu = [a.get_text(" ", strip=True) for a in home.select("nav.md-nav--primary a.md-nav__link")]
    assert "Basics" in menu and "Hosting the course" not in menu
    assert (folder / "hosting.html").is_file()  # still there for a host who follows a link to it


def test_a_zip_is_the_same_bytes_twice(course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    loaded = load_valid_course(course)
    one = build_offline(loaded, tmp_path / "a" / "course-fr-offline.zip", "fr")
    two = build_offline(loaded, tmp_path / "b" / "course-fr-offline.zip", "fr")
    assert one.path.read_bytes() == two.path.read_bytes()


@pytest.mark.browser
def test_over_file_search_quiz_and_progress_work_without_network(page: Any, bundles: dict[str, OfflineResult],
                                                                 tmp_path: Path) -> None:
    home = (unzip(bundles["en"].path, tmp_path) / "index.html").as_uri()
    page.goto(home)
    page.click("label.md-search__icon, .md-search__input")
    page.locator(".md-search__input").press_sequentially("bakery", delay=30)
    page.locator(".md-search-result__item").first.wait_for()
    assert "Goal first" in page.locator(".md-search-result").inner_text()
    page.locator(".md-search-result__link").first.click()
    page.wait_for_url("**/01-basics/01-goal-first.html*")
    page.goto(home.replace("index.html", "01-basics/quiz.html"))
    answer_all_right(page)
    score = "Your score: 5 of 5 (100%). Passed: you reached the pass mark."
    assert page.locator(".cq-score").inner_text() == score
    page.reload()
    assert page.locator(".cq-score").inner_text() == score
    page.goto(home.replace("index.html", "progress.html"))
    assert page.locator("[data-cq-module-quiz='01-basics'] .cq-status").inner_text() == "Passed (100%)"
    assert page.errors == []
    # Every request stayed on the disk: no CDN shim, no font, nothing from any host.
    assert page.requests and [r for r in page.requests if not r.startswith("file://")] == []


@pytest.mark.browser
def test_two_language_bundle_chooser_and_switcher_work_over_file(page: Any, bundles: dict[str, OfflineResult],
                                                                 tmp_path: Path) -> None:
    folder = unzip(bundles["all"].path, tmp_path)
    page.goto((folder / "index.html").as_uri())
    page.wait_for_url("**/en/index.html")  # the chooser sends the browser to its language's index.html
    page.goto((folder / "en" / "01-basics" / "02-smart.html").as_uri())
    page.goto(page.locator("a.md-select__link[hreflang=fr]").evaluate("a => a.href"))
    assert page.url.endswith("/fr/01-basics/02-smart.html")
    assert page.locator("h1").inner_text() == "Objectifs SMART"
    assert [r for r in page.requests if not r.startswith("file://")] == []


def test_make_site_downloads_are_built_and_linked_from_each_home_page(course: Path) -> None:
    site = course / "site"
    build(course, site, BuildOptions(downloads=True))
    names = sorted(p.name for p in (site / "downloads").iterdir())
    assert names == ["course-en-learner.pdf", "course-en-offline.zip", "course-fr-learner.pdf", "course-fr-offline.zip"]
    # The trainer edition holds every answer: beside the site, never in it, and not linked.
    assert sorted(p.name for p in (course / "trainer").iterdir()) == ["course-en-trainer.pdf", "course-fr-trainer.pdf"]
    assert not list(site.rglob("*trainer*"))
    for lang, label in (("en", "Learner workbook"), ("fr", "Cahier du participant")):
        home = BeautifulSoup((site / lang / "index.html").read_text(encoding="utf-8"), "html.parser")
        links = home.select("ul.cq-downloads a")
        assert [a["href"] for a in links] == [f"../downloads/course-{lang}-{kind}"
                                              for kind in ("learner.pdf", "offline.zip")]
        assert all((site / lang / str(a["href"])).resolve().is_file() for a in links)
        assert links[0].get_text() == label
        assert "pages" in links[0].parent.get_text()
    # Without --downloads nothing is promised: no section, no folder.
    build(course, site)
    assert not (site / "downloads").exists()
    assert not BeautifulSoup((site / "en" / "index.html").read_text(encoding="utf-8"), "html.parser").select(
        "ul.cq-downloads")


def test_a_brand_opts_in_to_publishing_the_trainer_edition(course: Path) -> None:
    import shutil

    from generator.course.brand import load_brand
    from generator.engine.brand import BACKDROPS
    from generator.exports.downloads import Download, downloads_markdown
    from tests.conftest import REPO

    shutil.copytree(REPO / "brands", course / "brands")
    brand_file = course / "brands" / "cci-example.yml"
    assert load_brand(course, brand_file, BACKDROPS).publish_trainer is False
    brand_file.write_text(brand_file.read_text(encoding="utf-8") + "publish_trainer: true\n", encoding="utf-8")
    assert load_brand(course, brand_file, BACKDROPS).publish_trainer is True
    made = [Download("course-en-learner.pdf", "en", "learner", 10**6, 40),
            Download("course-en-trainer.pdf", "en", "trainer", 10**6, 60, published=False)]
    assert "trainer" not in downloads_markdown(load_valid_course(course).strings["en"], made)
    made[1] = Download("course-en-trainer.pdf", "en", "trainer", 10**6, 60)
    assert "course-en-trainer.pdf" in downloads_markdown(load_valid_course(course).strings["en"], made)


def test_no_search_index_holds_the_quiz_answers(bundles: dict[str, OfflineResult], built_mini: Path,
                                                tmp_path: Path) -> None:
    """Web, offline and SCORM copies index the lessons, never the answers and explanations of quizzes."""
    from generator.exports.scorm import build_package
    from tests.conftest import make_course

    root = make_course(tmp_path / "course")
    package = build_package(load_valid_course(root), "fr", tmp_path / "fr.zip").path
    indexes = {"web": (built_mini / "en" / "search" / "search_index.json").read_text(encoding="utf-8")}
    for name, archive_path in (("offline", bundles["all"].path), ("scorm", package)):
        with zipfile.ZipFile(archive_path) as archive:
            found = [n for n in archive.namelist() if "/search/search_index." in f"/{n}"]
            assert found, f"{name}: no search index"
            indexes[name] = "".join(archive.read(n).decode("utf-8") for n in found)
    for name, text in indexes.items():
        assert "bakery" in text or "boulangerie" in text, f"{name}: the lessons are not indexed"
        for answer in ("A SMART goal has a number and a date", "Un objectif SMART a un chiffre et une date",
                       "Hide hate, answer criticism", "Masquez la haine"):
            assert answer not in text, f"{name} search index holds a quiz answer: {answer!r}"


@pytest.mark.browser
def test_the_offline_copy_practises_over_file(page: Any, bundles: dict[str, OfflineResult], tmp_path: Path) -> None:
    home = (unzip(bundles["en"].path, tmp_path) / "index.html").as_uri()
    page.goto(home.replace("index.html", "01-basics/quiz.html"))
    page.check("#cq-01-basics-single-1-b")
    page.click("#cq-01-basics-single-1 .cq-check")
    page.goto(home)
    line = page.locator(".cq-resume-practice a")
    line.wait_for()
    assert line.inner_text() == "Questions to practise today: 1"
    line.click()
    page.wait_for_url("**/practice.html")
    page.wait_for_function("document.querySelector('.cq-practice-status').textContent !== ''")
    assert page.locator(".cq-practice-status").inner_text() == "Questions to practise today: 1."
    page.check("#cq-01-basics-single-1-c")
    page.click("#cq-01-basics-single-1 .cq-check")
    assert page.locator(".cq-practice-status").inner_text().startswith("Session done: 1 of 1 right.")
    assert page.errors == []
    assert [r for r in page.requests if not r.startswith("file://")] == []
