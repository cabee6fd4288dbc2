"""The course layer: model, problems, YAML with lines, schemas, loader, validation, Markdown scan.

It imports nothing else of ours: every renderer, export and the CLI stand on it.
"""
