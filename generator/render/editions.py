"""The printed editions: the learner workbook, and the trainer edition that adds the answer key."""

from __future__ import annotations

EDITIONS: tuple[str, ...] = ("learner", "trainer")
