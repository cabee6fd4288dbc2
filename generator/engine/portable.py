"""Make a built site work where no server turns `folder/` into `folder/index.html`.

An LMS serves a SCORM package file by file (Moodle's pluginfile.php, for one), and a browser
opening files from disk shows a folder listing: every relative link that ends in a folder
must name its index.html. Pages are built with directory URLs (every page is
`slug/index.html`), so adding `index.html` to such a link is always right. The search
index stores the same folder URLs, and Material's search builds result links from them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

# Attribute values in the HTML MkDocs and Material write: always double-quoted.
ATTRIBUTE = re.compile(r'(\s(?:href|src)=")([^"]*)(")')
SCHEME = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|/|#)")


def explicit_index(url: str) -> str:
    """`../02-smart/#a` -> `../02-smart/index.html#a`; `.` -> `index.html`; other URLs unchanged."""
    if not url or SCHEME.match(url):
        return url
    cut = min((i for i in (url.find("#"), url.find("?")) if i != -1), default=len(url))
    path, rest = url[:cut], url[cut:]
    if path in (".", "./"):
        path = "index.html"
    elif path == ".." or path.endswith(("/..", "/.")):
        path += "/index.html"
    elif path.endswith("/"):
        path += "index.html"
    return path + rest


def make_portable(site: Path) -> int:
    """Rewrite folder links in every HTML page and the search index of `site`; return pages changed."""
    changed = 0
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        new = ATTRIBUTE.sub(lambda m: m.group(1) + explicit_index(m.group(2)) + m.group(3), text)
        if new != text:
            page.write_text(new, encoding="utf-8")
            changed += 1
    index = site / "search" / "search_index.json"
    if index.is_file():
        data = json.loads(index.read_text(encoding="utf-8"))
        for doc in data.get("docs", []):
            location = str(doc.get("location", ""))
            # The home page's sections are stored as bare anchors ("#goals").
            doc["location"] = explicit_index(location) if location[:1] not in ("", "#") else "index.html" + location
        index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    return changed
