"""Shrink our own JS and CSS in a built site: comments and whitespace cost bytes on every phone.

Only the project's files in assets/cq/ are touched, never Material's. rjsmin and rcssmin
tokenise strings, regular expressions and comments properly; the regex rules they replaced
would let a string holding `/*` swallow the code after it. Measured on our seven files: 33.8 KB
raw became 31.2 KB with the old rules and 27.3 KB with these (gzip: 11.0 KB to 10.4 KB).

Two more steps keep a page within its 10 KB (issue 14 added attempts, pools, exam mode and the
home cards): a language's build writes in only its own string tables, and our ES5
scripts are parsed (calmjs.parse) and printed again with local names shortened. That parse is
slow (half a second a language), so a script is minified with its string slots as placeholder
names, once for every language: from the copies shipped with the generator (shipped.py), else
from the user's cache, else at build time; the language's strings are written in afterwards.
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
from generator.engine import shipped

if TYPE_CHECKING:
    from generator.course.catalogue import Strings

# What every script of ours uses (strings, queries, mounting, numbers, scoring): it loads before them all.
CORE_SCRIPT = "assets/cq/core.js"
# Where a script takes its language's interface strings: `var TEXT = {/*strings:quiz_js*/};`.
_STRINGS_SLOT = re.compile(r"\{/\*strings:(\w+)\*/\}")
# The slot in a script template: a global name that minifying keeps as it is (`$` cannot be in a section's name).
_PLACEHOLDER = re.compile(r"\$cq_strings\$(\w+)\$")
_TIGHT = (",", ":")  # counted strings and CLDR tables are nested: no space after a separator
_NAME = re.compile(r"^[A-Za-z_$][\w$]*$")


def js_literal(table: dict[str, Any]) -> str:
    """A JS object literal of texts (or counted forms, CLDR tables), keys unquoted where they can be: a page pays
    for every byte."""
    return "{" + ",".join(f"{k if _NAME.match(k) else json.dumps(k)}:"
                          + json.dumps(v, ensure_ascii=False, separators=_TIGHT) for k, v in table.items()) + "}"


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


def script_template(text: str) -> str:
    """A script with its string slots turned into placeholder names, which minifying leaves in place."""
    return _STRINGS_SLOT.sub(lambda m: f"$cq_strings${m.group(1)}$", text)


def fill_template(text: str, catalogue: dict[str, Any] | None) -> str:
    """Write one language's tables into a (minified) template; without a catalogue the slots stay empty."""
    return _PLACEHOLDER.sub(lambda m: js_literal(catalogue[m.group(1)]) if catalogue else "{}", text)


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


def minify_script(text: str) -> str:
    """The minified text of a script, local names shortened."""
    return shorten_names(str(rjsmin.jsmin(text))).strip() + "\n"


def minify(text: str, suffix: str) -> str:
    """The minified text of a `.js` or `.css` file."""
    return minify_script(text) if suffix == ".js" else str(rcssmin.cssmin(text)).strip() + "\n"


def minified_script(name: str, template: str) -> str:
    """`minify_script` of a template: the shipped copy, else the user's cache, else parsed now and cached."""
    found = shipped.lookup(name, template)
    if found is not None:
        return found
    key = hashlib.sha256(b".js\0" + _code_digest() + b"\0" + template.encode()).hexdigest()
    cached = cache.load(key, "asset")
    if isinstance(cached, str):
        return cached
    out = minify_script(template)
    cache.store(key, out, "asset", keep=64)
    return out


@functools.cache
def _code_digest() -> bytes:
    return Path(__file__).read_bytes() + cache.versions("rjsmin", "calmjs.parse").encode()


def minify_file(name: str, text: str, catalogue: dict[str, Any] | None) -> str:
    """The minified text of our file `name` (.js or .css), with `catalogue`'s strings written into a script."""
    if not name.endswith(".js"):
        return minify(text, ".css")
    return fill_template(minified_script(name, script_template(text)), catalogue)


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
        after = minify_file(path.name, before, strings.sections if strings else None)
        path.write_text(after, encoding="utf-8")
        saved += len(before.encode()) - len(after.encode())
    return saved
