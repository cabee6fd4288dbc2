"""Minifying our JS and CSS keeps the code's meaning: strings and regexes holding comment marks survive."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from generator.course.catalogue import Strings
from generator.engine import shipped
from generator.engine.assets import fill_strings, minify, minify_file, minify_script, minify_tree, script_template
from tests.cldr_tables import catalogue as shipped_catalogue

TRICKY_JS = """\
// a comment line
var a = "/* not a comment */"; /* a comment */
var b = 'http://example.org/x';  // the // inside the string stays
var c = /\\/\\*+/.test(a) ? 1 : 2;
console.log(JSON.stringify([a, b, c]));
"""


def test_minified_js_runs_the_same(tmp_path: Path) -> None:
    small = minify(TRICKY_JS, ".js")
    assert len(small) < len(TRICKY_JS) and "a comment line" not in small
    run = [subprocess.run(["node", "-e", code], capture_output=True, text=True, check=True).stdout
           for code in (TRICKY_JS, small)]
    assert run[0] == run[1] == '["/* not a comment */","http://example.org/x",1]\n'


def test_minified_css_keeps_strings(tmp_path: Path) -> None:
    (tmp_path / "a.css").write_text('a::after { content: "/* kept */"; }  /* gone */\n', encoding="utf-8")
    assert minify_tree(tmp_path) > 0
    assert (tmp_path / "a.css").read_text(encoding="utf-8") == 'a::after{content:"/* kept */"}\n'


THEME = Path(__file__).resolve().parent.parent / "theme"


def test_shipped_minified_scripts_are_current() -> None:
    """Every theme script has a minified copy made from its current text: a first build parses no JavaScript."""
    scripts = sorted((THEME / "assets" / "cq").glob("*.js"))
    stale = [p.name for p in scripts
             if shipped.lookup(p.name, script_template(p.read_text(encoding="utf-8"))) is None]
    assert not stale, f"shipped minified copies are stale or missing for {stale}: run `make minified`"
    for path in scripts:
        template = script_template(path.read_text(encoding="utf-8"))
        assert shipped.lookup(path.name, template) == minify_script(template), f"{path.name}: run `make minified`"
    assert sorted(p.name for p in shipped.FOLDER.glob("*.js")) == [p.name for p in scripts], "no copy of a gone script"


@pytest.mark.parametrize("lang", ["en", "fr", "de"])
def test_one_minified_copy_serves_every_language(lang: str) -> None:
    """Strings written into the minified template give the very bytes of minifying that language's script."""
    catalogue = shipped_catalogue(lang)  # as the build hands it over: with its CLDR `locale` table
    with_slots = [p for p in sorted((THEME / "assets" / "cq").glob("*.js")) if "{/*strings:" in p.read_text("utf-8")]
    assert {p.name for p in with_slots} >= {"core.js", "quiz.js", "progress-page.js", "exam.js"}
    for path in with_slots:
        source = path.read_text(encoding="utf-8")
        made = minify_file(path.name, source, catalogue)
        assert made == minify(fill_strings(source, Strings(lang, catalogue)), ".js")
    quiz = minify_file("quiz.js", (THEME / "assets" / "cq" / "quiz.js").read_text(encoding="utf-8"), catalogue)
    assert f'score:{json.dumps(catalogue["quiz_js"]["score"], ensure_ascii=False)}' in quiz


def test_a_script_changed_since_the_release_is_minified_at_build_time(tmp_path: Path) -> None:
    """A course's own quiz.js (or one edited after `make minified`) is not replaced by the shipped copy."""
    source = (THEME / "assets" / "cq" / "quiz.js").read_text(encoding="utf-8")
    edited = source.replace('"use strict";', '"use strict";\n  var courseOwnMarker = "edited by the course";', 1)
    assert edited != source
    (tmp_path / "quiz.js").write_text(edited, encoding="utf-8")
    minify_tree(tmp_path, None)
    made = (tmp_path / "quiz.js").read_text(encoding="utf-8")
    assert '"edited by the course"' in made and "$cq_strings$" not in made
    assert made == minify(fill_strings(edited, Strings("en", {"quiz_js": {}})), ".js")  # no catalogue: empty tables
