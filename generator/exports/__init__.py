"""The exports: PDFs, offline bundle, SCORM packages, question banks, downloads, completion counts."""
