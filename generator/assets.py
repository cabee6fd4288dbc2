"""Shrink our own JS and CSS in a built site: comments and indentation cost bytes on every phone.

Only the project's files in assets/cq/ are touched, never Material's. CSS rules are
deliberately conservative, for code written here: block comments, whole-line `//` comments
and leading indentation go; nothing inside a line of code changes. JS is parsed (calmjs.parse,
an ES5 parser) and printed again with local names shortened: measured on the French build of
issue 14, quiz.js and progress.js went from 9.1 to 7.7 KB gzipped, which keeps our JS and CSS
within 10 KB a page. Only the language of the build keeps its string table. The browser tests
run against the result, so a rule that broke a script would fail them.
"""

from __future__ import annotations

import re
from pathlib import Path

_BLOCK = re.compile(r"/\*.*?\*/", re.S)
_LINE_COMMENT = re.compile(r"^\s*//.*\n", re.M)
_INDENT = re.compile(r"^[ \t]+", re.M)
_BLANK = re.compile(r"\n{2,}")
# A table of interface strings: `var TEXT = {`, one `  xx: {` block per language, `};`.
_TABLE = re.compile(r"^(\s*)var TEXT = \{\n(.*?)^\1\};", re.S | re.M)
_LANG_BLOCK = re.compile(r"^(\s+)([a-z]{2,3}): \{\n.*?^\1\},?\n", re.S | re.M)


def one_language(text: str, lang: str) -> str:
    """Keep only `lang`'s block of each string table: a language's build never shows the others.

    Both languages of quiz.js and progress.js weigh about 1.7 KB gzipped; one is enough per page.
    A table without a block for `lang` is kept whole."""
    def table(match: re.Match[str]) -> str:
        blocks = list(_LANG_BLOCK.finditer(match.group(2)))
        if lang not in {b.group(2) for b in blocks}:
            return match.group(0)
        kept = "".join(b.group(0) for b in blocks if b.group(2) == lang)
        return f"{match.group(1)}var TEXT = {{\n{kept}{match.group(1)}}};"
    return _TABLE.sub(table, text)


def minify(text: str) -> str:
    text = _BLOCK.sub("", text)
    text = _LINE_COMMENT.sub("", text)
    text = _INDENT.sub("", text)
    return _BLANK.sub("\n", text).strip() + "\n"


def minify_js(text: str) -> str:
    """Parse ES5 and print it with whitespace gone and local names shortened (globals and properties kept).

    A script that is not ES5 (the offline bundle's iframe-worker shim, copied from npm) is returned
    as it came: only our own scripts, written in ES5, are rewritten."""
    from calmjs.parse import es5
    from calmjs.parse.exceptions import ECMASyntaxError
    from calmjs.parse.unparsers.es5 import minify_print

    try:
        return str(minify_print(es5(text), obfuscate=True, obfuscate_globals=False)) + "\n"
    except ECMASyntaxError:
        return text


def minify_tree(folder: Path, lang: str | None = None) -> int:
    """Minify every .js and .css file directly in `folder` (keeping `lang`'s strings only); return bytes saved."""
    saved = 0
    for path in sorted([*folder.glob("*.js"), *folder.glob("*.css")]) if folder.is_dir() else []:
        before = path.read_text(encoding="utf-8")
        after = minify(one_language(before, lang) if lang else before)
        if path.suffix == ".js":
            after = minify_js(after)
        path.write_text(after, encoding="utf-8")
        saved += len(before.encode()) - len(after.encode())
    return saved
