"""`coursegen serve`: the engine's preview settings and the hook that re-renders the docs tree on each rebuild.

The hook runs inside MkDocs' rebuild loop; here its events are called as MkDocs calls them, with the
configuration the preview writes, so no server has to start.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.course.load import load_valid_course
from generator.engine import hook
from generator.engine.serve import HOOK, serve_options
from tests.conftest import REPO


def test_the_preview_rerenders_the_tree_and_writes_the_language_into_the_scripts(course: Path,
                                                                                 tmp_path: Path) -> None:
    loaded = load_valid_course(course)
    options = serve_options(loaded, "fr")
    assert options["hooks"] == [str(HOOK)] and options["strict"] is False
    assert options["watch"] == [str(course / d) for d in ("modules", "quizzes", "pages")]
    docs, site = tmp_path / "docs", tmp_path / "site"
    (site / "assets" / "cq").mkdir(parents=True)
    shutil.copy(REPO / "theme" / "assets" / "cq" / "quiz.js", site / "assets" / "cq" / "quiz.js")
    config = {"docs_dir": str(docs), "site_dir": str(site), "extra": {"coursegen_serve": options["coursegen_serve"]}}
    hook.on_pre_build(config)
    assert loaded.strings["fr"].site["quiz_intro"] in (docs / "01-basics" / "quiz.md").read_text(encoding="utf-8")
    hook.on_post_build(config)
    script = (site / "assets" / "cq" / "quiz.js").read_text(encoding="utf-8")
    assert "{/*strings:" not in script
    assert '"Pas tout à fait."' in script  # fr.yml's quiz_js texts, not English


def test_a_broken_edit_keeps_the_last_good_preview_and_its_texts(course: Path, tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    options = serve_options(load_valid_course(course), "fr")
    docs = tmp_path / "docs"
    config = {"docs_dir": str(docs), "site_dir": str(tmp_path / "site"),
              "extra": {"coursegen_serve": options["coursegen_serve"]}}
    hook.on_pre_build(config)
    before = (docs / "index.md").read_text(encoding="utf-8")
    quiz = next((course / "quizzes").glob("*.yml"))
    quiz.write_text(quiz.read_text(encoding="utf-8") + "\n  - broken: [\n", encoding="utf-8")
    hook.on_pre_build(config)
    assert "the preview shows the last good version" in capsys.readouterr().out
    assert (docs / "index.md").read_text(encoding="utf-8") == before
    assert config["extra"]["coursegen_serve"]["strings"] == options["coursegen_serve"]["strings"]
