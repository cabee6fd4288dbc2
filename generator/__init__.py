"""coursegen: builds a training portal in any languages from Markdown lessons and YAML quizzes."""
