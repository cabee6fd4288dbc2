"""The PDF renderer: print HTML of one language and edition, laid out and written by WeasyPrint.

The PDF is tagged (WeasyPrint's PDF/UA-1 variant, its tags finished by pdf_tags), carries the
course title and language in its metadata, and is dated with the content's date (the build date
the caller hands down, see output.build_epoch), never the clock, so the same content gives the
same file.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.course.brand import Brand
from generator.course.model import Course
from generator.engine.config import copyright_language, markdown_extensions, print_settings
from generator.exports.pdf_tags import finish_tags
from generator.output import build_epoch, partial_file
from generator.render.print_html import render_print_html

Progress = Callable[[str], None]
PDF_VARIANT = "pdf/ua-1"


@dataclass(frozen=True)
class PdfResult:
    """What was written: where, how many pages, how many bytes, in how many seconds."""

    path: Path
    lang: str
    edition: str
    pages: int
    size: int
    seconds: float
    warnings: tuple[str, ...] = ()  # what WeasyPrint reported, such as a reference to a missing anchor


def pdf_name(lang: str, edition: str) -> str:
    """File name of one edition in one language, e.g. `course-fr-trainer.pdf`."""
    return f"course-{lang}-{edition}.pdf"


def content_date(epoch: int) -> dt.date:
    """The day of a build date (seconds since 1970, see output.build_epoch), in UTC."""
    return dt.datetime.fromtimestamp(epoch, dt.UTC).date()


@contextmanager
def _weasyprint_steps(progress: Progress, prefix: str) -> Iterator[list[str]]:
    """Forward WeasyPrint's own step messages to `progress`; collect its warnings."""
    warnings: list[str] = []

    class Forward(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            if record.name == "weasyprint.progress":
                step = record.getMessage().split(" - ", 1)[-1].lower()
                # One line per page would drown the rest: report every 25th page of the layout.
                page = step.rsplit(" ", 1)[-1]
                if not step.startswith("creating layout - page") or (page.isdigit() and int(page) % 25 == 0):
                    progress(f"{prefix}: {step}")
            elif record.levelno >= logging.WARNING:
                warnings.append(record.getMessage())

    loggers = [logging.getLogger("weasyprint"), logging.getLogger("weasyprint.progress")]
    handler = Forward()
    saved = [(lg.level, lg.propagate) for lg in loggers]
    for lg in loggers:
        lg.addHandler(handler)
        lg.setLevel(logging.INFO)
        lg.propagate = False
    try:
        yield warnings
    finally:
        for lg, (level, propagate) in zip(loggers, saved, strict=True):
            lg.removeHandler(handler)
            lg.setLevel(level)
            lg.propagate = propagate


def write_pdf(course: Course, lang: str, edition: str, target: Path, progress: Progress = lambda _: None,
              site_url: str | None = None, brand: Brand | None = None, epoch: int | None = None) -> PdfResult:
    """Render one edition of a validated course in `lang` to `target`; replace it only when done.

    The cover names the `brand`'s organisation and copyright line, else mkdocs.yml's, and the
    build date `epoch` (default: the course's, output.build_epoch).
    """
    from weasyprint import HTML  # imported here: loading Pango costs time that other commands need not pay

    started = time.perf_counter()
    prefix = f"{lang} {edition}"
    organisation, copyright = print_settings(course.root)
    if brand is not None:
        organisation = brand.name.get(lang) or organisation
        copyright = brand.copyright.get(lang) or copyright
    day = content_date(build_epoch(course.root) if epoch is None else epoch)
    html = render_print_html(course, lang, edition, day, organisation, copyright, site_url,
                             markdown_extensions(course.root), copyright_language(course, lang, brand))
    with partial_file(target) as partial, _weasyprint_steps(progress, prefix) as warnings:
        document = HTML(string=html, base_url=str(course.root)).render()
        progress(f"{prefix}: {len(document.pages)} pages laid out")
        written = io.BytesIO()
        document.write_pdf(written, pdf_variant=PDF_VARIANT)
        written.seek(0)
        finish_tags(written, partial)  # header cell scopes, one piece per heading: see pdf_tags
    reported = tuple(dict.fromkeys(warnings))
    for warning in reported:
        progress(f"{prefix}: WeasyPrint: {warning}")
    result = PdfResult(target, lang, edition, len(document.pages), target.stat().st_size,
                       time.perf_counter() - started, reported)
    progress(f"{prefix}: wrote {target.name}, {result.pages} pages, {result.size / 1e6:.1f} MB "
             f"in {result.seconds:.1f} s")
    return result


def write_html_pdf(html: str, base: Path, target: Path) -> int:
    """Lay out a small print HTML document (a handout) as a tagged PDF at `target`; return its pages.

    The same variant and tag finishing as the editions, so a handout reads as well with a screen reader.
    """
    from weasyprint import HTML

    with partial_file(target) as partial:
        document = HTML(string=html, base_url=str(base)).render()
        written = io.BytesIO()
        document.write_pdf(written, pdf_variant=PDF_VARIANT)
        written.seek(0)
        finish_tags(written, partial)
    return len(document.pages)


def anchor_pages(html: str, base: Path) -> dict[str, int]:
    """Where each anchor (id) of a print HTML document lands once laid out: its page number, from 1."""
    from weasyprint import HTML

    document = HTML(string=html, base_url=str(base)).render()
    # A box split across pages (a three-page quiz) carries its id on every page: where it lands is the first.
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages, 1):
        for anchor in page.anchors:
            pages.setdefault(anchor, number)
    return pages
