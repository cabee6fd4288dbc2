"""Workshop exports for the portal: the four PDFs and the offline zips in site/downloads/.

`coursegen build --downloads` (what `make site` runs) makes them here, before the languages
are built, so that each home page can list its own files with their sizes and page counts.
PDFs are laid out in parallel processes: WeasyPrint spends its time in Python layout code.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from generator.course.brand import Brand
from generator.course.catalogue import Strings
from generator.course.cldr import format_number
from generator.course.model import Course
from generator.render.editions import EDITIONS
from generator.render.quiz import environment

Progress = Callable[[str], None]


@dataclass(frozen=True)
class Download:
    """One file offered on a home page."""

    name: str
    lang: str
    kind: str  # learner | trainer | offline
    size: int
    pages: int = 0
    seconds: float = 0.0
    published: bool = True  # False: written beside the site (trainer/), never linked from it


def _pdf_job(root: str, lang: str, edition: str, target: str, epoch: int,
             site_url: str | None, brand: Brand | None, published: bool = True) -> Download:
    from generator.course.load import load_valid_course
    from generator.exports.pdf import write_pdf

    result = write_pdf(load_valid_course(Path(root)), lang, edition, Path(target), site_url=site_url,
                       brand=brand, epoch=epoch)
    return Download(result.path.name, lang, edition, result.size, result.pages, result.seconds, published)


def make_downloads(course: Course, out_dir: Path, langs: tuple[str, ...], epoch: int,
                   progress: Progress = lambda _: None, jobs: int | None = None, site_url: str | None = None,
                   brand: Brand | None = None, trainer_dir: Path | None = None) -> list[Download]:
    """Write both PDF editions and the offline zip of each language in `langs` into `out_dir`.

    With `trainer_dir` the trainer edition (every answer, the trainer notes) goes there instead,
    outside the published site, and is not listed on the home pages. `epoch` dates every file.
    """
    from generator.exports.offline import build_offline, offline_name
    from generator.exports.pdf import pdf_name

    out_dir.mkdir(parents=True, exist_ok=True)
    if trainer_dir is not None:
        trainer_dir.mkdir(parents=True, exist_ok=True)

    def target(lang: str, edition: str) -> Path:
        folder = trainer_dir if edition == "trainer" and trainer_dir is not None else out_dir
        return folder / pdf_name(lang, edition)

    workers = jobs or min(4, os.cpu_count() or 1)
    wanted = [(lang, edition) for lang in langs for edition in EDITIONS]
    made: list[Download] = []
    progress(f"laying out {len(wanted)} PDFs in {workers} process(es)")
    with ProcessPoolExecutor(max_workers=workers) as pool:
        futures = [pool.submit(_pdf_job, str(course.root), lang, edition, str(target(lang, edition)), epoch,
                               site_url, brand, target(lang, edition).parent == out_dir)
                   for lang, edition in wanted]
        for future in futures:
            done = future.result()
            progress(f"pdf {done.lang} {done.kind}: {done.name}, {done.pages} pages, {done.size / 1e6:.1f} MB "
                     f"in {done.seconds:.1f} s")
            made.append(done)
    for lang in langs:
        result = build_offline(course, out_dir / offline_name(lang), lang, progress, brand, epoch=epoch)
        made.append(Download(result.path.name, lang, "offline", result.size, seconds=result.seconds))
    return made


def _megabytes(size: int, strings: Strings) -> str:
    t = strings.print
    return format_number(max(size, 100_000) / 1e6, strings.cldr_locale, places=1) + "\u00a0" + str(t["megabytes"])


def downloads_markdown(strings: Strings, downloads: list[Download]) -> str:
    """The "Downloads" section of a home page, listing the files made for the language of `strings`."""
    t, lang = strings.print, strings.lang
    items = []
    for d in (d for d in downloads if d.lang == lang and d.published):
        if d.kind == "offline":
            items.append({"name": d.name, "mime": "application/zip", "label": t["offline_copy"],
                          "details": f"zip, {_megabytes(d.size, strings)}", "note": t["offline_note"]})
        else:
            items.append({"name": d.name, "mime": "application/pdf", "label": t[f"edition_{d.kind}"],
                          "details": f"{t['download_pdf']}, {d.pages} {t['pages']}, {_megabytes(d.size, strings)}",
                          "note": ""})
    if not items:
        return ""
    return "\n" + environment().get_template("downloads.md.j2").render(
        t=t, colon=strings.site["colon"], items=items).strip() + "\n"
