"""Timed runs of commands in fresh processes, interleaved, summarised by medians.

Each run records wall-clock seconds and the CPU seconds (user + system) of the child and
of every process it waited for. These machines are shared: another session's tests can
double a wall-clock time, while CPU time barely moves, so ratios are given on both.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Run:
    wall: float
    cpu: float


@dataclass
class Variant:
    """One command to time; `clean` lists folders removed (untimed) before each run."""

    name: str
    argv: list[str]
    clean: list[Path] = field(default_factory=list)
    env: dict[str, str] = field(default_factory=dict)
    rounds: int | None = None  # fewer rounds than the others, for the slowest comparisons
    runs: list[Run] = field(default_factory=list)

    def wall(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_once(variant: Variant, log: Path) -> Run:
    """Run the command once; raise with its output when it fails (a broken build is no timing)."""
    for folder in variant.clean:
        shutil.rmtree(folder, ignore_errors=True)
    env = {**os.environ, **variant.env}
    cpu, start = _children_cpu(), time.perf_counter()
    with log.open("ab") as out:
        done = subprocess.run(variant.argv, stdout=out, stderr=subprocess.STDOUT, env=env, check=False)
    run = Run(time.perf_counter() - start, _children_cpu() - cpu)
    if done.returncode != 0:
        raise RuntimeError(f"{variant.name} failed (exit {done.returncode}): see {log}")
    return run


def interleave(variants: list[Variant], rounds: int, log: Path,
               say: Callable[[str], None] = print) -> None:
    """Run every variant once per round, rotating the order so none always runs first."""
    for index in range(rounds):
        active = [v for v in variants if v.rounds is None or index < v.rounds]
        order = active[index % len(active):] + active[:index % len(active)]
        for variant in order:
            variant.runs.append(run_once(variant, log))
        say(f"  round {index + 1}/{rounds}: " + ", ".join(f"{v.name} {v.runs[-1].wall:.1f}s" for v in active)
            + f" (load average {os.getloadavg()[0]:.1f})")


def ratio(numerator: Variant, denominator: Variant, cpu: bool) -> float:
    """Median of the per-round ratios: each pair ran close in time, under the same load."""
    pairs = zip(numerator.runs, denominator.runs, strict=False)  # the rounds both took part in
    return statistics.median((a.cpu / b.cpu) if cpu else (a.wall / b.wall) for a, b in pairs)
