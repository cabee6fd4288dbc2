"""The progress display: every message of coursegen goes through one named logger, `coursegen`.

Progress and results (info) go to stdout, warnings and problems to stderr, as before: a script can
keep the one and drop the other. `-q` keeps warnings and problems only, `-v` adds details (debug).
A command's own output (the `stats` table, CSV or JSON) is not a message: it is written to stdout
directly, so `-q` never hides it, and that command's messages go aside to stderr (`extra=ASIDE`).
"""

from __future__ import annotations

import argparse
import logging
import sys

LOGGER = logging.getLogger("coursegen")
ASIDE = {"aside": True}  # an info message for stderr, when stdout carries a command's output


class _Split(logging.Handler):
    """Info and debug to stdout, warnings and errors to stderr; the streams are looked up when a message
    is written, so that a test capturing them (or a redirected stream) gets every line."""

    def emit(self, record: logging.LogRecord) -> None:
        aside = record.levelno >= logging.WARNING or getattr(record, "aside", False)
        stream = sys.stderr if aside else sys.stdout
        try:
            stream.write(self.format(record) + "\n")
            stream.flush()
        except Exception:  # a closed pipe (`coursegen check | head`) must not turn into a traceback
            self.handleError(record)


def configure(quiet: bool, verbose: bool) -> None:
    """Set the level from -q/-v and install the one handler (again, when main() runs twice in a process)."""
    LOGGER.handlers[:] = [_Split()]
    LOGGER.setLevel(logging.WARNING if quiet else logging.DEBUG if verbose else logging.INFO)
    LOGGER.propagate = False  # no second copy through the root logger of a program that imports us


def add_verbosity(parser: argparse.ArgumentParser, default: object) -> None:
    """-q and -v on `parser`; subcommands get `argparse.SUPPRESS` so that `coursegen -q build` and
    `coursegen build -q` both work (a subcommand's default would otherwise overwrite the top level's)."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument("-q", "--quiet", action="store_true", default=default,
                       help="print only warnings and problems")
    group.add_argument("-v", "--verbose", action="store_true", default=default,
                       help="print details too (the course folder, the cache, timings)")
