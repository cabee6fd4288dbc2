"""Link targets read from the text: every target the CommonMark parse finds is among them, or the text says "unsure".

Validation parses a page only when one of its written targets looks broken (validate.check_links), so a
target the text reading missed would be a broken link never reported.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.course.markdown_scan import links, written_targets

REPO = Path(__file__).resolve().parent.parent
GOLDEN = yaml.safe_load((REPO / "tests" / "golden" / "links.yml").read_text(encoding="utf-8"))
SURE = {
    "golden": next(iter(GOLDEN["files"].values())),
    "inline over two lines": "See [the lesson](\n  02-smart.md\n  \"Its title\").\n",
    "definition target on the next line": "[a][ref] and [ref].\n\n[ref]:\n  ../02-x/01-y.md#part\n",
    "image and html": '![a chart](img/chart.png)\n\n<img src=\'c.png\'> <a href="my page.md">x</a>\n',
    "link in a list item's second paragraph": "- item\n\n    More in [the next one](03-next.md).\n",
    "admonition": '!!! tip "Next"\n    Read [this](02-smart.md) and [that][t].\n\n[t]: 03-t.md\n',
    "code": "```\n[in a fence](01-a.md)\n```\n\n    [indented code](01-b.md)\n\n`[span](01-c.md)`\n",
    "absolute and anchors": "[web](https://example.org/a.md) [top](#top) [root](/a.md) [mail](mailto:a@b.c)\n",
}
UNSURE = {
    "angle brackets": "[a](<my lesson.md>)\n",
    "balanced parentheses": "[a](lesson(2).md)\n",
    "escape": "[a](02\\-smart.md)\n",
    "entity": "[a](02-smart&#46;md)\n",
    "percent-encoding": "[a](02%2Dsmart.md)\n",
}


@pytest.mark.parametrize("body", SURE.values(), ids=SURE.keys())
def test_every_parsed_target_is_written(body: str) -> None:
    written = written_targets(body)
    assert written is not None
    assert {target for _, target in links(body)} <= set(written)


def test_the_text_reading_finds_what_the_parse_finds_and_what_code_holds() -> None:
    body = SURE["golden"]
    parsed = {target for _, target in links(body)}
    assert parsed == {"02-smart.md", "04-nowhere.md", "05-raw-html.md", "../01-basics/03-removed.md#a-heading"}
    assert set(written_targets(body) or []) == parsed | {"99-not-checked.md", "98-not-checked.md"}


@pytest.mark.parametrize("body", UNSURE.values(), ids=UNSURE.keys())
def test_a_target_the_parse_may_read_otherwise_sends_the_page_to_the_parse(body: str) -> None:
    assert written_targets(body) is None


def test_the_shipped_course_is_checked_without_a_parse() -> None:
    """Every page of the real course takes the quick path: its targets are written plainly."""
    bodies = [p.read_text(encoding="utf-8") for folder in ("modules", "pages") for p in (REPO / folder).rglob("*.md")]
    assert len(bodies) > 90
    for body in bodies:
        written = written_targets(body)
        assert written is not None
        assert {target for _, target in links(body)} <= set(written)
