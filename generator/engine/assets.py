"""Shrink our own JS and CSS in a built site: comments and whitespace cost bytes on every phone.

Only the project's files in assets/cq/ are touched, never Material's. rjsmin and rcssmin
tokenise strings, regular expressions and comments properly; the regex rules they replaced
would let a string holding `/*` swallow the code after it. Measured on our seven files: 33.8 KB
raw became 31.2 KB with the old rules and 27.3 KB with these (gzip: 11.0 KB to 10.4 KB).
"""

from __future__ import annotations

from pathlib import Path

import rcssmin  # type: ignore[import-untyped]
import rjsmin  # type: ignore[import-untyped]


def minify(text: str, suffix: str) -> str:
    """The minified text of a `.js` or `.css` file."""
    out = rjsmin.jsmin(text) if suffix == ".js" else rcssmin.cssmin(text)
    return str(out).strip() + "\n"


def minify_tree(folder: Path) -> int:
    """Minify every .js and .css file directly in `folder`; return the bytes saved."""
    saved = 0
    for path in sorted([*folder.glob("*.js"), *folder.glob("*.css")]) if folder.is_dir() else []:
        before = path.read_text(encoding="utf-8")
        after = minify(before, path.suffix)
        path.write_text(after, encoding="utf-8")
        saved += len(before.encode()) - len(after.encode())
    return saved
