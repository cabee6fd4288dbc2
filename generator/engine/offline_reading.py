"""The offline reader of a web build: a service worker (sw.js) at the root of each language.

It is written after MkDocs has built the language, from the files the build made: their list and a
digest of their bytes go into generator/templates/sw.js. The digest names the worker's cache, so a
new build is a new cache that the browser installs beside the old one (see the worker's comments) and
an unchanged build downloads nothing again. Left out of the list: the search index and the search
languages, which the worker keeps only once search has fetched them (a learner who never searches
never pays for 538 KB of index), source maps and sitemaps, which no learner reads.

A brand that turns it off (`offline_reading: false`) gets a worker that removes itself and its caches,
so learners whose browser installed an earlier one are not left reading an old copy. Portable builds
(the offline zip, SCORM) never call this: file:// has no service worker, and an LMS owns its pages.
"""

from __future__ import annotations

import hashlib
import json
from importlib.resources import files
from pathlib import Path

import rjsmin  # type: ignore[import-untyped]

WORKER = "sw.js"
# What a learner never opens as a page or needs for one: fetched on demand, or never.
SKIPPED_DIRS = ("search/", "assets/javascripts/lunr/")
SKIPPED_SUFFIXES = (".map", ".gz", ".xml")
REMOVE_SELF = ('"use strict";self.addEventListener("install",function(){self.skipWaiting()});'
               'self.addEventListener("activate",function(e){e.waitUntil(caches.keys().then(function(n){'
               'return Promise.all(n.filter(function(k){return/^cq-/.test(k)}).map(function(k){'
               'return caches.delete(k)}))}).then(function(){return self.registration.unregister()}))});\n')


def worker_files(site: Path) -> list[str]:
    """Addresses of what the worker fetches, relative to the language's root: pages as the browser asks
    for them (`01-goals/` for 01-goals/index.html), every other file by its path."""
    found: list[str] = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if rel == WORKER or rel.startswith(SKIPPED_DIRS) or rel.endswith(SKIPPED_SUFFIXES):
            continue
        if rel == "index.html":
            rel = "./"
        elif rel.endswith("/index.html"):
            rel = rel.removesuffix("index.html")
        found.append(rel)
    return found


def write_worker(site: Path, enabled: bool = True) -> str:
    """Write sw.js into one built language `site`; return its cache version ("" when it removes itself)."""
    if not enabled:
        (site / WORKER).write_text(REMOVE_SELF, encoding="utf-8")
        return ""
    listed = worker_files(site)
    digest = hashlib.sha256()
    for rel in listed:
        path = site / (rel + "index.html" if rel.endswith("/") else rel)
        digest.update(rel.encode() + b"\0" + path.read_bytes())
    version = digest.hexdigest()[:16]
    source = (files("generator") / "templates" / WORKER).read_text(encoding="utf-8")
    text = (source.replace('/*cq:version*/""', json.dumps(version))
            .replace("/*cq:files*/[]", json.dumps(listed, separators=(",", ":"))))
    (site / WORKER).write_text(str(rjsmin.jsmin(text)).strip() + "\n", encoding="utf-8")
    return version
