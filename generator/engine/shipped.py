"""Our scripts minified once per release and shipped with the generator: a build parses no JavaScript.

Shortening local names (calmjs.parse, see assets.py) cost 1.45 s of a 6.4 s cold build of the
shipped course, more than MkDocs spends on 50 pages, and a user who has just installed coursegen
starts with an empty cache: every first build paid it. Scripts are minified with their string
slots turned into placeholder names (assets.script_template), so one copy serves every language;
writing the strings in afterwards gives the same bytes as minifying each language's script
(checked on en, fr and de by tests/test_assets.py).

Each copy is generator/engine/minified/<script name>, its first line the SHA-256 of the template
it was made from: a script whose text differs (a course's own theme, a script edited since the
last release) misses, and is minified at build time and kept in the user's cache instead.
`make minified` (python -m generator.engine.shipped) writes them again; a test fails while one is stale.
"""

from __future__ import annotations

import hashlib
import sys
from collections.abc import Callable
from pathlib import Path

FOLDER = Path(__file__).with_name("minified")
_HEADER = "// template sha256 "


def template_key(template: str) -> str:
    """What a shipped copy must have been made from: the SHA-256 of the script's template."""
    return hashlib.sha256(template.encode()).hexdigest()


def lookup(name: str, template: str) -> str | None:
    """The shipped minified `template` of script `name`, or None when none was made from this text."""
    try:
        head, _, body = (FOLDER / name).read_text(encoding="utf-8").partition("\n")
    except OSError:
        return None
    return body if head == _HEADER + template_key(template) else None


def shipped_text(template: str, minified: str) -> str:
    """The file that ships `minified`: its key line, then the text."""
    return f"{_HEADER}{template_key(template)}\n{minified}"


def write_all(scripts: Path, make: Callable[[str], tuple[str, str]], folder: Path = FOLDER) -> list[str]:
    """Write the copy of every script in `scripts` (`make` turns a source into its template and minified
    template) and remove copies of scripts that are gone; return the names written."""
    folder.mkdir(parents=True, exist_ok=True)
    names = sorted(p.name for p in scripts.glob("*.js"))
    for name in names:
        template, minified = make((scripts / name).read_text(encoding="utf-8"))
        (folder / name).write_text(shipped_text(template, minified), encoding="utf-8")
    for old in folder.glob("*.js"):
        if old.name not in names:
            old.unlink()
    return names


def main() -> int:
    from generator.course.catalogue import installed_theme
    from generator.engine.assets import minify_script, script_template

    def make(source: str) -> tuple[str, str]:
        template = script_template(source)
        return template, minify_script(template)

    written = write_all(installed_theme() / "assets" / "cq", make)
    print(f"{len(written)} minified scripts in {FOLDER}: {', '.join(written)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
