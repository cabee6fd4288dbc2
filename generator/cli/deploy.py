"""Command line of `coursegen deploy nginx|apache`: the server configuration of the built portal.

The work lives in exports/server.py; this file parses, loads and writes (or prints).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.cli.log import LOGGER

SERVERS = ("nginx", "apache")


def cmd_deploy(args: argparse.Namespace) -> int:
    """Load the course as `check` does (its problems, exit 1, nothing written), read the built site, write."""
    from generator.cli.common import EXIT_OK, brand_of
    from generator.course.load import load_valid_course
    from generator.exports.server import read_portal, render_config
    from generator.output import partial_file

    course = load_valid_course(args.root)
    brand = brand_of(args)
    site = (args.site_dir or args.root / "site").resolve()
    portal = read_portal(course, site, brand, args.site_url)
    text = render_config(args.server, portal)
    for notice in portal.notices:
        LOGGER.warning(f"notice: {notice}")
    if args.output is None:
        sys.stdout.write(text)  # the command's output, not a message: -q keeps it
        return EXIT_OK
    with partial_file(args.output.resolve()) as partial:
        partial.write_text(text, encoding="utf-8")
    LOGGER.info(f"wrote {args.output}: {args.server} for {', '.join(portal.languages)} at "
                f"{portal.server_name}{portal.prefix}")
    return EXIT_OK


def add_deploy_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser], brand_help: str) -> None:
    """Register `deploy` on the top-level command's subparsers."""
    p = sub.add_parser("deploy", help="write the nginx or Apache configuration of the built portal",
                       description="Write the server block (nginx) or virtual host (Apache) that serves the built "
                                   "portal: the chooser at /, a \"page not found\" page per language, compression, "
                                   "caching and security headers (a Content-Security-Policy that allows the inline "
                                   "scripts of the built pages by hash). Run it after `coursegen build`.")
    # The names, not exports.server: importing it (the model, Babel, Jinja) cost every command 0.1 s to start.
    p.add_argument("server", choices=SERVERS, help="the web server")
    p.add_argument("-o", "--output", type=Path, help="the file to write (default: print it)")
    p.add_argument("--brand", type=Path, help=brand_help)
    p.add_argument("--site-dir", type=Path, help="the built portal to read (default: site/)")
    p.add_argument("--site-url", help="public address of the portal (default: the brand's site_url)")
