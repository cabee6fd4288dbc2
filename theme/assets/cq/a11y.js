/* Fixes to Material's markup that axe-core reports under WCAG 2.1 AA (RGAA 4.1), tables that fit a phone,
 * the loader of the accent-forgiving search highlighting (only a page reached from a search result needs
 * it), a search index fetched only when search opens, and the offline reader (sw.js) where the build made one. */
(function (cq) {
  "use strict";
  var highlighting = false;

  // Material fetches the search index as soon as the first page starts (538 KB in French, 2.3 s of a slow
  // phone's connection even with gzip), searched or not: its request is held back until the learner opens
  // search, or arrives with a query (?q=) or search words to mark (?h=). Material asks before the page is
  // shown (on DOMContentLoaded, after this script has run); over file:// it already waits for search to open.
  var xhr = self.XMLHttpRequest && XMLHttpRequest.prototype, open = xhr && xhr.open, send = xhr && xhr.send;
  if (xhr && !/[?&][qh]=/.test(location.search)) {
    xhr.open = function (method, url) {
      this.cqIndex = /\/search\/search_index\.json$/.test(String(url));
      return open.apply(this, arguments);
    };
    xhr.send = function () {
      var request = this, args = arguments, toggle = document.getElementById("__search");
      if (!request.cqIndex || !toggle || toggle.checked) return send.apply(request, args);
      toggle.addEventListener("change", function go() {
        toggle.removeEventListener("change", go);
        send.apply(request, args);
      });
    };
  }

  // The offline reader: once the first page has loaded, the service worker fetches the rest of the course
  // in the background (one file at a time), so every lesson then reads offline. Only a web build of a brand
  // that keeps it names one (<meta name="cq-offline">); never from disk, and not when the learner asks their
  // browser to save data.
  var worker = document.querySelector('meta[name="cq-offline"]');
  if (worker && "serviceWorker" in navigator && /^https?:$/.test(location.protocol)
      && !(navigator.connection && navigator.connection.saveData)) {
    addEventListener("load", function () {
      setTimeout(function () { navigator.serviceWorker.register(worker.content).catch(function () {}); }, 1000);
    });
  }

  // A table wider than the screen becomes one card per row (a11y.css), each cell under its column's name.
  // Blocks lose a table's meaning in the accessibility tree: the roles keep it.
  function stack(table) {
    var names = cq.all(table, "thead th").map(function (th) { return th.textContent.trim(); });
    [["thead,tbody", "rowgroup"], ["tr", "row"], ["th", "columnheader"], ["td", "cell"]].forEach(function (r) {
      cq.all(table, r[0]).forEach(function (node) { node.setAttribute("role", r[1]); });
    });
    cq.all(table, "tbody tr").forEach(function (row) {
      cq.all(row, "td").forEach(function (cell, i) { if (names[i]) cell.setAttribute("data-label", names[i]); });
    });
    table.setAttribute("role", "table");
    table.classList.add("cq-stack");
  }
  // A search result link carries its words in ?h=: only then is search-highlight.js fetched (with
  // fold.js, 1.3 KB gzip that no other page carries); it then follows document$ itself.
  function fix() {
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
    cq.all(document, ".md-content .md-typeset__table > table:not([class])").forEach(function (table) {
      if (table.scrollWidth > table.parentNode.parentNode.clientWidth + 1) stack(table);
    });
    // A table wider than the screen scrolls inside a wrapper; keyboard users must reach it (WCAG 2.1.1).
    cq.all(document, ".md-typeset__scrollwrap").forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth && !wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        var caption = wrap.querySelector("th");
        wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : "table");
      }
    });
  }
  cq.mount(fix);
})(self.cq);
