"""Orchestrate a build: load and validate once, render each language, swap into place."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from generator.course.load import load_valid_course
from generator.course.model import Course
from generator.engine.language import build_language
from generator.engine.options import LanguageBuild
from generator.output import build_epoch, output_lock, publish_dir, publish_file, staging_dir
from generator.render.chooser import write_chooser

if TYPE_CHECKING:
    from generator.course.brand import Brand

Progress = Callable[[str], None]


@dataclass(frozen=True)
class BuildOptions:
    """What a build makes, beyond the course itself: one value instead of a long argument list.

    `langs`: the languages to build (default: all of the course's; one rebuilt leaves the others as they are).
    `epoch`: the build date every output carries (default: the course's, output.build_epoch).
    `downloads`: also make the PDFs and offline zips into `downloads/` and list them on each home page.
    The trainer edition holds every answer: it goes to `trainer_dir` (default: `trainer/` beside the site),
    outside the published site, unless the brand sets `publish_trainer: true`.
    """

    langs: tuple[str, ...] | None = None
    jobs: int = 1
    site_url: str | None = None
    brand: Brand | None = None
    downloads: bool = False
    trainer_dir: Path | None = None
    epoch: int | None = None


STATS_IMAGE = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n'


def write_stats_files(course: Course, site: Path) -> None:
    """The empty images a learner's browser requests on a pass or a certificate (see stats.py)."""
    for name in [*(f"passed/{quiz.id}" for quiz in course.quizzes.values() if quiz.kind == "module"), "certificate"]:
        path = site / "stats" / f"{name}.svg"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(STATS_IMAGE, encoding="utf-8")


def _build_into(course: Course, staging: Path, chosen: tuple[str, ...], options: BuildOptions, epoch: int,
                progress: Progress) -> None:
    brand, jobs = options.brand, options.jobs
    site_url = options.site_url or (brand.site_url if brand else None)
    home: dict[str, str] = {}
    if options.downloads:
        from generator.exports.downloads import downloads_markdown, make_downloads

        # The trainer edition holds every answer: kept out of the published site unless the brand opts in.
        private = None if brand is not None and brand.publish_trainer else staging / "trainer"
        made = make_downloads(course, staging / "downloads", chosen, epoch, progress, site_url=site_url, brand=brand,
                              trainer_dir=private)
        home = {lang: downloads_markdown(course.strings[lang], made) for lang in chosen}
    builds = [LanguageBuild(lang, staging / lang, epoch, site_url=site_url, brand=brand, home_extra=home.get(lang, ""),
                            stats=bool(brand and brand.completion_stats)) for lang in chosen]
    if jobs > 1 and len(chosen) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            # The validated Course (with its interface strings) and the build date travel to the
            # workers as values (they pickle): loaded, checked and dated once.
            futures = [pool.submit(build_language, course, one) for one in builds]
            for one, future in zip(builds, futures, strict=True):
                future.result()
                progress(f"built {one.lang}")
    else:
        for one in builds:
            progress(f"building {one.lang}")
            build_language(course, one)
    write_chooser(course, staging)
    if brand and brand.completion_stats:
        write_stats_files(course, staging)


def _move_trainer(staging: Path, target: Path, progress: Progress) -> None:
    """Move the trainer edition made in `staging/trainer` to `target`, outside the published site."""
    made = staging / "trainer"
    if not made.exists():
        return
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(made.iterdir()):
        shutil.move(str(path), str(target / path.name))
    made.rmdir()
    progress(f"trainer edition (every answer) in {target}, outside the published site")


def build(root: Path, site_dir: Path, options: BuildOptions = BuildOptions(),
          progress: Progress = lambda _: None) -> Course:
    """Build the portal into `site_dir` (see BuildOptions); on any problem nothing in `site_dir` changes."""
    course = load_valid_course(root)
    epoch = build_epoch(course.root) if options.epoch is None else options.epoch
    langs = options.langs
    chosen = langs or course.languages
    unreviewed = [course.name(lang) for lang in chosen if not course.strings[lang].reviewed]
    if unreviewed:  # one notice per build: the host should know before publishing
        progress(f"notice: the interface texts in {', '.join(unreviewed)} have not been reviewed by a native "
                 "speaker yet (reviewed: false in their catalogue): a native speaker's corrections go into a copy "
                 "in the course's theme/strings/, with reviewed: true")
    site_dir = site_dir.resolve()
    with output_lock(site_dir):
        staging = staging_dir(site_dir)
        try:
            _build_into(course, staging, chosen, options, epoch, progress)
            _move_trainer(staging, (options.trainer_dir or site_dir.parent / "trainer").resolve(), progress)
            if langs is None or not site_dir.exists():
                publish_dir(staging, site_dir, warn=progress)
            else:  # one language rebuilt: the others stay as they are
                for lang in chosen:
                    publish_dir(staging / lang, site_dir / lang, warn=progress)
                publish_file(staging / "index.html", site_dir / "index.html")
                if options.downloads:
                    (site_dir / "downloads").mkdir(exist_ok=True)
                    for made_file in sorted((staging / "downloads").iterdir()):
                        target = site_dir / "downloads" / made_file.name
                        if made_file.is_dir():
                            publish_dir(made_file, target, warn=progress)
                        else:
                            publish_file(made_file, target)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return course
