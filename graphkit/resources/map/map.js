/* graphkit map page, part 2: draws the embedded graph with vis-network and adds the legend,
   filters, search, tooltips and the side panel. Text from the data (names, sentences, titles)
   only reaches the page through the builders of part 1, as text. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("gk-data").textContent);
  var api = { data: data, network: null, nodes: null, edges: null, stable: false, selected: null,
              startMs: performance.now(), stableMs: null };
  window.gkMap = api;

  var BIG = data.big === true;
  var LABEL_MAX = 300; // edge labels cost a lot to draw: above this many, only edges in view get one
  var LABEL_ALL = data.edges.length <= LABEL_MAX;
  var placed = data.nodes.length > 0 && data.nodes[0].x !== undefined;
  var SMALL = data.nodes.length <= 150;
  // actors named in articles but in no relation are hidden at first (when there are relations)
  var loners = data.nodes.filter(function (n) { return !n.deg; }).length;
  var HIDE_LONERS = loners > 0 && data.edges.length > 0;
  var P = window.gkParts, el = P.el, add = P.add, plural = P.plural, fold = P.fold;

  var $ = function (id) { return document.getElementById(id); };
  var typeStyle = {}, classStyle = {}, nodeById = {}, edgeById = {};
  data.types.forEach(function (t) { typeStyle[t.type] = t; });
  data.classes.forEach(function (c) { classStyle[c.cls] = c; });
  data.nodes.forEach(function (n) { nodeById[n.id] = n; });
  data.edges.forEach(function (e) { edgeById[e.id] = e; });

  // ---------- vis-network data ----------
  function visNode(n) {
    var s = typeStyle[n.type] || { shape: "dot", color: "#bbbbbb", border: "#777777" };
    var item = {
      id: n.id, label: n.label, value: n.value, shape: s.shape,
      color: { background: s.color, border: s.border,
               highlight: { background: s.color, border: "#111111" },
               hover: { background: s.color, border: "#111111" } }
    };
    if (n.x !== undefined) { item.x = n.x; item.y = n.y; }
    if (n.id === data.focus) { item.borderWidth = 4; item.color.border = "#111111"; }
    if (HIDE_LONERS && !n.deg) { item.hidden = true; nodeHidden[n.id] = true; }
    return item;
  }

  function visEdges() {
    var groups = {};
    data.edges.forEach(function (e) {
      var key = Math.min(e.from, e.to) + "-" + Math.max(e.from, e.to);
      (groups[key] = groups[key] || []).push(e);
    });
    var items = [];
    Object.keys(groups).forEach(function (key) {
      groups[key].forEach(function (e, k) {
        var c = classStyle[e.cls] || classStyle["static"];
        var item = {
          id: e.id, from: e.from, to: e.to, label: LABEL_ALL ? e.label : undefined, width: e.w,
          color: { color: c.color, highlight: c.color, hover: c.color, opacity: 0.85 },
          arrows: { to: { enabled: !e.sym, scaleFactor: 0.6 } },
          dashes: e.cls === "static"
        };
        if (k > 0) {
          var forward = e.from <= e.to;
          var side = (k % 2 === 1) === forward;
          item.smooth = { enabled: true, type: side ? "curvedCW" : "curvedCCW", roundness: 0.18 * Math.ceil(k / 2) };
        }
        items.push(item);
      });
    });
    return items;
  }

  function options() {
    var physics = { enabled: false };
    if (data.physics) {
      physics = {
        enabled: true, solver: "barnesHut",
        barnesHut: { gravitationalConstant: -4000, centralGravity: 0.4, springLength: 120,
                     springConstant: 0.04, damping: 0.3, avoidOverlap: 0.4 },
        maxVelocity: 60, minVelocity: 1.0, timestep: 0.5,
        stabilization: { enabled: true, iterations: data.iterations || 300, updateInterval: 20, fit: true }
      };
    }
    return {
      autoResize: true,
      layout: { improvedLayout: data.physics && !placed && data.nodes.length <= 150, randomSeed: 7 },
      physics: physics,
      interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: BIG, hideEdgesOnZoom: BIG,
                     multiselect: false, navigationButtons: false, keyboard: false },
      nodes: {
        borderWidth: 1.5,
        font: { size: 14, color: "#222222", strokeWidth: 3, strokeColor: "#ffffff" },  // size set by scaling below
        scaling: { min: 9, max: 30, label: { enabled: true, min: 13, max: 22, drawThreshold: BIG ? 10 : SMALL ? 3 : 7, maxVisible: 28 } }
      },
      edges: {
        smooth: false,
        selectionWidth: 2, hoverWidth: 1,
        font: { size: 11, color: "#444444", strokeWidth: 0, align: "horizontal", background: "rgba(255,255,255,0.8)" }
      }
    };
  }

  // ---------- tooltip and side panel ----------
  var pointer = { x: 0, y: 0 };
  var tip = $("gk-tooltip");
  var stage = $("gk-stage");
  stage.addEventListener("pointermove", function (ev) {
    var r = stage.getBoundingClientRect();
    pointer.x = ev.clientX - r.left; pointer.y = ev.clientY - r.top;
  });
  function showTip(content) {
    tip.replaceChildren(content);
    tip.hidden = false;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var x = Math.min(pointer.x + 14, stage.clientWidth - w - 4);
    var y = pointer.y + 14 + h > stage.clientHeight ? Math.max(4, pointer.y - h - 10) : pointer.y + 14;
    tip.style.left = Math.max(4, x) + "px"; tip.style.top = y + "px";
  }
  function hideTip() { tip.hidden = true; }

  var info = $("gk-info");
  function showInfo(content, note) {
    info.replaceChildren();
    if (note) { add(info, el("p", "gk-more", note)); }
    add(info, content);
    info.hidden = false;
  }

  // ---------- legend and filters ----------
  var typeBoxes = [], classBoxes = [], relBoxes = [];
  function checkbox(attr, value) {
    var box = el("input"); box.type = "checkbox"; box.checked = true; box.setAttribute(attr, value);
    return box;
  }
  function buildLegend() {
    var types = $("gk-types");
    data.types.forEach(function (t) {
      if (!t.count) { return; }
      var box = checkbox("data-type", t.type); typeBoxes.push(box);
      add(types, add(el("li"), add(el("label", "gk-check"), box, P.swatchNode(t), el("span", null, t.label), el("span", "gk-count", t.count))));
    });
    var classes = $("gk-classes");
    data.classes.forEach(function (c) {
      if (!c.count) { return; }
      var box = checkbox("data-cls", c.cls); classBoxes.push(box);
      var item = add(el("li"), add(el("label", "gk-check"), box, P.swatchLine(c), el("span", null, c.label), el("span", "gk-count", c.count)));
      var rels = data.relations.filter(function (r) { return r.cls === c.cls; });
      var details = add(el("details"), el("summary", null, plural(rels.length, "relation type")));
      var list = el("ul");
      var own = [];
      rels.forEach(function (r) {
        var rb = checkbox("data-rel", r.name); relBoxes.push(rb); own.push(rb);
        add(list, add(el("li"), add(el("label", "gk-check"), rb, el("span", null, r.label + (r.sym ? " (mutual)" : "")), el("span", "gk-count", r.count))));
        rb.addEventListener("change", function () {
          var on = own.filter(function (x) { return x.checked; }).length;
          box.checked = on === own.length; box.indeterminate = on > 0 && on < own.length;
          applyFilters();
        });
      });
      box.addEventListener("change", function () {
        own.forEach(function (x) { x.checked = box.checked; });
        box.indeterminate = false;
        applyFilters();
      });
      add(details, list); add(item, details); add(classes, item);
    });
    typeBoxes.forEach(function (b) { b.addEventListener("change", applyFilters); });
    if (loners) {
      $("gk-isolated-row").hidden = false;
      $("gk-isolated").checked = !HIDE_LONERS;
      $("gk-isolated-count").textContent = String(loners);
      $("gk-isolated").addEventListener("change", applyFilters);
    }
    if (data.dates.length) {
      ["gk-from", "gk-to"].forEach(function (id) { $(id).min = data.dates[0]; $(id).max = data.dates[1]; $(id).addEventListener("change", applyFilters); });
      $("gk-undated").addEventListener("change", applyFilters);
    } else {
      $("gk-dates").hidden = true;
      $("gk-dates").previousElementSibling.hidden = true;
    }
    $("gk-reset").addEventListener("click", resetFilters);
    $("gk-fit").addEventListener("click", function () { if (api.network) { api.network.fit({ animation: { duration: 400 } }); } });
  }

  var nodeHidden = {}, edgeHidden = {};
  function applyFilters() {
    var types = {}, rels = {};
    typeBoxes.forEach(function (b) { if (b.checked) { types[b.getAttribute("data-type")] = true; } });
    relBoxes.forEach(function (b) { if (b.checked) { rels[b.getAttribute("data-rel")] = true; } });
    var from = $("gk-from").value, to = $("gk-to").value, undated = $("gk-undated").checked;
    var loner = $("gk-isolated").checked || !loners;
    var edgeFilter = Boolean(from || to || !undated || relBoxes.some(function (b) { return !b.checked; }));
    var typeOk = function (id) { return types[nodeById[id].type] === true; };
    var linked = {}, edgeChanges = [], nodeChanges = [], shownEdges = 0, shownNodes = 0;
    data.edges.forEach(function (e) {
      var ok = rels[e.rel] === true && typeOk(e.from) && typeOk(e.to);
      if (ok && !e.first && !e.last) { ok = undated; } else if (ok) {
        if (from && (e.last || e.first) < from) { ok = false; }
        if (to && (e.first || e.last) > to) { ok = false; }
      }
      if (ok) { linked[e.from] = true; linked[e.to] = true; shownEdges++; }
      if (Boolean(edgeHidden[e.id]) === ok) { edgeHidden[e.id] = !ok; edgeChanges.push({ id: e.id, hidden: !ok }); }
    });
    data.nodes.forEach(function (n) {
      var ok = typeOk(n.id) && (n.deg ? !edgeFilter || linked[n.id] === true : loner);
      if (ok) { shownNodes++; }
      if (Boolean(nodeHidden[n.id]) === ok) { nodeHidden[n.id] = !ok; nodeChanges.push({ id: n.id, hidden: !ok }); }
    });
    if (edgeChanges.length) { api.edges.update(edgeChanges); }
    if (nodeChanges.length) { api.nodes.update(nodeChanges); }
    if (api.selected !== null && nodeHidden[api.selected]) { api.network.unselectAll(); }
    api.shown = { nodes: shownNodes, edges: shownEdges };
    $("gk-status").textContent = "Showing " + shownNodes.toLocaleString("en") + " of " + plural(data.nodes.length, "actor") +
      " and " + shownEdges.toLocaleString("en") + " of " + plural(data.edges.length, "relation") + ".";
    var empty = $("gk-empty");
    if (data.nodes.length && !shownNodes) {
      empty.replaceChildren(el("div", null, "Nothing matches these filters."), resetButton());
      empty.hidden = false;
    } else if (data.nodes.length) {
      empty.hidden = true;
    }
  }
  function resetButton() {
    var b = el("button", null, "Reset filters"); b.type = "button";
    b.addEventListener("click", resetFilters);
    return b;
  }
  function resetFilters() {
    typeBoxes.concat(classBoxes, relBoxes).forEach(function (b) { b.checked = true; b.indeterminate = false; });
    $("gk-from").value = ""; $("gk-to").value = ""; $("gk-undated").checked = true;
    $("gk-isolated").checked = !HIDE_LONERS;
    applyFilters();
  }

  // ---------- search ----------
  var index = [];
  data.nodes.forEach(function (n) {
    [n.label].concat(n.aliases).forEach(function (name) { index.push({ key: fold(name), name: name, id: n.id }); });
  });
  function search(query) {
    var q = fold(query);
    if (!q) { return []; }
    var starts = [], contains = [], seen = {};
    index.forEach(function (entry) {
      var at = entry.key.indexOf(q);
      if (at < 0) { return; }
      (at === 0 || entry.key.charAt(at - 1) === " " ? starts : contains).push(entry);
    });
    return starts.concat(contains).filter(function (entry) {
      if (seen[entry.id]) { return false; }
      seen[entry.id] = true; return true;
    }).slice(0, 12);
  }
  function buildSearch() {
    var input = $("gk-search"), results = $("gk-results");
    var render = function () {
      results.replaceChildren();
      search(input.value).forEach(function (entry) {
        var n = nodeById[entry.id];
        var button = el("button", null, n.label); button.type = "button";
        if (entry.name !== n.label) { add(button, el("span", "gk-alias", " (" + entry.name + ")")); }
        button.addEventListener("click", function () { select(entry.id, true); });
        add(results, add(el("li"), button));
      });
    };
    input.addEventListener("input", render);
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter") {
        var found = search(input.value);
        if (found.length) { select(found[0].id, true); }
        ev.preventDefault();
      } else if (ev.key === "Escape") { input.value = ""; render(); }
    });
  }

  function select(id, move) {
    var n = nodeById[id];
    if (!n) { return; }
    api.selected = id;
    if (nodeHidden[id]) {
      showInfo(P.nodeDetails(n, true, typeStyle), "Hidden by the current filters: press Reset filters to see it on the map.");
      return;
    }
    api.network.selectNodes([id]);
    if (move) {
      api.network.focus(id, { scale: Math.max(api.network.getScale(), 1.0), animation: { duration: 450, easingFunction: "easeInOutQuad" } });
    }
    showInfo(P.nodeDetails(n, true, typeStyle));
  }
  api.select = select;
  api.search = function (q) { return search(q).map(function (e) { return e.id; }); };
  api.relabel = function () { relabel(); };

  // ---------- edge labels of big maps: only for the edges in view, once zoomed in ----------
  var labelled = {};
  function relabel() {
    if (LABEL_ALL || !api.network) { return; }
    var net = api.network, box = $("gk-network"), want = {}, inView = [];
    if (net.getScale() >= 0.6) {
      var tl = net.DOMtoCanvas({ x: 0, y: 0 }), br = net.DOMtoCanvas({ x: box.clientWidth, y: box.clientHeight });
      var pos = net.getPositions();
      data.edges.forEach(function (e) {
        var a = pos[e.from], b = pos[e.to];
        if (edgeHidden[e.id] || !a || !b) { return; }
        var x = (a.x + b.x) / 2, y = (a.y + b.y) / 2;
        if (x >= tl.x && x <= br.x && y >= tl.y && y <= br.y) { inView.push(e); }
      });
      // the best-corroborated edges in view get a label
      inView.sort(function (a, b) { return b.n - a.n; });
      inView.slice(0, LABEL_MAX).forEach(function (e) { want[e.id] = true; });
    }
    var changes = [];
    data.edges.forEach(function (e) {
      if (Boolean(labelled[e.id]) !== Boolean(want[e.id])) {
        changes.push({ id: e.id, label: want[e.id] ? e.label : "" });
      }
    });
    labelled = want;
    if (changes.length) { api.edges.update(changes); }
  }
  var relabelTimer = null;
  function relabelSoon() {
    clearTimeout(relabelTimer);
    relabelTimer = setTimeout(relabel, 200);
  }

  // ---------- drawing, then freezing ----------
  function markStable() {
    if (api.stable) { return; }
    api.stable = true;
    api.stableMs = performance.now();
    document.body.setAttribute("data-state", "stable");
    $("gk-progress").hidden = true;
    relabel();
    if (data.focus !== null && data.focus !== undefined) { select(data.focus, false); }
  }

  function draw() {
    buildLegend();
    buildSearch();
    api.nodes = new vis.DataSet(data.nodes.map(visNode));
    api.edges = new vis.DataSet(visEdges());
    if (!data.nodes.length) {
      var empty = $("gk-empty");
      empty.replaceChildren(el("div", null, "Nothing to show: the graph has no actors or relations yet."));
      empty.hidden = false;
    }
    var progress = $("gk-progress");
    if (data.physics && data.nodes.length) {
      progress.textContent = "Laying out " + plural(data.nodes.length, "actor") + "\u2026";
      progress.hidden = false;
    }
    var network = new vis.Network($("gk-network"), { nodes: api.nodes, edges: api.edges }, options());
    api.network = network;
    network.on("stabilizationProgress", function (p) {
      progress.textContent = "Laying out " + plural(data.nodes.length, "actor") + "\u2026 " + Math.round(100 * p.iterations / p.total) + "%";
    });
    var freeze = function () {
      network.setOptions({ physics: { enabled: false } });
      network.once("afterDrawing", markStable);
      network.redraw();
    };
    if (data.physics && data.nodes.length) {
      network.once("stabilizationIterationsDone", freeze);
    } else {
      network.fit();
      network.once("afterDrawing", markStable);
      network.redraw();
    }
    network.on("hoverNode", function (p) { showTip(P.nodeDetails(nodeById[p.node], false, typeStyle)); });
    network.on("hoverEdge", function (p) { showTip(P.edgeDetails(edgeById[p.edge], false, nodeById, classStyle)); });
    network.on("blurNode", hideTip);
    network.on("blurEdge", hideTip);
    network.on("dragStart", hideTip);
    network.on("zoom", function () { hideTip(); relabelSoon(); });
    network.on("dragEnd", relabelSoon);
    network.on("click", function (p) {
      hideTip();
      if (p.nodes.length) { select(p.nodes[0], false); }
      else if (p.edges.length) { api.selected = null; showInfo(P.edgeDetails(edgeById[p.edges[0]], true, nodeById, classStyle)); }
      else { api.selected = null; info.hidden = true; }
    });
    applyFilters();
  }

  draw();
})();
