"""MkDocs hook used by `coursegen serve`: re-render the docs tree before each rebuild.

MkDocs watches modules/, quizzes/ and pages/ (the `watch` setting); when a lesson or a
quiz changes it rebuilds, and this hook renders the changed sources into the docs tree
first. Only changed files are written, so the rebuild does not trigger another one.
"""

from __future__ import annotations

from typing import Any


def on_pre_build(config: Any, **_: Any) -> None:
    from generator.build import rerender_for_serve

    settings = config["extra"]["coursegen_serve"]
    rerender_for_serve(settings["root"], settings["lang"], config["docs_dir"])
