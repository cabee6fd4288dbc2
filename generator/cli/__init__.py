"""The command line: argument parsing, progress display and exit codes; the work lives below."""
