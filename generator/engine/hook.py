"""MkDocs hook used by `coursegen serve`: re-render the docs tree before each rebuild.

MkDocs watches modules/, quizzes/ and pages/ (the `watch` setting); when a lesson or a
quiz changes it rebuilds, and this hook renders the changed sources into the docs tree
first. MkDocs also watches its docs_dir, where this hook writes: `on_serve` stops that,
or every saved file cost two full rebuilds (measured by bench/preview.py).
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from generator.course.catalogue import Strings
from generator.course.load import load_valid_course
from generator.course.model import Course
from generator.course.problems import ContentError, count_of
from generator.engine.assets import fill_tree
from generator.engine.serve_others import with_other_languages
from generator.render.docs import render_docs, write_tree


def on_pre_build(config: Any, **_: Any) -> None:
    """Re-render the docs tree from the sources before MkDocs rebuilds the preview."""
    settings = config["extra"]["coursegen_serve"]
    course = rerender_for_serve(settings["root"], settings["lang"], config["docs_dir"])
    if course is not None:  # the scripts take the texts of the course just loaded
        settings["strings"] = course.strings[settings["lang"]].sections
        # course.yml is watched too: a language's name or direction, as the switcher shows it.
        for language in config["extra"].get("alternate", []):
            language["name"], language["dir"] = course.name(language["lang"]), course.direction(language["lang"])


def on_post_build(config: Any, **_: Any) -> None:
    """Write the language's interface strings into our scripts, as a build does (without minifying)."""
    settings = config["extra"]["coursegen_serve"]
    fill_tree(Path(config["site_dir"]) / "assets" / "cq", Strings(settings["lang"], settings["strings"]))


def on_serve(server: Any, config: Any, **_: Any) -> Any:
    """Stop MkDocs watching the generated docs tree (its sources are watched instead), and serve the other
    languages' builds beside the live one."""
    # The docs tree is generated: its sources (modules/, quizzes/, pages/) are what we watch.
    # KeyError: not watched (an older or newer MkDocs), nothing to undo.
    with contextlib.suppress(KeyError):
        server.unwatch(config["docs_dir"])
    settings = config["extra"]["coursegen_serve"]
    if settings.get("others"):
        # set_app: the WSGI server's own way to change its application (MkDocs' live server is one).
        server.set_app(with_other_languages(server.serve_request, Path(settings["others"]),
                                            settings["other_languages"]))
    return server


def rerender_for_serve(root: str, lang: str, docs_dir: str) -> Course | None:
    """Called by the MkDocs hook during `serve`: refresh the docs tree, or keep it and say why.

    Returns the course loaded, None when it has problems."""
    try:
        course = load_valid_course(Path(root))
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, flush=True)
        found = count_of(len(exc.problems), "problem", "problems")
        print(f"{found}: the preview shows the last good version", flush=True)
        return None
    write_tree(render_docs(course, lang), Path(docs_dir))
    return course
