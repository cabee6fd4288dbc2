"""Shrink our own JS and CSS in a built site: comments and indentation cost bytes on every phone.

Only the project's files in assets/cq/ are touched, never Material's. The rules are
deliberately conservative, for code written here: block comments, whole-line `//` comments
and leading indentation go; nothing inside a line of code changes. The browser tests run
against the result, so a rule that broke a script would fail them.
"""

from __future__ import annotations

import re
from pathlib import Path

_BLOCK = re.compile(r"/\*.*?\*/", re.S)
_LINE_COMMENT = re.compile(r"^\s*//.*\n", re.M)
_INDENT = re.compile(r"^[ \t]+", re.M)
_BLANK = re.compile(r"\n{2,}")


def minify(text: str) -> str:
    text = _BLOCK.sub("", text)
    text = _LINE_COMMENT.sub("", text)
    text = _INDENT.sub("", text)
    return _BLANK.sub("\n", text).strip() + "\n"


def minify_tree(folder: Path) -> int:
    """Minify every .js and .css file directly in `folder`; return the bytes saved."""
    saved = 0
    for path in sorted([*folder.glob("*.js"), *folder.glob("*.css")]) if folder.is_dir() else []:
        before = path.read_text(encoding="utf-8")
        after = minify(before)
        path.write_text(after, encoding="utf-8")
        saved += len(before.encode()) - len(after.encode())
    return saved
