"""Host brands: two brands built side by side from one source, and brand files checked like quizzes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.build import BuildOptions, build
from generator.course.brand import contrast, darker_until, load_brand
from generator.course.problems import ContentError
from generator.course.yamlfile import MAX_BYTES
from generator.engine.brand import BACKDROPS
from tests.conftest import REPO, soup


@pytest.fixture
def branded(course: Path) -> Path:
    shutil.copytree(REPO / "brands", course / "brands")
    return course


def problems(course: Path, text: str, extra: dict[str, str] | None = None) -> list[str]:
    path = course / "brands" / "test.yml"
    path.parent.mkdir(exist_ok=True)
    path.write_text(text, encoding="utf-8")
    for name, body in (extra or {}).items():
        (course / "brands" / name).write_text(body, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_brand(course, path, BACKDROPS)
    return [str(p) for p in caught.value.problems]


def example(**changes: str) -> str:
    text = (REPO / "brands" / "cci-example.yml").read_text(encoding="utf-8")
    for old, new in changes.items():
        assert old in text
        text = text.replace(old, new)
    return text


def test_two_brands_build_side_by_side_and_look_different(branded: Path) -> None:
    cci_file = branded / "brands" / "cci-example.yml"
    build(branded, branded / "site-default", BuildOptions(brand=load_brand(branded, None, BACKDROPS)))  # default.yml
    build(branded, branded / "site-cci", BuildOptions(brand=load_brand(branded, cci_file, BACKDROPS)))
    plain = soup(branded / "site-default" / "en" / "01-basics" / "index.html")
    cci = soup(branded / "site-cci" / "en" / "01-basics" / "index.html")
    assert plain.select_one(".cq-brand-footer").get_text(" ", strip=True).startswith("Hosted by Open edition")
    footer = cci.select_one(".cq-brand-footer")
    assert footer.a.get_text() == "Example Valley Chamber of Commerce"
    assert footer.a["href"] == "https://example-valley-chamber.example/"
    assert footer.find("a", string="Legal notice and privacy")["href"] == "../legal/"
    assert cci.select_one(".md-copyright__highlight").get_text(strip=True) == "Course content CC BY-SA 4.0"
    footer_text = cci.select_one(".md-copyright").get_text(" ", strip=True)
    assert footer_text.count("Example Valley Chamber of Commerce") == 1, footer_text
    logo = cci.select_one(".md-header .md-logo img")
    assert logo["alt"] == "Example Valley Chamber of Commerce" and logo["src"] == "../assets/brand/logo.svg"
    assert plain.select_one(".md-header .md-logo img") is None, "the default brand keeps the course icon"
    assert cci.find("link", rel="icon")["href"] == "../assets/brand/favicon.svg"
    assert (branded / "site-cci" / "en" / "assets" / "brand" / "logo.svg").read_bytes() == (
        REPO / "brands" / "cci-example-logo.svg").read_bytes()
    assert cci.body["data-md-color-primary"] == "custom"
    css = {name: (branded / name / "en" / "assets" / "brand" / "brand.css").read_text(encoding="utf-8")
           for name in ("site-default", "site-cci")}
    assert "--md-primary-fg-color: #4051b5;" in css["site-default"]
    assert "--md-primary-fg-color: #0b5c4a;" in css["site-cci"]
    assert "assets/brand/brand.css" in str(cci.find_all("link", rel="stylesheet"))
    assert cci.find("link", rel="canonical")["href"] == (
        "https://learn.example-valley-chamber.example/social-media/en/01-basics/")
    legal = soup(branded / "site-cci" / "fr" / "legal" / "index.html")
    assert legal.h1.get_text() == "Mentions légales et confidentialité"
    assert "Chambre de commerce de la Vallée Exemple" in legal.get_text()
    assert legal.find("a", href="mailto:training@example-valley-chamber.example") is not None
    assert "1 place du Marché" in legal.get_text()


def test_without_brands_the_build_is_as_before(built_mini: Path) -> None:
    page = soup(built_mini / "en" / "01-basics" / "index.html")
    assert page.select_one(".cq-brand-footer") is None
    assert not (built_mini / "en" / "legal").exists()
    assert sorted(p.name for p in built_mini.iterdir()) == ["en", "fr", "index.html"]


def test_contrast_below_wcag_aa_is_a_problem_with_its_line(branded: Path) -> None:
    found = problems(branded, example(**{'primary: "#0b5c4a"': 'primary: "#f5a623"'}))
    line = example().split("\n").index('  primary: "#0b5c4a"') + 1
    shade = darker_until("#f5a623", "#ffffff")
    assert found == [
        f"brands/test.yml:{line}: colour 'primary' #f5a623 has a contrast of 2.0:1 against the white header text "
        f"and the links drawn in it; WCAG AA needs 4.5:1: use a darker shade such as {shade} [brand.contrast]"]
    assert contrast(darker_until("#f5a623", "#ffffff"), "#ffffff") >= 4.5


def test_schema_errors_name_the_place_and_the_fix(branded: Path) -> None:
    found = problems(branded, example(**{'accent: "#a3401a"': 'accent: "orange"', "site_url:": "siteurl:"}))
    assert found == [
        "brands/test.yml:9: 'colors accent': 'orange' is not a colour: write it as #rrggbb, e.g. #0b5c7a "
        "[brand.schema]",
        "brands/test.yml:20: unknown field 'siteurl'; did you mean 'site_url'? [brand.schema]",
    ]


def test_a_brand_file_must_be_a_mapping(branded: Path) -> None:
    assert problems(branded, "# A brand\n- name: X\n- colors: {}\n") == [
        "brands/test.yml:2: a brand file is a mapping: 'name:', 'colors:', 'contact:', 'legal:'... [brand.type]"]


def test_a_missing_brand_file_is_named(branded: Path) -> None:
    with pytest.raises(ContentError) as caught:
        load_brand(branded, branded / "brands" / "nope.yml", BACKDROPS)
    assert [str(p) for p in caught.value.problems] == [
        "brands/nope.yml: no such brand file: give a path such as brands/my-chamber.yml [brand.missing]"]


def test_logo_files_must_exist_and_be_plain_svg(branded: Path) -> None:
    found = problems(branded, example(**{"cci-example-logo.svg": "missing.svg"}))
    assert found == ["brands/test.yml:5: 'logo': brands/missing.svg does not exist: put the SVG file next to the "
                     "brand file [brand.file_missing]"]
    found = problems(branded, example(**{"cci-example-logo.svg": "evil.svg"}), {
        "evil.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'})
    assert found == ["brands/test.yml:5: 'logo': brands/evil.svg holds a <script> or <foreignObject>: export a plain "
                     "SVG [brand.svg_script]"]
    found = problems(branded, example(**{"cci-example-favicon.svg": "page.svg"}), {"page.svg": "<html></html>"})
    assert found == ["brands/test.yml:6: 'favicon': brands/page.svg is XML but not SVG (its root is <html>) "
                     "[brand.svg_invalid]"]
    found = problems(branded, example(**{"cci-example-logo.svg": "text.svg"}), {"text.svg": "a logo"})
    assert found == ["brands/test.yml:5: 'logo': brands/text.svg is not valid SVG (syntax error: line 1, column 0) "
                     "[brand.svg_invalid]"]
    found = problems(branded, example(**{"cci-example-logo.svg": "big.svg"}), {
        "big.svg": "<svg xmlns='http://www.w3.org/2000/svg'>" + " " * MAX_BYTES + "</svg>"})
    assert found == ["brands/test.yml:5: 'logo': brands/big.svg is over 1,000,000 bytes: simplify or compress the SVG "
                     "[brand.file_too_large]"]


def test_french_brand_texts_follow_french_typography(branded: Path) -> None:
    found = problems(branded, example(**{"confidentialité.\n": "confidentialité !\n"}))
    line = example().split("\n").index("    propre politique de confidentialité.") + 1
    assert found == [f"brands/test.yml:{line}: 'identialité !' needs a non-breaking space before '!' [fr.typography]"]


def test_build_command_with_a_brand_and_check_covers_brands(branded: Path) -> None:
    run = [sys.executable, "-m", "generator"]
    done = subprocess.run([*run, "build", "--lang", "en", "--brand", "brands/cci-example.yml"], cwd=branded,
                          capture_output=True, text=True, check=False, timeout=300)
    assert done.returncode == 0, done.stderr
    assert (branded / "site" / "en" / "legal" / "index.html").is_file()
    checked = subprocess.run([*run, "check"], cwd=branded, capture_output=True, text=True, check=False, timeout=300)
    assert checked.returncode == 0 and "ok: 2 brand(s): cci-example, default" in checked.stdout
    (branded / "brands" / "broken.yml").write_text("name: {en: X}\n", encoding="utf-8")
    checked = subprocess.run([*run, "check"], cwd=branded, capture_output=True, text=True, check=False, timeout=300)
    assert checked.returncode == 1
    assert ("brands/broken.yml:1: 'name': no 'fr' text: add the translation (every text gives each language of "
            "course.yml: en, fr) [i18n.missing_translation]") in checked.stderr
    missing = subprocess.run([*run, "build", "--brand", "brands/nope.yml"], cwd=branded, capture_output=True,
                             text=True, check=False, timeout=300)
    assert missing.returncode == 1 and "brands/nope.yml: no such brand file" in missing.stderr
