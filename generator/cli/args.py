"""The command line's grammar: every command, its options and their help; cli/main.py runs them."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from generator.cli.common import BRAND_HELP
from generator.cli.log import add_verbosity


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date: write it as YYYY-MM-DD") from None


def parser() -> argparse.ArgumentParser:
    """Every command; `args.command` names the one given."""
    top = argparse.ArgumentParser(prog="coursegen", description="Build and check the bilingual course portal.")
    top.add_argument("--root", type=Path, default=None,
                     help="course folder (default: the nearest one, here or above, holding course.yml)")
    add_verbosity(top, False)
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

    p = sub.add_parser("scorm", help="write a SCORM 1.2 package for an LMS",
                       description="Package one language of the course (or one module) as SCORM 1.2.")
    p.add_argument("--lang", metavar="CODE", help="language of the package (default: the first of course.yml)")
    p.add_argument("--module", help="package only this module, e.g. 01-goals (default: every module)")
    p.add_argument("--brand", type=Path, help=BRAND_HELP)
    p.add_argument("-o", "--output", type=Path,
                   help="the zip to write (default: site/downloads/scorm/course-LANG.zip, or course-LANG-MODULE.zip "
                        "with --module)")

    p = sub.add_parser("export", help="write the quizzes as question banks (Moodle, QTI)",
                       description="Write every quiz as a question bank in GIFT or Moodle XML, or as a QTI 3.0 or "
                                   "QTI 2.1 package per quiz (Canvas, Blackboard and Brightspace import 2.1).")
    p.add_argument("--format", choices=("gift", "moodle-xml", "qti3", "qti21"), required=True, help="bank format")
    p.add_argument("--lang", metavar="CODE", help="only this language (default: every language)")
    p.add_argument("-o", "--output", type=Path,
                   help="folder to write into (default: trainer/question-banks: the banks hold every answer)")

    p = sub.add_parser("check", help="check every file without building",
                       description="Validate all content; exit 0 when clean, 1 when problems are found. "
                                   "Warnings (guessable quizzes, stale durations) are listed and fail only with "
                                   "--strict.")
    p.add_argument("--strict", action="store_true", help="fail (exit 1) on warnings too")
    p.add_argument("--language-tools", action="store_true",
                   help="also build each language and proofread its pages: Grammalecte for French, hunspell for "
                        "the others (Debian: apt-get install grammalecte-cli hunspell hunspell-en-gb); what is "
                        "accepted is in language-tools.yml")

    p = sub.add_parser("serve", help="preview with live reload", description="Preview one language with live reload.")
    p.add_argument("--lang", metavar="CODE", help="language to preview (default: the first of course.yml)")
    p.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to listen on (default: 127.0.0.1:8000)")

    p = sub.add_parser("new", help="scaffold a module or a quiz", description="Create a module or quiz that builds.")
    p.add_argument("what", choices=("module", "quiz"))
    p.add_argument("slug", help="lowercase name with hyphens, e.g. pricing-posts")

    p = sub.add_parser("init", help="start a new course in a new folder",
                       description="Write a new course (languages, home page, one module, quizzes, a brand) that "
                                   "checks and builds at once. Options left out are asked for at a terminal; in a "
                                   "script their defaults are used.")
    p.add_argument("dir", type=Path, metavar="DIR", help="the course folder to create (new, or empty)")
    p.add_argument("--title", help="course title, also the home page's title (default: My course)")
    p.add_argument("--languages", metavar="CODES",
                   help="language codes separated by commas, the first the default (default: en), e.g. en,fr")
    p.add_argument("--brand-name", help="name of the organisation that publishes the course (default: My organisation)")

    p = sub.add_parser("fix-typography", help="put French non-breaking spaces in place",
                       description="Insert the non-breaking spaces French needs before : ; ! ? and inside « ».")
    p.add_argument("files", nargs="*", type=Path, help="files to fix (default: every French lesson and quiz)")

    p = sub.add_parser("translated", help="record that translations are up to date with their source",
                       description="Once a translator is done, record in each translation the fingerprint of the "
                                   "first language's text it matches (front matter `translated_from:` in a page, "
                                   "`translated_from: {fr: ...}` on a quiz and its questions); `coursegen check` "
                                   "then warns when that text changes.")
    p.add_argument("files", nargs="*", type=Path,
                   help="pages (a translation, or the source for all its translations) and quiz files (default: "
                        "every page and quiz)")
    p.add_argument("--lang", metavar="CODE", help="only this translated language (default: every one)")
    p.add_argument("--question", metavar="ID", action="append",
                   help="with one quiz file: only this question (repeat for more), not the quiz's other questions")

    p = sub.add_parser("guide", help="write or serve the authoring guide",
                       description="The authoring guide that comes with coursegen (file formats, languages and "
                                   "translations, problem codes), as one HTML page; no course needed.")
    p.add_argument("--lang", dest="guide_lang", metavar="CODE", default="en",
                   help="the guide's language: en (the default) or fr")
    p.add_argument("-o", "--output", type=Path,
                   help="the HTML file to write (default: authoring-guide.html, authoring-guide.fr.html...)")
    p.add_argument("--serve", action="store_true", help="serve it instead, until Ctrl-C")
    p.add_argument("--dev-addr", default="127.0.0.1:8000", help="with --serve: address (default: 127.0.0.1:8000)")

    p = sub.add_parser("stats", help="count completions in the web server's access logs",
                       description="Count module quiz passes and certificates per month in nginx/Apache combined "
                                   "access logs (gzip-rotated ones too), once per client address and day. Needs "
                                   "`completion_stats: true` in the brand file. No address is ever printed.")
    p.add_argument("logs", nargs="+", type=Path, metavar="ACCESS_LOG", help="access log files, e.g. access.log*")
    p.add_argument("--since", type=_date, help="only from this day on (YYYY-MM-DD)")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table", help="output format")

    from generator.cli.deploy import add_deploy_parser
    from generator.cli.exports import add_export_parsers

    add_export_parsers(sub, BRAND_HELP)
    add_deploy_parser(sub, BRAND_HELP)
    for command in sub.choices.values():
        add_verbosity(command, argparse.SUPPRESS)
    return top
