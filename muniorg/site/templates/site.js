// Search and country filter of the index page. Without this script every entry shows.
"use strict";
(function () {
  var form = document.querySelector("form.filters");
  if (!form) {
    return;
  }
  var search = document.getElementById("search");
  var country = document.getElementById("country");
  var count = document.getElementById("count");
  var label = document.getElementById("shown-label").getAttribute("data-shown-label");
  var entries = Array.prototype.slice.call(document.querySelectorAll("#entries > li"));
  // Letters without a decomposition, as a keyboard without them types them: "soro" finds
  // Sorø, "guovdageaidnu" Guovdageaidnu, "hoylandet" Høylandet.
  var plain = {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "đ": "d", "ð": "d", "ŧ": "t",
    "ŋ": "n", "ł": "l", "þ": "th"};
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[øæœßđðŧŋłþ]/g, function (letter) { return plain[letter]; });
  }
  function update() {
    var words = fold(search.value).split(/\s+/).filter(Boolean);
    var wanted = country.value;
    var shown = 0;
    entries.forEach(function (entry) {
      // the name shown, and its other languages' and other names (data-names)
      var text = fold(entry.textContent + " " + (entry.getAttribute("data-names") || ""));
      var match = (!wanted || entry.getAttribute("data-country") === wanted) &&
        words.every(function (word) { return text.indexOf(word) !== -1; });
      entry.hidden = !match;
      if (match) {
        shown += 1;
      }
    });
    count.textContent = shown + " / " + entries.length + " " + label;
  }
  form.hidden = false;
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  search.addEventListener("input", update);
  country.addEventListener("change", update);
  update();
})();
