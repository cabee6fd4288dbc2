"""`coursegen stats`: completion counts from combined access logs, never an address, never a crash."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

GOOD = [
    # two passes of one quiz from one address on one day count once
    '203.0.113.7 - - [03/Nov/2026:09:12:01 +0100] "GET /stats/passed/01-goals.svg HTTP/1.1" 200 62 '
    '"https://learn.example/en/01-goals/quiz/" "Mozilla/5.0"',
    '203.0.113.7 - - [03/Nov/2026:17:40:09 +0100] "GET /stats/passed/01-goals.svg HTTP/2.0" 304 0 "-" "Mozilla/5.0"',
    # the same address the next day counts again; another address the same day counts too
    '203.0.113.7 - - [04/Nov/2026:08:00:00 +0100] "GET /stats/passed/01-goals.svg HTTP/1.1" 200 62 "-" "-"',
    '198.51.100.2 - - [03/Nov/2026:10:00:00 +0100] "GET /course/stats/passed/01-goals.svg HTTP/1.1" 200 62 "-" "-"',
    '2001:db8::1 - - [30/Nov/2026:23:59:59 +0100] "GET /stats/certificate.svg HTTP/1.1" 200 62 "-" "-"',
    '198.51.100.2 - - [01/Dec/2026:00:00:01 +0100] "GET /stats/passed/03-replies.svg HTTP/1.1" 200 62 "-" "-"',
]
IGNORED = [
    '203.0.113.9 - - [03/Nov/2026:09:00:00 +0100] "GET /en/01-goals/quiz/ HTTP/1.1" 200 5120 "-" "-"',
    '203.0.113.9 - - [03/Nov/2026:09:00:00 +0100] "GET /stats/passed/01-goals.svg HTTP/1.1" 404 153 "-" "-"',
    '203.0.113.9 - - [03/Nov/2026:09:00:00 +0100] "POST /stats/passed/01-goals.svg HTTP/1.1" 405 0 "-" "-"',
    '203.0.113.9 - - [03/Nov/2026:09:00:00 +0100] "GET /stats/passed/01-goals.svg?u=1 HTTP/1.1" 200 62 "-" "-"',
]
MALFORMED = [
    "",
    "garbage that is no log line",
    '203.0.113.9 - - [31/Feb/2026:09:00:00 +0100] "GET /stats/certificate.svg HTTP/1.1" 200 62 "-" "-"',
    '203.0.113.9 - - [03/Noe/2026:09:00:00 +0100] "GET /stats/certificate.svg HTTP/1.1" 200 62 "-" "-"',
    '\x00\xff binary junk',
]


def stats(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", "stats", *args], capture_output=True, text=True,
                          timeout=60, check=False, cwd=cwd, env={"LANG": "fr_FR.UTF-8", "TZ": "Pacific/Auckland",
                                                                  "PATH": "/usr/bin:/bin"})


def test_counts_per_month_and_event_once_per_address_and_day(tmp_path: Path) -> None:
    log = tmp_path / "access.log"
    log.write_text("\n".join(GOOD[:3] + IGNORED + MALFORMED) + "\n", encoding="utf-8")
    rotated = tmp_path / "access.log.2.gz"
    rotated.write_bytes(gzip.compress(("\n".join(GOOD[3:]) + "\n").encode()))
    result = stats(str(log), str(rotated), "--format", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["completions"] == [
        {"month": "2026-11", "event": "01-goals", "count": 3},
        {"month": "2026-11", "event": "certificate", "count": 1},
        {"month": "2026-12", "event": "03-replies", "count": 1},
    ]
    assert data["malformed"] == len(MALFORMED)
    assert data["lines"] == len(GOOD) + len(IGNORED) + len(MALFORMED)
    assert "5 malformed line(s) skipped" in result.stderr
    for address in ("203.0.113", "198.51.100", "2001:db8"):
        assert address not in result.stdout + result.stderr


def test_table_csv_and_since(tmp_path: Path) -> None:
    log = tmp_path / "access.log"
    log.write_text("\n".join(GOOD) + "\n", encoding="utf-8")
    table = stats(str(log), cwd=tmp_path).stdout.splitlines()
    assert table == [
        "month    event        count",
        "2026-11  01-goals         3",
        "2026-11  certificate      1",
        "2026-12  03-replies       1",
    ]
    csv_out = stats(str(log), "--format", "csv", "--since", "2026-11-04", cwd=tmp_path).stdout.splitlines()
    assert csv_out == ["month,event,count", "2026-11,01-goals,1", "2026-11,certificate,1", "2026-12,03-replies,1"]


def test_bad_arguments_get_a_message_not_a_traceback(tmp_path: Path) -> None:
    missing = stats(str(tmp_path / "nope.log"), cwd=tmp_path)
    assert missing.returncode == 2 and "no such log file" in missing.stderr and "Traceback" not in missing.stderr
    (tmp_path / "a.log").write_text("", encoding="utf-8")
    bad_date = stats(str(tmp_path / "a.log"), "--since", "last week", cwd=tmp_path)
    assert bad_date.returncode == 2 and "is not a date: write it as YYYY-MM-DD" in bad_date.stderr
