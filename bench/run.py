"""`make bench`: build synthetic and real courses, time them against MkDocs alone, check budgets.

Prints one table and writes it to bench/results.md. Scratch files live in bench/work/
(git-ignored), including the benchmark's own venv holding mkdocs-quiz. Run from anywhere:
    .venv/bin/python bench/run.py [--quick] [--rounds 5] [--sizes 100,1000] [--replicated 200]
                                  [--skip lighthouse,phone,exports,preview] [--overhead-only] [--phone-only]
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # `python bench/run.py` puts bench/, not the repository, on the path
    sys.path.insert(0, str(REPO))

from bench import hotspots, weight  # noqa: E402
from bench.report import Report, refresh_rows, write  # noqa: E402
from bench.suite import Size, build_real, build_size, phone_pages, real_course  # noqa: E402
from bench.timing import interleave, ratio  # noqa: E402

WORK = REPO / "bench" / "work"
PYTHON = Path(sys.executable)
COURSEGEN = PYTHON.with_name("coursegen")
QUIZ_VENV = WORK / "venv-quiz"
# The date of the content is fixed, so builds are reproducible and skip `git log`.
os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")


def say(text: str) -> None:
    print(text, flush=True)


def quiz_env(log: Path) -> Path | None:
    """The benchmark's own venv with mkdocs-quiz and the project's MkDocs and Material versions."""
    pins = [f"{name}=={importlib.metadata.version(name)}" for name in ("mkdocs", "mkdocs-material")]
    wanted = "\n".join([*pins, *(line.strip() for line in (REPO / "bench" / "quiz-requirements.txt")
                                 .read_text(encoding="utf-8").splitlines()
                                 if line.strip() and not line.startswith("#"))]) + "\n"
    python = QUIZ_VENV / "bin" / "python"
    stamp = QUIZ_VENV / ".installed"
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == wanted and python.exists():
        return python
    say("creating bench/work/venv-quiz (mkdocs-quiz, only for the benchmark)")
    shutil.rmtree(QUIZ_VENV, ignore_errors=True)
    with log.open("ab") as sink:
        made = subprocess.run([sys.executable, "-m", "venv", str(QUIZ_VENV)], stdout=sink, stderr=sink, check=False)
        if made.returncode == 0:
            made = subprocess.run([str(python), "-m", "pip", "install", "--quiet", *wanted.split()],
                                  stdout=sink, stderr=sink, check=False)
    if made.returncode != 0:
        return None
    stamp.write_text(wanted, encoding="utf-8")
    return python


def phone_only() -> int:
    """Build the real course, measure a phone's first visits, refresh those rows of bench/results.md."""
    from bench import phone
    from generator.course.load import load_valid_course

    WORK.mkdir(parents=True, exist_ok=True)
    log = WORK / "bench.log"
    root, site, _, _ = build_real(REPO, WORK / "real", COURSEGEN, log)
    report = Report()
    phone.first_visits(site, phone_pages(load_valid_course(root)), report, say)
    refresh_rows(REPO / "bench" / "results.md", report, "first visit,",
                 "`bench/run.py --phone-only`: the rows of a phone's first visit were measured again on "
                 f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, the rest is the last full run's. "
                 + phone.NOTE)
    say("\n".join(" | ".join(r.cells()) for r in report.rows))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="100,1000", help="lessons in each synthetic course (default: 100,1000)")
    parser.add_argument("--rounds", type=int, default=5, help="interleaved rounds of each build (default: 5)")
    parser.add_argument("--skip", default="", help="comma-separated: lighthouse, phone, exports, preview")
    parser.add_argument("--replicated", type=int, default=200,
                        help="lessons of the shipped course copied side by side (default: 200; 0: not timed)")
    parser.add_argument("--quick", action="store_true", help="a smoke run: 20 and 100 lessons, 1 round, no extras")
    parser.add_argument("--overhead-only", action="store_true",
                        help="time only coursegen (cold, cached) against MkDocs alone: the issue-20 ratios, "
                             "without mkdocs-quiz, the default Material site, --jobs, profiles and the real course")
    parser.add_argument("--phone-only", action="store_true",
                        help="only a phone's first visit of the real course (throttled; home and lesson pages): "
                             "its rows in bench/results.md are replaced, the others kept")
    args = parser.parse_args(argv)
    if args.phone_only:
        return phone_only()
    if args.quick:
        args.sizes, args.rounds, args.skip, args.replicated = "20,100", 1, "lighthouse,phone,exports,preview", 0
    if args.overhead_only:
        args.skip = "lighthouse,phone,exports,preview"
    sizes = [int(n) for n in args.sizes.split(",")]
    skip = set(filter(None, args.skip.split(",")))
    started = time.perf_counter()
    WORK.mkdir(parents=True, exist_ok=True)
    log = WORK / "bench.log"
    log.write_text("", encoding="utf-8")
    report = Report()
    quiz_python = None if args.overhead_only else quiz_env(log)
    if quiz_python is None and not args.overhead_only:
        report.notes.append("mkdocs-quiz: not available (its venv could not be installed, see bench/work/bench.log)")

    results: dict[int, Size] = {}
    for index, n in enumerate(sizes):
        say(f"N = {n}: writing and rendering the synthetic course")
        size = build_size(n, WORK / f"n{n}", PYTHON, COURSEGEN, quiz_python, args.rounds,
                          jobs=index == 0 and not args.overhead_only, default_material=not args.overhead_only)
        say(f"N = {n}: {size.pages} pages, timing {args.rounds} interleaved rounds")
        interleave(size.variants, args.rounds, log, say)
        results[n] = size
        size.summarise(report)
    if args.replicated:
        say(f"the shipped course copied to about {args.replicated} lessons: rendering")
        copied = build_size(args.replicated, WORK / "replicated", PYTHON, COURSEGEN, None, args.rounds,
                            jobs=False, default_material=False, replicated=True)
        say(f"{copied.name}: {copied.pages} pages, timing {args.rounds} interleaved rounds")
        interleave(copied.variants, args.rounds, log, say)
        copied.summarise(report)
    if args.overhead_only:
        # A partial run: bench/results.md keeps the last full `make bench`.
        report.notes.append("--overhead-only: builds of coursegen and MkDocs alone, nothing else measured")
        text = write(report, WORK / "results-overhead.md", PYTHON, time.perf_counter() - started)
        say("")
        say(text)
        return 0

    small, large = results[sizes[0]], results[sizes[-1]]
    growth = large.ours.cpu() / large.pages / (small.ours.cpu() / small.pages)
    report.add(f"growth: CPU per page of coursegen build, N = {sizes[-1]} over N = {sizes[0]}", f"{growth:.2f}x",
               "<= 1.30x", growth <= 1.30)
    base_growth = large.base.cpu() / large.pages / (small.base.cpu() / small.pages)
    report.add(f"growth: CPU per page of mkdocs build without quizzes, N = {sizes[-1]} over N = {sizes[0]}",
               f"{base_growth:.2f}x")
    if large.material is not None and small.material is not None:
        material_growth = large.material.cpu() / large.pages / (small.material.cpu() / small.pages)
        report.add(f"growth: CPU per page of a default Material site, N = {sizes[-1]} over N = {sizes[0]}",
                   f"{material_growth:.2f}x")
        share = ratio(large.ours, large.material, cpu=True)
        report.add(f"our whole build, quizzes included / default Material site, N = {sizes[-1]}",
                   f"{share:.2f} CPU", "<= 0.50", share <= 0.50)

    say(f"N = {sizes[0]}: profiling one build of each (cProfile)")
    ours_profile = hotspots.profile(["-m", "generator", *small.ours.argv[1:]], WORK / "ours.prof", PYTHON, log)
    alone_profile = hotspots.profile(small.base.argv[1:], WORK / "mkdocs-alone.prof", PYTHON, log)
    report.profile = hotspots.compare(ours_profile, alone_profile)
    report.profile_title = (f"Where the time goes, N = {sizes[0]}, one language (cProfile, cumulative seconds; "
                            "profiles in bench/work/*.prof):")

    page = small.quiz_page()
    assets = weight.own_assets(small.site, page)
    total = sum(assets.values())
    report.add("our JS + CSS on a quiz page (gzip, cached files)",
               f"{total / 1024:.1f} KB: " + ", ".join(f"{Path(k).name} {v / 1024:.1f}" for k, v in assets.items()),
               "<= 10 KB", total <= 10 * 1024)
    practice = weight.practice_assets(small.site)
    own = sum(practice.values())
    report.add("the practice page's own JS + CSS, scheduler included (gzip, fetched only there)",
               f"{own / 1024:.1f} KB: " + ", ".join(f"{Path(k).name} {v / 1024:.1f}" for k, v in practice.items()),
               "<= 12 KB", own <= 12 * 1024)
    inline = weight.inline_bytes(page) - weight.inline_bytes(small.baseline_page(page))
    report.add("inline script/style a quiz page adds", f"{inline} bytes", "0", inline <= 0)
    for size in results.values():
        size.weigh(report)

    report.notes += [
        "Builds compared side by side build one language (en) of the same course; `coursegen build --lang en` still "
        "loads and validates both languages, so our load is charged in full to one language.",
        "Synthetic quizzes: 5 questions of single, multiple and true/false types per lesson and per module, sized "
        "like the real course's (mkdocs-quiz has no ordering or matching type, so both sides get the same questions).",
        "Site growth counts the quiz HTML and the quiz text that Material's search adds to search_index.json.",
    ]
    if skip >= {"lighthouse", "phone", "exports", "preview"}:
        report.notes.append("real course: skipped (--quick or --skip)")
    else:
        real_course(REPO, WORK / "real", COURSEGEN, report, log, skip, say)

    text = write(report, REPO / "bench" / "results.md", PYTHON, time.perf_counter() - started)
    say("")
    say(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
