"""A warning for a Markdown line that starts with `#` but is not written as a heading (`#bouquetdemariée`).

CommonMark wants a space after the `#` of a heading, so most renderers (GitHub, editors' previews) show
`#word` as text; Python-Markdown, which builds the site, does not: a hashtag that a wrapped paragraph
puts at the start of a line becomes a heading there, a second level-one title in the middle of a
lesson (found in 07-03, fr). The author sees text in the preview and a title on the site, so the line
is named, with what to write instead. A warning, fatal with `check --strict`: `\\#` or rewrapping fixes it.
A `# ` heading with its space is a real heading, and a level-one one is `content.h1` (validate.py).
"""

from __future__ import annotations

import re

from generator.course.markdown_scan import prose_lines
from generator.course.model import Course
from generator.course.problems import Problems

# One to six `#` then a character that is neither a space nor another `#`, at the start of a line once
# indentation is set aside (an admonition's or a list item's lines are read as blocks of their own).
HASH_WORD = re.compile(r"^\s*(#{1,6})(?=[^\s#])(\S*)")


def hash_lines(course: Course, problems: Problems) -> None:
    """Warn at each line of a page that starts with `#word`."""
    pages = [*course.page_by_slug().values(), *(m.trainer for m in course.modules if m.trainer)]
    for page in pages:
        for source in page.sources.values():
            for index, line in prose_lines(source.body):
                found = HASH_WORD.match(line)
                if not found:
                    continue
                word = found.group(1) + found.group(2)
                problems.add(source.path, source.body_line + index, "content.hash_line",
                             f"the line starts with '{word[:40]}': the site makes it a heading (level "
                             f"{len(found.group(1))}), most previews show it as text; if it is text, write "
                             f"'\\{word[:40]}' or move it off the start of the line; if it is a heading, put a "
                             "space after the '#'")
