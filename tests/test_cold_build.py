"""What a first build of a valid course (empty cache) no longer does: issue 20's overhead against MkDocs alone.

It parses no JavaScript (the scripts' minified copies ship with the generator), parses no lesson a
second time with a CommonMark parser (its written link targets are all fine), and never imports the
schema validator that only explains a "no". Timings are `make bench`'s; this test keeps the causes away.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SLOW = ("calmjs", "markdown_it", "jsonschema")
PROGRAM = f"""
import json, sys
from generator.cli.main import main
code = main(sys.argv[1:])
print(json.dumps({{"code": code, "loaded": sorted({{m.split(".")[0] for m in sys.modules}} & set({SLOW!r}))}}))
"""


def test_a_first_build_parses_no_script_and_no_lesson_twice(course: Path, tmp_path: Path) -> None:
    env = {**os.environ, "COURSEGEN_CACHE_DIR": str(tmp_path / "empty-cache"), "SOURCE_DATE_EPOCH": "1700000000"}
    done = subprocess.run([sys.executable, "-c", PROGRAM, "--root", str(course), "build", "--lang", "en",
                           "--site-dir", str(tmp_path / "site")], capture_output=True, text=True, env=env, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result == {"code": 0, "loaded": []}
    script = (tmp_path / "site" / "en" / "assets" / "cq" / "quiz.js").read_text(encoding="utf-8")
    assert "$cq_strings$" not in script and "strings:" not in script and "score:" in script
