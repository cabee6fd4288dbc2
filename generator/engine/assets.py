"""Shrink our own JS and CSS in a built site: comments and whitespace cost bytes on every phone.

Only the project's files in assets/cq/ are touched, never Material's. rjsmin and rcssmin
tokenise strings, regular expressions and comments properly; the regex rules they replaced
would let a string holding `/*` swallow the code after it. Measured on our seven files: 33.8 KB
raw became 31.2 KB with the old rules and 27.3 KB with these (gzip: 11.0 KB to 10.4 KB).

Two more steps keep a page within its 10 KB (issue 14 added attempts, pools, exam mode and the
home cards): a language's build keeps only its own block of each string table, and our ES5
scripts are parsed (calmjs.parse) and printed again with local names shortened.
"""

from __future__ import annotations

import functools
import hashlib
import re
from pathlib import Path

import rcssmin  # type: ignore[import-untyped]
import rjsmin  # type: ignore[import-untyped]

from generator.course import cache

# A table of interface strings: `var TEXT = {`, one `  xx: {` block per language, `};`.
_TABLE = re.compile(r"^(\s*)var TEXT = \{\n(.*?)^\1\};", re.S | re.M)
_LANG_BLOCK = re.compile(r"^(\s+)([a-z]{2,3}): \{\n.*?^\1\},?\n", re.S | re.M)


def one_language(text: str, lang: str) -> str:
    """Keep only `lang`'s block of each string table: a language's build never shows the others.

    Both languages of quiz.js and progress.js weigh about 0.6 KB gzipped more than one.
    A table without a block for `lang` is kept whole."""
    def table(match: re.Match[str]) -> str:
        blocks = list(_LANG_BLOCK.finditer(match.group(2)))
        if lang not in {b.group(2) for b in blocks}:
            return match.group(0)
        kept = "".join(b.group(0) for b in blocks if b.group(2) == lang)
        return f"{match.group(1)}var TEXT = {{\n{kept}{match.group(1)}}};"
    return _TABLE.sub(table, text)


def shorten_names(text: str) -> str:
    """Parse ES5 and print it again with local names shortened (globals and properties kept).

    A script that is not ES5 (the offline bundle's iframe-worker shim, copied from npm) is returned
    as it came: only our own scripts, written in ES5, are rewritten."""
    from calmjs.parse import es5
    from calmjs.parse.exceptions import ECMASyntaxError
    from calmjs.parse.unparsers.es5 import minify_print

    try:
        return str(minify_print(es5(text), obfuscate=True, obfuscate_globals=False))
    except ECMASyntaxError:
        return text


def minify(text: str, suffix: str) -> str:
    """The minified text of a `.js` or `.css` file."""
    out = shorten_names(str(rjsmin.jsmin(text))) if suffix == ".js" else rcssmin.cssmin(text)
    return str(out).strip() + "\n"


def minify_cached(text: str, suffix: str) -> str:
    """`minify`, remembered by content: parsing the scripts again costs half a second a language."""
    key = hashlib.sha256(suffix.encode() + b"\0" + _code_digest() + b"\0" + text.encode()).hexdigest()
    found = cache.load(key, "asset")
    if isinstance(found, str):
        return found
    out = minify(text, suffix)
    cache.store(key, out, "asset", keep=64)
    return out


@functools.cache
def _code_digest() -> bytes:
    return Path(__file__).read_bytes() + cache.versions("rjsmin", "rcssmin", "calmjs.parse").encode()


def minify_tree(folder: Path, lang: str | None = None) -> int:
    """Minify every .js and .css file directly in `folder` (keeping `lang`'s strings only); return bytes saved."""
    saved = 0
    for path in sorted([*folder.glob("*.js"), *folder.glob("*.css")]) if folder.is_dir() else []:
        before = path.read_text(encoding="utf-8")
        after = minify_cached(one_language(before, lang) if lang else before, path.suffix)
        path.write_text(after, encoding="utf-8")
        saved += len(before.encode()) - len(after.encode())
    return saved
