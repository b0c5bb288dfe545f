// The index: every page's row is in the JSON above; one screen of them is in the table at a time.
(function () {
  "use strict";
  var rows = JSON.parse(document.getElementById("rows").textContent);
  var body = document.querySelector("#pages tbody");
  var heads = document.querySelectorAll("#pages th");
  var filter = document.getElementById("filter");
  var state = {key: 3, descending: true, start: 0, shown: rows};

  function compare(a, b) {
    var x = a[state.key], y = b[state.key];
    var order = typeof x === "number" ? x - y : (x < y ? -1 : x > y ? 1 : 0);
    if (state.descending) order = -order;
    return order || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
  }
  function cell(text, numeric) {
    var td = document.createElement("td");
    if (numeric) td.className = "n";
    td.textContent = text;
    return td;
  }
  function draw() {
    var end = Math.min(state.start + PER_SCREEN, state.shown.length);
    var fragment = document.createDocumentFragment();
    for (var i = state.start; i < end; i++) {
      var row = state.shown[i], tr = document.createElement("tr"), td = document.createElement("td");
      var link = document.createElement("a");
      link.href = row[1];
      link.textContent = row[0];
      td.appendChild(link);
      tr.appendChild(td);
      tr.appendChild(cell(row[2], true));
      tr.appendChild(cell(row[3], true));
      tr.appendChild(cell(row[4], true));
      tr.appendChild(cell(row[5], false));
      fragment.appendChild(tr);
    }
    body.textContent = "";
    body.appendChild(fragment);
    document.getElementById("shown").textContent = state.shown.length
      ? (state.start + 1) + "–" + end + " of " + state.shown.length : "no page matches";
    document.getElementById("earlier").disabled = state.start === 0;
    document.getElementById("later").disabled = end >= state.shown.length;
    heads.forEach(function (th) {
      if (Number(th.dataset.key) === state.key) th.setAttribute("aria-sort", state.descending ? "descending" : "ascending");
      else th.removeAttribute("aria-sort");
    });
  }
  function refresh() {
    var words = filter.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    state.shown = rows.filter(function (row) {
      var text = (row[0] + " " + row[5]).toLowerCase();
      return words.every(function (word) { return text.indexOf(word) >= 0; });
    });
    state.shown.sort(compare);
    state.start = 0;
    draw();
  }
  heads.forEach(function (th) {
    th.addEventListener("click", function () {
      var key = Number(th.dataset.key);
      state.descending = key === state.key ? !state.descending : key !== 0 && key !== 5;
      state.key = key;
      refresh();
    });
  });
  filter.addEventListener("input", refresh);
  document.getElementById("earlier").addEventListener("click", function () {
    state.start = Math.max(0, state.start - PER_SCREEN);
    draw();
  });
  document.getElementById("later").addEventListener("click", function () {
    if (state.start + PER_SCREEN < state.shown.length) state.start += PER_SCREEN;
    draw();
  });
  document.querySelectorAll("#codes tr").forEach(function (tr) {
    tr.addEventListener("click", function () {
      filter.value = tr.dataset.code;
      refresh();
    });
  });
  refresh();
})();
