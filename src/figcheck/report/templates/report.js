(function () {
  "use strict";
  // Everything here enhances a page that is complete without it: filters, the URL state, sorting,
  // tooltips kept on screen, the evidence a link points to brought into view.
  function all(selector, root) { return Array.prototype.slice.call((root || document).querySelectorAll(selector)); }
  function fold(text) { return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }

  var form = document.getElementById("finding-filters");
  var FIELDS = ["severity", "rule", "family", "language", "collection", "article", "new", "q"];
  var items = all("[data-finding]"), searchable = null, quietReset = false;

  function state() {
    var out = {};
    FIELDS.forEach(function (name) {
      var field = form.elements[name];
      if (!field) { return; }
      var value = field.type === "checkbox" ? (field.checked ? "1" : "") : field.value;
      if (value) { out[name] = value; }
    });
    return out;
  }

  function apply(push) {
    if (!form) { return; }
    var wanted = state(), needle = wanted.q ? fold(wanted.q) : "", shown = 0, docs = {};
    if (needle && !searchable) { searchable = items.map(function (item) { return fold(item.textContent); }); }
    items.forEach(function (item, index) {
      var ok = true;
      for (var name in wanted) {
        if (name === "q") { ok = ok && searchable[index].indexOf(needle) >= 0; }
        else { ok = ok && item.dataset[name] === wanted[name]; }
      }
      item.hidden = !ok;
      if (ok && item.tagName === "ARTICLE") { shown += 1; docs[item.dataset.article] = true; }
    });
    all("section.severity-group").forEach(function (group) {
      group.hidden = !group.querySelector("article.finding:not([hidden])");
    });
    var filtering = Object.keys(wanted).length > 0;
    all("details.doc[data-findings]").forEach(function (doc) {
      doc.hidden = filtering && !docs[doc.dataset.article];
    });
    document.getElementById("finding-count").textContent = shown + " of " + items.filter(function (i) { return i.tagName === "ARTICLE"; }).length + " shown";
    document.getElementById("no-match").hidden = shown > 0;
    if (push) {
      var query = new URLSearchParams(wanted).toString();
      history.replaceState(null, "", query ? "#findings?" + query : "#findings");
    }
  }

  function fromHash() {
    var hash = decodeURIComponent(location.hash.slice(1));
    if (form && hash.indexOf("findings?") === 0) {
      var params = new URLSearchParams(hash.slice("findings?".length));
      FIELDS.forEach(function (name) {
        var field = form.elements[name];
        if (!field) { return; }
        if (field.type === "checkbox") { field.checked = params.get(name) === "1"; }
        else { field.value = params.get(name) || ""; }
      });
      apply(false);
      document.getElementById("findings").scrollIntoView();
      return;
    }
    var target = hash && document.getElementById(hash);
    if (!target) { return; }
    // a finding or an article the filters hide is shown: the filters are cleared, the address kept
    if (form && target.closest("[hidden]")) { quietReset = true; form.reset(); apply(false); }
    for (var up = target.parentElement; up; up = up.parentElement) {
      if (up.tagName === "DETAILS") { up.open = true; }
    }
    all("mark.current").forEach(function (mark) { mark.classList.remove("current"); });
    var mark = target;
    while (mark && mark.classList.contains("anchor")) { mark = mark.nextElementSibling; }
    if (target.classList.contains("anchor") && mark) {
      mark.classList.add("current");
      mark.scrollIntoView({block: "center"});
    }
  }

  if (form) {
    form.addEventListener("input", function () { apply(true); });
    form.addEventListener("change", function () { apply(true); });
    form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
    form.addEventListener("reset", function () {
      setTimeout(function () { apply(!quietReset); quietReset = false; }, 0);
    });
    all("[data-reset]").forEach(function (button) {
      button.addEventListener("click", function () { form.reset(); });
    });
  }
  all("a[data-filter]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (!form) { return; }
      event.preventDefault();
      form.reset();
      var pair = link.dataset.filter.split("=");
      var field = form.elements[pair[0]];
      if (field.type === "checkbox") { field.checked = true; } else { field.value = pair.slice(1).join("="); }
      apply(true);
      document.getElementById("findings").scrollIntoView();
    });
  });
  window.addEventListener("hashchange", fromHash);
  fromHash();

  // the figures table: filtered, sorted and shown a page at a time, on rows read once
  var figureFilter = document.getElementById("figure-filter"), table = document.getElementById("figures-table");
  if (table) {
    var PAGE = Number(table.dataset.pageSize) || 100, page = 0, body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
    var texts = null, matching = rows, pager = document.getElementById("figure-pages");
    function showPage() {
      var pages = Math.max(1, Math.ceil(matching.length / PAGE));
      page = Math.min(Math.max(page, 0), pages - 1);
      var first = page * PAGE, last = Math.min(first + PAGE, matching.length), wanted = new Set(matching.slice(first, last));
      rows.forEach(function (row) { row.hidden = !wanted.has(row); });
      document.getElementById("figure-count").textContent = matching.length
        ? "rows " + (first + 1) + "–" + last + " of " + matching.length + " shown" : "0 shown";
      pager.hidden = pages < 2;
      pager.querySelector("[data-page=previous]").disabled = page === 0;
      pager.querySelector("[data-page=next]").disabled = page >= pages - 1;
    }
    figureFilter.addEventListener("input", function () {
      var needle = fold(figureFilter.value);
      if (!texts) { texts = new Map(rows.map(function (row) { return [row, fold(row.textContent)]; })); }
      matching = rows.filter(function (row) { return !needle || texts.get(row).indexOf(needle) >= 0; });
      page = 0;
      showPage();
    });
    pager.addEventListener("click", function (event) {
      var step = event.target.dataset && event.target.dataset.page;
      if (!step) { return; }
      page += step === "next" ? 1 : -1;
      showPage();
    });
    all("th[data-sort]", table).forEach(function (header) {
      header.addEventListener("click", function () {
        var index = header.cellIndex, ascending = header.dataset.order !== "asc", number = header.dataset.sort === "number";
        all("th", table).forEach(function (h) { delete h.dataset.order; h.removeAttribute("aria-sort"); });
        header.dataset.order = ascending ? "asc" : "desc";
        header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var keys = new Map(rows.map(function (row) {
          var cell = row.cells[index];
          return [row, number ? (parseFloat(cell.dataset.value) || 0) : cell.textContent];
        }));
        function order(a, b) {
          var x = keys.get(a), y = keys.get(b), result = number ? x - y : (x < y ? -1 : x > y ? 1 : 0);
          return ascending ? result : -result;
        }
        rows.sort(order);
        matching.sort(order);
        rows.forEach(function (row) { row.hidden = true; });
        var fragment = document.createDocumentFragment();
        rows.forEach(function (row) { fragment.appendChild(row); });
        body.appendChild(fragment);
        page = 0;
        showPage();
      });
    });
    showPage();
  }

  // keep a figure's tooltip inside the window: shifted left at the right edge, above at the bottom
  function placeTip(event) {
    var mark = event.target.closest && event.target.closest("mark.figure");
    if (!mark) { return; }
    var tip = mark.querySelector(".tip");
    tip.style.left = "0px";
    tip.classList.remove("above");
    var box = tip.getBoundingClientRect(), view = document.documentElement;
    var over = box.right - (view.clientWidth - 8);
    if (over > 0) { tip.style.left = -Math.min(over, mark.getBoundingClientRect().left - 8) + "px"; }
    if (box.bottom > window.innerHeight - 4) { tip.classList.add("above"); }
  }
  document.addEventListener("focusin", placeTip);
  document.addEventListener("mouseover", placeTip);
  // printed, every article is open
  window.addEventListener("beforeprint", function () { all("details").forEach(function (d) { d.open = true; }); });
})();
