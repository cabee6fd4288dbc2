"""`coursegen serve`: one language previewed by MkDocs with live reload.

The serve options (the hook that re-renders the docs tree, the source folders to watch, no
strict mode) are the engine's business: the CLI only names the course, the language and the address.
"""

from __future__ import annotations

import contextlib
import logging
import signal
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from generator.course.model import Course
from generator.engine import adapter as engine
from generator.engine.options import LanguageBuild
from generator.render.docs import render_docs, write_tree

HOOK = Path(__file__).with_name("hook.py")
# The sources; the generated docs tree is not watched (hook.on_serve). theme/strings and course.yml: a
# translator's edit of a catalogue, or a language's name, shows at once.
WATCHED = ("modules", "quizzes", "pages", "theme/strings", "course.yml")


def serve_options(course: Course, lang: str, others: Path | None = None) -> dict[str, Any]:
    """The settings a preview adds to a language's configuration, and what the hook reads back.

    `others`: a folder holding the other languages' builds (`others/<code>/`), served beside the preview."""
    root = course.root
    return {
        "hooks": [str(HOOK)],
        "watch": [str(root / d) for d in WATCHED if (root / d).exists()],
        # Warnings should not stop a preview the author is fixing.
        "strict": False,
        # Read by the hook: the course to re-render, and the interface strings its scripts take
        # (kept from the last good load, so a broken edit still previews the last good version).
        "coursegen_serve": {"root": str(root), "lang": lang, "strings": course.strings[lang].sections,
                            "others": str(others) if others else "",
                            "other_languages": [code for code in course.languages if code != lang]},
    }


@contextlib.contextmanager
def stopped_by_sigterm() -> Iterator[None]:
    """SIGTERM (a service manager, `kill`, a closed terminal tab) stops the preview as Ctrl-C does, so that
    MkDocs and this module remove their temporary folders instead of leaving them behind."""
    def interrupt(*_: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def serve(course: Course, lang: str, dev_addr: str,
          build_others: Callable[[Path], None] | None = None) -> None:
    """Serve `lang` with live reload on `http://dev_addr/<lang>/`; the hook re-renders the docs tree on
    each rebuild. `build_others(folder)` builds the other languages into `folder/<code>/`, served beside it."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    with tempfile.TemporaryDirectory(prefix="coursegen-serve-") as work, stopped_by_sigterm():
        others = Path(work) / "others"
        if build_others is not None and len(course.languages) > 1:
            build_others(others)
        docs = Path(work) / "docs"
        tree = render_docs(course, lang)
        write_tree(tree, docs)
        # A preview is not a release: MkDocs dates its pages by the clock (the epoch is not read here). Each
        # language in its own folder, as in a build: the switcher's `../<other>/` links then land.
        build = LanguageBuild(lang, Path(work) / "site", epoch=0, site_url=f"http://{dev_addr}/")
        config = engine.language_config(course, build, docs, tree.nav)
        options = serve_options(course, lang, others if others.is_dir() else None)
        config["extra"]["coursegen_serve"] = options.pop("coursegen_serve")
        config.update(options)
        logging.basicConfig(level=logging.INFO, format="%(message)s")
        mkdocs_serve(str(engine.write_config(config, Path(work) / "mkdocs.yml")), livereload=True,
                     dev_addr=dev_addr)
