"""Search in languages written without spaces between words: a word in the middle of a Japanese or
Chinese sentence finds its page. Material cuts Japanese into words in the browser (lunr.ja with
TinySegmenter), and Chinese at build time (jieba puts a zero-width space between words, which its Chinese
separator splits at). Measured: with mkdocs.yml's course-wide separator alone, the Chinese word is not
found; with Material's Chinese separator merged in per language (generator/engine/search.py), it is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from generator.cli.main import main
from generator.engine.search import material_separator, union
from tests.shared import Shared
from tests.test_search import search

# A lesson per language whose text holds the word searched, mid-sentence, and a home page that does not.
LESSONS = {
    "ja": ("目標を決める", "お店のページを開く前に、まず目標を決めましょう。数字と日付があれば測れます。", "目標"),
    "zh": ("先定目标", "在开设店铺页面之前，先确定一个目标。有数字和日期的目标才能衡量。", "目标"),
}
HOME = {"ja": "小さなお店のためのソーシャルメディア講座です。", "zh": "这是一门面向小商店的社交媒体课程。"}


def _make(folder: Path) -> None:
    root = folder / "course"
    assert main(["init", str(root), "--languages", "ja,zh", "-q"]) == 0
    for lang, sfx in (("ja", ""), ("zh", ".zh")):
        title, text, _ = LESSONS[lang]
        home = f"---\ntitle: {title}\ndescription: {title}\n---\n\n{HOME[lang]}\n"
        (root / "pages" / f"index{sfx}.md").write_text(home, encoding="utf-8")
        lesson = root / "modules" / "01-first-module" / f"01-first-lesson{sfx}.md"
        lesson.write_text(f"---\ntitle: {title}\ndescription: {title}\n---\n\n## {title}\n\n{text}\n\n"
                          "[[question:01-first-module-checks/first-check]]\n", encoding="utf-8")
    assert main(["--root", str(root), "-q", "build"]) == 0


@pytest.fixture(scope="session")
def built_cjk(shared: Shared) -> Path:
    """A two-language course (Japanese, Chinese) made by init, its lessons rewritten; its site/ folder."""
    return shared.build("cjk", _make) / "course" / "site"


@pytest.mark.browser
@pytest.mark.parametrize("lang", ["ja", "zh"])
def test_a_word_inside_a_sentence_finds_its_lesson(page: Any, built_cjk: Path, serve: Any, lang: str) -> None:
    page.goto(f"{serve(built_cjk)}/{lang}/")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    _, links = search(page, LESSONS[lang][2])
    assert any("01-first-lesson" in link for link in links), links


def test_each_language_splits_where_material_does_and_where_the_course_does() -> None:
    ours = "[\\s\\-’']+"
    assert union(ours, material_separator("en")) == ours  # Material's default adds nothing: kept as written
    assert union(ours, material_separator("fr")) == ours  # no separator of its own
    assert union(ours, material_separator("zh")) == "[\\s\\-’'\\u200b\\u3000、。，．？！；]+"
    assert union(ours, material_separator("ja")) == "[\\s\\-’'\u3000、。，．]+"
    assert union("(?:x)", material_separator("zh")) == "(?:x)"  # an author's own pattern is theirs
