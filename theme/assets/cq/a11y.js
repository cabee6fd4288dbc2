/* Fixes to Material's markup that axe-core reports under WCAG 2.1 AA (RGAA 4.1), and the loader
 * of the accent-forgiving search highlighting, which only a page reached from a search result needs. */
(function (cq) {
  "use strict";
  var highlighting = false;
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
