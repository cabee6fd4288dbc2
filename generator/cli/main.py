"""Command line: argument parsing, progress display and exit codes; the work lives elsewhere."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

from generator.cli.common import (
    BRAND_HELP,
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_USAGE,
    brand_of,
    build_date,
    find_root,
)
from generator.course.problems import ContentError, Problem
from generator.output import OutputBusy


def report(problems: list[Problem]) -> int:
    """Print every problem, then the count; the exit code for problems."""
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(problems)} problem(s) found; nothing was written.", file=sys.stderr)
    return EXIT_PROBLEMS


def cmd_check(args: argparse.Namespace) -> int:
    from generator.course.brand import check_brands
    from generator.course.guessable import guessable
    from generator.course.load import load_valid_course
    from generator.engine.brand import BACKDROPS

    course = load_valid_course(args.root)
    brands = check_brands(args.root, BACKDROPS)
    pages = sum(len(m.lessons) + 1 for m in course.modules) + len(course.pages)
    questions = sum(len(q.questions) for q in course.quizzes.values())
    print(f"ok: {len(course.modules)} modules, {pages} pages, {len(course.quizzes)} quizzes, "
          f"{questions} questions in {', '.join(course.languages)}")
    if brands:
        print(f"ok: {len(brands)} brand(s): {', '.join(b.id for b in brands)}")
    warnings = guessable(course)
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    if warnings:
        print(f"{len(warnings)} warning(s): quizzes a learner could pass by guessing"
              + (" (failing because of --strict)" if args.strict else ""), file=sys.stderr)
    return EXIT_PROBLEMS if warnings and args.strict else EXIT_OK


def cmd_build(args: argparse.Namespace) -> int:
    from generator.build import build

    epoch = build_date(args.root)
    started = time.perf_counter()
    langs = (args.lang,) if args.lang else None
    site_dir = args.site_dir or args.root / "site"
    brand = brand_of(args)
    build(args.root, site_dir, langs, jobs=args.jobs, progress=lambda msg: print(msg, flush=True),
          site_url=args.site_url, brand=brand, downloads=args.downloads, trainer_dir=args.trainer_dir, epoch=epoch)
    print(f"built {site_dir} in {time.perf_counter() - started:.1f} s")
    return EXIT_OK


def cmd_scorm(args: argparse.Namespace) -> int:
    from generator.course.load import load_valid_course
    from generator.exports.scorm import ScormError, build_package

    epoch = build_date(args.root)
    course = load_valid_course(args.root)
    brand = brand_of(args)
    try:
        made = build_package(course, args.lang, args.output, brand=brand, module=args.module, epoch=epoch)
    except ScormError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    print(f"wrote {made.path}: SCORM 1.2, {len(made.scos)} SCO(s), {made.files} files, {made.size:,} bytes")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from generator.course.load import load_valid_course
    from generator.exports.banks import export_banks

    build_date(args.root)  # banks carry no date; this only says how outputs are dated, as every export does
    course = load_valid_course(args.root)
    langs = (args.lang,) if args.lang else course.languages
    written = export_banks(course, args.output, args.format, langs)
    questions = sum(len(q.questions) for q in course.quizzes.values())
    print(f"wrote {len(written)} file(s) under {args.output}: {len(course.quizzes)} quizzes, {questions} questions "
          f"per language, {args.format}")
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from generator.course.load import load_valid_course
    from generator.engine.serve import serve

    serve(load_valid_course(args.root), args.lang, args.dev_addr)
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from generator.render.scaffold import ScaffoldError, new_module, new_quiz

    try:
        made = (new_module if args.what == "module" else new_quiz)(args.root, args.slug)
    except ScaffoldError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for path in made:
        print(f"created {path.relative_to(args.root)}")
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
        DEFAULT_BRAND,
        DEFAULT_LANGUAGES,
        DEFAULT_TITLE,
        InitError,
        check_folder,
        init_course,
        parse_languages,
    )

    folder = Path(args.dir)
    try:
        check_folder(folder)  # before any question: an answer must not be typed for nothing
        title = _ask("Course title", args.title, DEFAULT_TITLE)
        languages = parse_languages(_ask("Languages (codes, the first the default)", args.languages,
                                         DEFAULT_LANGUAGES))
        brand = _ask("Organisation (brand) name", args.brand_name, DEFAULT_BRAND)
        made = init_course(folder, title, languages, brand)
    except InitError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    for path in made.files:
        print(f"created {(folder / path).as_posix()}")
    for notice in made.notices:
        print(f"notice: {notice}")
    print(f"\nA course in {', '.join(lang.name for lang in languages)} is ready in {folder}. Next:\n"
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
        print(f"fixed {path}")
    print(f"{len(changed)} file(s) changed")
    if problems:
        for problem in problems.sorted():
            print(problem, file=sys.stderr)
        print(f"{len(problems)} problem(s) found; those files were not changed.", file=sys.stderr)
        return EXIT_PROBLEMS
    return EXIT_OK


def cmd_stats(args: argparse.Namespace) -> int:
    from generator.exports.stats import count_files, render

    missing = [str(p) for p in args.logs if not p.is_file()]
    if missing:
        print(f"error: no such log file: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    counts = count_files(args.logs, since=args.since)
    sys.stdout.write(render(counts, args.format))
    print(f"{counts.lines} line(s) read from {len(args.logs)} file(s); {counts.requests} completion request(s) "
          f"counted once per address and day; {counts.malformed} malformed line(s) skipped", file=sys.stderr)
    return EXIT_OK


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date: write it as YYYY-MM-DD") from None


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="coursegen", description="Build and check the bilingual course portal.")
    top.add_argument("--root", type=Path, default=None, help="course folder (default: the one holding mkdocs.yml)")
    sub = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("build", help="build the portal into site/", description="Build every language (or one).")
    p.add_argument("--lang", metavar="CODE", help="build only this language (a code of course.yml)")
    p.add_argument("--site-dir", type=Path, help="output folder (default: site/)")
    p.add_argument("--jobs", type=int, default=1, help="languages built in parallel (default: 1)")
    p.add_argument("--site-url", help="public address of the portal, e.g. https://learn.example-cci.fr/course/")
    p.add_argument("--brand", type=Path, help=BRAND_HELP)
    p.add_argument("--downloads", action="store_true",
                   help="also write the PDFs and offline zips into downloads/ and list them on each home page")
    p.add_argument("--trainer-dir", type=Path,
                   help="where --downloads writes the trainer edition, which holds every answer (default: trainer/ "
                        "beside the site folder; a brand with publish_trainer: true publishes it instead)")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("scorm", help="write a SCORM 1.2 package for an LMS",
                       description="Package one language of the course (or one module) as SCORM 1.2.")
    p.add_argument("--lang", metavar="CODE", help="language of the package (default: the first of course.yml)")
    p.add_argument("--module", help="package only this module, e.g. 01-goals (default: every module)")
    p.add_argument("--brand", type=Path, help=BRAND_HELP)
    p.add_argument("-o", "--output", type=Path, required=True, help="the zip to write, e.g. course-en.zip")
    p.set_defaults(func=cmd_scorm)

    p = sub.add_parser("export", help="write the quizzes as Moodle question banks",
                       description="Write every quiz as a question bank in GIFT or Moodle XML.")
    p.add_argument("--format", choices=("gift", "moodle-xml"), required=True, help="bank format")
    p.add_argument("--lang", metavar="CODE", help="only this language (default: every language)")
    p.add_argument("-o", "--output", type=Path, required=True, help="folder to write into")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("check", help="check every file without building",
                       description="Validate all content; exit 0 when clean, 1 when problems are found. "
                                   "Warnings (guessable quizzes) are listed and fail only with --strict.")
    p.add_argument("--strict", action="store_true", help="fail (exit 1) on warnings too")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("serve", help="preview with live reload", description="Preview one language with live reload.")
    p.add_argument("--lang", metavar="CODE", help="language to preview (default: the first of course.yml)")
    p.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to listen on (default: 127.0.0.1:8000)")
    p.set_defaults(func=cmd_serve)

    p = sub.add_parser("new", help="scaffold a module or a quiz", description="Create a module or quiz that builds.")
    p.add_argument("what", choices=("module", "quiz"))
    p.add_argument("slug", help="lowercase name with hyphens, e.g. pricing-posts")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("init", help="start a new course in a new folder",
                       description="Write a new course (languages, home page, one module, quizzes, a brand) that "
                                   "checks and builds at once. Options left out are asked for at a terminal; in a "
                                   "script their defaults are used.")
    p.add_argument("dir", type=Path, metavar="DIR", help="the course folder to create (new, or empty)")
    p.add_argument("--title", help="course title, also the home page's title (default: My course)")
    p.add_argument("--languages", metavar="CODES",
                   help="language codes separated by commas, the first the default (default: en), e.g. en,fr")
    p.add_argument("--brand-name", help="name of the organisation that publishes the course (default: My organisation)")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("fix-typography", help="put French non-breaking spaces in place",
                       description="Insert the non-breaking spaces French needs before : ; ! ? and inside « ».")
    p.add_argument("files", nargs="*", type=Path, help="files to fix (default: every French lesson and quiz)")
    p.set_defaults(func=cmd_fix_typography)

    p = sub.add_parser("stats", help="count completions in the web server's access logs",
                       description="Count module quiz passes and certificates per month in nginx/Apache combined "
                                   "access logs (gzip-rotated ones too), once per client address and day. Needs "
                                   "`completion_stats: true` in the brand file. No address is ever printed.")
    p.add_argument("logs", nargs="+", type=Path, metavar="ACCESS_LOG", help="access log files, e.g. access.log*")
    p.add_argument("--since", type=_date, help="only from this day on (YYYY-MM-DD)")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output format")
    p.set_defaults(func=cmd_stats)

    from generator.cli.exports import add_export_parsers

    add_export_parsers(sub, BRAND_HELP)
    return top


class UsageError(Exception):
    """A command line that cannot be run as given."""


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
    """The `coursegen` command: run one subcommand, turn known failures into messages and exit codes."""
    args = parser().parse_args(argv)
    args.root = (args.root or find_root(Path.cwd())).resolve()
    try:
        if hasattr(args, "lang"):
            args.lang = chosen_language(args.root, args.lang, default=args.func in (cmd_scorm, cmd_serve))
        return int(args.func(args))
    except ContentError as exc:
        return report(exc.problems)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        return 130
    except OutputBusy as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_PROBLEMS
    except Exception as exc:  # the engine's own refusal, shown as text rather than a traceback
        from generator.engine.adapter import EngineError
        from generator.engine.portable import PortableError

        if isinstance(exc, EngineError):
            for message in exc.messages:
                print(f"mkdocs: {message}", file=sys.stderr)
            print("The site engine refused the build; site/ was not changed.", file=sys.stderr)
            return EXIT_PROBLEMS
        if isinstance(exc, PortableError):
            print(f"error: {exc}; site/ was not changed.", file=sys.stderr)
            return EXIT_PROBLEMS
        raise
