"""Build one language of the course: render the docs tree, write it, configure and run the engine.

One sequence for every output: the web portal, and the portable build (file://, LMS packages)
that engine/portable.py configures. Quiz HTML goes in after MkDocs (slots), so no search index
holds the answers.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from generator.course.model import Course
from generator.engine import adapter as engine
from generator.engine import portable
from generator.engine.brand import write_brand_assets
from generator.engine.offline_reading import WORKER, write_worker
from generator.engine.options import LanguageBuild
from generator.render.brand import add_brand_pages
from generator.render.docs import render_docs, write_tree


def build_language(course: Course, build: LanguageBuild) -> None:
    """Render and build one language as `build` asks, into `build.out_dir` (which must not exist yet)."""
    lang, brand = build.lang, build.brand
    strings = course.strings[lang]
    # Before any work: the shim may be missing. Only file:// needs it (an LMS serves the package over http).
    shim = portable.find_shim(course.root) if build.portable and build.file_urls else None
    tree = render_docs(course, lang, directory_urls=not build.portable,
                       issuer=brand.name.get(lang) if brand else None, slots=True,
                       time_factor=brand.time_factor if brand else 1.0,
                       attestation=brand is not None and brand.certificate == "attestation")
    if build.home_extra:  # the Downloads section, when `build --downloads` made the files
        tree.files["index.md"] += build.home_extra
    if brand is not None:
        add_brand_pages(tree, brand, strings, course)
    with tempfile.TemporaryDirectory(prefix=f"coursegen-{'portable-' if build.portable else ''}{lang}-") as work:
        docs = Path(work) / "docs"
        write_tree(tree, docs)
        if brand is not None:
            write_brand_assets(brand, docs)
        config = engine.language_config(course, build, docs, tree.nav, tree.unlisted)
        # Offline reading (a service worker) on the web portal only: never in an offline zip or an LMS package.
        offline = not build.portable and (brand is None or brand.offline_reading)
        if offline:  # pages name the worker that a11y.js registers (theme/main.html)
            config["extra"]["cq_offline"] = WORKER
        if build.portable:
            portable.make_portable(config, docs, shim, len(build.languages or course.languages))
        engine.build_site(engine.write_config(config, Path(work) / "mkdocs.yml"), tree.fragments, strings,
                          build.epoch)
    if not build.portable:
        write_worker(build.out_dir, offline)  # without offline reading, a worker that removes an earlier one
