"""Completion counts from a web server's own access log, for hosts without an LMS.

A brand that opts in (`completion_stats: true`) makes the learner's browser request an empty
image when a module quiz is passed (`stats/passed/QUIZ.svg`) or the certificate shows
(`stats/certificate.svg`). This module reads standard nginx/Apache "combined" logs, gzip-rotated
ones too, and counts those requests per month and event, de-duplicated per client address and
day. Addresses are only compared, never returned or printed.
"""

from __future__ import annotations

import csv
import datetime as dt
import gzip
import io
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

# host ident user [time] "request" status bytes ... (the referer and agent that follow are not read)
LINE = re.compile(r'^(?P<addr>\S+) \S+ \S+ \[(?P<time>[^\]]+)\] "(?P<request>[^"]*)" (?P<status>\d{3}) ')
REQUEST = re.compile(r"^(?:GET|HEAD) (?P<path>\S+) HTTP/\d(?:\.\d)?$")
EVENT = re.compile(r"/stats/(?:passed/(?P<quiz>[A-Za-z0-9_-]+)|(?P<certificate>certificate))\.svg$")
# Log dates are written in English whatever the server's locale; strptime's %b would follow ours.
MONTHS = {m: i for i, m in enumerate(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                                      "Dec"), start=1)}
TIME = re.compile(r"^(\d{2})/([A-Z][a-z]{2})/(\d{4}):\d{2}:\d{2}:\d{2} [+-]\d{4}$")
CERTIFICATE = "certificate"


@dataclass
class Counts:
    """Completions per (month, event): an event is a module quiz id or `certificate`."""

    completions: Counter[tuple[str, str]] = field(default_factory=Counter)
    lines: int = 0
    malformed: int = 0
    requests: int = 0  # matching requests before de-duplication

    def rows(self) -> list[tuple[str, str, int]]:
        """(month, event, count), by month then event, certificates last in each month."""
        return sorted(((m, e, n) for (m, e), n in self.completions.items()),
                      key=lambda row: (row[0], row[1] == CERTIFICATE, row[1]))


def _day(stamp: str) -> dt.date | None:
    match = TIME.match(stamp)
    if not match or match.group(2) not in MONTHS:
        return None
    try:
        return dt.date(int(match.group(3)), MONTHS[match.group(2)], int(match.group(1)))
    except ValueError:
        return None


def read_lines(path: Path) -> Iterator[str]:
    """The lines of a log file, plain or gzip-compressed (rotated logs end in .gz, or not)."""
    with path.open("rb") as raw:
        gzipped = raw.read(2) == b"\x1f\x8b"
    with (gzip.open(path, "rb") if gzipped else path.open("rb")) as handle, \
            io.TextIOWrapper(handle, encoding="utf-8", errors="replace") as text:
        yield from text


def count(lines: Iterable[str], since: dt.date | None = None) -> Counts:
    """Count passes and certificates in combined-format log lines; malformed lines are counted and skipped."""
    counts = Counts()
    seen: set[tuple[str, dt.date, str]] = set()
    for line in lines:
        counts.lines += 1
        match = LINE.match(line)
        day = _day(match.group("time")) if match else None
        if match is None or day is None:
            counts.malformed += 1
            continue
        request = REQUEST.match(match.group("request"))
        if request is None or match.group("status") not in ("200", "304") or (since and day < since):
            continue
        event = EVENT.search(request.group("path"))
        if event is None:
            continue
        name = event.group("quiz") or CERTIFICATE
        counts.requests += 1
        key = (match.group("addr"), day, name)
        if key not in seen:
            seen.add(key)
            counts.completions[(f"{day:%Y-%m}", name)] += 1
    return counts


def count_files(paths: Iterable[Path], since: dt.date | None = None) -> Counts:
    """Count over several logs at once, so that a client seen in two files on one day counts once."""
    return count((line for path in paths for line in read_lines(path)), since)


def render(counts: Counts, fmt: str) -> str:
    """The counts as a plain table, CSV or JSON."""
    rows = counts.rows()
    if fmt == "json":
        return json.dumps({"completions": [{"month": m, "event": e, "count": n} for m, e, n in rows],
                           "lines": counts.lines, "malformed": counts.malformed, "requests": counts.requests},
                          indent=2) + "\n"
    if fmt == "csv":
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["month", "event", "count"])
        writer.writerows(rows)
        return out.getvalue()
    width = max([len("event"), *(len(e) for _, e, _ in rows)])
    lines = [f"{'month':<8} {'event':<{width}} {'count':>6}"]
    lines += [f"{m:<8} {e:<{width}} {n:>6}" for m, e, n in rows]
    return "\n".join(lines) + "\n"
