"""Minifying our JS and CSS keeps the code's meaning: strings and regexes holding comment marks survive."""

from __future__ import annotations

import subprocess
from pathlib import Path

from generator.engine.assets import minify, minify_tree

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
