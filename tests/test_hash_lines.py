"""A line that starts with `#word` (a hashtag a paragraph wrapped there) is named by `coursegen check`, at its line:
the site makes it a heading, most previews show it as text. A warning, fatal with --strict."""

from __future__ import annotations

from pathlib import Path

import markdown

from tests.test_cli import run

LESSON = """---
title: Goal first
description: Why a goal comes before a page.
---

## Why it matters

A florist posts her bouquet with a caption and three tags,
#bouquetdemariée and #fleuriste, then the offer of the week.

Tags are written \\#mariage in the text, or in `#code`, or mid-line like #this one.

```text
#in-a-fence is code
```

!!! tip "A hashtag in a box"
    The caption reads
    ##lyon fleurs
"""


def test_the_site_renderer_makes_a_wrapped_hashtag_a_heading() -> None:
    # Why the rule exists: Python-Markdown (MkDocs) needs no space after '#', CommonMark does.
    html = markdown.markdown("A caption with tags,\n#bouquetdemariée and #fleuriste.")
    assert "<h1>bouquetdemariée and #fleuriste.</h1>" in html


def test_check_names_each_line_that_starts_with_a_hashtag_and_strict_fails(course: Path) -> None:
    (course / "modules" / "01-basics" / "01-goal-first.md").write_text(LESSON, encoding="utf-8")
    result = run("check", cwd=course)
    assert result.returncode == 0, result.stderr
    warnings = [line.removeprefix("warning: ") for line in result.stderr.splitlines() if line.startswith("warning: ")]
    assert warnings == [
        "modules/01-basics/01-goal-first.md:9: the line starts with '#bouquetdemariée': the site makes it "
        "a heading (level 1), most previews show it as text; if it is text, write '\\#bouquetdemariée' or move it "
        "off the start of the line; if it is a heading, put a space after the '#' [content.hash_line]",
        "modules/01-basics/01-goal-first.md:19: the line starts with '##lyon': the site makes it a heading "
        "(level 2), most previews show it as text; if it is text, write '\\##lyon' or move it off the start of the "
        "line; if it is a heading, put a space after the '#' [content.hash_line]",
    ]
    assert run("check", "--strict", cwd=course).returncode == 1


def test_a_level_one_heading_after_the_first_line_is_an_error_at_its_line(course: Path) -> None:
    # The other half of a second <h1>: '# ' with its space is a real heading, refused anywhere in the body.
    lesson = LESSON.split("A florist")[0] + "A florist posts her bouquet.\n\n# Hashtags\n\nThree of them.\n"
    (course / "modules" / "01-basics" / "01-goal-first.md").write_text(lesson, encoding="utf-8")
    result = run("check", cwd=course)
    assert result.returncode == 1
    assert ("modules/01-basics/01-goal-first.md:10: a level-one heading: the page title is added for you, start "
            "headings at '##' [content.h1]") in result.stderr
