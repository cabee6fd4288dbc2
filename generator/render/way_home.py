"""The way home: the course's web address and a QR code of it, printed on the workbook and handouts.

The QR code is a PNG image (segno, scale 6: 6 px per module) rather than vector paths, so that the
PDF carries one image an independent reader (zbarimg in the tests) decodes as a phone camera would.
Nothing is printed without an address: a course with no `site_url` has nowhere to send people.
"""

from __future__ import annotations

import segno
from markupsafe import Markup

from generator.course.catalogue import Strings
from generator.render.quiz import environment


def course_address(site_url: str | None, lang: str) -> str | None:
    """The address of the course's home page in `lang`, or None without a site address."""
    return f"{site_url.rstrip('/')}/{lang}/" if site_url else None


def qr_data_uri(address: str) -> str:
    """A PNG data: URI of `address` as a QR code, with error correction M (15 % of a smudged print)."""
    return str(segno.make(address, error="m", micro=False).png_data_uri(scale=6, border=4))


def way_home(site_url: str | None, strings: Strings) -> Markup:
    """The address block (address, QR code, one line of why), or nothing without a site address."""
    address = course_address(site_url, strings.lang)
    if address is None:
        return Markup("")
    return Markup(environment().get_template("way_home.html.j2").render(
        address=address, qr=qr_data_uri(address), t=strings.table("workshop"), colon=strings.site["colon"]))
