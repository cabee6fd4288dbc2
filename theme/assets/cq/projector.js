/* The projector view: the module's screens one at a time, driven from the keyboard. a11y.js fetches this file
 * (and projector.css) only on a page that holds a view, so no other page pays for it. Without it the page shows
 * every screen, one after the other. */
(function (cq) {
  "use strict";
  var listening = null;

  function mount() {
    var html = document.documentElement, root = document.querySelector("[data-cq-projector]");
    if (listening) document.removeEventListener("keydown", listening);
    listening = null;
    html.classList.toggle("cq-projecting", !!root);
    if (!root) return;
    var screens = cq.all(root, ".cq-screen"), count = root.querySelector(".cq-projector-count");
    var t = cq.strings({ counter: root.getAttribute("data-counter") }), at = -1;
    // The arrow that points forward in the page's direction moves on (left in Arabic or Hebrew).
    var rtl = getComputedStyle(root).direction === "rtl";
    var next = { PageDown: 1, ArrowDown: 1, " ": 1 }, back = { PageUp: 1, ArrowUp: 1 };
    next[rtl ? "ArrowLeft" : "ArrowRight"] = back[rtl ? "ArrowRight" : "ArrowLeft"] = 1;

    function show(n) {
      n = Math.max(0, Math.min(screens.length - 1, n));
      if (n === at) return;
      at = n;
      screens.forEach(function (screen, i) { screen.hidden = i !== n; });
      count.textContent = t("counter", { n: n + 1, t: screens.length });
      history.replaceState(history.state, "", "#" + screens[n].id);
      // Focus follows the screen: a screen reader reads the region's label, and the page keeps the keys.
      screens[n].focus();
    }
    listening = function (e) {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      var key = e.key;
      if (key === " " && e.shiftKey) show(at - 1);
      else if (next[key]) show(at + 1);
      else if (back[key]) show(at - 1);
      else if (key === "Home") show(0);
      else if (key === "End") show(screens.length - 1);
      else if (key === "Escape") location.href = screens[at].getAttribute("data-back");
      else return;
      e.preventDefault();
    };
    document.addEventListener("keydown", listening);
    root.classList.add("cq-projector-on");
    root.querySelector(".cq-projector-bar").hidden = false;
    var asked = screens.map(function (s) { return "#" + s.id; }).indexOf(location.hash);
    show(asked < 0 ? 0 : asked);
  }

  cq.mount(mount);
})(self.cq);
