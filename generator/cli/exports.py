"""Command line of the workshop exports: `coursegen pdf`, `coursegen offline` and `coursegen workshop`.

Kept beside cli.py (which registers these parsers) so that the main command file stays
small; the work itself lives in pdf.py and offline.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path

from generator.cli.log import LOGGER
from generator.errors import UsageError
from generator.render.editions import EDITIONS

say = LOGGER.info  # the progress display: one line per step (PDFs take seconds each)


def _day(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date: write it as YYYY-MM-DD") from None


def cmd_pdf(args: argparse.Namespace) -> int:
    """`coursegen pdf`: one PDF (-o) or every language and edition asked for."""
    from generator.cli.common import EXIT_OK, brand_of, build_date
    from generator.course.load import load_valid_course
    from generator.exports.pdf import pdf_name, write_pdf

    epoch = build_date(args.root)
    started = time.perf_counter()
    say("loading and checking the course")
    course = load_valid_course(args.root)
    editions = (args.edition,) if args.edition else EDITIONS
    wanted = [(lang, edition) for lang in ((args.lang,) if args.lang else course.languages) for edition in editions]
    if args.output and len(wanted) > 1:
        raise UsageError(f"-o names one file but {len(wanted)} PDFs were asked for: choose one --lang and one "
                         "--edition, or use --out-dir")
    brand = brand_of(args)
    site_url = args.site_url or (brand.site_url if brand else None)
    for lang, edition in wanted:
        target = args.output or (args.out_dir or Path.cwd()) / pdf_name(lang, edition)
        write_pdf(course, lang, edition, target.resolve(), progress=say, site_url=site_url, brand=brand,
                  epoch=epoch)
    say(f"{len(wanted)} PDF(s) in {time.perf_counter() - started:.1f} s")
    return EXIT_OK


def cmd_offline(args: argparse.Namespace) -> int:
    """`coursegen offline`: the zip for a USB stick."""
    from generator.cli.common import EXIT_OK, brand_of, build_date
    from generator.course.load import load_valid_course
    from generator.exports.offline import build_offline, offline_name

    epoch = build_date(args.root)
    course = load_valid_course(args.root)
    target = args.output or Path.cwd() / offline_name(args.lang)
    result = build_offline(course, target, args.lang, progress=say, brand=brand_of(args), epoch=epoch)
    say(f"open index.html in the unzipped folder {result.path.name.removesuffix('.zip')}/ to use it without internet")
    return EXIT_OK


def cmd_workshop(args: argparse.Namespace) -> int:
    """`coursegen workshop`: one module's pack for a session (worksheets, key, print list, paperwork)."""
    from generator.cli.common import EXIT_OK, brand_of, build_date
    from generator.course.load import load_valid_course
    from generator.exports.participants import read_participants
    from generator.exports.workshop import write_pack

    epoch = build_date(args.root)
    course = load_valid_course(args.root)
    slugs = [m.slug for m in course.modules]
    if args.module not in slugs:
        raise UsageError(f"--module {args.module}: this course's modules are {', '.join(slugs)}")
    names = read_participants(args.participants.resolve(), args.root)  # problems: exit 1, nothing written
    brand = brand_of(args)
    result = write_pack(course, args.module, args.lang, names, args.output, brand=brand, epoch=epoch,
                        day=args.date, place=args.place or "", site_url=args.site_url, minutes=args.minutes,
                        progress=say)
    say(f"workshop {args.module}: {len(result.files)} PDF(s) for {result.participants} participant(s) in "
        f"{result.path} ({result.seconds:.1f} s); start with {result.files[0]}")
    return EXIT_OK


def cmd_cmi5(args: argparse.Namespace) -> int:
    """`coursegen cmi5`: a cmi5 course package (cmi5.xml, one AU per module) for an LMS with an LRS."""
    from generator.cli.common import EXIT_OK, brand_of, build_date
    from generator.course.load import load_valid_course
    from generator.exports.cmi5 import build_package

    epoch = build_date(args.root)
    course = load_valid_course(args.root)
    name = f"course-{args.lang}-{args.module}.zip" if args.module else f"course-{args.lang}.zip"
    target = args.output or Path(args.root) / "site" / "downloads" / "cmi5" / name
    made = build_package(course, args.lang, target, brand=brand_of(args), module=args.module, epoch=epoch)
    say(f"wrote {made.path}: cmi5, {len(made.aus)} AU(s), {made.files} files, {made.size:,} bytes")
    return EXIT_OK


def add_export_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser], brand_help: str) -> None:
    """Register `pdf` and `offline` on the top-level command's subparsers."""
    p = sub.add_parser("pdf", help="write the PDF learner workbook and trainer edition",
                       description="Lay out the course for print with WeasyPrint: a tagged PDF per language and "
                                   "edition (default: every language, both editions).")
    p.add_argument("--lang", metavar="CODE", help="only this language (default: every language)")
    p.add_argument("--edition", choices=EDITIONS, help="only this edition (default: both)")
    p.add_argument("-o", "--output", type=Path, help="the PDF to write (one language and one edition only)")
    p.add_argument("--out-dir", type=Path, help="folder for course-LANG-EDITION.pdf files (default: here)")
    p.add_argument("--site-url", help="portal address: links to pages left out of the PDF print it")
    p.add_argument("--brand", type=Path, help=brand_help)

    p = sub.add_parser("offline", help="write the offline bundle (a zip for a USB stick)",
                       description="Build the portal for file:// with search, quizzes and progress, and zip it.")
    p.add_argument("--lang", metavar="CODE", help="only this language (default: every language, with a chooser)")
    p.add_argument("-o", "--output", type=Path, help="the zip to write (default: course[-LANG]-offline.zip here)")
    p.add_argument("--brand", type=Path, help=brand_help)

    p = sub.add_parser("workshop", help="write a module's workshop pack for a session",
                       description="Write what a trainer prints for a session on one module: its worksheets, the "
                                   "one-page quiz key and a print list with copies for the participants; with a "
                                   "brand that sets funded_training: true, also a sign-in sheet (morning and "
                                   "afternoon), a satisfaction form and an attendance certificate per participant.")
    p.add_argument("--module", required=True, help="the module, e.g. 03-replies")
    p.add_argument("--participants", type=Path, required=True, metavar="CSV",
                   help="a CSV file with a header row holding a 'name' column, one participant per row")
    p.add_argument("--lang", metavar="CODE", help="language of the pack (default: the first of course.yml)")
    p.add_argument("--brand", type=Path, help=brand_help)
    p.add_argument("--date", type=_day, help="the session's day (YYYY-MM-DD), printed on the paperwork")
    p.add_argument("--place", help="where the session takes place, printed on the paperwork")
    p.add_argument("--minutes", type=int, help="the session's length on the paperwork (default: the run sheet's "
                                               "workshop_minutes, else the module's computed time)")
    p.add_argument("--site-url", help="portal address for the QR code (default: the brand's site_url)")
    p.add_argument("-o", "--output", type=Path, required=True, help="the pack's folder (replaced when done)")

    p = sub.add_parser("cmi5", help="write a cmi5 course package for an LMS with a learning record store",
                       description="Package one language of the course (or one module) for cmi5: cmi5.xml, one "
                                   "assignable unit per module, reporting xAPI statements to the LMS's LRS.")
    p.add_argument("--lang", metavar="CODE", help="language of the package (default: the first of course.yml)")
    p.add_argument("--module", help="package only this module, e.g. 01-goals (default: every module)")
    p.add_argument("--brand", type=Path, help=brand_help)
    p.add_argument("-o", "--output", type=Path,
                   help="the zip to write (default: site/downloads/cmi5/course-LANG.zip, or course-LANG-MODULE.zip "
                        "with --module)")
