"""The measurements of one synthetic course size, and of the real course.

A size holds the timed variants (ours, MkDocs alone, mkdocs-quiz, default Material, ours
with --jobs 2), their outputs, and turns their medians into report rows.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from bench import exports, lighthouse, phone, preview, synthetic, variants, weight
from bench.gzip_server import serving
from bench.replicated import write_replicated
from bench.report import Report
from bench.timing import Variant, ratio, run_once

if TYPE_CHECKING:
    from generator.course.model import Course

# Issue 20: a first build within 1.25x of MkDocs alone, a build of sources seen before within 1.10x.
COLD_TARGET = 1.25
CACHED_TARGET = 1.10


# Comparisons build one language: a language is a separate build of the same size (DESIGN.md),
# and one language keeps `make bench` within its 15 minutes on two cores. --jobs builds both.
LANG = "en"
REPO = Path(__file__).resolve().parent.parent


@dataclass
class Size:
    n: int  # lessons
    folder: Path
    pages: int  # pages of one language
    ours: Variant
    base: Variant
    quiz: Variant | None = None
    material: Variant | None = None
    jobs1: Variant | None = None
    jobs2: Variant | None = None
    warm: Variant | None = None
    variants: list[Variant] = field(default_factory=list)
    label: str = ""  # how the report names the course; "N = <n>" for a synthetic one

    @property
    def name(self) -> str:
        return self.label or f"N = {self.n}"

    @property
    def site(self) -> Path:
        return self.folder / "ours-site" / LANG

    def quiz_page(self) -> Path:
        first = sorted(p.parent.name for p in (self.folder / "captured" / LANG / "docs").glob("*/quiz.md"))[0]
        return self.site / first / "quiz" / "index.html"

    def baseline_page(self, page: Path) -> Path:
        return self.folder / "base" / "site" / page.relative_to(self.site)

    def summarise(self, report: Report) -> None:
        cpu, wall = ratio(self.ours, self.base, cpu=True), ratio(self.ours, self.base, cpu=False)
        report.add(f"generator overhead, {self.name}: coursegen build / mkdocs build without quizzes",
                   f"{cpu:.2f}x CPU ({wall:.2f}x wall)", f"<= {COLD_TARGET:.2f}x", cpu <= COLD_TARGET)
        if self.warm is not None:
            warm_cpu = ratio(self.warm, self.base, cpu=True)
            report.add(f"generator overhead, {self.name}, sources cached: coursegen build / mkdocs build",
                       f"{warm_cpu:.2f}x CPU ({ratio(self.warm, self.base, cpu=False):.2f}x wall)",
                       f"<= {CACHED_TARGET:.2f}x", warm_cpu <= CACHED_TARGET)
            report.add(f"the cache on a second build, {self.name}: cached / not cached",
                       f"{ratio(self.warm, self.ours, cpu=True):.2f}x CPU")
        if self.quiz is not None:
            report.add(f"mkdocs-quiz, {self.name}: its build / mkdocs build without quizzes",
                       f"{ratio(self.quiz, self.base, cpu=True):.2f}x CPU")
            report.add(f"ours against mkdocs-quiz, {self.name}: coursegen build / mkdocs-quiz build",
                       f"{ratio(self.ours, self.quiz, cpu=True):.2f}x CPU")
        if self.jobs1 is not None and self.jobs2 is not None:
            # CPU over wall of the --jobs 2 runs: near 2 when both cores were ours, near 1 when another
            # session held one of them (then no speed-up is possible, whatever the code does).
            cores = statistics.median(r.cpu / r.wall for r in self.jobs2.runs)
            report.add(f"--jobs 2 speed-up over --jobs 1, both languages, {self.name}",
                       f"{ratio(self.jobs1, self.jobs2, cpu=False):.2f}x wall (cores in use: {cores:.1f})")
        for variant in [v for v in self.variants if v.runs]:
            pages = self.pages * (2 if variant in (self.jobs1, self.jobs2) else 1)
            cpu_s = variant.cpu()
            report.timings.append([f"{variant.name}, {self.name}", str(pages), f"{variant.wall():.1f}",
                                   f"{cpu_s:.1f}", f"{1000 * cpu_s / pages:.1f}", str(len(variant.runs))])

    def weigh(self, report: Report) -> None:
        without = weight.tree_bytes(self.folder / "base" / "site")
        ours = weight.tree_bytes(self.site)
        grown = weight.growth(ours, without)
        report.add(f"site growth caused by quizzes, {self.name}",
                   f"+{100 * grown:.0f} % ({without / 1e6:.1f} -> {ours / 1e6:.1f} MB)", "<= 10 %", grown <= 0.10)
        if self.quiz is not None and self.quiz.runs:
            theirs = weight.tree_bytes(self.folder / "quiz" / "site")
            report.add(f"site growth with mkdocs-quiz, {self.name}",
                       f"+{100 * weight.growth(theirs, without):.0f} % ({theirs / 1e6:.1f} MB)")


def build_size(n: int, folder: Path, python: Path, coursegen: Path, quiz_python: Path | None, rounds: int,
               jobs: bool, default_material: bool, replicated: bool = False) -> Size:
    """Write the course of `n` lessons, capture what we hand MkDocs, and prepare every variant.

    The course is synthetic, or with `replicated` the shipped course copied to about `n` lessons."""
    from generator.course.load import load_valid_course

    course_dir = folder / "course"
    label = ""
    if replicated:
        n = write_replicated(course_dir, copy_course(REPO, folder / "source"), n)
        label = f"shipped course copied to {n} lessons"
    else:
        synthetic.write_course(course_dir, n)
    cap = variants.capture(course_dir, folder / "captured", (LANG,))[LANG]
    course = load_valid_course(course_dir)
    for name in ("base", "quiz", "material", "ours-site", "ours-both", "ours-both-j2"):
        shutil.rmtree(folder / name, ignore_errors=True)
    mkdocs_build = str(Path(__file__).with_name("mkdocs_build.py"))
    config = {"base": variants.baseline(cap, folder / "base")}
    pages = len(list(cap.docs.rglob("*.md")))
    build = [str(coursegen), "--root", str(course_dir), "build"]
    # Cold: the validated-course cache emptied before each run; warm: the sources were seen before
    # (a second command on the same sources, as `make site` runs five), primed below.
    cold_cache, warm_cache = folder / "cache-cold", folder / "cache-warm"
    ours = Variant("coursegen build", [*build, "--lang", LANG, "--site-dir", str(folder / "ours-site")],
                   [folder / "ours-site", cold_cache], env={"COURSEGEN_CACHE_DIR": str(cold_cache)})
    warm = Variant("coursegen build, sources cached", [*build, "--lang", LANG, "--site-dir", str(folder / "ours-warm")],
                   [folder / "ours-warm"], env={"COURSEGEN_CACHE_DIR": str(warm_cache)})
    shutil.rmtree(warm_cache, ignore_errors=True)
    subprocess.run(warm.argv, env={**os.environ, **warm.env}, capture_output=True, check=True)
    base = Variant("mkdocs build, no quizzes", [str(python), mkdocs_build, str(config["base"])],
                   [folder / "base" / "site"])
    size = Size(n, folder, pages, ours, base, warm=warm, variants=[ours, warm, base], label=label)
    if quiz_python is not None:
        config["quiz"] = variants.with_mkdocs_quiz(cap, course, folder / "quiz")
        size.quiz = Variant("mkdocs-quiz", [str(quiz_python), mkdocs_build, str(config["quiz"])],
                            [folder / "quiz" / "site"], rounds=rounds if n <= 100 else 1)
        size.variants.append(size.quiz)
    if default_material:
        config["material"] = variants.default_material(folder / "base" / "docs", LANG, course.title(LANG),
                                                       folder / "material")
        size.material = Variant("default Material site", [str(python), mkdocs_build, str(config["material"])],
                                [folder / "material" / "site"], rounds=rounds if n <= 100 else min(rounds, 2))
        size.variants.append(size.material)
    if jobs:
        size.jobs1 = Variant("coursegen build, both languages", [*build, "--site-dir", str(folder / "ours-both")],
                             [folder / "ours-both"])
        size.jobs2 = Variant("coursegen build --jobs 2, both languages",
                             [*build, "--jobs", "2", "--site-dir", str(folder / "ours-both-j2")],
                             [folder / "ours-both-j2"])
        size.variants += [size.jobs1, size.jobs2]
    return size


def copy_course(repo: Path, dest: Path) -> Path:
    """The real course without the repository's tooling, so the benchmark never edits the real files."""
    skip = {".git", ".venv", "node_modules", "site", "bench", "tests", "generator", ".mypy_cache", ".ruff_cache",
            ".pytest_cache", "coursegen.egg-info", "build"}
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(repo, dest, ignore=lambda folder, names: [n for n in names if Path(folder) == repo and n in skip])
    return dest


def phone_pages(course: Course) -> dict[str, str]:
    """The home page and the first lesson in every language: {label: site-relative path}."""
    lesson = course.modules[0].lessons[0].slug
    return {f"{kind}, {lang}": f"{lang}/{path}" for lang in course.languages
            for kind, path in (("home page", ""), ("lesson page", f"{lesson}/"))}


def build_real(repo: Path, work: Path, coursegen: Path, log: Path) -> tuple[Path, Path, float, float]:
    """The real course copied and built once: (course folder, site, wall s, CPU s)."""
    root = copy_course(repo, work / "course")
    site = work / "site"
    built = run_once(Variant("real course", [str(coursegen), "--root", str(root), "build", "--site-dir", str(site)],
                             [site]), log)
    return root, site, built.wall, built.cpu


def real_course(repo: Path, work: Path, coursegen: Path, report: Report, log: Path, skip: set[str],
                say: Callable[[str], None]) -> None:
    """Build the real course once, then Lighthouse, a phone's first visit, the exports and the live preview."""
    from generator.course.load import load_valid_course

    root, site, build_wall, build_cpu = build_real(repo, work, coursegen, log)
    report.add("real course: coursegen build, both languages", f"{build_wall:.1f} s wall, {build_cpu:.1f} s CPU")
    course = load_valid_course(root)
    first = course.modules[0]
    pages = {"lesson page": f"en/{first.lessons[0].slug}/", "quiz page": f"en/{first.slug}/quiz/"}
    if "phone" not in skip:
        phone.first_visits(site, phone_pages(course), report, say)
    if "lighthouse" not in skip:
        missing = lighthouse.available()
        if missing:
            report.add("Lighthouse performance", f"not measured: {missing}", ">= 0.98")
        else:
            with serving(site) as base:
                for label, path in pages.items():
                    say(f"real course: Lighthouse on the {label} ({path}), 3 runs")
                    scores = [lighthouse.measure(f"{base}/{path}") for _ in range(3)]
                    perf = statistics.median(s.performance for s in scores)
                    report.add(f"Lighthouse performance, mobile, {label} (median of 3)",
                               f"{perf:.2f} (FCP {statistics.median(s.fcp_ms for s in scores) / 1000:.2f} s, "
                               f"LCP {statistics.median(s.lcp_ms for s in scores) / 1000:.2f} s, "
                               f"TBT {statistics.median(s.tbt_ms for s in scores):.0f} ms, "
                               f"{scores[0].bytes / 1024:.0f} KB)", ">= 0.98", perf >= 0.98)
                    cpu = {name: statistics.median(s.script_ms.get(name, 0.0) for s in scores)
                           for name in scores[0].script_ms}
                    report.add(f"Lighthouse main-thread time by script, {label} (slowed mobile CPU)",
                               ", ".join(f"{name} {ms:.0f} ms" for name, ms in sorted(cpu.items(),
                                                                                      key=lambda kv: -kv[1])))
    if "exports" not in skip:
        say("real course: exports")
        for label, row in exports.time_exports(coursegen, root, work / "exports", course.languages, log).items():
            report.add(f"export: {label}", ", ".join(f"{lang} {value}" for lang, value in row.items()))
    if "preview" not in skip:
        say("real course: live preview, 3 edits of a quiz")
        quiz_file = root / "quizzes" / f"{first.quiz_id}.yml"
        seconds = preview.measure(coursegen, root, quiz_file, f"{first.slug}/quiz/", 3, log)
        report.add("live preview: saved quiz YAML -> rebuilt page (median of 3)",
                   f"{statistics.median(seconds):.1f} s (" + ", ".join(f"{s:.1f}" for s in seconds) + ")")
