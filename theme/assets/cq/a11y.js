/* Fixes to Material's markup that axe-core reports under WCAG 2.1 AA (RGAA 4.1), tables that fit a phone,
 * the loader of the accent-forgiving search highlighting (only a page reached from a search result needs
 * it). What must run before Material's bundle is in early.js. */
(function (cq) {
  "use strict";
  var highlighting = false, projecting = false;

  // A table wider than the screen becomes one card per row (a11y.css), each cell under its column's name
  // (written before it, so a screen reader reads it too: the header row is hidden).
  // A cell's name is the header of its column, counted over every cell of its row: a row that opens with its
  // own header (<th scope="row">, as on the progress page) would otherwise shift each label one column left.
  function stack(table) {
    var names = cq.all(table.rows[0], "th, td").map(function (th) { return th.textContent.trim(); });
    var rows = cq.all(table, "tr").slice(1);
    rows.forEach(function (row) {
      cq.all(row, "th, td").forEach(function (cell, i) {
        if (cell.tagName === "TD") cell.setAttribute("data-label", names[i] || "");
      });
    });
    // A column empty in every row is a blank to fill in (a tool's table to copy): its cells keep their names,
    // where an empty cell in a column of figures (a total's blank) is left out (a11y.css).
    names.forEach(function (name, i) {
      var cells = rows.map(function (row) { return row.cells[i]; }).filter(Boolean);
      if (cells.every(function (c) { return !c.textContent.trim(); })) cells.forEach(function (c) { c.classList.add("cq-blank"); });
    });
    table.className = "cq-stack";
  }

  function fix() {
    // The projector view's look and code come only to a page that holds one (its look first: no flash).
    if (!projecting && document.querySelector("[data-cq-projector]")) {
      projecting = true;
      cq.load("projector.css", function () { cq.load("projector.js"); });
    }
    if (!highlighting && /[?&]h=/.test(location.search)) {
      highlighting = true;
      cq.load("search-highlight.js");
    }
    // Material's search panel is a dialog without a name; screen readers announce it unnamed.
    var dialog = document.querySelector('.md-search[role="dialog"]');
    var field = document.querySelector(".md-search__input");
    if (dialog && !dialog.hasAttribute("aria-label") && field) {
      dialog.setAttribute("aria-label", field.getAttribute("aria-label") || field.getAttribute("placeholder") || "Search");
    }
    // Material's hidden toggles (search, drawer) have a <label> on most pages but not on the 404 page.
    cq.all(document, "input.md-toggle").forEach(function (toggle) {
      if (!document.querySelector('label[for="' + toggle.id + '"]') && !toggle.hasAttribute("aria-label")) {
        var input = document.querySelector(".md-search__input");
        toggle.setAttribute("aria-label", input && input.getAttribute("aria-label") || toggle.id.replace(/_/g, ""));
      }
    });
    // A table wider than the screen no longer scrolls sideways (WCAG 1.4.10): its rows become cards.
    cq.all(document, ".md-content .md-typeset__table > table:not([class])").forEach(function (table) {
      if (table.scrollWidth > table.parentNode.parentNode.clientWidth + 1) stack(table);
    });
  }
  cq.mount(fix);
})(self.cq);
