/* Folding for search, shared by the page (search-highlight.js) and the search worker
 * (assets/javascripts/workers/cq-search.js): "Réponse", "REPONSE" and "reponse" all fold to
 * "reponse", "œuvre" to "oeuvre", "Straße" to "strasse", a typographic apostrophe to the one a
 * phone keyboard types. Only the marks that accent a letter go (combining marks of Latin, Greek
 * and Cyrillic, Hebrew points, Arabic vowel marks and tatweel): the vowel signs of Indic scripts
 * are combining marks too, but they change the word, so they stay. One code point in, zero or
 * more out, in order: the page maps what it finds back onto the original letters. */
(function (root) {
  "use strict";

  var MARKS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
  // Letters that carry no combining mark to remove, and apostrophes.
  var LETTERS = {
    "\u0153": "oe", "\u00e6": "ae", "\u00df": "ss", "\u00f8": "o", "\u0111": "d", "\u0142": "l", "\u0127": "h",
    "\u0131": "i", "\u0140": "l", "\u0133": "ij", "\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi",
    "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st", "\u2019": "'", "\u2018": "'", "\u02bc": "'"
  };
  var OTHERS = /[\u0153\u00e6\u00df\u00f8\u0111\u0142\u0127\u0131\u0140\u0133\ufb00-\ufb06\u2018\u2019\u02bc]/g;

  function letter(c) {
    return LETTERS[c];
  }

  function fold(value) {
    return String(value).toLowerCase().normalize("NFD").replace(MARKS, "").normalize("NFC").replace(OTHERS, letter);
  }

  root.cqFold = fold;
})(self);
