"""Where the build's time goes: cProfile of our build and of MkDocs alone on the same pages.

Profiled seconds run slower than real ones, but the shares hold: they show which part of
the overhead is ours (loading, rendering) and which is MkDocs working through our HTML.
"""

from __future__ import annotations

import pstats
import subprocess
from pathlib import Path

# (label, file suffix, function name): cumulative time of each, in both profiles where present.
PARTS = [
    ("whole run", "", "<module>"),
    ("load and validate the course (generator)", "generator/course/load.py", "load_valid_course"),
    ("render the docs tree (generator)", "generator/render/docs.py", "render_docs"),
    ("Markdown to HTML (Python-Markdown, in MkDocs)", "markdown/core.py", "convert"),
    ("search index (Material's search plugin)", "material/plugins/search/plugin.py", "on_page_context"),
    ("page templates, search, writing (MkDocs _build_page)", "mkdocs/commands/build.py", "_build_page"),
]


def profile(argv: list[str], out: Path, python: Path, log: Path) -> pstats.Stats:
    with log.open("ab") as sink:
        subprocess.run([str(python), "-m", "cProfile", "-o", str(out), *argv], stdout=sink, stderr=subprocess.STDOUT,
                       check=True)
    return pstats.Stats(str(out))


def cumulative(stats: pstats.Stats, suffix: str, name: str) -> float:
    """Largest cumulative time of a function (the outermost call, for recursive ones)."""
    best = 0.0
    for (filename, _line, function), row in stats.stats.items():  # type: ignore[attr-defined]
        if function == name and filename.endswith(suffix) and (suffix or filename.endswith("__main__.py")
                                                                 or filename.endswith("mkdocs_build.py")):
            best = max(best, float(row[3]))
    return best


def compare(ours: pstats.Stats, alone: pstats.Stats) -> list[list[str]]:
    """Rows of (part, our seconds, MkDocs-alone seconds)."""
    rows = []
    for label, suffix, name in PARTS:
        a, b = cumulative(ours, suffix, name), cumulative(alone, suffix, name)
        if a or b:
            rows.append([label, f"{a:.2f}", f"{b:.2f}" if b else "-"])
    return rows
