"""coursegen: builds a bilingual training portal from Markdown lessons and YAML quizzes."""

LANGUAGES: tuple[str, ...] = ("en", "fr")
DEFAULT_LANGUAGE = "en"
