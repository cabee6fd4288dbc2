"""The benchmark's table: printed, and written to bench/results.md with the machine and the date."""

from __future__ import annotations

import datetime
import os
import platform
import subprocess
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Row:
    measure: str
    value: str
    target: str = ""
    met: bool | None = None  # None: no target, or not measured

    def cells(self) -> list[str]:
        verdict = "" if self.met is None else ("yes" if self.met else "**no**")
        return [self.measure, self.value, self.target, verdict]


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)
    timings: list[list[str]] = field(default_factory=list)  # name, pages, wall, cpu, per page
    profile: list[list[str]] = field(default_factory=list)  # part, ours, MkDocs alone
    profile_title: str = ""
    notes: list[str] = field(default_factory=list)

    def add(self, measure: str, value: str, target: str = "", met: bool | None = None) -> None:
        self.rows.append(Row(measure, value, target, met))


def _line(cells: list[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += [_line(row) for row in rows]
    return "\n".join(lines)


def machine() -> str:
    """CPU model, cores, memory, Python and the versions that decide the numbers."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        kib = int(Path("/proc/meminfo").read_text(encoding="utf-8").split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GiB"
    except (OSError, ValueError, IndexError):
        pass
    load = f", load average at start {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else ""
    return f"{cpu}, {os.cpu_count()} cores{memory}, {platform.system()} {platform.release()}, " \
           f"Python {platform.python_version()}{load}"


def versions(python: Path) -> str:
    code = ("import importlib.metadata as m\n"
            "print(', '.join(f'{n} {m.version(n)}' for n in ('mkdocs', 'mkdocs-material', 'jinja2', 'pyyaml')))")
    done = subprocess.run([str(python), "-c", code], capture_output=True, text=True, check=False)
    return done.stdout.strip()


def render(report: Report, header: str) -> str:
    parts = [header, "", _table(["measure", "value", "target", "met"], [r.cells() for r in report.rows])]
    if report.timings:
        parts += ["", "Timed builds (medians of interleaved runs; CPU = user + system of the build process):", "",
                  _table(["build", "pages", "wall s", "CPU s", "CPU ms / page", "runs"], report.timings)]
    if report.profile:
        parts += ["", report.profile_title, "",
                  _table(["part", "coursegen build, s", "MkDocs alone, no quizzes, s"], report.profile)]
    if report.notes:
        parts += ["", "Notes:", "", *[f"- {note}" for note in report.notes]]
    return "\n".join(parts) + "\n"


def write(report: Report, path: Path, python: Path, duration: float) -> str:
    """Write bench/results.md; return the text."""
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    header = "\n".join([
        "# Benchmark results",
        "",
        f"Written by `make bench` (bench/run.py) on {now}, in {duration / 60:.1f} minutes.",
        "",
        f"Machine: {machine()}.",
        f"Versions: {versions(python)}.",
        "",
        "Ratios compare runs made side by side (median of the per-round ratios), so they travel between",
        "machines better than seconds do. Targets are those of issues 8 and 20.",
    ])
    text = render(report, header)
    path.write_text(text, encoding="utf-8")
    return text


def refresh_rows(path: Path, report: Report, prefix: str, note: str) -> None:
    """Replace the rows of bench/results.md whose measure starts with `prefix` by `report`'s, at the end of its
    first table, and say so in its notes: a partial run updates its own figures and keeps the others."""
    lines = path.read_text(encoding="utf-8").splitlines()
    kept = [line for line in lines if not line.startswith(f"| {prefix}")]
    table_end = next(i for i, line in enumerate(kept) if i and kept[i - 1].startswith("|") and not line.startswith("|"))
    kept[table_end:table_end] = [_line(row.cells()) for row in report.rows]
    marker = note.split(":", 1)[0]
    kept = [line for line in kept if not line.startswith(f"- {marker}")]
    if "Notes:" not in kept:
        kept += ["", "Notes:", ""]
    kept.append(f"- {note}")
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
