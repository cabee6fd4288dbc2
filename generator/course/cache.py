"""A cache of validated courses and rendered docs trees: never stale, only faster.

Loading and validating is the generator's own largest cost before MkDocs runs, and an author
or a host runs several commands on the same sources (`make site`: build, two SCORM packages,
two banks). The key is a SHA-256 of the course folder's path, Python's and the
parsers' versions, the generator's own course code and schemas, and the path, size, inode and
times of course.yml, every file under modules/, pages/ and quizzes/ and every interface catalogue
(theme/strings/). The change time moves on any write,
rename or `touch` and cannot be set back, so any change of content gives another key, whatever
date the file claims; so does any change of the code that validates it. Only a course without
problems is stored, so problems are always reported afresh.

The cache lives in the user's cache folder (COURSEGEN_CACHE_DIR, else XDG_CACHE_HOME/coursegen,
else ~/.cache/coursegen); a folder that cannot be written only means no cache.
"""

from __future__ import annotations

import functools
import hashlib
import os
import pickle
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any

from generator.course.catalogue import catalogue_files
from generator.course.languages import COURSE_FILE
from generator.course.model import Course

SOURCES = ("modules", "pages", "quizzes")
_CODE = Path(__file__).resolve().parent  # generator/course: what loads and validates
_SCHEMAS = _CODE.parent / "schemas"
# Babel: its CLDR data gives the plural rules and number marks the cached catalogues carry (cldr.py).
LIBRARIES = ("pyyaml", "jsonschema", "jsonschema-rs", "markdown-it-py", "babel")
_KEEP = 16  # entries kept per kind; older ones are removed


def cache_dir() -> Path:
    """Where cached courses are kept."""
    if os.environ.get("COURSEGEN_CACHE_DIR"):
        return Path(os.environ["COURSEGEN_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "coursegen"


def versions(*names: str) -> str:
    """Python's and these packages' versions: a new parser or minifier may give other results."""
    found = [sys.version]
    for name in names:
        try:
            found.append(f"{name}={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            found.append(f"{name}=?")
    return "\0".join(found)


@functools.cache
def _code_digest() -> str:
    digest = hashlib.sha256(versions(*LIBRARIES).encode())
    for path in sorted([*_CODE.glob("*.py"), *_SCHEMAS.glob("*.json")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def _sources(root: Path) -> list[Path]:
    """Every file a course is loaded from: course.yml, the content folders and the interface catalogues."""
    found = [root / COURSE_FILE] if (root / COURSE_FILE).is_file() else []
    for folder in SOURCES:
        found += sorted(p for p in (root / folder).rglob("*") if p.is_file()) if (root / folder).is_dir() else []
    return found + catalogue_files(root)


def course_key(root: Path) -> str:
    """The key of the course under `root` as it is now on disk."""
    digest = hashlib.sha256()
    digest.update(f"{root.resolve()}\0{_code_digest()}\0".encode())
    for path in _sources(root):
        # The inode's change time moves on every write, rename or `touch` and cannot be set back
        # (unlike the modification time), so size + both times + inode identify the bytes without
        # reading them: a tenth of the cost at 1,000 lessons. The path is named as found under the
        # resolved root (stat follows a symbolic link to its file's inode): resolving every path
        # looked up each folder on the way, and the key took 0.09 s instead of 0.04 s at 1,000 lessons.
        info = path.stat()
        digest.update(f"{path.as_posix()}\0{info.st_size}\0{info.st_mtime_ns}\0"
                      f"{info.st_ctime_ns}\0{info.st_ino}\0".encode())
    return digest.hexdigest()


def code_digest(*folders: Path) -> str:
    """A digest of the code and templates in `folders`, for a key of something derived from a course."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def derived_key(course_key: str, *parts: object) -> str:
    """The key of something computed from a cached course and `parts` (settings, code digests)."""
    return hashlib.sha256("\0".join([course_key, *map(repr, parts)]).encode()).hexdigest()


def load(key: str, kind: str = "course") -> Any:
    """What is stored under `key`, or None (absent, unreadable or from another Python)."""
    path = cache_dir() / f"{kind}-{key}.pickle"
    try:
        with path.open("rb") as handle:
            found = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError):
        return None
    return found if kind != "course" or isinstance(found, Course) else None


def store(key: str, value: object, kind: str = "course", keep: int = _KEEP) -> None:
    """Keep `value` under `key`; a cache folder that cannot be written is no error."""
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=folder, prefix=f".{kind}-", delete=False) as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, folder / f"{kind}-{key}.pickle")
        stored = sorted(folder.glob(f"{kind}-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)
        for old in stored[keep:]:
            old.unlink(missing_ok=True)
    except OSError:
        return
