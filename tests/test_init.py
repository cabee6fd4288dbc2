"""`coursegen init`: a new course, in the languages asked for, that checks and builds at once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from generator.cli.main import main
from generator.course.catalogue import installed_theme
from tests.conftest import REPO, soup
from tests.own_texts import write_own_texts


def files_of(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def init(folder: Path, title: str, languages: str, brand: str, capsys: pytest.CaptureFixture[str]) -> str:
    code = main(["init", str(folder), "--title", title, "--languages", languages, "--brand-name", brand])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def check_and_build(root: Path, elsewhere: Path, *build_args: str, translated: bool = True) -> Path:
    """`check`, the author's own texts in place of init's examples, `check --strict`, then `build` of the
    course in `root`, run from another folder; the site folder.

    `translated=False`: some pages are still English under init's "Translate this page" note, so `check`
    passes but `check --strict` fails (tests/test_translations.py reads those warnings; tests/test_placeholders.py
    those of the examples)."""
    elsewhere.mkdir(exist_ok=True)
    old = Path.cwd()
    os.chdir(elsewhere)
    try:
        assert main(["--root", str(root), "check"]) == 0
        write_own_texts(root)
        assert main(["--root", str(root), "check", "--strict"]) == (0 if translated else 1)
        assert main(["--root", str(root), "build", *build_args]) == 0
    finally:
        os.chdir(old)
    assert list(elsewhere.iterdir()) == [], "nothing is written where the command runs"
    return root / "site"


def texts_of(node: object) -> list[dict[str, str]]:
    """Every text map ({lang: text}) in a parsed quiz or brand file."""
    if isinstance(node, dict):
        if node and all(isinstance(v, str) for v in node.values()) and {"en", "fr", "de", "ar"} & set(node):
            return [node]
        return [m for v in node.values() for m in texts_of(v)]
    if isinstance(node, list):
        return [m for v in node for m in texts_of(v)]
    return []


def test_a_french_only_course_has_no_english_file_and_no_switcher(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "cours"
    init(root, "Réseaux sociaux : les bases", "fr", "CCI Exemple", capsys)
    made = files_of(root)
    assert "course.yml" in made and "mkdocs.yml" in made and "brands/default.yml" in made
    assert [f for f in made if f.endswith(".md") and f.count(".") > 1] == [], "one language: no suffixed file"
    assert "modules/01-first-module/01-first-lesson.md" in made and "pages/abbreviations.md" in made
    assert yaml.safe_load((root / "course.yml").read_text(encoding="utf-8")) == {
        "languages": [{"code": "fr", "name": "Français"}]}
    lesson = (root / "modules" / "01-first-module" / "01-first-lesson.md").read_text(encoding="utf-8")
    assert "## Pourquoi c’est important" in lesson and "Translate" not in lesson
    for name in ("quizzes/01-first-module.yml", "quizzes/01-first-module-checks.yml", "brands/default.yml"):
        maps = texts_of(yaml.safe_load((root / name).read_text(encoding="utf-8")))
        assert maps and all(set(m) == {"fr"} for m in maps), name
    assert not (root / "theme").exists(), "coursegen brings French interface strings"

    site = check_and_build(root, tmp_path / "elsewhere")
    assert sorted(p.name for p in site.iterdir()) == ["fr", "index.html"]
    home = soup(site / "fr" / "index.html")
    assert home.html["lang"] == "fr" and home.body["dir"] == "ltr"
    assert home.h1.get_text() == "Réseaux sociaux\u00a0: les bases"
    assert home.title.get_text().startswith("Réseaux sociaux\u00a0: les bases")
    assert home.select(".md-select") == [] and home.select("header a[hreflang]") == []
    assert home.select_one(".md-footer, footer") is not None and "CCI Exemple" in home.get_text()
    chooser = soup(site / "index.html")
    assert [a["href"] for a in chooser.select("main a")] == ["fr/"]
    assert 'var have = ["fr"];' in chooser.script.get_text()
    assert "if (have.length === 1) { location.replace(have[0]" in chooser.script.get_text()


def test_three_languages_and_one_coursegen_has_no_catalogue_for(tmp_path: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "course"
    out = init(root, "Social media basics", "en,fr,de", "Example Chamber", capsys)
    made = files_of(root)
    for stem in ("pages/index", "pages/abbreviations", "modules/01-first-module/index",
                 "modules/01-first-module/01-first-lesson", "modules/01-first-module/trainer"):
        assert {f"{stem}.md", f"{stem}.fr.md", f"{stem}.de.md"} <= set(made), stem
    assert [lang["code"] for lang in yaml.safe_load((root / "course.yml").read_text(encoding="utf-8"))[
        "languages"]] == ["en", "fr", "de"]
    quiz = yaml.safe_load((root / "quizzes" / "01-first-module.yml").read_text(encoding="utf-8"))
    assert len(quiz["questions"]) >= 2
    assert all(set(m) == {"en", "fr", "de"} for m in texts_of(quiz))
    brand = yaml.safe_load((root / "brands" / "default.yml").read_text(encoding="utf-8"))
    assert brand["name"] == {"en": "Example Chamber", "fr": "Example Chamber", "de": "Example Chamber"}
    german = (root / "modules" / "01-first-module" / "01-first-lesson.de.md").read_text(encoding="utf-8")
    assert '!!! warning "Translate this page"' in german, "English text in a German file says so"
    copied = root / "theme" / "strings" / "de.yml"
    if (installed_theme() / "strings" / "de.yml").is_file():
        assert not copied.exists() and "theme/strings/de.yml" not in out
    else:  # coursegen has no German catalogue (yet): a copy of the English one, to translate
        assert copied.read_text(encoding="utf-8").startswith(
            "# Interface strings in Deutsch (de): TRANSLATE EVERY TEXT.")
        assert "notice: theme/strings/de.yml: coursegen has no interface strings in Deutsch (de)" in out
        assert "translate every text" in out
    assert not (root / "theme" / "strings" / "fr.yml").exists()
    site = check_and_build(root, tmp_path / "elsewhere", "--lang", "de", translated=False)
    home = soup(site / "de" / "index.html")
    assert home.html["lang"] == "de" and home.body["dir"] == "ltr"
    assert home.h1.get_text() == "Social media basics"
    assert [a.get_text(strip=True) for a in home.select(".md-select a")] == ["English", "Français", "Deutsch"]
    lesson = soup(site / "de" / "01-first-module" / "01-first-lesson" / "index.html")
    assert lesson.select_one(".admonition.warning .admonition-title").get_text() == "Translate this page"


def test_a_right_to_left_default_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "course"
    out = init(root, "وسائل التواصل الاجتماعي", "ar,fr", "غرفة التجارة", capsys)
    assert yaml.safe_load((root / "course.yml").read_text(encoding="utf-8"))["languages"] == [
        {"code": "ar", "name": "العربية", "dir": "rtl"}, {"code": "fr", "name": "Français"}]
    assert (root / "pages" / "index.md").is_file() and (root / "pages" / "index.fr.md").is_file()
    assert not (root / "pages" / "index.ar.md").exists()
    copied = root / "theme" / "strings" / "ar.yml"
    if (installed_theme() / "strings" / "ar.yml").is_file():
        assert not copied.exists()
    else:  # the Arabic strings are a course's own: init copies the English ones, to translate
        assert copied.read_text(encoding="utf-8").startswith(
            "# Interface strings in العربية (ar): TRANSLATE EVERY TEXT.")
        assert "notice: theme/strings/ar.yml: coursegen has no interface strings in العربية (ar)" in out

    site = check_and_build(root, tmp_path / "elsewhere", translated=False)
    arabic = soup(site / "ar" / "index.html")
    assert arabic.html["lang"] == "ar" and arabic.body["dir"] == "rtl"
    assert arabic.h1.get_text() == "وسائل التواصل الاجتماعي"
    french = soup(site / "fr" / "index.html")
    assert french.html["lang"] == "fr" and french.body["dir"] == "ltr"
    chooser = soup(site / "index.html")
    assert chooser.html["lang"] == "ar" and chooser.html["dir"] == "rtl"
    assert [(a["href"], a["dir"]) for a in chooser.select("main a")] == [("ar/", "rtl"), ("fr/", "ltr")]


def test_a_language_without_catalogue_still_builds(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Breton: CLDR knows it (its name, its five plural categories), coursegen ships no catalogue for it."""
    root = tmp_path / "course"
    out = init(root, "Course", "br", "Org", capsys)
    assert "notice: theme/strings/br.yml: coursegen has no interface strings in Brezhoneg (br)" in out
    copied = yaml.safe_load((root / "theme" / "strings" / "br.yml").read_text(encoding="utf-8"))
    english = yaml.safe_load((installed_theme() / "strings" / "en.yml").read_text(encoding="utf-8"))
    assert copied["reviewed"] is False and copied["site"]["home"] == english["site"]["home"]
    # The copy carries Breton's plural forms (one, two, few and other for counts below 1000), English until translated.
    missing = english["exam_js"]["missing"]
    assert copied["exam_js"]["missing"] == {"one": missing["one"], "two": missing["other"], "few": missing["other"],
                                            "other": missing["other"]}
    assert yaml.safe_load((root / "course.yml").read_text(encoding="utf-8"))["languages"] == [
        {"code": "br", "name": "Brezhoneg"}]
    site = check_and_build(root, tmp_path / "elsewhere", translated=False)
    home = soup(site / "br" / "index.html")
    assert home.html["lang"] == "br" and home.h1.get_text() == "Course"


def test_init_refuses_a_code_cldr_does_not_know(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["init", str(tmp_path / "new"), "--languages", "en,xx"]) == 2
    assert capsys.readouterr().err == ("error: --languages: 'xx' is not a language CLDR knows (the locale data of "
                                       "numbers, dates and plural rules): write the language's ISO 639 code (br, eu, "
                                       "gd)\n")
    assert not (tmp_path / "new").exists()


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "taken"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine\n", encoding="utf-8")
    assert main(["init", str(folder), "--title", "T", "--languages", "en", "--brand-name", "B"]) == 2
    err = capsys.readouterr().err
    assert err == f"error: {folder} is not empty: give a new folder (or an empty one) for the course; nothing " \
                  "was written\n"
    assert files_of(folder) == ["notes.txt"] and (folder / "notes.txt").read_text(encoding="utf-8") == "mine\n"


def test_init_refuses_a_bad_language_list_and_writes_nothing(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    for languages, message in (("en,english", "'english' is not a language code"),
                               ("fr,en,fr", "'fr' is given twice")):
        assert main(["init", str(tmp_path / "new"), "--languages", languages]) == 2
        assert message in capsys.readouterr().err
        assert not (tmp_path / "new").exists()


def test_new_module_in_a_german_only_course_writes_unsuffixed_files(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "kurs"
    init(root, "Kurs", "de", "Kammer", capsys)
    assert main(["--root", str(root), "new", "module", "preise"]) == 0
    created = [line.removeprefix("created ") for line in capsys.readouterr().out.splitlines()]
    assert created == ["modules/02-preise/index.md", "modules/02-preise/01-first-lesson.md",
                       "modules/02-preise/trainer.md", "quizzes/02-preise.yml", "quizzes/02-preise-checks.yml"]
    for name in ("02-preise.yml", "02-preise-checks.yml"):
        quiz = yaml.safe_load((root / "quizzes" / name).read_text(encoding="utf-8"))
        assert all(set(m) == {"de"} for m in texts_of(quiz)) and texts_of(quiz)
    # coursegen has no German page templates: the pages are English under their "Translate this page" note.
    assert main(["--root", str(root), "check"]) == 0
    assert main(["--root", str(root), "check", "--strict"]) == 1


def test_options_left_out_take_their_defaults_in_a_script(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "generator", "init", "course"], cwd=tmp_path, text=True,
                            stdin=subprocess.DEVNULL, capture_output=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    root = tmp_path / "course"
    assert yaml.safe_load((root / "course.yml").read_text(encoding="utf-8")) == {
        "languages": [{"code": "en", "name": "English"}]}
    assert (root / "pages" / "index.md").read_text(encoding="utf-8").startswith('---\ntitle: "My course"\n')
    assert yaml.safe_load((root / "brands" / "default.yml").read_text(encoding="utf-8"))["name"] == {
        "en": "My organisation"}


def test_options_left_out_are_asked_for_at_a_terminal(tmp_path: Path) -> None:
    terminal, typist = os.openpty()
    try:
        process = subprocess.Popen([sys.executable, "-m", "generator", "init", "course", "--brand-name", "Org"],
                                   cwd=tmp_path, stdin=typist, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True)
        os.write(terminal, b"Mon cours\nfr,en\n")
        out, err = process.communicate(timeout=120)
    finally:
        os.close(typist)
        os.close(terminal)
    assert process.returncode == 0, err
    assert "Course title [My course]: " in out and "Organisation" not in out.split("created")[0]
    root = tmp_path / "course"
    assert [lang["code"] for lang in yaml.safe_load((root / "course.yml").read_text(encoding="utf-8"))[
        "languages"]] == ["fr", "en"]
    assert (root / "pages" / "index.md").read_text(encoding="utf-8").startswith('---\ntitle: "Mon cours"\n')


def test_the_new_mkdocs_yml_keeps_the_projects_settings(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    init(tmp_path / "course", "T", "en", "B", capsys)
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load

    # MkDocs' own loader: mkdocs.yml names Python functions (`!!python/name:`, the template fence).
    new, ours = (yaml_load((folder / "mkdocs.yml").read_text(encoding="utf-8"), loader=get_yaml_loader())
                 for folder in (tmp_path / "course", REPO))
    for key in ("markdown_extensions", "plugins", "extra_css", "extra_javascript", "validation", "strict",
                "use_directory_urls"):
        assert new[key] == ours[key], key
    assert {k: v for k, v in new["theme"].items() if k != "custom_dir"} == {
        k: v for k, v in ours["theme"].items() if k != "custom_dir"}
    assert "custom_dir" not in new["theme"], "the theme installed with coursegen is used"
