"""Writing output: one way to put a file or a folder in place, zip it reproducibly, and date it.

Everything the generator publishes (the portal, downloads, PDFs, zips, banks) goes through here, so
that three promises hold for every output:

- a web server running as another user can read it: files and folders get the ordinary permissions
  of the umask (644/755 under umask 022), never the 600/700 of `tempfile`;
- a reader never sees half of it: files are renamed into place; folders are exchanged with the old
  copy in one step (Linux `renameat2(RENAME_EXCHANGE)`), so there is no moment without a site;
- it is dated by its content, not by the clock, so the same sources give the same bytes.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import datetime as dt
import errno
import fcntl
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from generator.errors import CoursegenError

STAGING = ".tmp-"  # `site.tmp-XXXX`: a folder being written
RETIRED = ".old-"  # `site.old-XXXX`: the copy a build replaced, deleted once the new one is in place
ZIP_EPOCH = 315532800  # 1980-01-01, the earliest date a zip entry can hold
_RENAME_EXCHANGE = 2
log = logging.getLogger("coursegen")
_AT_FDCWD = -100


class OutputBusy(CoursegenError):
    """Another build holds the lock on the same output."""


def umask() -> int:
    """The process's umask (reading it means setting it, so it is set back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def make_readable(path: Path) -> None:
    """Give `path` (and, for a folder, all it holds) the permissions of the umask: 755/644 under 022.

    `tempfile.mkdtemp` makes 0700 folders and `mkstemp` 0600 files: a web server running as its
    own user would get 403 for every page.
    """
    mask = umask()
    folder_mode, file_mode = 0o777 & ~mask, 0o666 & ~mask
    if path.is_dir() and not path.is_symlink():
        path.chmod(folder_mode)
        for current, dirs, files in os.walk(path):
            for name in dirs:
                os.chmod(os.path.join(current, name), folder_mode)
            for name in files:
                os.chmod(os.path.join(current, name), file_mode)
    elif path.exists():
        path.chmod(file_mode)


def staging_dir(target: Path) -> Path:
    """A new empty folder beside `target` (same file system, so it can be renamed into place)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f"{target.name}{STAGING}", dir=target.parent))


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step with renameat2(RENAME_EXCHANGE); False where the OS lacks it."""
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:  # glibc before 2.28
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE)
    if result == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):  # kernel or file system without it
        return False
    raise OSError(err, os.strerror(err), str(a), None, str(b))


def publish_dir(built: Path, target: Path, warn: Callable[[str], None] | None = None) -> None:
    """Put the folder `built` in place of `target`, readable by a web server, with no moment without one.

    Where the exchange is not available (not Linux, an old kernel, some network file systems), the
    fallback is two renames, with a moment of a few microseconds without `target`.
    A failure to delete the replaced copy is a warning: the new output is already in place.
    """
    make_readable(built)
    if not target.exists():
        built.rename(target)
        return
    if _exchange(built, target):
        retired = built  # after the exchange, `built` holds the old copy
    else:
        retired = target.with_name(f"{target.name}{RETIRED}{os.getpid()}")
        target.rename(retired)
        built.rename(target)
    try:
        shutil.rmtree(retired)
    except OSError as exc:
        (warn or _stderr)(f"warning: the new output is in place, but the old copy {retired} could not be "
                          f"deleted ({exc.strerror}); delete it by hand")


def publish_file(built: Path, target: Path) -> None:
    """Rename the complete file `built` onto `target` (same folder), readable by a web server."""
    make_readable(built)
    built.replace(target)


@contextmanager
def partial_file(target: Path) -> Iterator[Path]:
    """A path to write `target`'s new content to; on success it replaces `target` in one rename."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}{STAGING}{os.getpid()}")
    try:
        yield partial
        publish_file(partial, target)
    finally:
        partial.unlink(missing_ok=True)


@contextmanager
def output_lock(target: Path) -> Iterator[None]:
    """Hold the lock of `target` for a whole build, and clear what crashed builds left beside it.

    A second build of the same output refuses at once with a clear message rather than
    interleaving its files with the first one's. The lock is released by the kernel when the
    process ends, however it ends, so it can never be left stale.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    lock_path = target.parent / f".{target.name}.lock"
    with open(lock_path, "a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.seek(0)
            holder = handle.read().strip() or "another process"
            raise OutputBusy(f"{target}: another build is writing it ({holder}); wait for it to finish, "
                             "then run this one again") from None
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}\n")
        handle.flush()
        clear_stale(target)
        yield


def clear_stale(target: Path) -> list[Path]:
    """Delete the staging and replaced copies of `target` left by builds that stopped half-way."""
    removed = []
    for prefix in (STAGING, RETIRED):
        for stale in target.parent.glob(f"{target.name}{prefix}*"):
            shutil.rmtree(stale, ignore_errors=True) if stale.is_dir() else stale.unlink(missing_ok=True)
            removed.append(stale)
    return removed


def zip_tree(folder: Path, target: Path, top: str = "", skip: Callable[[Path], bool] = lambda _: False,
             epoch: int = 0) -> int:
    """Zip `folder` (under the folder `top` when given) in a fixed order with fixed dates; return the count.

    Entries are 644 and dated by the build date `epoch` (see build_epoch; never before 1980, which
    a zip cannot hold), so the same input gives the same bytes. The zip is written beside `target`
    and renamed into place only when complete.
    """
    stamp = max(epoch, ZIP_EPOCH)
    date_time = dt.datetime.fromtimestamp(stamp, dt.UTC).timetuple()[:6]
    files = sorted(p for p in folder.rglob("*") if p.is_file() and not skip(p))
    with partial_file(target) as partial, zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED,
                                                          compresslevel=9) as archive:
        for path in files:
            name = path.relative_to(folder).as_posix()
            info = zipfile.ZipInfo(f"{top}/{name}" if top else name, date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, path.read_bytes())
    return len(files)


_notified: set[str] = set()


def build_epoch(root: Path | None = None, sources: Iterable[str] = ("modules", "quizzes", "pages")) -> int:
    """The date outputs carry, as seconds since 1970: the same sources always give the same date.

    `SOURCE_DATE_EPOCH` when it is a whole number; else the last commit's date when `root` is a git
    checkout; else the newest source file's time (a release archive has no git), with a notice.
    An empty or invalid `SOURCE_DATE_EPOCH` is ignored with a notice, never an error.
    """
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value.isdigit():
        return int(value)
    if value:
        _notice(f"SOURCE_DATE_EPOCH={value!r} is not a whole number of seconds; ignored")
    if root is None:
        return ZIP_EPOCH
    commit = _git_date(root)
    if commit is not None:
        return commit
    newest = max((p.stat().st_mtime for d in sources for p in (root / d).rglob("*") if p.is_file()), default=0.0)
    _notice("no git history here: outputs are dated by the newest source file (set SOURCE_DATE_EPOCH to choose "
            "another date)")
    return int(newest) or ZIP_EPOCH


def _git_date(root: Path) -> int | None:
    try:  # the last commit that touched the course folder; no git or no history gives nothing
        out = subprocess.run(["git", "-C", str(root), "log", "-1", "--format=%ct", "--", "."],
                             capture_output=True, text=True, check=False, timeout=10).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return None
    return int(out) if out.isdigit() else None


def _notice(message: str) -> None:
    """Information, not a problem, said once per process (a build asks for its date more than once)."""
    if message not in _notified:
        _notified.add(message)
        log.info(f"notice: {message}")


def _stderr(message: str) -> None:
    log.warning(message)
