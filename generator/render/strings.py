"""Interface text that the generator writes into web pages: the `site` section of each catalogue.

The texts live in theme/strings/<code>.yml (see course/catalogue.py); `STRINGS[lang]["check"]`.
"""

from __future__ import annotations

from generator.course.catalogue import Section

STRINGS = Section("site")
