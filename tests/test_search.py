"""Search forgives accents and case: "reponse" finds what "réponse" finds, on the web and from a USB stick.

The pages run Material's search worker through ours (theme/assets/javascripts/workers/cq-search.js),
which folds accents and case in the index and in queries. The comparisons drive that worker
with the index the page loads, as the page does; a few go through the search box itself.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup

from generator.course.load import load_valid_course
from generator.exports.offline import build_offline

# Thirty words of the French course, as written in it (its most frequent accented words and a few
# rarer letters: ç, ô, â, œ). Typed without accents, each must give the very same result list.
FRENCH = [
    "réponse", "réseaux", "répondre", "règles", "salariés", "données", "téléphone", "équipe", "réclamation",
    "première", "problème", "vérifiez", "communauté", "modération", "rédiger", "abonnés", "méthode",
    "européenne", "numéro", "réservation", "sécurité", "prénom", "contrôle", "leçons", "modèle", "résultat",
    "plutôt", "publicité", "gâteaux", "œuvre",
]

# Drives a search worker the way Material's page does: SETUP with the index, then one QUERY per
# word; returns, per query, the result groups as lists of locations (order kept).
DRIVE_WORKER = """async ([workerUrl, queries]) => {
    const config = JSON.parse(document.getElementById("__config").textContent);
    const base = new URL(config.base, location.href);
    const index = await (await fetch(new URL("search/search_index.json", base))).json();
    const worker = new Worker(new URL(workerUrl || config.search, base));
    const ask = message => new Promise(resolve => {
        worker.onmessage = event => resolve(event.data);
        worker.postMessage(message);
    });
    await ask({type: 0, data: {config: index.config, docs: index.docs, options: {suggest: false}}});
    const results = {};
    for (const query of queries) {
        const answer = await ask({type: 2, data: query});
        results[query] = answer.data.items.map(group => group.map(item => item.location));
    }
    worker.terminate();
    return results;
}"""


def unaccented(word: str) -> str:
    import unicodedata

    plain = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    return plain.replace("œ", "oe").replace("æ", "ae")


def search(page: Any, query: str) -> tuple[str, list[str]]:
    """Type `query` in the search box as a learner would; return the result count line and the links.

    Material searches at every key: wait until what it shows stops changing.
    """
    box = page.locator(".md-search__input")
    box.press("Control+a")
    box.press("Backspace")
    box.press_sequentially(query, delay=20)
    # Material reads the box on keyup; Playwright types letters outside its US layout (Arabic) as text,
    # without key events, where a learner's keyboard sends one per letter.
    box.press("End")
    page.locator(".md-search-result__item").first.wait_for()
    shown: tuple[str, list[str]] = ("", [])
    for _ in range(20):
        page.wait_for_timeout(250)
        now = (page.locator(".md-search-result__meta").inner_text(),
               page.locator(".md-search-result__item > .md-search-result__link").evaluate_all(
                   "links => links.map(a => a.getAttribute('href').split('?')[0])"))
        if now == shown:
            return shown
        shown = now
    raise AssertionError(f"the results for {query!r} kept changing")


def pages(groups: list[list[str]]) -> set[str]:
    return {location.split("#", 1)[0] for group in groups for location in group}


def material_worker(site: Path) -> str:
    """Material's own worker, relative to a language folder: what the page used before."""
    names = [p.name for p in (site / "assets" / "javascripts" / "workers").glob("search.*.min.js")]
    assert len(names) == 1, names
    return f"assets/javascripts/workers/{names[0]}"


def test_pages_start_the_folding_worker_and_it_is_there(built_mini: Path) -> None:
    for lang in ("en", "fr"):
        page = BeautifulSoup((built_mini / lang / "01-basics" / "02-smart" / "index.html").read_text(encoding="utf-8"),
                             "html.parser")
        search = json.loads(page.select_one("#__config").get_text())["search"]
        worker, material = re.fullmatch(r"(\.\./\.\./assets/javascripts/workers/cq-search\.js)\?material=(.+)",
                                        search).groups()
        folder = built_mini / lang / "01-basics" / "02-smart"
        assert (folder / worker).resolve().is_file()
        assert (folder / worker).resolve().with_name(material).is_file()
        assert (built_mini / lang / "assets" / "cq" / "fold.js").is_file()
        # One index per language, with Material's own text: folding happens in the browser.
        index = json.loads((built_mini / lang / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] == [lang]
        assert "deuxième" in " ".join(d["text"] for d in index["docs"]) or lang == "en"


@pytest.mark.browser
def test_thirty_french_words_typed_without_accents_find_the_same_pages(page: Any, built_real: Path,
                                                                        serve: Any) -> None:
    page.goto(serve(built_real) + "/fr/")
    queries = [*FRENCH, *(unaccented(w) for w in FRENCH), *(unaccented(w).upper() for w in FRENCH)]
    ours = page.evaluate(DRIVE_WORKER, [None, queries])
    before = page.evaluate(DRIVE_WORKER, [material_worker(built_real / "fr"), queries])
    equal = [w for w in FRENCH if ours[unaccented(w)] == ours[w] == ours[unaccented(w).upper()]]
    equal_before = [w for w in FRENCH if before[unaccented(w)] == before[w]]
    print(f"\n30 French words without accents: {len(equal)} of 30 equal lists (Material alone: {len(equal_before)})")
    for w in FRENCH:
        print(f"  {w}: {len(ours[w])} pages; '{unaccented(w)}' {len(ours[unaccented(w)])} "
              f"(before: {len(before[w])} and {len(before[unaccented(w)])})")
    assert equal == FRENCH
    assert all(ours[w] for w in FRENCH), [w for w in FRENCH if not ours[w]]
    # Folding adds: the accented query finds at least what it found before (a page written without
    # the accent, "moderation)", now counts too).
    for w in FRENCH:
        assert pages(before[w]) <= pages(ours[w]), w
    assert page.errors == []


@pytest.mark.browser
def test_the_search_box_gives_one_list_for_reponse_REPONSE_and_reponse(page: Any, built_real: Path,
                                                                       serve: Any) -> None:
    base = serve(built_real)
    page.goto(base + "/fr/")
    page.click("label.md-search__icon, .md-search__input")
    lists = {}
    for query in ("réponse", "reponse", "REPONSE", "Réponse"):
        lists[query] = search(page, query)
    assert lists["reponse"] == lists["réponse"] == lists["REPONSE"] == lists["Réponse"]
    assert re.search(r"\d\d", lists["reponse"][0]), lists["reponse"][0]
    # Previews show the words as written, and mark them.
    marks = page.locator(".md-search-result mark").all_text_contents()
    assert marks and all(unaccented(m.lower()).startswith("reponse") for m in marks), marks[:10]
    assert any("é" in m for m in marks)
    # Following a result marks the accented word in the page, though the query had no accent.
    search(page, "moderation")
    href = page.locator(".md-search-result__item > .md-search-result__link").first.get_attribute("href")
    assert "h=moderation" in href
    page.locator(".md-search-result__item > .md-search-result__link").first.click()
    page.wait_for_url("**h=moderation*")
    page.locator("article mark[data-md-highlight]").first.wait_for()
    marked = page.locator("article mark[data-md-highlight]").all_inner_texts()
    assert marked and all(m.lower() in ("modération", "moderation") for m in marked), marked
    assert any("é" in m for m in marked)
    assert page.locator("article mark mark").count() == 0
    assert page.errors == []


@pytest.mark.browser
def test_a_word_after_an_apostrophe_is_found(page: Any, built_real: Path, serve: Any) -> None:
    # "l’intérêt", "d’intérêt": French glues articles to words; mkdocs.yml splits words at apostrophes too.
    # ("intérêt" never stands alone in the course: before, only "d’intérêt" would find it.)
    base = serve(built_real)
    page.goto(base + "/fr/")
    page.click("label.md-search__icon, .md-search__input")
    found = search(page, "interet")[1]
    assert any("03-engagement-rate" in link for link in found), found
    assert page.errors == []


@pytest.mark.browser
def test_strasse_finds_strasse_with_german_stop_words(page: Any, built_mini: Path, serve: Any) -> None:
    # No German course ships: a two-page index in German, through the same worker and lunr.de.
    page.goto(serve(built_mini) + "/en/")
    results = page.evaluate("""async () => {
        const config = JSON.parse(document.getElementById("__config").textContent);
        const worker = new Worker(new URL(config.search, new URL(config.base, location.href)));
        const ask = m => new Promise(r => { worker.onmessage = e => r(e.data); worker.postMessage(m); });
        await ask({type: 0, data: {options: {}, config: {lang: ["de"], separator: "[\\\\s\\\\-]+",
            pipeline: ["stopWordFilter"], fields: {title: {boost: 1000}, text: {boost: 1}}},
            docs: [{location: "a/", title: "Die Hauptstraße", text: "Ein Laden in der Straße."},
                   {location: "b/", title: "Öffnungszeiten", text: "Über uns."}]}});
        const out = {};
        for (const q of ["straße", "strasse", "STRASSE", "oeffnung", "öffnungszeiten", "offnungszeiten",
                         "uber", "über"])
            out[q] = (await ask({type: 2, data: q})).data.items.map(g => g[0].location);
        return out;
    }""")
    assert results["strasse"] == results["straße"] == results["STRASSE"] == ["a/"]
    assert results["offnungszeiten"] == results["öffnungszeiten"] == ["b/"]
    assert results["uber"] == results["über"] == []  # a German stop word, with or without its accent
    assert results["oeffnung"] == []  # "oe" for "ö" is a German typing habit, not an accent: not folded


@pytest.mark.browser
def test_over_file_an_unaccented_query_finds_the_accented_page(page: Any, course: Path, tmp_path: Path) -> None:
    bundle = build_offline(load_valid_course(course), tmp_path / "course-fr-offline.zip", "fr")
    with zipfile.ZipFile(bundle.path) as archive:
        archive.extractall(tmp_path / "usb")
    home = tmp_path / "usb" / "course-fr-offline" / "index.html"
    page.goto(home.as_uri())
    page.click("label.md-search__icon, .md-search__input")
    page.locator(".md-search__input").press_sequentially("deuxieme", delay=30)
    page.locator(".md-search-result__item").first.wait_for()
    assert "L’objectif d’abord" in page.locator(".md-search-result").inner_text()
    assert "deuxième" in page.locator(".md-search-result mark").all_inner_texts()
    assert search(page, "DEUXIEME") == search(page, "deuxième") == search(page, "deuxieme")
    # The article's own entry carries no word when only a section matched: follow the section.
    page.locator(".md-search-result__link[href*='h=deuxieme']").first.click()
    page.wait_for_url("**/01-goal-first.html*")
    assert page.url.endswith("01-goal-first.html?h=deuxieme#pourquoi-cest-important"), page.url
    page.locator("article mark[data-md-highlight]").first.wait_for()
    assert page.locator("article mark[data-md-highlight]").all_inner_texts() == ["deuxième"]
    assert page.errors == []
    assert [r for r in page.requests if not r.startswith("file://")] == []
