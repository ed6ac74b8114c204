/* graphkit map page, part 2: draws the embedded graph with vis-network and adds the legend,
   filters, timeline, search, tooltips, the details panel and exports. Text from the data
   (names, sentences, titles) only reaches the page through the builders of part 1, as text,
   or is drawn on the canvas. */
(function () {
  "use strict";

  var data = JSON.parse(document.getElementById("gk-data").textContent);
  var api = { data: data, network: null, nodes: null, edges: null, stable: false, selected: null,
              startMs: performance.now(), stableMs: null, labels: [], mode: "pairs", core: false };
  window.gkMap = api;

  var N = data.nodes.length;
  var BIG = data.big === true;
  var LABEL_MAX = 300; // edge labels cost a lot to draw: above this many, only edges in view get one
  var LOW_CONF = 0.5; // relations below this confidence are drawn faint and dashed
  var NODE_LABELS_MAX = 400; // node labels drawn per frame at most (the most important first)
  var placed = N > 0 && data.nodes[0].x !== undefined;
  var SMALL = N <= 150;
  var loners = data.nodes.filter(function (n) { return !n.deg; }).length;
  var HIDE_LONERS = loners > 0 && data.edges.length > 0;
  var P = window.gkParts, el = P.el, add = P.add, plural = P.plural, fold = P.fold;

  var $ = function (id) { return document.getElementById(id); };
  var typeStyle = {}, classStyle = {}, nodeById = {}, edgeById = {}, commColor = {};
  data.types.forEach(function (t) { typeStyle[t.type] = t; });
  data.classes.forEach(function (c) { classStyle[c.cls] = c; });
  data.nodes.forEach(function (n) { nodeById[n.id] = n; });
  data.edges.forEach(function (e) { edgeById[e.id] = e; });
  (data.communities || []).forEach(function (c) { commColor[c.id] = c.color; });
  var byRank = data.nodes.slice().sort(function (a, b) { return a.rank - b.rank; });

  // actor pairs: one combined line per pair (loops are pairs of one actor)
  var pairs = {}, pairList = [];
  data.edges.forEach(function (e) {
    var a = Math.min(e.from, e.to), b = Math.max(e.from, e.to), key = "p" + a + "-" + b;
    if (!pairs[key]) { pairs[key] = { id: key, from: a, to: b, rels: [] }; pairList.push(pairs[key]); }
    pairs[key].rels.push(e);
    e.pair = key;
  });
  pairList.forEach(function (p) { p.rels.sort(function (x, y) { return y.n - x.n || x.id - y.id; }); });
  var neighbours = {};
  data.edges.forEach(function (e) {
    (neighbours[e.from] = neighbours[e.from] || {})[e.to] = true;
    (neighbours[e.to] = neighbours[e.to] || {})[e.from] = true;
  });

  // big maps open on their most important actors (placed apart by the server: cx, cy)
  var coreIds = {}, CORE = 0;
  data.nodes.forEach(function (n) { if (n.cx !== undefined) { coreIds[n.id] = true; CORE++; } });
  var state = { colour: "type", core: CORE > 0, dim: null, minConf: 0, extra: {} };
  var moved = {};  // partners of a selected top actor, placed around it while it is selected
  api.core = state.core;

  // ---------- vis-network data ----------
  function nodeSize(n) { return 6 + 30 * Math.sqrt(Math.max(0, Math.min(1, n.value || 0))); }
  function fontSize(n) { return Math.round(11 + 7 * Math.sqrt(Math.max(0, Math.min(1, n.value || 0)))); }
  function nodeLook(n) {
    var s = typeStyle[n.type] || { shape: "dot", color: "#bbbbbb", border: "#777777" };
    var fill = state.colour === "community" ? (commColor[n.comm] || "#dddddd") : s.color;
    var border = state.colour === "community" ? "#555555" : s.border;
    if (state.dim && !state.dim[n.id]) { fill = "#ececec"; border = "#d6d6d6"; }
    var look = { id: n.id, color: { background: fill, border: border,
                 highlight: { background: fill, border: "#111111" }, hover: { background: fill, border: "#111111" } } };
    if (n.id === data.focus) { look.borderWidth = 4; look.color.border = "#111111"; }
    return look;
  }
  function visNode(n) {
    var s = typeStyle[n.type] || { shape: "dot" };
    var item = nodeLook(n);
    item.shape = s.shape; item.size = nodeSize(n);
    if (state.core && n.cx !== undefined) { item.x = n.cx; item.y = n.cy; }
    else if (n.x !== undefined) { item.x = n.x; item.y = n.y; }
    return item;
  }

  function edgeWidth(n) { return Math.round(Math.min(2 + 1.5 * Math.log2(Math.max(n, 1)), 9) * 100) / 100; }
  function faint(conf, hedged) { return conf < LOW_CONF || hedged; }

  // what a pair looks like given the relations of it that pass the filters
  function pairLook(p, rels) {
    var n = 0, net = 0, events = false, conf = 0, fw = false, bw = false, asserted = false;
    rels.forEach(function (e) {
      var k = Math.max(e.n, 1);
      n += k;
      if (e.cls !== "static") { events = true; net += e.s * k; }
      conf = Math.max(conf, e.conf);
      if (e.mod === "asserted") { asserted = true; }
      if (!e.sym) { if (e.from === p.from) { fw = true; } else { bw = true; } }
    });
    var kind = !events ? "static" : net > 0 ? "cooperation" : net < 0 ? "conflict" : "mixed";
    return { n: n, kind: kind, conf: conf, fw: fw, bw: bw, hedged: !asserted, count: rels.length };
  }
  function pairItem(p, look) {
    var color = data.net[look.kind];
    var weak = faint(look.conf, look.hedged);
    var item = {
      id: p.id, from: p.from, to: p.to, width: edgeWidth(look.n), hidden: false,
      color: { color: color, highlight: color, hover: color, opacity: weak ? 0.35 : 0.85 },
      arrows: { to: { enabled: look.fw, scaleFactor: 0.6 }, from: { enabled: look.bw, scaleFactor: 0.6 } },
      dashes: look.kind === "static" || weak ? [6, 5] : false, smooth: false
    };
    if (state.dim && !(state.dim[p.from] && state.dim[p.to])) { item.color.opacity = 0.07; }
    return item;
  }
  function relationItem(e, k) {
    var c = classStyle[e.cls] || classStyle["static"];
    var weak = faint(e.conf, e.mod !== "asserted");
    var item = {
      id: e.id, from: e.from, to: e.to, width: e.w,
      color: { color: c.color, highlight: c.color, hover: c.color, opacity: weak ? 0.35 : 0.85 },
      arrows: { to: { enabled: !e.sym, scaleFactor: 0.6 }, from: { enabled: false } },
      dashes: e.cls === "static" || weak ? [6, 5] : false, smooth: false
    };
    if (k > 0) {
      var forward = e.from <= e.to;
      var side = (k % 2 === 1) === forward;
      item.smooth = { enabled: true, type: side ? "curvedCW" : "curvedCCW", roundness: 0.18 * Math.ceil(k / 2) };
    }
    if (state.dim && !(state.dim[e.from] && state.dim[e.to])) { item.color.opacity = 0.07; }
    return item;
  }
  function allItems() {
    if (api.mode === "pairs") {
      return pairList.map(function (p) { var item = pairItem(p, pairLook(p, p.rels)); item.hidden = true; return item; });
    }
    var items = [];
    pairList.forEach(function (p) {
      p.rels.forEach(function (e, k) { var item = relationItem(e, k); item.hidden = true; items.push(item); });
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
      layout: { improvedLayout: data.physics && !placed && N <= 150, randomSeed: 7 },
      physics: physics,
      interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: BIG, hideEdgesOnZoom: BIG,
                     multiselect: false, navigationButtons: false, keyboard: false },
      nodes: { borderWidth: 1.5 },  // labels are drawn by drawLabels, by importance, never piled up
      edges: {
        smooth: false,
        selectionWidth: 2, hoverWidth: 1,
        font: { size: 11, color: "#444444", strokeWidth: 0, align: "horizontal", background: "rgba(255,255,255,0.8)" }
      }
    };
  }

  // ---------- node labels: most important first, never overlapping, readable at any zoom ----------
  var widths = {};
  function drawLabels(ctx) {
    var net = api.network;
    if (!net) { return; }
    var canvas = ctx.canvas, W = canvas.clientWidth, H = canvas.clientHeight;
    var ratio = canvas.width / Math.max(W, 1), scale = net.getScale();
    var body = net.body.nodes, cell = 80, grid = {}, drawn = [], boxes = [];
    var order = byRank;
    if (state.dim) {
      order = byRank.filter(function (n) { return state.dim[n.id]; });
      if (api.selected !== null && nodeById[api.selected]) { order = [nodeById[api.selected]].concat(order); }
    }
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textAlign = "center"; ctx.textBaseline = "top"; ctx.lineJoin = "round";
    var hit = function (x0, y0, x1, y1) {
      for (var gx = Math.floor(x0 / cell); gx <= Math.floor(x1 / cell); gx++) {
        for (var gy = Math.floor(y0 / cell); gy <= Math.floor(y1 / cell); gy++) {
          var list = grid[gx + ":" + gy];
          if (!list) { continue; }
          for (var i = 0; i < list.length; i++) {
            var b = list[i];
            if (x0 < b[2] && x1 > b[0] && y0 < b[3] && y1 > b[1]) { return true; }
          }
        }
      }
      return false;
    };
    var seen = {};
    for (var i = 0; i < order.length && drawn.length < NODE_LABELS_MAX; i++) {
      var n = order[i];
      if (seen[n.id] || nodeHidden[n.id]) { continue; }
      seen[n.id] = true;
      var b = body[n.id];
      if (!b || b.options.hidden) { continue; }
      var p = net.canvasToDOM({ x: b.x, y: b.y });
      if (p.x < -200 || p.x > W + 200 || p.y < -50 || p.y > H + 50) { continue; }
      var size = fontSize(n);
      var font = (n.rank < 10 ? "600 " : "") + size + "px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
      var key = n.id + ":" + font;
      if (widths[key] === undefined) { ctx.font = font; widths[key] = ctx.measureText(n.label).width; }
      var w = widths[key], r = nodeSize(n) * scale, h = size * 1.2, box = null, cx = p.x, top = 0;
      // below the actor, else above, right or left of it: the first place that is free
      var spots = [[p.x, p.y + r + 2], [p.x, p.y - r - 2 - h], [p.x + r + 4 + w / 2, p.y - h / 2], [p.x - r - 4 - w / 2, p.y - h / 2]];
      for (var k = 0; k < spots.length; k++) {
        var c = [spots[k][0] - w / 2 - 2, spots[k][1] - 1, spots[k][0] + w / 2 + 2, spots[k][1] + h];
        if (c[2] < 0 || c[0] > W || c[3] < 0 || c[1] > H) { continue; }
        if (!hit(c[0], c[1], c[2], c[3])) { box = c; cx = spots[k][0]; top = spots[k][1]; break; }
      }
      if (!box) { continue; }
      for (var gx = Math.floor(box[0] / cell); gx <= Math.floor(box[2] / cell); gx++) {
        for (var gy = Math.floor(box[1] / cell); gy <= Math.floor(box[3] / cell); gy++) {
          (grid[gx + ":" + gy] = grid[gx + ":" + gy] || []).push(box);
        }
      }
      ctx.font = font;
      ctx.lineWidth = 3.5; ctx.strokeStyle = "rgba(255,255,255,0.95)";
      ctx.strokeText(n.label, cx, top);
      ctx.fillStyle = "#1d1d1d";
      ctx.fillText(n.label, cx, top);
      drawn.push(n.label);
      boxes.push({ label: n.label, x: cx, y: top, size: size, bold: n.rank < 10 });
    }
    ctx.restore();
    api.labels = drawn;
    api.labelBoxes = boxes;
  }

  // ---------- tooltip and details panel ----------
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

  var info = $("gk-info"), infoBody = $("gk-info-body");
  function showInfo(content, note) {
    infoBody.replaceChildren();
    if (note) { add(infoBody, el("p", "gk-more", note)); }
    add(infoBody, content);
    info.hidden = false;
    info.scrollTop = 0;
  }
  function edgeTarget(id) {
    if (api.mode === "pairs") {
      var p = pairs[id];
      return p ? { pair: p, rels: p.rels.filter(function (e) { return !edgeHidden[e.id]; }) } : null;
    }
    var e = edgeById[id];
    return e ? { pair: null, rels: [e] } : null;
  }
  function edgeContent(t, full) {
    if (!t.pair) { return P.edgeDetails(t.rels[0], full, nodeById, classStyle); }
    var look = pairLook(t.pair, t.rels);
    return P.pairDetails({ from: t.pair.from, to: t.pair.to, n: look.n, net: look.kind }, t.rels, full, nodeById, classStyle);
  }

  // ---------- legend and filters ----------
  var typeBoxes = [], classBoxes = [], relBoxes = [];
  function checkbox(attr, value) {
    var box = el("input"); box.type = "checkbox"; box.checked = true; box.setAttribute(attr, value);
    return box;
  }
  var days = [];  // timeline steps: every distinct first date of a relation
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
    // colour by kind or by community
    if ((data.communities || []).length) {
      $("gk-colour-row").hidden = false;
      var list2 = $("gk-communities");
      data.communities.slice(0, 12).forEach(function (c) {
        var dot = el("span", "gk-dot"); dot.style.background = c.color;
        add(list2, add(el("li"), dot, el("span", null, c.lead + " and " + plural(c.count - 1, "other")), el("span", "gk-count", c.count)));
      });
      document.querySelectorAll("input[name=gk-colour]").forEach(function (r) {
        r.addEventListener("change", function () { if (r.checked) { setColour(r.value); } });
      });
    }
    $("gk-all-rels").addEventListener("change", function () { setMode($("gk-all-rels").checked ? "relations" : "pairs"); });
    // confidence
    $("gk-conf").addEventListener("input", function () {
      state.minConf = Number($("gk-conf").value);
      $("gk-conf-value").textContent = state.minConf.toFixed(2);
      applyFilters();
    });
    // dates and timeline
    if (data.dates.length) {
      ["gk-from", "gk-to"].forEach(function (id) {
        $(id).min = data.dates[0]; $(id).max = data.dates[1];
        $(id).addEventListener("change", function () { syncTimeline(); applyFilters(); });
      });
      $("gk-undated").addEventListener("change", applyFilters);
      var seenDay = {};
      data.edges.forEach(function (e) { var d = e.first || e.last; if (d && !seenDay[d]) { seenDay[d] = true; days.push(d); } });
      days.sort();
      var time = $("gk-time");
      time.max = String(Math.max(days.length - 1, 0)); time.value = time.max;
      time.addEventListener("input", function () { stopPlay(); setTimeline(Number(time.value)); });
      $("gk-play").addEventListener("click", togglePlay);
      syncTimeline();
    } else {
      $("gk-dates").hidden = true;
      $("gk-dates-head").hidden = true;
    }
    $("gk-reset").addEventListener("click", resetFilters);
    $("gk-fit").addEventListener("click", function () { fitShown(true); });
    $("gk-info-close").addEventListener("click", clearSelection);
    $("gk-png").addEventListener("click", function () { exportPng(); });
    $("gk-svg").addEventListener("click", function () { download("graphkit-map.svg", "image/svg+xml", exportSvg()); });
    $("gk-csv-actors").addEventListener("click", function () { download("graphkit-actors.csv", "text/csv", exportCsv("actors")); });
    $("gk-csv-relations").addEventListener("click", function () { download("graphkit-relations.csv", "text/csv", exportCsv("relations")); });
    $("gk-core-all").addEventListener("click", function () { setCore(!state.core); });
  }

  // ---------- timeline: relations known up to a date, with a play button ----------
  var playTimer = null;
  function setTimeline(step) {
    var d = days[Math.max(0, Math.min(step, days.length - 1))];
    $("gk-time").value = String(step);
    $("gk-to").value = step >= days.length - 1 ? "" : d;
    $("gk-time-label").textContent = step >= days.length - 1 ? "All dates up to " + data.dates[1] : "Relations first reported by " + d;
    applyFilters();
  }
  function syncTimeline() {
    if (!days.length) { return; }
    var to = $("gk-to").value, step = days.length - 1;
    if (to) { step = 0; while (step < days.length - 1 && days[step + 1] <= to) { step++; } }
    $("gk-time").value = String(step);
    $("gk-time-label").textContent = to ? "Relations first reported by " + to : "All dates up to " + data.dates[1];
  }
  function togglePlay() {
    if (playTimer) { stopPlay(); return; }
    var step = Number($("gk-time").value) >= days.length - 1 ? 0 : Number($("gk-time").value);
    var stride = Math.max(1, Math.round(days.length / 40));
    $("gk-play").textContent = "\u275a\u275a";
    setTimeline(step);
    playTimer = setInterval(function () {
      step = Math.min(step + stride, days.length - 1);
      setTimeline(step);
      if (step >= days.length - 1) { stopPlay(); }
    }, 450);
  }
  function stopPlay() {
    if (playTimer) { clearInterval(playTimer); playTimer = null; }
    $("gk-play").textContent = "\u25b6";
  }
  api.setTimeline = setTimeline;

  // ---------- filters: relations pass or not; combined lines show what passes ----------
  var nodeHidden = {}, edgeHidden = {}, itemShown = {};
  function applyFilters() {
    var types = {}, rels = {};
    typeBoxes.forEach(function (b) { if (b.checked) { types[b.getAttribute("data-type")] = true; } });
    relBoxes.forEach(function (b) { if (b.checked) { rels[b.getAttribute("data-rel")] = true; } });
    var from = $("gk-from").value, to = $("gk-to").value, undated = $("gk-undated").checked;
    var loner = $("gk-isolated").checked || !loners, minConf = state.minConf;
    var edgeFilter = Boolean(from || to || !undated || minConf > 0 || relBoxes.some(function (b) { return !b.checked; }));
    var nodeOk = function (id) {
      return types[nodeById[id].type] === true && (!state.core || coreIds[id] === true || state.extra[id] === true);
    };
    var linked = {}, nodeChanges = [], shownEdges = 0, shownNodes = 0;
    data.edges.forEach(function (e) {
      var ok = rels[e.rel] === true && nodeOk(e.from) && nodeOk(e.to) && e.conf >= minConf - 1e-9;
      if (ok && !e.first && !e.last) { ok = undated; } else if (ok) {
        if (from && (e.last || e.first) < from) { ok = false; }
        if (to && (e.first || e.last) > to) { ok = false; }
      }
      if (ok) { linked[e.from] = true; linked[e.to] = true; shownEdges++; }
      edgeHidden[e.id] = !ok;
    });
    data.nodes.forEach(function (n) {
      var ok = nodeOk(n.id) && (n.deg ? !edgeFilter || linked[n.id] === true : loner);
      if (ok) { shownNodes++; }
      if (Boolean(nodeHidden[n.id]) === ok) { nodeHidden[n.id] = !ok; nodeChanges.push({ id: n.id, hidden: !ok }); }
    });
    refreshEdges(false);
    if (nodeChanges.length) { api.nodes.update(nodeChanges); }
    if (api.selected !== null && nodeHidden[api.selected]) { clearSelection(); }
    api.shown = { nodes: shownNodes, edges: shownEdges };
    var status = "Showing " + shownNodes.toLocaleString("en") + " of " + plural(N, "actor") +
      " and " + shownEdges.toLocaleString("en") + " of " + plural(data.edges.length, "relation");
    if (api.mode === "pairs") { status += " (" + plural(countShown(), "line") + ")"; }
    $("gk-status").textContent = status + ".";
    var empty = $("gk-empty");
    if (N && !shownNodes) {
      empty.replaceChildren(el("div", null, "Nothing matches these filters."), resetButton());
      empty.hidden = false;
    } else if (N) {
      empty.hidden = true;
    }
  }
  function countShown() { var k = 0; Object.keys(itemShown).forEach(function (id) { if (itemShown[id]) { k++; } }); return k; }

  // the vis edges of the current mode: update what changed since the last call
  var itemSig = {};
  function refreshEdges(force) {
    var changes = [];
    var push = function (id, item, sig) {
      if (!force && itemSig[id] === sig) { return; }
      itemSig[id] = sig;
      changes.push(item);
    };
    var dimSig = state.dim ? "d" : "";
    if (api.mode === "pairs") {
      pairList.forEach(function (p) {
        var shown = p.rels.filter(function (e) { return !edgeHidden[e.id]; });
        itemShown[p.id] = shown.length > 0;
        if (!shown.length) { push(p.id, { id: p.id, hidden: true }, "h"); return; }
        var look = pairLook(p, shown);
        var dimmed = state.dim && !(state.dim[p.from] && state.dim[p.to]) ? "x" : "";
        var sig = [look.n, look.kind, look.conf, look.fw, look.bw, look.hedged, dimSig + dimmed].join("|");
        var item = pairItem(p, look);
        item.label = labelled[p.id] && !dimmed ? pairLabel(shown) : "";
        push(p.id, item, sig + "|" + item.label);
      });
    } else {
      pairList.forEach(function (p) {
        p.rels.forEach(function (e, k) {
          itemShown[e.id] = !edgeHidden[e.id];
          if (edgeHidden[e.id]) { push(e.id, { id: e.id, hidden: true }, "h"); return; }
          var dimmed = state.dim && !(state.dim[e.from] && state.dim[e.to]) ? "x" : "";
          var item = relationItem(e, k);
          item.hidden = false;
          item.label = labelled[e.id] && !dimmed ? e.label : "";
          push(e.id, item, "s" + dimSig + dimmed + "|" + item.label);
        });
      });
    }
    if (changes.length) { api.edges.update(changes); }
  }
  function pairLabel(rels) {
    return rels[0].label + (rels.length > 1 ? " +" + (rels.length - 1) : "");
  }
  function resetButton() {
    var b = el("button", null, "Reset filters"); b.type = "button";
    b.addEventListener("click", resetFilters);
    return b;
  }
  function resetFilters() {
    stopPlay();
    typeBoxes.concat(classBoxes, relBoxes).forEach(function (b) { b.checked = true; b.indeterminate = false; });
    $("gk-from").value = ""; $("gk-to").value = ""; $("gk-undated").checked = true;
    $("gk-isolated").checked = !HIDE_LONERS;
    $("gk-conf").value = "0"; state.minConf = 0; $("gk-conf-value").textContent = "0.00";
    syncTimeline();
    applyFilters();
  }

  // ---------- view modes ----------
  function setMode(mode) {
    if (mode === api.mode) { return; }
    api.mode = mode;
    $("gk-all-rels").checked = mode === "relations";
    $("gk-pair-hint").hidden = mode !== "pairs";
    labelled = {}; itemSig = {}; itemShown = {};
    api.edges.clear();
    api.edges.add(allItems());
    applyFilters();
    relabel();
  }
  api.setMode = setMode;
  function setColour(how) {
    state.colour = how;
    $("gk-communities").hidden = how !== "community";
    api.nodes.update(data.nodes.map(nodeLook));
  }
  api.setColour = setColour;
  function setCore(on) {
    state.core = on; api.core = on;
    state.extra = {};
    api.nodes.update(data.nodes.filter(function (n) { return n.cx !== undefined || moved[n.id]; }).map(function (n) {
      return on && n.cx !== undefined ? { id: n.id, x: n.cx, y: n.cy } : { id: n.id, x: n.x, y: n.y };
    }));
    moved = {};
    updateCoreBar();
    applyFilters();
    fitShown(false);
  }
  api.setCore = setCore;
  function updateCoreBar() {
    if (!CORE) { return; }
    $("gk-corebar").hidden = false;
    $("gk-core-text").textContent = state.core
      ? "The " + CORE + " most important of " + plural(N, "actor") + " and their ties."
      : "All " + plural(N, "actor") + ".";
    $("gk-core-all").textContent = state.core ? "Show all " + N.toLocaleString("en") : "Most important only";
  }
  function fitShown(animate) {
    if (!api.network) { return; }
    var ids = data.nodes.filter(function (n) { return !nodeHidden[n.id]; }).map(function (n) { return n.id; });
    var opts = ids.length && ids.length < N ? { nodes: ids } : {};
    if (animate) { opts.animation = { duration: 400 }; }
    api.network.fit(opts);
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
    var rank = function (a, b) { return nodeById[a.id].rank - nodeById[b.id].rank; };
    return starts.sort(rank).concat(contains.sort(rank)).filter(function (entry) {
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

  // ---------- selection: the actor, its partners and their lines stand out ----------
  function setDim(set) {
    state.dim = set;
    api.nodes.update(data.nodes.map(nodeLook));
    refreshEdges(false);
    api.network.redraw();
  }
  function select(id, move) {
    var n = nodeById[id];
    if (!n) { return; }
    if (state.core && !coreIds[id]) { setCore(false); }
    api.selected = id;
    if (nodeHidden[id]) {
      showInfo(P.nodeDetails(n, true, typeStyle), "Hidden by the current filters: press Reset filters to see it on the map.");
      return;
    }
    var set = {}; set[id] = true;
    Object.keys(neighbours[id] || {}).forEach(function (k) { set[k] = true; });
    if (state.core) { ringPartners(id); }
    setDim(set);
    api.network.selectNodes([id]);
    if (move) {
      api.network.focus(id, { scale: Math.max(api.network.getScale(), 1.0), animation: { duration: 450, easingFunction: "easeInOutQuad" } });
    }
    showInfo(P.nodeDetails(n, true, typeStyle));
  }
  // in the view of the top actors, a selected actor's other partners join it, in a ring
  function ringPartners(id) {
    var outside = Object.keys(neighbours[id] || {}).map(Number).filter(function (k) { return !coreIds[k]; });
    var had = Object.keys(state.extra).length;
    state.extra = {};
    if (!outside.length && !had) { return; }
    var centre = api.network.getPositions([id])[id];
    var radius = (120 + 8 * outside.length) / Math.max(api.network.getScale(), 0.2), changes = [];
    outside.sort(function (a, b) { return nodeById[a].rank - nodeById[b].rank; });
    outside.forEach(function (k, i) {
      var angle = 2 * Math.PI * i / outside.length - Math.PI / 2;
      state.extra[k] = true; moved[k] = true;
      changes.push({ id: k, x: centre.x + radius * Math.cos(angle), y: centre.y + radius * Math.sin(angle) });
    });
    if (changes.length) { api.nodes.update(changes); }
    applyFilters();
  }
  function clearSelection() {
    api.selected = null;
    info.hidden = true;
    if (Object.keys(state.extra).length) { state.extra = {}; applyFilters(); }
    if (api.network) {
      api.network.unselectAll();
      if (state.dim) { setDim(null); }
    }
  }
  api.select = select;
  api.clear = clearSelection;
  api.search = function (q) { return search(q).map(function (e) { return e.id; }); };
  api.relabel = function () { relabel(); };
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && ev.target !== $("gk-search")) { clearSelection(); hideTip(); }
  });

  // ---------- edge labels: only for the lines in view, once zoomed in ----------
  var labelled = {};
  function relabel() {
    if (!api.network) { return; }
    var net = api.network, box = $("gk-network"), want = {}, inView = [];
    var total = countShown();
    if (total <= LABEL_MAX && total <= 80 || net.getScale() >= 0.6) {
      var tl = net.DOMtoCanvas({ x: 0, y: 0 }), br = net.DOMtoCanvas({ x: box.clientWidth, y: box.clientHeight });
      var body = net.body.nodes;
      var items = api.mode === "pairs" ? pairList : data.edges;
      items.forEach(function (e) {
        var a = body[e.from], b = body[e.to];
        if (!itemShown[e.id] || !a || !b) { return; }
        var x = (a.x + b.x) / 2, y = (a.y + b.y) / 2;
        if (x >= tl.x && x <= br.x && y >= tl.y && y <= br.y) { inView.push(e); }
      });
      var weight = function (e) { return e.rels ? e.rels.length * 100 + e.rels[0].n : e.n; };
      inView.sort(function (a, b) { return weight(b) - weight(a); });
      // a line's label only where it covers no other label (nor an actor's name)
      var taken = (api.labelBoxes || []).map(function (l) {
        var w = l.label.length * l.size * 0.55;
        return [l.x - w / 2, l.y, l.x + w / 2, l.y + l.size * 1.2];
      });
      var free = function (b) {
        return !taken.some(function (t) { return b[0] < t[2] && b[2] > t[0] && b[1] < t[3] && b[3] > t[1]; });
      };
      inView.forEach(function (e) {
        if (Object.keys(want).length >= LABEL_MAX) { return; }
        var a = net.canvasToDOM({ x: body[e.from].x, y: body[e.from].y });
        var b = net.canvasToDOM({ x: body[e.to].x, y: body[e.to].y });
        var text = e.rels ? pairLabel(e.rels) : e.label;
        var w = text.length * 6.2 + 4, x = (a.x + b.x) / 2, y = (a.y + b.y) / 2;
        var box = [x - w / 2, y - 8, x + w / 2, y + 8];
        if (Math.hypot(a.x - b.x, a.y - b.y) < w * 0.8 || !free(box)) { return; }
        taken.push(box);
        want[e.id] = true;
      });
    }
    var changed = Object.keys(want).length !== Object.keys(labelled).length ||
      Object.keys(want).some(function (k) { return !labelled[k]; });
    labelled = want;
    if (changed) { refreshEdges(false); }
  }
  var relabelTimer = null;
  function relabelSoon() {
    clearTimeout(relabelTimer);
    relabelTimer = setTimeout(relabel, 200);
  }

  // ---------- exports of the current view ----------
  function download(name, type, text) {
    var url = URL.createObjectURL(new Blob([text], { type: type + ";charset=utf-8" }));
    var a = el("a"); a.href = url; a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }
  function csvCell(v) {
    var s = String(v === undefined || v === null ? "" : v);
    if (/^[=+\-@\t\r]/.test(s)) { s = "'" + s; }  // not a formula in a spreadsheet
    return /[",\n\r]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function inViewport() {
    var net = api.network, box = $("gk-network"), body = net.body.nodes, ok = {};
    var tl = net.DOMtoCanvas({ x: 0, y: 0 }), br = net.DOMtoCanvas({ x: box.clientWidth, y: box.clientHeight });
    data.nodes.forEach(function (n) {
      var b = body[n.id];
      if (!nodeHidden[n.id] && b && b.x >= tl.x && b.x <= br.x && b.y >= tl.y && b.y <= br.y &&
          (!state.dim || state.dim[n.id])) { ok[n.id] = true; }
    });
    return ok;
  }
  function exportCsv(what) {
    var ok = inViewport(), rows;
    if (what === "actors") {
      rows = [["label", "type", "importance", "community", "relations", "iri"]];
      byRank.forEach(function (n) {
        if (ok[n.id]) { rows.push([n.label, n.type, n.value, n.comm >= 0 ? n.comm + 1 : "", n.deg || 0, n.iri]); }
      });
    } else {
      rows = [["subject", "relation", "object", "mutual", "class", "articles", "confidence", "first", "last", "modality", "evidence"]];
      data.edges.forEach(function (e) {
        if (edgeHidden[e.id] || !ok[e.from] || !ok[e.to]) { return; }
        rows.push([nodeById[e.from].label, e.label, nodeById[e.to].label, e.sym ? "yes" : "no", e.cls, e.n, e.conf,
                   e.first, e.last, e.mod, e.ev.length ? e.ev[0].s : ""]);
      });
    }
    return rows.map(function (r) { return r.map(csvCell).join(","); }).join("\r\n") + "\r\n";
  }
  var SVGNS = "http://www.w3.org/2000/svg";
  function svgEl(tag, attrs) {
    var node = document.createElementNS(SVGNS, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, String(attrs[k])); });
    return node;
  }
  function exportSvg() {
    var net = api.network, box = $("gk-network"), W = box.clientWidth, H = box.clientHeight;
    var scale = net.getScale(), body = net.body.nodes, ok = inViewport();
    var svg = svgEl("svg", { xmlns: SVGNS, width: W, height: H, viewBox: "0 0 " + W + " " + H });
    svg.appendChild(svgEl("rect", { width: W, height: H, fill: "#ffffff" }));
    var at = function (id) { return net.canvasToDOM({ x: body[id].x, y: body[id].y }); };
    var lines = svgEl("g", { "stroke-linecap": "round" });
    var items = api.mode === "pairs" ? pairList : data.edges;
    items.forEach(function (e) {
      if (!itemShown[e.id] || !(ok[e.from] || ok[e.to])) { return; }
      var item = api.edges.get(e.id);
      if (!item) { return; }
      var a = at(e.from), b = at(e.to);
      var line = svgEl("line", { x1: a.x.toFixed(1), y1: a.y.toFixed(1), x2: b.x.toFixed(1), y2: b.y.toFixed(1),
        stroke: item.color.color, "stroke-opacity": item.color.opacity, "stroke-width": (item.width * Math.max(scale, 0.3)).toFixed(2) });
      if (item.dashes) { line.setAttribute("stroke-dasharray", "6 5"); }
      lines.appendChild(line);
    });
    svg.appendChild(lines);
    var dots = svgEl("g", { "stroke-width": "1.2" });
    byRank.slice().reverse().forEach(function (n) {
      if (!ok[n.id]) { return; }
      var p = at(n.id), look = nodeLook(n), r = nodeSize(n) * scale;
      dots.appendChild(svgEl("circle", { cx: p.x.toFixed(1), cy: p.y.toFixed(1), r: r.toFixed(1),
        fill: look.color.background, stroke: look.color.border }));
    });
    svg.appendChild(dots);
    var texts = svgEl("g", { "font-family": "system-ui, sans-serif", "text-anchor": "middle", fill: "#1d1d1d",
      stroke: "#ffffff", "stroke-width": "3", "paint-order": "stroke" });
    (api.labelBoxes || []).forEach(function (l) {
      var t = svgEl("text", { x: l.x.toFixed(1), y: (l.y + l.size).toFixed(1), "font-size": l.size });
      if (l.bold) { t.setAttribute("font-weight", "600"); }
      t.textContent = l.label;
      texts.appendChild(t);
    });
    svg.appendChild(texts);
    return new XMLSerializer().serializeToString(svg);
  }
  function exportPng() {
    var src = document.querySelector("#gk-network canvas");
    var out = document.createElement("canvas");
    out.width = src.width; out.height = src.height;
    var ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(src, 0, 0);
    out.toBlob(function (blob) {
      var url = URL.createObjectURL(blob);
      var a = el("a"); a.href = url; a.download = "graphkit-map.png";
      document.body.appendChild(a); a.click(); a.remove();
      setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
    }, "image/png");
  }
  api.exportCsv = exportCsv;
  api.exportSvg = exportSvg;

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
    updateCoreBar();
    api.nodes = new vis.DataSet(data.nodes.map(visNode));
    api.edges = new vis.DataSet(allItems());
    if (!N) {
      var empty = $("gk-empty");
      empty.replaceChildren(el("div", null, "Nothing to show: the graph has no actors or relations yet."));
      empty.hidden = false;
    }
    applyFilters();  // before the layout: hidden actors take no part in it
    var progress = $("gk-progress");
    if (data.physics && N) {
      progress.textContent = "Laying out " + plural(N, "actor") + "\u2026";
      progress.hidden = false;
    }
    var network = new vis.Network($("gk-network"), { nodes: api.nodes, edges: api.edges }, options());
    api.network = network;
    network.on("afterDrawing", drawLabels);
    network.on("stabilizationProgress", function (p) {
      progress.textContent = "Laying out " + plural(N, "actor") + "\u2026 " + Math.round(100 * p.iterations / p.total) + "%";
    });
    var freeze = function () {
      network.setOptions({ physics: { enabled: false } });
      if (state.core) { fitShown(false); }
      network.once("afterDrawing", markStable);
      network.redraw();
    };
    if (data.physics && N) {
      network.once("stabilizationIterationsDone", freeze);
    } else {
      fitShown(false);
      network.once("afterDrawing", markStable);
      network.redraw();
    }
    network.on("hoverNode", function (p) { showTip(P.nodeDetails(nodeById[p.node], false, typeStyle)); });
    network.on("hoverEdge", function (p) { var t = edgeTarget(p.edge); if (t && t.rels.length) { showTip(edgeContent(t, false)); } });
    network.on("blurNode", hideTip);
    network.on("blurEdge", hideTip);
    network.on("dragStart", hideTip);
    network.on("zoom", function () { hideTip(); relabelSoon(); });
    network.on("dragEnd", relabelSoon);
    network.on("click", function (p) {
      hideTip();
      if (p.nodes.length) { select(p.nodes[0], false); return; }
      var t = p.edges.length ? edgeTarget(p.edges[0]) : null;
      if (t && t.rels.length) {
        api.selected = null;
        if (state.dim) { setDim(null); }
        showInfo(edgeContent(t, true));
      } else { clearSelection(); }
    });
  }

  draw();
})();
