// A list with a search box (mobility.web.SearchableSelect): typing narrows its options to
// those whose name holds the words typed, and picks the first one left if the chosen one
// went out of sight.
(function () {
  "use strict";
  document.querySelectorAll("select[data-search]").forEach(function (select) {
    var box = document.createElement("input");
    box.type = "search";
    box.className = "select-search";
    box.placeholder = select.dataset.search;
    box.setAttribute("aria-label", select.dataset.search);
    box.setAttribute("aria-controls", select.id);
    select.parentNode.insertBefore(box, select);
    box.addEventListener("input", function () {
      var words = box.value.trim().toLocaleLowerCase();
      var first = null;
      Array.prototype.forEach.call(select.options, function (option) {
        var shown = !option.value || option.text.toLocaleLowerCase().indexOf(words) !== -1;
        option.hidden = !shown;
        if (shown && option.value && first === null) { first = option; }
      });
      var chosen = select.options[select.selectedIndex];
      if (words && first !== null && (!chosen || chosen.hidden || !chosen.value)) {
        select.value = first.value;
      }
    });
  });
})();
