"""Bad language declarations and catalogues: each is one `path:line: message [code]`, all reported together,
and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.cli.main import main
from generator.course.catalogue import installed_theme
from generator.course.load import load_valid_course
from generator.course.problems import ContentError


def problems_of(root: Path) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_valid_course(root, use_cache=False)
    return [str(p) for p in caught.value.problems]


def declare(root: Path, text: str) -> None:
    (root / "course.yml").write_text(text, encoding="utf-8")


def test_no_course_yml_says_how_to_declare_languages(course: Path) -> None:
    (course / "course.yml").unlink()
    assert problems_of(course) == [
        "course.yml: the course declares its languages in course.yml: create it (`coursegen init` writes one), "
        "e.g. 'languages:' then '  - code: en' and '    name: English' [course.no_languages]"]


def test_a_course_yml_that_is_not_a_mapping(course: Path) -> None:
    declare(course, "- en\n- fr\n")
    assert problems_of(course) == [
        "course.yml:1: course.yml is a mapping: 'languages:' and a list [course.type]"]


def test_a_bad_direction_and_a_bad_code_are_reported_together_on_their_lines(course: Path) -> None:
    declare(course, "languages:\n  - code: en\n    name: English\n    dir: sideways\n"
                    "  - code: FR\n    name: Français\n")
    assert problems_of(course) == [
        "course.yml:4: 'languages[1] dir': 'sideways' is not one of: ltr, rtl [course.schema]",
        "course.yml:5: 'languages[2] code': 'FR' is not a language code: write a BCP 47 tag as Material for MkDocs "
        "names its languages: the two- or three-letter code in lowercase (en, fr, ar), then a script or a region if "
        "needed (zh-Hant, pt-BR, zh-TW) [course.schema]",
    ]


def test_a_language_declared_twice(course: Path) -> None:
    declare(course, "languages:\n  - code: en\n    name: English\n  - code: fr\n    name: Français\n"
                    "  - code: fr\n    name: French\n")
    assert problems_of(course) == [
        "course.yml:6: language 'fr' is declared twice: keep one [course.duplicate_language]"]


def test_a_declared_language_without_catalogue_or_twins_lists_everything_missing(course: Path) -> None:
    declare(course, "languages:\n  - code: en\n    name: English\n  - code: fr\n    name: Français\n"
                    "  - code: br\n    name: Brezhoneg\n")
    found = problems_of(course)
    english = installed_theme() / "strings" / "en.yml"  # the generator's own, wherever it is installed
    assert found[0] == (f"course.yml:6: no interface strings for 'br' (Brezhoneg): create theme/strings/br.yml in the "
                        f"course, a copy of {english} with every text translated [strings.missing_catalogue]")
    assert "modules/01-basics/index.md: no br version: create modules/01-basics/index.br.md " \
           "[i18n.missing_translation]" in found
    assert "quizzes/01-basics.yml:2: 'title': no 'br' text: add the translation (every text gives each language " \
           "of course.yml: en, fr, br) [i18n.missing_translation]" in found
    pages = [p for p in found if "no br version" in p]
    assert len(pages) == 4  # the overview, two lessons and the home page: every page of the mini course
    assert len(found) > 20, "all problems come in one report"


def test_a_text_in_a_language_the_course_does_not_declare(course: Path) -> None:
    quiz = course / "quizzes" / "01-basics.yml"
    text = quiz.read_text(encoding="utf-8")
    quiz.write_text(text.replace('title: {en: "Module 1 quiz", fr: "Quiz du module 1"}',
                                 'title: {en: "Module 1 quiz", fr: "Quiz du module 1", es: "Cuestionario"}'),
                    encoding="utf-8")
    assert problems_of(course) == [
        "quizzes/01-basics.yml:2: 'title': 'es' is not a language of this course (course.yml declares en, fr): "
        "remove it, or declare 'es' in course.yml [i18n.undeclared_language]"]


def catalogue(course: Path, edit: dict[str, str]) -> Path:
    """The course's own French catalogue: the installed one with lines replaced as `edit` says."""
    path = course / "theme" / "strings" / "fr.yml"
    lines = path.read_text(encoding="utf-8").split("\n")
    for old, new in edit.items():
        index = next(i for i, line in enumerate(lines) if line.startswith(old))
        lines[index] = new
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def line_of(path: Path, start: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if line.startswith(start))


def test_an_incomplete_catalogue_points_at_each_key(course: Path) -> None:
    path = catalogue(course, {
        "  retry: ": "",                                               # a missing key
        "  of: ": "  og: sur",                                         # a misspelt key
        "  pool_intro: ": "  pool_intro: Chaque tentative tire {x} questions.",  # placeholders changed
        "  check: ": "  check: [Vérifier]",                            # not a text
    })
    site = line_of(path, "site:")
    off, pool, check = (line_of(path, start) for start in ("  og:", "  pool_intro:", "  check:"))
    assert problems_of(course) == [
        f"theme/strings/fr.yml:{site}: 'site.of' is missing (in en.yml: 'of'): translate it [strings.missing_key]",
        f"theme/strings/fr.yml:{site}: 'site.retry' is missing (in en.yml: 'Try again'): translate it "
        "[strings.missing_key]",
        f"theme/strings/fr.yml:{off}: 'site.og' is not a key of en.yml: remove it or fix its name "
        "[strings.unknown_key]",
        f"theme/strings/fr.yml:{check}: 'site.check' must be a text [strings.type]",
        f"theme/strings/fr.yml:{pool}: 'site.pool_intro' must keep the placeholders of en.yml ({{m}}, {{n}}): "
        "the code fills them in [strings.placeholder]",
    ]


def test_bad_input_writes_nothing(course: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    declare(course, "languages:\n  - code: en\n    name: English\n    dir: upwards\n")
    site = tmp_path / "site"
    assert main(["--root", str(course), "build", "--site-dir", str(site)]) == 1
    err = capsys.readouterr().err
    assert "course.yml:4: 'languages[1] dir': 'upwards' is not one of: ltr, rtl [course.schema]" in err
    assert not site.exists()


def test_a_language_option_outside_course_yml_is_a_usage_error(course: Path, tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--root", str(course), "build", "--lang", "de", "--site-dir", str(tmp_path / "site")]) == 2
    assert capsys.readouterr().err == "error: --lang de: this course's languages are en, fr (course.yml)\n"
    assert not (tmp_path / "site").exists()
