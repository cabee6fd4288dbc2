"""Seconds per language for the exports of the real course, for each command that exists yet.

The PDF, offline and SCORM commands are built by other issues; a command that `coursegen`
does not list is reported as "not available" rather than failing the benchmark.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

# name -> argv after `coursegen --root ROOT`, for one language, writing into `out`
COMMANDS: dict[str, Callable[[str, Path], list[str]]] = {
    "PDFs (learner + trainer)": lambda lang, out: ["pdf", "--lang", lang, "--out-dir", str(out)],
    "offline zip": lambda lang, out: ["offline", "--lang", lang, "-o", str(out / f"offline-{lang}.zip")],
    "SCORM package": lambda lang, out: ["scorm", "--lang", lang, "-o", str(out / f"scorm-{lang}.zip")],
}


def has_command(coursegen: Path, name: str) -> bool:
    done = subprocess.run([str(coursegen), name, "--help"], capture_output=True, check=False)
    return done.returncode == 0


def time_exports(coursegen: Path, root: Path, out: Path, languages: tuple[str, ...],
                 log: Path) -> dict[str, dict[str, str]]:
    """{export: {lang: "12.3 s" | "not available" | "failed (exit N)"}} for the course at `root`."""
    results: dict[str, dict[str, str]] = {}
    for label, argv in COMMANDS.items():
        command = argv("en", out)[0]
        row: dict[str, str] = {}
        for lang in languages:
            if not has_command(coursegen, command):
                row[lang] = "not available"
                continue
            target = out / lang
            target.mkdir(parents=True, exist_ok=True)
            start = time.perf_counter()
            with log.open("ab") as sink:
                done = subprocess.run([str(coursegen), "--root", str(root), *argv(lang, target)],
                                      stdout=sink, stderr=subprocess.STDOUT, env=dict(os.environ), check=False)
            seconds = time.perf_counter() - start
            row[lang] = f"{seconds:.1f} s" if done.returncode == 0 else f"failed (exit {done.returncode})"
        results[label] = row
    return results
