"""The search plugin's word separator for one language: the course's, plus what Material's own needs there.

mkdocs.yml sets one separator for every language (ours splits at apostrophes too, so that "outil" finds
"l’outil"). Material ships its own per language in partials/languages/<lang>.html, and for Chinese and
Japanese it carries what their segmentation relies on: the zero-width space that the search plugin puts
between Chinese words (with jieba installed), the ideographic space and the CJK full stop and commas
(`[\\s\\u200b\\u3000\\-、。，．？！；]+`). A course-wide separator would drop them, and a Chinese or Japanese
sentence would index as one word. So the separator of each language is the union of both character classes;
where Material's adds nothing (English, French, German...), the course's is kept exactly as written.
"""

from __future__ import annotations

import json
import re
from importlib.resources import files
from typing import Any

CLASS = re.compile(r"^\[([^\]]*)\]\+$")
# One member of a character class: an escape (\s, \-, \u200b) or one character.
MEMBER = re.compile(r"\\u[0-9a-fA-F]{4}|\\.|.", re.DOTALL)
KEY = '"search.config.separator": '


def material_separator(lang: str) -> str | None:
    """Material's own separator for `lang` (None when Material does not translate into it or keeps its
    default, which partials/languages/en.html gives: `[\\s\\-]+`)."""
    partial = files("material") / "templates" / "partials" / "languages" / f"{lang}.html"
    if not partial.is_file():
        return None
    lines = partial.read_text(encoding="utf-8").splitlines()
    line = next((line for line in lines if line.strip().startswith(KEY)), None)
    return str(json.loads(line.strip().removeprefix(KEY).rstrip(","))) if line else None


def union(ours: str, material: str | None) -> str:
    """`ours` with the members of Material's class it lacks; `ours` unchanged when either is not a plain
    `[...]+` class (an author's own pattern is theirs) or when Material's adds nothing."""
    mine, theirs = CLASS.match(ours), CLASS.match(material or "")
    if not (mine and theirs):
        return ours
    have = MEMBER.findall(mine.group(1))
    extra = [m for m in MEMBER.findall(theirs.group(1)) if m not in have]
    return f"[{mine.group(1)}{''.join(dict.fromkeys(extra))}]+" if extra else ours


def set_separator(config: dict[str, Any], lang: str) -> None:
    """Give the search plugin of one language's configuration the separator `lang` needs (see above)."""
    for entry in config.get("plugins") or []:
        if isinstance(entry, dict) and isinstance(entry.get("search"), dict):
            options = entry["search"]
            if isinstance(options.get("separator"), str):
                options["separator"] = union(options["separator"], material_separator(lang))
