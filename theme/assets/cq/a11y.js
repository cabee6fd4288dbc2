/* Fixes to Material's markup that axe-core reports under WCAG 2.1 AA (RGAA 4.1), and the loader
 * of the accent-forgiving search highlighting, which only a page reached from a search result needs. */
(function () {
  "use strict";
  var here = document.currentScript && document.currentScript.src, highlighting;
  // A search result link carries its words in ?h=: only then is search-highlight.js fetched (with
  // fold.js, 1.3 KB gzip that no other page carries); it then follows document$ itself.
  function fix() {
    if (!highlighting && here && /[?&]h=/.test(location.search)) {
      highlighting = document.createElement("script");
      highlighting.src = new URL("search-highlight.js", here);
      document.head.appendChild(highlighting);
    }
    // Material's search panel is a dialog without a name; screen readers announce it unnamed.
    var dialog = document.querySelector('.md-search[role="dialog"]');
    var field = document.querySelector(".md-search__input");
    if (dialog && !dialog.hasAttribute("aria-label") && field) {
      dialog.setAttribute("aria-label", field.getAttribute("aria-label") || field.getAttribute("placeholder") || "Search");
    }
    // Material's hidden toggles (search, drawer) have a <label> on most pages but not on the 404 page.
    Array.prototype.forEach.call(document.querySelectorAll("input.md-toggle"), function (toggle) {
      if (!document.querySelector('label[for="' + toggle.id + '"]') && !toggle.hasAttribute("aria-label")) {
        var input = document.querySelector(".md-search__input");
        toggle.setAttribute("aria-label", input && input.getAttribute("aria-label") || toggle.id.replace(/_/g, ""));
      }
    });
    // A table wider than the screen scrolls inside a wrapper; keyboard users must reach it (WCAG 2.1.1).
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset__scrollwrap"), function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth && !wrap.hasAttribute("tabindex")) {
        wrap.setAttribute("tabindex", "0");
        wrap.setAttribute("role", "region");
        var caption = wrap.querySelector("th");
        wrap.setAttribute("aria-label", caption ? caption.textContent.trim() : "table");
      }
    });
  }
  if (window.document$ && typeof window.document$.subscribe === "function") window.document$.subscribe(fix);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fix);
  else fix();
})();
