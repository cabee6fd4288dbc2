"""Build one language of the course with the site engine: render the docs tree, run MkDocs, fill the quiz slots."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from generator.course.model import Course
from generator.engine import adapter as engine
from generator.engine.offline_reading import WORKER, write_worker
from generator.render.brand import write_docs
from generator.render.docs import render_docs

if TYPE_CHECKING:
    from generator.course.brand import Brand

STATS_SCRIPT = "assets/cq/stats.js"


def build_language(course: Course, lang: str, out_dir: Path, site_url: str | None = None,
                   brand: Brand | None = None, extra_javascript: list[str] | None = None,
                   languages: tuple[str, ...] | None = None, home_extra: str = "", stats: bool = False) -> None:
    """Render and build one language into `out_dir` (which must not exist yet).

    `languages` limits the language switcher (a SCORM package holds one language only);
    `stats` loads the completion-count script (web portal of a brand that opted in).
    """
    if stats:
        extra_javascript = [*(extra_javascript or []), STATS_SCRIPT]
    tree = render_docs(course, lang, issuer=brand.name.get(lang) if brand else None, slots=True)
    if home_extra:  # the Downloads section, when `build --downloads` made the files
        tree.files["index.md"] += home_extra
    with tempfile.TemporaryDirectory(prefix=f"coursegen-{lang}-") as work:
        docs = Path(work) / "docs"
        write_docs(tree, docs, brand)
        config = engine.language_config(course, lang, docs, out_dir, tree.nav, languages or course.languages,
                                        site_url=site_url, site_name=course.title(lang), brand=brand,
                                        extra_javascript=extra_javascript, unlisted=tree.unlisted)
        offline = brand is None or brand.offline_reading
        if offline:  # pages name the worker that a11y.js registers (theme/main.html)
            config["extra"]["cq_offline"] = WORKER
        engine.build_site(engine.write_config(config, Path(work) / "mkdocs.yml"), slots=tree.fragments)
    write_worker(out_dir, offline)
