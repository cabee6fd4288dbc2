"""`coursegen serve`: one language previewed by MkDocs with live reload.

The serve options (the hook that re-renders the docs tree, the source folders to watch, no
strict mode) are the engine's business: the CLI only names the course, the language and the address.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Any

from generator.course.model import Course
from generator.engine import adapter as engine
from generator.engine.options import LanguageBuild
from generator.render.docs import render_docs, write_tree

HOOK = Path(__file__).with_name("hook.py")
WATCHED = ("modules", "quizzes", "pages")  # the sources; the generated docs tree is not watched (hook.on_serve)


def serve_options(course: Course, lang: str) -> dict[str, Any]:
    """The settings a preview adds to a language's configuration, and what the hook reads back."""
    root = course.root
    return {
        "hooks": [str(HOOK)],
        "watch": [str(root / d) for d in WATCHED if (root / d).is_dir()],
        # Warnings should not stop a preview the author is fixing.
        "strict": False,
        # Read by the hook: the course to re-render, and the interface strings its scripts take
        # (kept from the last good load, so a broken edit still previews the last good version).
        "coursegen_serve": {"root": str(root), "lang": lang, "strings": course.strings[lang].sections},
    }


def serve(course: Course, lang: str, dev_addr: str) -> None:
    """Serve `lang` with live reload on `dev_addr`; the hook re-renders the docs tree on each rebuild."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    with tempfile.TemporaryDirectory(prefix="coursegen-serve-") as work:
        docs = Path(work) / "docs"
        tree = render_docs(course, lang)
        write_tree(tree, docs)
        # A preview is not a release: MkDocs dates its pages by the clock (the epoch is not read here).
        build = LanguageBuild(lang, Path(work) / "site", epoch=0)
        config = engine.language_config(course, build, docs, tree.nav)
        options = serve_options(course, lang)
        config["extra"]["coursegen_serve"] = options.pop("coursegen_serve")
        config.update(options)
        logging.basicConfig(level=logging.INFO, format="%(message)s")
        mkdocs_serve(str(engine.write_config(config, Path(work) / "mkdocs.yml")), livereload=True,
                     dev_addr=dev_addr)
