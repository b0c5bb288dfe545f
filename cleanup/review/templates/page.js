// The dump's lines, built from the escaped <pre> (its text, never its HTML), tinted by item;
// clicking a line selects its item and clicking an item selects its lines.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("data").textContent);
  var pre = document.getElementById("dump");
  var texts = pre ? pre.textContent.split("\n") : [];
  var itemOf = {}, roleOf = {}, spanStart = {}, spanOf = {}, linesOf = {};
  var spans = [];  // [item, first, last, role], from each item's [first, last, role] lists
  data.spans.forEach(function (own, item) {
    own.forEach(function (s) {
      if (Array.isArray(s) && s[0] > 0 && s[1] >= s[0]) spans.push([item, s[0], s[1], String(s[2])]);
    });
  });
  spans.forEach(function (s) {
    var item = s[0], first = s[1], last = s[2], role = s[3];
    spanStart[first] = true;
    for (var m = first; m <= last; m++) spanOf[m] = s;
    (linesOf[item] = linesOf[item] || []).push([first, last]);
    for (var n = first; n <= last; n++) { itemOf[n] = item; roleOf[n] = role; }
  });

  // steps: [code, first, last, before, after] changed text; [code, first, last, role] gave a role
  var changes = {}, decided = {};
  function add(map, n, value) { (map[n] = map[n] || []).push(value); }
  data.steps.forEach(function (step) {
    if (step.length === 5) changedLines(step).forEach(function (n) { add(changes, n, step); });
    else add(decided, step[1], step);
  });

  // A change in a block of many lines is marked on the lines that hold it, found by its text.
  function changedLines(step) {
    var first = step[1], last = step[2];
    if (first === last) return [first];
    var before = step[3].replace(/^…|…$/g, ""), after = step[4].replace(/^…|…$/g, "");
    var head = 0, tail = 0;
    while (head < before.length && head < after.length && before[head] === after[head]) head++;
    while (tail < before.length - head && tail < after.length - head &&
           before[before.length - 1 - tail] === after[after.length - 1 - tail]) tail++;
    var needle = squeeze(before.slice(Math.max(0, head - 2), before.length - tail + 2));
    var hay = "", owner = [];
    for (var n = first; n <= last && n <= texts.length; n++) {
      var line = squeeze(texts[n - 1] || "");
      hay += line;
      for (var k = 0; k < line.length; k++) owner.push(n);
    }
    var at = needle ? hay.indexOf(needle) : -1;
    if (at < 0) return [first];
    var found = [];
    for (var i = at; i < at + Math.max(1, needle.length); i++) {
      if (found.indexOf(owner[i]) < 0) found.push(owner[i]);
    }
    return found;
  }
  function squeeze(text) { return text.replace(/\s+/g, ""); }

  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The items, from their files: plain blocks as text, or markdown-it-py's HTML (its text escaped, raw HTML off).
  var pane = document.getElementById("items-pane");
  data.items.forEach(function (item, k) {
    var card = el("article", "item c" + (k % 12));
    card.id = "item-" + k;
    card.dataset.item = k;
    card.tabIndex = 0;
    var head = el("header"), ranges = linesOf[k] || [], count = 0, first = 0;
    ranges.forEach(function (r) { count += r[1] - r[0] + 1; first = first ? Math.min(first, r[0]) : r[0]; });
    head.appendChild(el("span", "num", item.name));
    head.appendChild(el("span", "kind k-" + item.kind, item.kind));
    head.appendChild(el("span", "where", count + (count === 1 ? " line" : " lines") + (first ? ", from line " + first : "")));
    var file = el("a", "file", "file");
    file.href = item.href;
    head.appendChild(file);
    card.appendChild(head);
    if (item.warnings) {
      var list = el("ul", "warnings");
      item.warnings.forEach(function (w) {
        var li = el("li", "warning");
        li.appendChild(el("code", "code", w[0] || "—"));
        li.appendChild(document.createTextNode(" "));
        li.appendChild(el("span", "message", w[1]));
        if (w[2]) li.appendChild(el("span", "description", w[2]));
        list.appendChild(li);
      });
      card.appendChild(list);
    }
    if (item.front && item.front.length) {
      var table = el("table", "front");
      item.front.forEach(function (kv) {
        var tr = el("tr");
        tr.appendChild(el("th", "", kv[0]));
        tr.appendChild(el("td", "", kv[1]));
        table.appendChild(tr);
      });
      card.appendChild(table);
    }
    var md = el("div", "md");
    if (item.missing) md.appendChild(el("p", "missing", item.missing));
    else if (item.html !== undefined) md.innerHTML = item.html;
    else item.text.split("\n").forEach(function (text, b) {
      md.appendChild(el({"p": "p", "1": "h1", "2": "h2"}[item.tags[b]], "", text));
    });
    card.appendChild(md);
    pane.appendChild(card);
  });

  document.body.classList.add("js");
  var box = el("div");
  box.id = "lines";
  var lineEls = [null];
  texts.forEach(function (text, i) {
    var n = i + 1, item = itemOf[n];
    var row = el("div", "ln" + (item !== undefined ? " c" + (item % 12) : "") + (text.trim() ? "" : " blank"));
    row.id = "L" + n;
    row.dataset.line = n;
    if (item !== undefined) { row.dataset.item = item; row.dataset.role = roleOf[n]; }
    row.appendChild(el("span", "no", String(n)));
    row.appendChild(el("span", "mk", changes[n] ? "✎" : ""));
    var tag = el("span", "rl");
    if (item !== undefined && spanStart[n]) {
      tag.appendChild(el("span", "in", data.items[item].name.replace(/\.md$/, "")));
      tag.appendChild(el("span", "role r-" + roleOf[n], roleOf[n]));
    }
    row.appendChild(tag);
    row.appendChild(el("span", "tx", text));
    if (changes[n]) row.classList.add("changed");
    if (item !== undefined && spanOf[n][2] === n) row.classList.add("block-end");
    box.appendChild(row);
    lineEls.push(row);
  });
  if (pre) pre.parentNode.insertBefore(box, pre);

  var items = document.querySelectorAll("article.item");
  var selected = null;
  function select(item, from) {
    box.querySelectorAll(".ln.sel").forEach(function (row) { row.classList.remove("sel"); });
    items.forEach(function (card) { card.classList.remove("sel"); });
    selected = item;
    if (item === null) { box.classList.remove("has-selection"); return; }
    box.classList.add("has-selection");
    var firstRow = null;
    (linesOf[item] || []).forEach(function (range) {
      for (var n = range[0]; n <= range[1]; n++) {
        if (lineEls[n]) { lineEls[n].classList.add("sel"); firstRow = firstRow || lineEls[n]; }
      }
    });
    var card = document.getElementById("item-" + item);
    if (card) card.classList.add("sel");
    if (from === "item" && firstRow) firstRow.scrollIntoView({block: "center"});
    if (from === "line" && card) card.scrollIntoView({block: "start"});
  }
  box.addEventListener("click", function (event) {
    var row = event.target.closest(".ln");
    if (!row) return;
    var item = row.dataset.item === undefined ? null : Number(row.dataset.item);
    select(item === selected ? null : item, "line");
  });
  items.forEach(function (card) {
    card.addEventListener("click", function (event) {
      if (event.target.closest("a")) return;
      var item = Number(card.dataset.item);
      select(item === selected ? null : item, "item");
    });
  });

  var tip = document.getElementById("tip");
  function describe(code) { return code + (data.rules[code] ? " " + data.rules[code] : ""); }
  function showTip(row, event) {
    var n = Number(row.dataset.line), item = itemOf[n];
    tip.textContent = "";
    var where = "line " + n;
    if (item !== undefined) {
      var info = data.items[item];
      where += " · " + info.name + " " + info.kind + (info.title ? " “" + info.title + "”" : "") + " · " + roleOf[n];
    } else if (!texts[n - 1].trim()) {
      where += " · blank";
    }
    tip.appendChild(el("div", "head", where));
    (changes[n] || []).forEach(function (step) {
      var part = el("div", "step");
      part.appendChild(el("div", "", describe(step[0]) + (step[1] !== step[2] ? " (lines " + step[1] + "–" + step[2] + ")" : "")));
      part.appendChild(el("div", "before", "− " + step[3]));
      part.appendChild(el("div", "after", "+ " + step[4]));
      tip.appendChild(part);
    });
    (decided[n] || []).forEach(function (step) {
      tip.appendChild(el("div", "step note", "role " + step[3] + ": " + describe(step[0])));
    });
    if (item !== undefined && spanOf[n][1] !== spanOf[n][2]) {
      tip.appendChild(el("div", "step note", "lines " + spanOf[n][1] + "–" + spanOf[n][2] + " joined into one " + roleOf[n] + " block"));
    }
    tip.hidden = false;
    var x = Math.min(event.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
    var y = event.clientY + 16;
    if (y + tip.offsetHeight > window.innerHeight) y = Math.max(0, event.clientY - tip.offsetHeight - 10);
    tip.style.left = Math.max(0, x) + "px";
    tip.style.top = y + "px";
  }
  box.addEventListener("mousemove", function (event) {
    var row = event.target.closest(".ln");
    if (row) showTip(row, event); else tip.hidden = true;
  });
  box.addEventListener("mouseleave", function () { tip.hidden = true; });

  document.addEventListener("keydown", function (event) {
    if (event.target.closest("input, textarea") || event.ctrlKey || event.metaKey || event.altKey) return;
    var link = null;
    if (event.key === "j" || event.key === "k") {
      var step = event.key === "j" ? 1 : -1;
      var next = selected === null ? (step > 0 ? 0 : items.length - 1) : selected + step;
      if (next >= 0 && next < items.length) select(next, "item");
      if (selected !== null) document.getElementById("item-" + selected).scrollIntoView({block: "nearest"});
    } else if (event.key === "Escape") {
      select(null);
    } else if (event.key === "n") {
      link = document.getElementById("next");
    } else if (event.key === "p") {
      link = document.getElementById("previous");
    }
    if (link) window.location.href = link.href;
  });
})();
