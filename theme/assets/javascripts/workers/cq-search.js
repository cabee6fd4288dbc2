/* Material's search worker, made to forgive accents and case (coursegen).
 *
 * theme/main.html points the page's search at this file and names Material's own worker in
 * `?material=`. This file loads ../../cq/fold.js and Material's worker, then teaches lunr to fold:
 * every indexed word goes through cqFold in the language's own pipeline (after its stop words,
 * before its stemmer), and every word of a query is folded when lunr's query lexer reads it (Material turns
 * each word into a prefix query, which lunr never runs through its search pipeline). So "reponse"
 * and "réponse" are one query. The index keeps the original text and lunr keeps each word's
 * position, so result previews show, and mark, the words as written.
 *
 * It lives beside Material's worker on purpose: Material finds its lunr language files at
 * ../lunr from the worker's address, and, under the iframe-worker shim (file://), from the
 * address of the first script in the worker's frame, which is this one.
 */
(function () {
  "use strict";

  // Under the iframe-worker shim the worker is a frame of the page: relative URLs would resolve
  // against the page, and the shim appends "?<time>" to this file's address.
  var script = typeof document !== "undefined" ? document.currentScript : null;
  var here = (script ? script.src : self.location.href).split("?");
  var named = /(?:^|&)material=([\w.-]+\.js)/.exec(here[1] || "");
  var material = new URL(named ? named[1] : "search.js", here[0]).href;
  var fold = new URL("../../cq/fold.js", here[0]).href;

  function foldToken(token) {
    return token.update(self.cqFold);
  }

  // After the stop-word filter, whose lists are written with accents ("été", "à"), and before a
  // stemmer, so that a stem never depends on an accent: words typed either way index alike.
  function insertFold(pipeline, lunr) {
    var labels = pipeline.toJSON();
    for (var i = 0; i < labels.length; i++)
      if (/^stemmer/.test(labels[i])) return pipeline.before(lunr.Pipeline.registeredFunctions[labels[i]], foldToken);
    pipeline.add(foldToken);
  }

  function teach(lunr) {
    lunr.Pipeline.registerFunction(foldToken, "cqFold");
    // Documents are added once the language's pipeline is set up: fold in it, once per index.
    var add = lunr.Builder.prototype.add;
    lunr.Builder.prototype.add = function (doc, attributes) {
      if (!this.cqFolded) {
        insertFold(this.pipeline, lunr);
        insertFold(this.searchPipeline, lunr);
        this.cqFolded = true;
      }
      return add.call(this, doc, attributes);
    };
    // Material reads the query with lunr's lexer (to split and to list the words it found) and lunr
    // reads it again to search: folding the words the lexer emits serves both.
    var run = lunr.QueryLexer.prototype.run;
    lunr.QueryLexer.prototype.run = function () {
      run.call(this);
      for (var i = 0; i < this.lexemes.length; i++)
        if (this.lexemes[i].type === lunr.QueryLexer.TERM) this.lexemes[i].str = self.cqFold(this.lexemes[i].str);
    };
  }

  // A real worker loads scripts at once; the shim's importScripts returns a promise.
  var loaded = importScripts(fold, material);
  if (loaded && typeof loaded.then === "function") loaded.then(function () { teach(self.lunr); });
  else teach(self.lunr);
})();
