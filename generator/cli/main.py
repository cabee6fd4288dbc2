"""Command line: runs one command, shows its messages, turns every known failure into lines and an exit code."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from generator.cli.args import parser
from generator.cli.authoring import cmd_guide, cmd_translated, material_notices
from generator.cli.common import EXIT_OK, EXIT_PROBLEMS, brand_of, build_date, course_root
from generator.cli.deploy import cmd_deploy
from generator.cli.exports import cmd_cmi5, cmd_offline, cmd_pdf, cmd_workshop
from generator.cli.log import ASIDE, configure
from generator.cli.log import LOGGER as log
from generator.course.problems import count_of
from generator.errors import CoursegenError, UsageError

if TYPE_CHECKING:
    from generator.course.model import Course


def cmd_check(args: argparse.Namespace) -> int:
    from generator.course.guessable import guessable
    from generator.course.load import check_everything
    from generator.engine.brand import BACKDROPS
    from generator.render.placeholders import placeholders

    course, brands = check_everything(args.root, BACKDROPS)  # content and brands: every problem at once
    pages = sum(len(m.lessons) + 1 for m in course.modules) + len(course.pages)
    questions = sum(len(q.questions) for q in course.quizzes.values())
    log.info(f"ok: {len(course.modules)} modules, {pages} pages, {len(course.quizzes)} quizzes, "
             f"{questions} questions in {', '.join(course.languages)}")
    if brands:
        log.info(f"ok: {len(brands)} brand(s): {', '.join(b.id for b in brands)}")
    for notice in material_notices(course):
        log.info(f"notice: {notice}")
    warnings = guessable(course) + placeholders(course)
    if args.language_tools:
        warnings += proofread_course(course)
    for warning in warnings:
        log.warning(f"warning: {warning}")
    if warnings:
        log.warning(f"{len(warnings)} warning(s): cues a learner could guess by, stale durations, language slips, "
                    "translations to do or examples to replace"
                    + (" (failing because of --strict)" if args.strict else ""))
    return EXIT_PROBLEMS if warnings and args.strict else EXIT_OK


def proofread_course(course: Course) -> list[str]:
    """`check --language-tools`: each language built in a temporary folder and proofread, as warning lines."""
    from generator.build import BuildOptions, build
    from generator.exports.proofread import proofread, read_config, require_tools

    require_tools(course.languages)  # before a build: say at once how to install a missing tool
    accepted = read_config(course.root)
    found: list[str] = []
    with tempfile.TemporaryDirectory(prefix="coursegen-proofread-") as work:
        for lang in course.languages:
            log.info(f"proofreading the {lang} pages")
            build(course.root, Path(work) / lang, BuildOptions(langs=(lang,)))
            found += [str(f) for f in proofread(Path(work) / lang / lang, lang, accepted)]
    return found


def cmd_build(args: argparse.Namespace) -> int:
    from generator.build import BuildOptions, build

    epoch = build_date(args.root)
    started = time.perf_counter()
    langs = (args.lang,) if args.lang else None
    site_dir = args.site_dir or args.root / "site"
    options = BuildOptions(langs=langs, jobs=args.jobs, site_url=args.site_url, brand=brand_of(args),
                           downloads=args.downloads, trainer_dir=args.trainer_dir, epoch=epoch)
    build(args.root, site_dir, options, progress=log.info)
    log.info(f"built {site_dir} in {time.perf_counter() - started:.1f} s")
    return EXIT_OK


def scorm_target(args: argparse.Namespace) -> Path:
    """-o, else the place `make site` publishes packages at: site/downloads/scorm/course-LANG[-MODULE].zip."""
    if args.output:
        return Path(args.output)
    name = f"course-{args.lang}-{args.module}.zip" if args.module else f"course-{args.lang}.zip"
    return Path(args.root) / "site" / "downloads" / "scorm" / name


def cmd_scorm(args: argparse.Namespace) -> int:
    from generator.course.load import load_valid_course
    from generator.exports.scorm import build_package

    epoch = build_date(args.root)  # the zip's entries carry the content's date
    course = load_valid_course(args.root)
    brand = brand_of(args)
    made = build_package(course, args.lang, scorm_target(args), brand=brand, module=args.module, epoch=epoch)
    log.info(f"wrote {made.path}: SCORM 1.2, {len(made.scos)} SCO(s), {made.files} files, {made.size:,} bytes")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from generator.course.load import load_valid_course
    from generator.exports.banks import export_banks
    from generator.exports.qti_package import VERSIONS, export_qti

    course = load_valid_course(args.root)
    langs = (args.lang,) if args.lang else course.languages
    # The banks hold every answer: by default beside the trainer edition, outside the published site.
    output = args.output or args.root / "trainer" / "question-banks"
    if args.format in VERSIONS:
        written = export_qti(course, output, args.format, langs, epoch=build_date(args.root))
    else:
        written = export_banks(course, output, args.format, langs)
    questions = sum(len(q.questions) for q in course.quizzes.values())
    log.info(f"wrote {len(written)} file(s) under {output}: {len(course.quizzes)} quizzes, {questions} questions "
             f"per language, {args.format}")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from generator.course.load import load_valid_course
    from generator.engine.serve import serve

    course = load_valid_course(args.root)

    def build_others(folder: Path) -> None:
        # The other languages, built once so that the switcher lands somewhere; only `args.lang` is live.
        from generator.build import BuildOptions, build

        others = tuple(code for code in course.languages if code != args.lang)
        log.info(f"building {', '.join(others)} once, for the language switcher (only {args.lang} reloads)")
        # At the preview's address: Material finds the same page in their sitemaps (else it goes to the home).
        build(args.root, folder, BuildOptions(langs=others, epoch=0, site_url=f"http://{args.dev_addr}/"))

    serve(course, args.lang, args.dev_addr, build_others)
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from generator.render.scaffold import new_module, new_quiz

    made = (new_module if args.what == "module" else new_quiz)(args.root, args.slug)
    for path in made:
        log.info(f"created {path.relative_to(args.root)}")
    return EXIT_OK


def _ask(question: str, given: str | None, default: str) -> str:
    """An option the command line left out: asked for at a terminal, else its default (a script never waits)."""
    if given is not None:
        return given
    if not sys.stdin.isatty():
        return default
    try:
        return input(f"{question} [{default}]: ").strip() or default
    except EOFError:
        return default


def cmd_init(args: argparse.Namespace) -> int:
    from generator.render.init import (
        DEFAULT_LANGUAGES,
        DEFAULT_TITLE,
        check_folder,
        init_course,
        parse_languages,
    )
    from generator.render.placeholders import DEFAULT_BRAND

    folder = Path(args.dir)
    check_folder(folder)  # before any question: an answer must not be typed for nothing
    title = _ask("Course title", args.title, DEFAULT_TITLE)
    languages = parse_languages(_ask("Languages (codes, the first the default)", args.languages, DEFAULT_LANGUAGES))
    brand = _ask("Organisation (brand) name", args.brand_name, DEFAULT_BRAND)
    made = init_course(folder, title, languages, brand)
    for path in made.files:
        log.info(f"created {(folder / path).as_posix()}")
    for notice in made.notices:
        log.info(f"notice: {notice}")
    log.info(f"\nA course in {', '.join(lang.name for lang in languages)} is ready in {folder}. Next:\n"
             f"  cd {folder}\n"
             "  coursegen check --strict   # every file checked, with its line\n"
             "  coursegen serve            # preview on http://127.0.0.1:8000, reloads as you write\n"
             "  coursegen build            # the portal in site/")
    return EXIT_OK


def cmd_fix_typography(args: argparse.Namespace) -> int:
    from generator.course.languages import declared_languages
    from generator.course.problems import Problems
    from generator.course.typography import fix_file, french_files, readable

    files = args.files or french_files(args.root, tuple(lang.code for lang in declared_languages(args.root)))
    problems = Problems(args.root)
    # A file that `check` would refuse is reported like `check` does and left as it is.
    changed = [f for f in files if readable(Path(f), problems) and fix_file(Path(f))]
    for path in changed:
        log.info(f"fixed {path}")
    log.info(f"{count_of(len(changed), 'file', 'files')} changed")
    if problems:
        for problem in problems.sorted():
            log.error(str(problem))
        log.error(f"{count_of(len(problems), 'problem', 'problems')} found; those files were not changed.")
        return EXIT_PROBLEMS
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    from generator.exports.stats import count_files, render

    missing = [str(p) for p in args.logs if not p.is_file()]
    if missing:
        raise UsageError(f"no such log file: {', '.join(missing)}")
    counts = count_files(args.logs, since=args.since)
    sys.stdout.write(render(counts, args.format))  # the command's output, not a message: -q keeps it
    log.info(f"{counts.lines} line(s) read from {len(args.logs)} file(s); {counts.requests} completion request(s) "
             f"counted once per address and day; {counts.malformed} malformed line(s) skipped", extra=ASIDE)
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "build": cmd_build, "scorm": cmd_scorm, "export": cmd_export, "check": cmd_check, "serve": cmd_serve,
    "new": cmd_new, "init": cmd_init, "fix-typography": cmd_fix_typography, "stats": cmd_stats,
    "pdf": cmd_pdf, "offline": cmd_offline, "deploy": cmd_deploy, "translated": cmd_translated,
    "guide": cmd_guide, "workshop": cmd_workshop, "cmi5": cmd_cmi5,
}
# Commands that need a course folder; `scorm`, `cmi5` and `serve` default to the course's first language.
WITHOUT_COURSE = {"init", "stats", "guide"}
FIRST_LANGUAGE = {"scorm", "cmi5", "serve", "workshop"}


def chosen_language(root: Path, lang: str | None, default: bool) -> str | None:
    """`--lang` checked against course.yml; the course's first language when `default` and none was given."""
    if lang is None and not default:
        return None
    from generator.course.languages import declared_languages

    codes = [language.code for language in declared_languages(root)]
    if lang is None:
        return codes[0]
    if lang not in codes:
        raise UsageError(f"--lang {lang}: this course's languages are {', '.join(codes)} (course.yml)")
    return lang


def main(argv: list[str] | None = None) -> int:
    """The `coursegen` command: run one subcommand; every failure a user can fix is a CoursegenError,
    shown as its lines (never a traceback) and ended with its exit code."""
    args = parser().parse_args(argv)
    configure(args.quiet, args.verbose)
    try:
        if args.command not in WITHOUT_COURSE:
            args.root = course_root(args.root, Path.cwd())
            log.debug(f"course folder: {args.root}")
        if hasattr(args, "lang"):
            args.lang = chosen_language(args.root, args.lang, default=args.command in FIRST_LANGUAGE)
        return int(COMMANDS[args.command](args))
    except CoursegenError as exc:
        for line in exc.lines():
            log.error(line)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
