/* The practice page: up to ten of the questions the learner has met, missed ones first, then those due
 * (schedule.js decides). progress.js fetches this file only on that page; it fetches the scheduler and
 * its stylesheet in turn. The questions are the page's own quiz blocks (render/practice.py), mounted by
 * quiz.js as practice: judged and explained as everywhere, stored in no quiz's results. What practice
 * keeps (cq:practice in localStorage) never leaves the browser, and a SCORM package keeps it there too. */
(function (cq) {
  "use strict";

  // This language's interface strings (practice_js in theme/strings/<code>.yml): the build writes them in.
  var TEXT = {/*strings:practice_js*/};
  var t = cq.strings(TEXT), all = cq.all, P = null, root = null, warned = false;

  function ids() { return all(root, ".cq-practice-item").map(function (b) { return b.getAttribute("data-cq-practice"); }); }
  // The stored state, cleaned: a damaged item goes on its own, with one console warning a page view.
  function read(list) {
    var raw = null, broken = 0;
    try { raw = JSON.parse(window.localStorage.getItem(P.KEY) || "null"); } catch (e) { broken = 1; }
    var r = P.clean(raw, list, cq.now());
    if ((r.bad || broken) && !warned) {
      warned = true;
      window.console.warn("coursegen practice: " + (r.bad + broken) + " damaged item(s) of the saved practice ignored");
    }
    return r.state;
  }
  function write(state) {
    try { window.localStorage.setItem(P.KEY, JSON.stringify(state)); } catch (e) { /* blocked: practice forgets */ }
  }
  function progress() { return window.cqStore ? window.cqStore.load() : { quizzes: {} }; }

  function dateText(d, today) {
    if (d === today + 1) return t("tomorrow");
    return new Date(d * 864e5).toLocaleDateString(root.getAttribute("data-cq-locale") || document.documentElement.lang || undefined,
      { weekday: "long", day: "numeric", month: "long", timeZone: "UTC" });
  }

  // The page as the state says: the session's questions not yet answered, in its order; the status line.
  function render(state, items) {
    var today = P.day(cq.now()), s = state.session, list = s ? s.ids : [];
    var done = s ? Object.keys(s.done) : [];
    all(root, ".cq-practice-item").forEach(function (block) {
      var id = block.getAttribute("data-cq-practice"), at = list.indexOf(id);
      // One answered in this page view stays in sight with its feedback; after a reload it is done.
      if (!block.hasAttribute("data-cq-answered")) block.classList.toggle("cq-on", at !== -1 && done.indexOf(id) === -1);
      if (at !== -1) block.querySelector(".cq-number").textContent = t("number", { n: at + 1, t: list.length });
    });
    list.forEach(function (id) {
      root.insertBefore(root.querySelector('[data-cq-practice="' + id + '"]'), root.querySelector(".cq-practice-tools"));
    });
    var next = P.upcoming(items, today, 10), left = list.length - done.length;
    var right = done.filter(function (id) { return s.done[id] === 1; }).length;
    var status = !Object.keys(items).length ? t("none")
      : left ? t("due", { n: left }) + (done.length ? " " + t("answered", { a: done.length, n: list.length }) : "")
      : s ? t("done", { r: right, n: list.length, d: dateText(next[0] || today + 1, today) })
      : t("nothing", { d: dateText(next[0] || today + 1, today) });
    root.querySelector(".cq-practice-status").textContent = status;
    var more = root.querySelector(".cq-practice-more"), ics = root.querySelector(".cq-practice-ics");
    more.hidden = !Object.keys(items).length || left > 0;
    ics.hidden = !next.length;
    ics.onclick = function () { download(P.ics(next, t("event"), location.href.split("#")[0], cq.now())); };
    root.querySelector(".cq-practice-tools").hidden = more.hidden && ics.hidden;
  }

  function download(text) {
    var a = document.createElement("a");
    a.href = URL.createObjectURL(new Blob([text], { type: "text/calendar" }));
    a.download = t("fileName");
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 0);
  }

  // A session for today, kept through reloads: what is due, or (asked for) the least recently seen.
  function start(more) {
    var list = ids(), ms = cq.now(), state = read(list);
    var items = P.known(state, progress(), list, ms), s = state.session;
    // A session over (every question answered) gives way to a new one when more have fallen due since.
    var over = s && s.ids.every(function (id) { return id in s.done; });
    if (!s || more || (over && P.due(items, P.day(ms)).length)) {
      var picked = P.pick(items, P.day(ms), 10, more);
      state.session = picked.length ? { day: P.day(ms), ids: picked, done: {} } : null;
      all(root, "[data-cq-answered]").forEach(function (b) { b.removeAttribute("data-cq-answered"); });
      write(state);
    }
    render(state, items);
  }

  // The first answer to a question of the session is the one that counts; a retry only practises.
  document.addEventListener("cq:checked", function (e) {
    var block = e.detail && e.detail.quiz;
    if (!root || !block || !root.contains(block) || !block.hasAttribute("data-cq-practice")) return;
    var id = block.getAttribute("data-cq-practice"), list = ids(), ms = cq.now(), state = read(list);
    if (!state.session || state.session.ids.indexOf(id) === -1 || id in state.session.done) return;
    var items = P.known(state, progress(), list, ms);
    state.items[id] = items[id] = P.review(items[id] || {}, e.detail.correct, ms);
    state.session.done[id] = e.detail.correct ? 1 : 0;
    block.setAttribute("data-cq-answered", "");
    write(state);
    render(state, items);
  });

  function mount() {
    root = document.querySelector("[data-cq-practice]");
    if (!root || !P) return;
    root.querySelector(".cq-practice-more").onclick = function () {
      start(true);
      var first = root.querySelector(".cq-on input, .cq-on select");
      if (first) first.focus();
    };
    start(false);
  }

  // The scheduler and this page's look arrive together; the page is filled once both have.
  var waiting = 2;
  function ready() { if (--waiting) return; P = cq.practice; mount(); }
  cq.load("schedule.js", ready);
  cq.load("practice.css", ready);
  window.cqPractice = mount;
})(self.cq);
