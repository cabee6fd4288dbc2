"""The engine layer: the only code that imports MkDocs (config, build, serve hook, post-processing)."""
