"""The one base of every failure a user can fix: the command line prints its lines and exits with its code.

Each layer raises its own subclass (ContentError for authoring problems, EngineError for the site
engine, OutputBusy for a locked output...), so the layers stay apart; `coursegen` catches this base
alone and never shows a traceback for any of them. It imports nothing of ours, so every layer may use it.
"""

from __future__ import annotations

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class CoursegenError(Exception):
    """A failure with a message in plain words and the exit code `coursegen` ends with."""

    exit_code = EXIT_PROBLEMS

    def lines(self) -> list[str]:
        """What the user reads, one line each (the last one says what happened to the output)."""
        return [f"error: {self}"]


class UsageError(CoursegenError):
    """A command line that cannot be run as given (an unknown language, a module that does not exist)."""

    exit_code = EXIT_USAGE
