/* In-page search highlighting that forgives accents (coursegen).
 *
 * A search result link carries the query's words in ?h=, and Material marks them in the page
 * where they are written exactly as in ?h= (case aside). Our search worker folds queries
 * (assets/javascripts/workers/cq-search.js), so ?h= says "reponse" where the page says
 * "réponse": this script marks those, the places whose folded text is a folded word of ?h= but
 * whose letters differ from it. The two never mark the same letters, whichever runs first. */
(function () {
  "use strict";

  function words() {
    var h = new URL(window.location.href).searchParams.get("h");
    if (!h || typeof self.cqFold !== "function") return [];
    return h.split(/[\s*+\-:~^]+/).map(self.cqFold).filter(function (w) { return w.length > 0; });
  }

  // The folded text of `text`, and for each folded letter the index of the letter it came from.
  function folded(text) {
    var out = "", origin = [];
    for (var i = 0; i < text.length;) {
      var c = String.fromCodePoint(text.codePointAt(i)), f = self.cqFold(c);
      for (var k = 0; k < f.length; k++) origin.push(i);
      out += f;
      i += c.length;
    }
    origin.push(text.length);
    return { text: out, origin: origin };
  }

  function ranges(text, terms) {
    var f = folded(text), found = [];
    terms.forEach(function (term) {
      for (var at = f.text.indexOf(term); at !== -1; at = f.text.indexOf(term, at + term.length)) {
        var start = f.origin[at], end = f.origin[at + term.length];
        if (text.slice(start, end).toLowerCase() !== term) found.push([start, end]);
      }
    });
    found.sort(function (a, b) { return a[0] - b[0]; });
    return found.filter(function (r, i) { return i === 0 || r[0] >= found[i - 1][1]; });
  }

  function mark(node, found) {
    var text = node.textContent, parts = document.createDocumentFragment(), cursor = 0;
    found.forEach(function (r) {
      parts.appendChild(document.createTextNode(text.slice(cursor, r[0])));
      var m = document.createElement("mark");
      m.setAttribute("data-md-highlight", "");
      m.textContent = text.slice(r[0], r[1]);
      parts.appendChild(m);
      cursor = r[1];
    });
    parts.appendChild(document.createTextNode(text.slice(cursor)));
    node.parentNode.replaceChild(parts, node);
  }

  function highlight() {
    var terms = words();
    var content = document.querySelector("[data-md-component=content]");
    if (!terms.length || !content) return;
    var walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT), todo = [];
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      var parent = node.parentElement;
      if (!parent || !parent.offsetHeight || parent.closest("mark, script, style")) continue;
      var found = ranges(node.textContent, terms);
      if (found.length) todo.push([node, found]);
    }
    todo.forEach(function (item) { mark(item[0], item[1]); });
  }

  function start() { self.cq.mount(highlight); } // core.js is on every page that loads this file

  // a11y.js loads this file on a page reached from a search result; the folding comes first.
  if (typeof self.cqFold === "function") start();
  else self.cq.load("fold.js", start);
})();
