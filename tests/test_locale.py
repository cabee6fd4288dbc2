"""A language's CLDR locale (`locale:` in course.yml): dates, numbers and counts of pages, PDFs and the
certificate follow it; without it, the language's default, which for `pt` is European Portuguese (as
Material's `pt` is), not Babel's Brazilian `pt`."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from generator.build import BuildOptions, build
from generator.course.catalogue import load_catalogues
from generator.course.languages import load_languages
from generator.course.load import load_valid_course
from generator.course.problems import Problems
from generator.render.print_html import render_print_html
from tests.conftest import make_course
from tests.test_browser import answer_all_right

DAY = dt.date(2026, 12, 10)


def with_locale(root: Path, lang: str, locale: str) -> Path:
    """The course at `root` with `locale: <locale>` under language `lang` in its course.yml."""
    path = root / "course.yml"
    path.write_text(path.read_text(encoding="utf-8").replace(f"  - code: {lang}\n", f"  - code: {lang}\n"
                                                             f"    locale: {locale}\n"), encoding="utf-8")
    return root


def test_a_locale_writes_the_pdf_date_and_numbers_its_way(tmp_path: Path) -> None:
    us = load_valid_course(make_course(tmp_path / "us"))
    gb = load_valid_course(with_locale(make_course(tmp_path / "gb"), "en", "en-GB"))
    assert (us.strings["en"].cldr_locale, gb.strings["en"].cldr_locale) == ("en", "en-GB")
    assert "December 10, 2026" in render_print_html(us, "en", "learner", DAY)
    cover = render_print_html(gb, "en", "learner", DAY)
    assert "10 December 2026" in cover and "December 10, 2026" not in cover
    assert gb.strings["fr"].cldr_locale == "fr" and "10 décembre 2026" in render_print_html(gb, "fr", "learner", DAY)


def test_portuguese_is_european_unless_brazilian_is_asked(tmp_path: Path) -> None:
    root = tmp_path / "course"
    root.mkdir()
    (root / "course.yml").write_text("languages:\n  - code: pt\n    name: Português\n"
                                     "  - code: pt-BR\n    name: Português (Brasil)\n"
                                     "  - code: es\n    name: Español\n    locale: es-MX\n", encoding="utf-8")
    problems = Problems(root)
    languages = {lang.code: lang.cldr_locale for lang in load_languages(root, problems)}
    assert not problems and languages == {"pt": "pt-PT", "pt-BR": "pt-BR", "es": "es-MX"}
    strings = load_catalogues(root, load_languages(root, problems), root / "course.yml", problems)
    assert not problems
    # CLDR: in Portugal 0 takes the plural ("0 lições"), in Brazil the singular; groups of three split by a space
    # in Portugal, a point in Brazil.
    european, brazilian = strings["pt"], strings["pt-BR"]
    assert (european.count("site.lesson_count", 0), brazilian.count("site.lesson_count", 0)) == ("0 lições", "0 lição")
    assert european.number(12345.5) == "12\u00a0345,5" and brazilian.number(12345.5) == "12.345,5"
    assert european.table("locale")["group"] == "\u00a0" and brazilian.table("locale")["group"] == "."
    plural = european.table("locale")["plural"], brazilian.table("locale")["plural"]
    assert plural[0] != plural[1], "the browser gets each locale's own plural rules"


def test_a_locale_of_another_language_or_unknown_is_a_problem_at_its_line(tmp_path: Path) -> None:
    root = tmp_path / "course"
    root.mkdir()
    (root / "course.yml").write_text("languages:\n  - code: en\n    name: English\n    locale: fr-FR\n"
                                     "  - code: de\n    name: Deutsch\n    locale: de-XY\n", encoding="utf-8")
    problems = Problems(root)
    assert load_languages(root, problems) == []
    assert [str(p) for p in problems.sorted()] == [
        "course.yml:4: locale 'fr-FR' is not a CLDR locale of 'en': write 'en' and a region CLDR knows for it, as "
        "en-GB, pt-BR or es-419 are, or leave `locale` out for the language's default (en) [course.locale]",
        "course.yml:7: locale 'de-XY' is not a CLDR locale of 'de': write 'de' and a region CLDR knows for it, as "
        "en-GB, pt-BR or es-419 are, or leave `locale` out for the language's default (de) [course.locale]"]


def test_the_certificate_is_dated_in_the_languages_locale(page: Any, serve: Any, tmp_path: Path) -> None:
    root = with_locale(make_course(tmp_path / "course"), "en", "en-GB")
    build(root, root / "site", BuildOptions(langs=("en",)))
    base = serve(root / "site")
    page.clock.set_fixed_time(dt.datetime(2026, 12, 10, 12, 0))
    page.goto(base + "/en/01-basics/quiz/")
    answer_all_right(page)
    page.goto(base + "/en/certificate/")
    assert page.locator(".cq-cert-date").inner_text() == "10 December 2026"
    assert page.errors == []
