"""Interface text of the printed editions (PDF workbook and trainer edition): the `print` section of
each catalogue (theme/strings/<code>.yml).

Kept apart from the `site` section, which holds the text of the web pages: the two sets change
for different reasons and are read by different renderers.
"""

from __future__ import annotations

from generator.course.catalogue import Section

EDITIONS: tuple[str, ...] = ("learner", "trainer")

PRINT_STRINGS = Section("print")
