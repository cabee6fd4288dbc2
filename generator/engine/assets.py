"""Shrink our own JS and CSS in a built site: comments and whitespace cost bytes on every phone.

Only the project's files in assets/cq/ are touched, never Material's. rjsmin and rcssmin
tokenise strings, regular expressions and comments properly; the regex rules they replaced
would let a string holding `/*` swallow the code after it. Measured on our seven files: 33.8 KB
raw became 31.2 KB with the old rules and 27.3 KB with these (gzip: 11.0 KB to 10.4 KB).

Two more steps keep a page within its 10 KB (issue 14 added attempts, pools, exam mode and the
home cards): a language's build writes in only its own string tables, and our ES5
scripts are parsed (calmjs.parse) and printed again with local names shortened.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import rcssmin  # type: ignore[import-untyped]
import rjsmin  # type: ignore[import-untyped]

from generator.course import cache

if TYPE_CHECKING:
    from generator.course.catalogue import Strings

# What every script of ours uses (strings, queries, mounting, numbers, scoring): it loads before them all.
CORE_SCRIPT = "assets/cq/core.js"
# Where a script takes its language's interface strings: `var TEXT = {/*strings:quiz_js*/};`.
_STRINGS_SLOT = re.compile(r"\{/\*strings:(\w+)\*/\}")
_NAME = re.compile(r"^[A-Za-z_$][\w$]*$")


def js_literal(table: dict[str, str]) -> str:
    """A JS object literal of texts, keys unquoted where they can be: a page pays for every byte."""
    return "{" + ",".join(f"{k if _NAME.match(k) else json.dumps(k)}:{json.dumps(v, ensure_ascii=False)}"
                          for k, v in table.items()) + "}"


def script_order(scripts: list[Any]) -> list[Any]:
    """`extra_javascript` with core.js first (once) when any script of ours is listed.

    A course's mkdocs.yml written before core.js existed lists quiz.js alone; its pages must still work."""
    if not any(isinstance(s, str) and s.startswith("assets/cq/") for s in scripts):
        return scripts
    rest = [s for i, s in enumerate(scripts) if s != CORE_SCRIPT and (not isinstance(s, str) or s not in scripts[:i])]
    return [CORE_SCRIPT, *rest]


def fill_strings(text: str, strings: Strings) -> str:
    """Write one language's tables (sections of its catalogue) into a script's `{/*strings:…*/}` slots.

    Only that language travels to the browser: a page never carries the others."""
    return _STRINGS_SLOT.sub(lambda m: js_literal(strings.table(m.group(1))), text)


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


def fill_tree(folder: Path, strings: Strings) -> None:
    """Write one language's interface `strings` into every script directly in `folder` (a preview: no minifying)."""
    for path in sorted(folder.glob("*.js")) if folder.is_dir() else []:
        before = path.read_text(encoding="utf-8")
        if _STRINGS_SLOT.search(before):
            path.write_text(fill_strings(before, strings), encoding="utf-8")


def minify_tree(folder: Path, strings: Strings | None = None) -> int:
    """Minify every .js and .css file directly in `folder`, with a language's `strings` written in.

    Returns the bytes saved."""
    saved = 0
    for path in sorted([*folder.glob("*.js"), *folder.glob("*.css")]) if folder.is_dir() else []:
        before = path.read_text(encoding="utf-8")
        after = minify_cached(fill_strings(before, strings) if strings else before, path.suffix)
        path.write_text(after, encoding="utf-8")
        saved += len(before.encode()) - len(after.encode())
    return saved
