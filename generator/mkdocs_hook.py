"""MkDocs hook used by `coursegen serve`: re-render the docs tree before each rebuild.

MkDocs watches modules/, quizzes/ and pages/ (the `watch` setting); when a lesson or a
quiz changes it rebuilds, and this hook renders the changed sources into the docs tree
first. MkDocs also watches its docs_dir, where this hook writes: `on_serve` stops that,
or every saved file cost two full rebuilds (measured by bench/preview.py).
"""

from __future__ import annotations

import contextlib
from typing import Any


def on_pre_build(config: Any, **_: Any) -> None:
    from generator.build import rerender_for_serve

    settings = config["extra"]["coursegen_serve"]
    rerender_for_serve(settings["root"], settings["lang"], config["docs_dir"])


def on_serve(server: Any, config: Any, **_: Any) -> Any:
    # The docs tree is generated: its sources (modules/, quizzes/, pages/) are what we watch.
    # KeyError: not watched (an older or newer MkDocs), nothing to undo.
    with contextlib.suppress(KeyError):
        server.unwatch(config["docs_dir"])
    return server
