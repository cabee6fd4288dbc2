"""CLDR from Babel, one source: plural forms and numbers in Python and in the browser's core.js agree, every
language code Material names maps to a Babel locale, and a broken counted string is a problem at its line."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from generator.course import cldr
from generator.course.catalogue import installed_theme
from generator.course.languages import load_languages
from generator.course.problems import Problems
from tests.cldr_tables import catalogue
from tests.conftest import REPO

MATERIAL = Path(str(__import__("material").__file__)).parent / "templates" / "partials" / "languages"
SHIPPED = sorted(p.stem for p in (installed_theme() / "strings").glob("*.yml"))
# Languages Material translates for which coursegen ships no catalogue yet: the gap issue 21 closes. The
# test below fails when one is shipped and still listed here, or when Material gains a language.
NOT_YET_SHIPPED: set[str] = set()


def material_codes() -> list[str]:
    return sorted(p.stem for p in MATERIAL.glob("*.html") if not p.stem.startswith("_"))


def test_every_language_material_names_maps_to_a_babel_locale() -> None:
    codes = material_codes()
    assert len(codes) >= 69
    unmapped = [c for c in codes if cldr.babel_locale(c) is None]
    assert unmapped == []
    assert str(cldr.locale("sh")) == "sr_Latn" and str(cldr.locale("ku-IQ")) == "ckb_IQ"
    assert str(cldr.locale("pt-BR")) == "pt_BR" and str(cldr.locale("zh-Hant")) == "zh_Hant"


def test_every_material_language_has_a_catalogue_but_the_named_gap() -> None:
    missing = {c for c in material_codes() if c not in SHIPPED}
    assert missing == NOT_YET_SHIPPED, "update NOT_YET_SHIPPED: the gap is to shrink, never to grow silently"


def test_plural_forms_in_python_en_fr_pl_ar() -> None:
    from generator.course.catalogue import Strings

    def strings(code: str) -> Strings:
        return Strings(code, catalogue(code))

    en, fr, pl, ar = (strings(c) for c in ("en", "fr", "pl", "ar"))
    assert [en.count("site.lesson_count", n) for n in (1, 2, 1200)] == ["1 lesson", "2 lessons", "1,200 lessons"]
    assert [fr.count("site.lesson_count", n) for n in (0, 1, 2, 1200)] == [
        "0 leçon", "1 leçon", "2 leçons", "1\u202f200 leçons"]
    assert [pl.count("site.lesson_count", n) for n in (1, 2, 5, 12, 22, 25)] == [
        "1 lekcja", "2 lekcje", "5 lekcji", "12 lekcji", "22 lekcje", "25 lekcji"]
    assert [ar.count("site.lesson_count", n) for n in (0, 1, 2, 3, 11, 100)] == [
        "لا دروس", "درس واحد", "درسان", "3 دروس", "11 درسًا", "100 درس"]
    assert en.count("site.quiz_about", 1, pct=en.percent(80)) == "1 question · pass mark 80%"
    assert fr.count("site.quiz_about", 2, pct=fr.percent(80)) == "2 questions · seuil de réussite 80\u00a0%"


def test_number_formats_follow_cldr() -> None:
    assert cldr.format_number(4.5, "fr") == "4,5" and cldr.format_number(4.5, "ar") == "4.5"
    assert cldr.format_number(1234567.25, "es") == "1.234.567,25"
    assert cldr.format_percent(4.5, "en") == "4.5%" and cldr.format_percent(4.5, "fr") == "4,5\u00a0%"


@pytest.mark.skipif(shutil.which("node") is None, reason="node is part of make test's set-up")
def test_the_browser_plural_rules_are_babels_for_every_material_language() -> None:
    """core.js's plural() over the compact rules the build writes equals Babel's plural_form, count by count."""
    counts = [*range(0, 1200), 1_000_000, 2_000_000, 1_000_001]
    codes = sorted({*material_codes(), "ga", "mt", "br"})
    tables = {c: cldr.page_table(c) for c in codes}
    script = (REPO / "theme" / "assets" / "cq" / "core.js").read_text(encoding="utf-8")
    driver = ("const vm=require('vm');const src=process.argv[1];const tables=JSON.parse(process.argv[2]);"
              "const counts=JSON.parse(process.argv[3]);const out={};"
              "for(const c in tables){const ctx=vm.createContext({});ctx.self=ctx;"
              "vm.runInContext(src.replace('{/*strings:locale*/}',JSON.stringify(tables[c])),ctx);"
              "out[c]=counts.map(ctx.cq.plural);}console.log(JSON.stringify(out));")
    got = json.loads(subprocess.run(["node", "-e", driver, script, json.dumps(tables), json.dumps(counts)],
                                    capture_output=True, text=True, check=True).stdout)
    for code in codes:
        want = [cldr.plural_category(code, n) for n in counts]
        assert got[code] == want, code


def write_course(root: Path, code: str, catalogue_text: str) -> None:
    (root / "theme" / "strings").mkdir(parents=True)
    (root / "course.yml").write_text(f"languages:\n  - code: {code}\n    name: Test\n", encoding="utf-8")
    (root / "theme" / "strings" / f"{code}.yml").write_text(catalogue_text, encoding="utf-8")


def test_broken_counted_strings_are_problems_at_their_lines(tmp_path: Path) -> None:
    from generator.course.catalogue import load_catalogues

    text = (installed_theme() / "strings" / "pl.yml").read_text(encoding="utf-8")
    text = text.replace("  module_count:\n    one: 1 moduł\n    few: '{n} moduły'\n",
                        "  module_count:\n    one: 1 moduł\n    two: '{n} moduły'\n")
    text = text.replace("  lesson_count:\n    one: 1 lekcja\n    few: '{n} lekcje'\n    many: '{n} lekcji'\n",
                        "  lesson_count:\n    one: 1 lekcja\n    few: '{n} lekcje'\n    many: 'lekcji'\n")
    text = text.replace("  quiz_questions:\n    one: 1 pytanie\n    few: '{n} pytania'\n    many: '{n} pytań'\n"
                        "    other: '{n} pytania'\n", "  quiz_questions: '{n} pytań'\n")
    write_course(tmp_path, "pl", text)
    problems = Problems(tmp_path)
    languages = load_languages(tmp_path, problems)
    load_catalogues(tmp_path, languages, tmp_path / "course.yml", problems)
    lines = [str(p) for p in problems.sorted()]

    def at(needle: str, after: str = "") -> int:
        """The line of `needle` in the broken catalogue (after the line `after`): the shipped file may change."""
        rows = text.split("\n")
        start = rows.index(after) if after else 0
        return next(n for n, row in enumerate(rows[start:], start + 1) if row == needle)
    quiz, two, many = "  quiz_questions: '{n} pytań'", "    two: '{n} moduły'", "    many: 'lekcji'"
    assert lines == [
        f"theme/strings/pl.yml:{at(quiz)}: 'site.quiz_questions' is a counted string: write a mapping of plural "
        "categories to texts, e.g. 'one: ...' and 'other: ...' each with {n} (the forms pl needs: one, few, many, "
        "other) [strings.plural_form]",
        f"theme/strings/pl.yml:{at('  module_count:')}: 'site.module_count' lacks the form(s) few, which pl uses for "
        "counts such as 2: add them [strings.plural_missing]",
        f"theme/strings/pl.yml:{at(two)}: 'site.module_count': 'two' is not one of pl's (CLDR gives pl: one, few, "
        "many, other): remove it or rename it [strings.plural_category]",
        f"theme/strings/pl.yml:{at(many, '  lesson_count:')}: 'site.lesson_count.many' must hold the placeholders "
        "{n} (found none): the code fills them in [strings.placeholder]",
    ]


def test_a_code_cldr_does_not_know_is_a_problem_at_its_line(tmp_path: Path) -> None:
    (tmp_path / "course.yml").write_text("languages:\n  - code: en\n    name: English\n  - code: qq\n    name: Q\n",
                                         encoding="utf-8")
    problems = Problems(tmp_path)
    assert [lang.code for lang in load_languages(tmp_path, problems)] == ["en"]
    assert [str(p) for p in problems.sorted()] == [
        "course.yml:4: language 'qq' is not in CLDR (the locale data that gives numbers, dates and plural rules): "
        "write a code CLDR knows, such as the language's ISO 639 code (br, eu, gd), with a region or script only "
        "where Material for MkDocs names one (pt-BR, zh-Hant) [course.unknown_language]"]
