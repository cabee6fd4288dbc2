"""Orchestrate a build: load and validate once, render each language, swap into place."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from generator import LANGUAGES
from generator.brand import Brand
from generator.brand_site import write_docs
from generator.i18n import STRINGS
from generator.loader import load_course
from generator.model import Course
from generator.output import output_lock, publish_dir, publish_file, staging_dir
from generator.problems import ContentError, Problems
from generator.render_quiz import environment
from generator.site import fill_slots, render_docs, write_tree
from generator.validate import validate

Progress = Callable[[str], None]
NAMES = {"en": "English", "fr": "Français"}
STATS_SCRIPT = "assets/cq/stats.js"
STATS_IMAGE = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\n'


def load_valid_course(root: Path, languages: tuple[str, ...] = LANGUAGES) -> Course:
    """Load and validate the course under `root`; raise ContentError listing every problem."""
    problems = Problems(root)
    course = load_course(root, languages, problems)
    if not problems:
        validate(course, problems)
    if problems:
        raise ContentError(problems.sorted())
    return course


def build_language(course: Course, lang: str, out_dir: Path, site_url: str | None = None,
                   brand: Brand | None = None, extra_javascript: list[str] | None = None,
                   languages: tuple[str, ...] | None = None, home_extra: str = "", stats: bool = False) -> None:
    """Render and build one language into `out_dir` (which must not exist yet).

    `languages` limits the language switcher (a SCORM package holds one language only);
    `stats` loads the completion-count script (web portal of a brand that opted in).
    """
    if stats:
        extra_javascript = [*(extra_javascript or []), STATS_SCRIPT]
    from generator import engine  # the site engine is imported only where a site is built

    tree = render_docs(course, lang, issuer=brand.name.get(lang) if brand else None, slots=True)
    if home_extra:  # the Downloads section, when `build --downloads` made the files
        tree.files["index.md"] += home_extra
    with tempfile.TemporaryDirectory(prefix=f"coursegen-{lang}-") as work:
        docs = Path(work) / "docs"
        write_docs(tree, docs, brand)
        config = engine.language_config(course.root, lang, docs, out_dir, tree.nav, languages or course.languages,
                                        site_url=site_url, site_name=course.title(lang), brand=brand,
                                        extra_javascript=extra_javascript)
        engine.build_site(engine.write_config(config, Path(work) / "mkdocs.yml"))
    fill_slots(out_dir, tree.fragments)


def _build_language_job(root: str, lang: str, out_dir: str, languages: tuple[str, ...],
                        site_url: str | None, brand: Brand | None = None, home_extra: str = "") -> None:
    build_language(load_valid_course(Path(root), languages), lang, Path(out_dir), site_url, brand,
                   home_extra=home_extra, stats=bool(brand and brand.completion_stats))


def write_stats_files(course: Course, site: Path) -> None:
    """The empty images a learner's browser requests on a pass or a certificate (see stats.py)."""
    for name in [*(f"passed/{quiz.id}" for quiz in course.quizzes.values() if quiz.kind == "module"), "certificate"]:
        path = site / "stats" / f"{name}.svg"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(STATS_IMAGE, encoding="utf-8")


def write_chooser(course: Course, out: Path, index: str = "") -> None:
    """The language chooser at the top; `index="index.html"` for copies read over file://."""
    html = environment().get_template("chooser.html.j2").render(
        languages=list(course.languages), names=NAMES, index=index,
        titles={lang: course.title(lang) or STRINGS[lang]["course_title"] for lang in course.languages},
        choose={lang: STRINGS[lang]["choose_language"] for lang in course.languages},
    )
    (out / "index.html").write_text(html, encoding="utf-8")


def _build_into(course: Course, root: Path, staging: Path, chosen: tuple[str, ...], jobs: int, progress: Progress,
                site_url: str | None, brand: Brand | None, downloads: bool) -> None:
    home: dict[str, str] = {}
    if downloads:
        from generator.downloads import downloads_markdown, make_downloads

        made = make_downloads(course, staging / "downloads", chosen, progress, site_url=site_url, brand=brand)
        home = {lang: downloads_markdown(lang, made) for lang in chosen}
    if jobs > 1 and len(chosen) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(_build_language_job, str(root), lang, str(staging / lang), course.languages,
                                   site_url, brand, home.get(lang, ""))
                       for lang in chosen]
            for lang, future in zip(chosen, futures, strict=True):
                future.result()
                progress(f"built {lang}")
    else:
        for lang in chosen:
            progress(f"building {lang}")
            build_language(course, lang, staging / lang, site_url, brand, home_extra=home.get(lang, ""),
                           stats=bool(brand and brand.completion_stats))
    write_chooser(course, staging)
    if brand and brand.completion_stats:
        write_stats_files(course, staging)


def build(root: Path, site_dir: Path, langs: tuple[str, ...] | None = None, jobs: int = 1,
          progress: Progress = lambda _: None, site_url: str | None = None, brand: Brand | None = None,
          downloads: bool = False) -> Course:
    """Build the portal into `site_dir`; on any problem nothing in `site_dir` changes.

    `downloads` also makes the PDFs and offline zips into `downloads/` and lists them on each home page.
    """
    course = load_valid_course(root)
    site_url = site_url or (brand.site_url if brand else None)
    chosen = langs or course.languages
    site_dir = site_dir.resolve()
    with output_lock(site_dir):
        staging = staging_dir(site_dir)
        try:
            _build_into(course, root, staging, chosen, jobs, progress, site_url, brand, downloads)
            if langs is None or not site_dir.exists():
                publish_dir(staging, site_dir, warn=progress)
            else:  # one language rebuilt: the others stay as they are
                for lang in chosen:
                    publish_dir(staging / lang, site_dir / lang, warn=progress)
                publish_file(staging / "index.html", site_dir / "index.html")
                if downloads:
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


def rerender_for_serve(root: str, lang: str, docs_dir: str) -> None:
    """Called by the MkDocs hook during `serve`: refresh the docs tree, or keep it and say why."""
    try:
        course = load_valid_course(Path(root))
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, flush=True)
        print(f"{len(exc.problems)} problem(s): the preview shows the last good version", flush=True)
        return
    write_tree(render_docs(course, lang), Path(docs_dir))
