/* graphkit map page, part 1: DOM builders. Every text from the data goes in through
   textContent, never as HTML: names, sentences and titles come from untrusted articles. */
window.gkParts = (function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var TIP_SENTENCES = 3;
  var TIP_ARTICLES = 3;
  var TIP_RELATIONS = 6;

  // ---------- small DOM helpers (text only) ----------
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function add(parent) {
    for (var i = 1; i < arguments.length; i++) {
      if (arguments[i]) { parent.appendChild(arguments[i]); }
    }
    return parent;
  }
  function plural(n, word) { return Number(n).toLocaleString("en") + " " + word + (n === 1 ? "" : "s"); }
  function fold(s) {
    // as graphkit.analyze.normalize_name: no accents, case or punctuation ("U.S." finds "US")
    return String(s).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^\p{L}\p{N}\s]/gu, "").replace(/\s+/g, " ").trim();
  }
  function dateRange(first, last) {
    if (!first && !last) { return ""; }
    if (!first || !last || first === last) { return first || last; }
    return first + " to " + last;
  }

  function swatchNode(style) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "16"); svg.setAttribute("height", "16"); svg.setAttribute("class", "gk-swatch");
    var shape;
    if (style.shape === "diamond") {
      shape = document.createElementNS(SVG, "polygon"); shape.setAttribute("points", "8,1 15,8 8,15 1,8");
    } else if (style.shape === "square") {
      shape = document.createElementNS(SVG, "rect");
      shape.setAttribute("x", "2"); shape.setAttribute("y", "2"); shape.setAttribute("width", "12"); shape.setAttribute("height", "12");
    } else if (style.shape === "triangle") {
      shape = document.createElementNS(SVG, "polygon"); shape.setAttribute("points", "8,1 15,14 1,14");
    } else {
      shape = document.createElementNS(SVG, "circle");
      shape.setAttribute("cx", "8"); shape.setAttribute("cy", "8"); shape.setAttribute("r", "6.5");
    }
    shape.setAttribute("fill", style.color); shape.setAttribute("stroke", style.border);
    svg.appendChild(shape);
    return svg;
  }
  function swatchLine(cls) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "26"); svg.setAttribute("height", "12"); svg.setAttribute("class", "gk-swatch");
    var line = document.createElementNS(SVG, "line");
    line.setAttribute("x1", "1"); line.setAttribute("y1", "6"); line.setAttribute("x2", "25"); line.setAttribute("y2", "6");
    line.setAttribute("stroke", cls.color); line.setAttribute("stroke-width", "3");
    if (cls.cls === "static") { line.setAttribute("stroke-dasharray", "4 3"); }
    svg.appendChild(line);
    return svg;
  }

  function nodeDetails(n, full, typeStyle) {
    var box = el("div");
    add(box, el("div", "gk-tip-head", n.label));
    var t = typeStyle[n.type];
    var meta = (t ? t.label : n.type) + (n.iso3 ? " \u00b7 " + n.iso3 : "") + " \u00b7 " + plural(n.deg || 0, "relation");
    add(box, el("div", "gk-meta", meta));
    if (n.aliases.length) {
      var shown = n.aliases.slice(0, full ? 30 : 6);
      var more = n.aliases.length - shown.length;
      add(box, el("div", null, "Also: " + shown.join(", ") + (more > 0 ? " (+" + more + " more)" : "")));
    }
    if (n.top && n.top.length) {
      add(box, el("div", "gk-meta", "Main relations:"));
      var list = el("ul", "gk-list");
      n.top.forEach(function (line) { add(list, el("li", null, line)); });
      add(box, list);
    }
    if (full) { add(box, el("div", "gk-meta", n.iri)); }
    return box;
  }

  function edgeDetails(e, full, nodeById, classStyle) {
    var box = el("div");
    var a = nodeById[e.from].label, b = nodeById[e.to].label;
    add(box, el("div", "gk-tip-head", a + (e.sym ? " \u2014 " : " \u2192 ") + e.label + (e.sym ? " \u2014 " : " \u2192 ") + b));
    var c = classStyle[e.cls];
    var bits = [c ? c.label : e.cls, plural(e.n, "article"), "confidence " + e.conf];
    var when = dateRange(e.first, e.last);
    if (when) { bits.push(when); }
    add(box, el("div", "gk-meta", bits.join(" \u00b7 ")));
    var sentences = full ? e.ev : e.ev.slice(0, TIP_SENTENCES);
    sentences.forEach(function (ev) {
      var q = el("div", "gk-quote", "\u201c" + ev.s + "\u201d");
      var src = [ev.t, ev.d, ev.m ? ev.m : ""].filter(Boolean).join(" \u00b7 ");
      if (src) { add(q, el("span", "gk-meta", src)); }
      add(box, q);
    });
    if (e.evn > sentences.length) {
      add(box, el("div", "gk-more", "+" + (e.evn - sentences.length) + " more sentence" + (e.evn - sentences.length === 1 ? "" : "s")));
    }
    if (e.arts.length) {
      add(box, el("div", "gk-meta", "Sources:"));
      var list = el("ul", "gk-list");
      var arts = full ? e.arts : e.arts.slice(0, TIP_ARTICLES);
      arts.forEach(function (art) { add(list, el("li", null, art[0] + (art[1] ? " (" + art[1] + ")" : ""))); });
      add(box, list);
      if (e.artn > arts.length) { add(box, el("div", "gk-more", "+" + (e.artn - arts.length) + " more article" + (e.artn - arts.length === 1 ? "" : "s"))); }
    }
    return box;
  }


  // one line per actor pair: what it combines, each relation with its count and evidence
  var NET_WORDS = { cooperation: "net cooperation", conflict: "net conflict", mixed: "cooperation and conflict balance", "static": "standing ties only" };
  function pairDetails(pair, rels, full, nodeById, classStyle) {
    if (rels.length === 1) { return edgeDetails(rels[0], full, nodeById, classStyle); }
    var box = el("div");
    add(box, el("div", "gk-tip-head", nodeById[pair.from].label + " \u2014 " + nodeById[pair.to].label));
    var bits = [plural(rels.length, "relation"), plural(pair.n, "report"), NET_WORDS[pair.net] || pair.net];
    var first = "", last = "";
    rels.forEach(function (e) {
      if (e.first && (!first || e.first < first)) { first = e.first; }
      if (e.last && e.last > last) { last = e.last; }
    });
    var when = dateRange(first, last);
    if (when) { bits.push(when); }
    add(box, el("div", "gk-meta", bits.join(" \u00b7 ")));
    var list = el("ul", "gk-rels");
    var shown = full ? rels : rels.slice(0, TIP_RELATIONS);
    shown.forEach(function (e) {
      var a = nodeById[e.from].label, b = nodeById[e.to].label;
      var line = (e.sym ? a + " \u2014 " + e.label + " \u2014 " + b : a + " \u2192 " + e.label + " \u2192 " + b);
      var meta = [plural(e.n, "article"), "confidence " + e.conf];
      if (e.mod && e.mod !== "asserted") { meta.push(e.mod); }
      var item = el("li");
      var swatch = swatchLine(classStyle[e.cls] || { cls: e.cls, color: "#999999" });
      if (full && e.ev.length) {
        var details = el("details");
        add(details, add(el("summary"), swatch, el("span", null, line + " "), el("span", "gk-meta", "(" + meta.join(", ") + ")")));
        add(details, edgeDetails(e, true, nodeById, classStyle));
        add(item, details);
      } else {
        add(item, swatch, el("span", null, line + " "), el("span", "gk-meta", "(" + meta.join(", ") + ")"));
        if (e.ev.length) { add(item, el("div", "gk-quote", "\u201c" + e.ev[0].s + "\u201d")); }
      }
      add(list, item);
    });
    add(box, list);
    if (rels.length > shown.length) {
      add(box, el("div", "gk-more", "+" + (rels.length - shown.length) + " more relation" + (rels.length - shown.length === 1 ? "" : "s") + ": click the line to see all"));
    } else if (!full) {
      add(box, el("div", "gk-more", "Click the line for every sentence."));
    }
    return box;
  }

  return { el: el, add: add, plural: plural, fold: fold, swatchNode: swatchNode, swatchLine: swatchLine,
           nodeDetails: nodeDetails, edgeDetails: edgeDetails, pairDetails: pairDetails };
})();
