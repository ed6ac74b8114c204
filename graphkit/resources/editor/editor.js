// The query editor: examples from graphkit's presets, one request to /sparql on this
// origin per run, results written with textContent (never as HTML).
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const presets = JSON.parse($("presets").textContent);
  const byName = new Map(presets.map((p) => [p.name, p]));

  for (const p of presets) {
    const option = document.createElement("option");
    option.value = p.name;
    option.textContent = p.name;
    $("preset").appendChild(option);
  }

  function showParams(preset) {
    const box = $("params");
    box.replaceChildren();
    for (const param of preset ? preset.params : []) {
      const label = document.createElement("label");
      label.textContent = param.name;
      const input = document.createElement("input");
      input.dataset.param = param.name;
      input.dataset.kind = param.kind;
      input.placeholder = param.help;
      input.title = param.help;
      label.appendChild(input);
      box.appendChild(label);
    }
  }

  $("preset").addEventListener("change", () => {
    const preset = byName.get($("preset").value);
    showParams(preset);
    $("preset-help").textContent = preset ? preset.description : "";
    if (preset) $("query").value = preset.text;
  });

  // A parameter value written as SPARQL: a relation name as a gk: term, anything else as a
  // string literal (JSON string escapes are valid SPARQL string escapes).
  function term(value, kind) {
    if (kind === "relation" && /^[A-Za-z][A-Za-z0-9_]*$/.test(value)) return "gk:" + value;
    return JSON.stringify(value);
  }

  function queryText() {
    let text = $("query").value;
    for (const input of $("params").querySelectorAll("input")) {
      if (input.value === "") continue;
      const token = new RegExp("\\$" + input.dataset.param + "(?![A-Za-z0-9_])", "g");
      const value = term(input.value, input.dataset.kind);
      text = text.replace(token, () => value);
    }
    return text;
  }

  function setStatus(message, isError) {
    $("status").textContent = message;
    $("status").className = isError ? "error" : "";
  }

  function cell(binding) {
    const td = document.createElement("td");
    if (binding) {
      td.textContent = binding.value;
      if (binding.type === "uri") td.title = "IRI";
      else if (binding.datatype) td.title = binding.datatype;
    }
    return td;
  }

  function showJson(data) {
    const out = $("results");
    out.replaceChildren();
    if (typeof data.boolean === "boolean") {
      const p = document.createElement("p");
      p.textContent = "ASK: " + data.boolean;
      out.appendChild(p);
      return 1;
    }
    const vars = data.head.vars || [];
    const table = document.createElement("table");
    const head = table.createTHead().insertRow();
    for (const v of vars) {
      const th = document.createElement("th");
      th.textContent = v;
      head.appendChild(th);
    }
    const body = table.createTBody();
    for (const row of data.results.bindings) {
      const tr = body.insertRow();
      for (const v of vars) tr.appendChild(cell(row[v]));
    }
    out.appendChild(table);
    return data.results.bindings.length;
  }

  function showText(text) {
    const pre = document.createElement("pre");
    pre.textContent = text;
    $("results").replaceChildren(pre);
  }

  async function run() {
    const started = performance.now();
    setStatus("running...", false);
    document.body.dataset.state = "running";
    try {
      const response = await fetch("/sparql", {
        method: "POST",
        headers: {
          "Content-Type": "application/sparql-query",
          "Accept": $("accept").value + ", text/turtle;q=0.5",
        },
        body: queryText(),
      });
      const type = response.headers.get("Content-Type") || "";
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      if (!response.ok) {
        $("results").replaceChildren();
        setStatus(response.status + ": " + (await response.text()), true);
      } else if (type.startsWith("application/sparql-results+json")) {
        const rows = showJson(await response.json());
        setStatus(rows + (rows === 1 ? " row" : " rows") + " in " + seconds + " s", false);
      } else {
        showText(await response.text());
        setStatus("done in " + seconds + " s", false);
      }
    } catch (err) {
      setStatus("the request failed: " + err, true);
    }
    document.body.dataset.state = "done";
  }

  $("run").addEventListener("click", run);
  $("query").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) run();
  });
  document.body.dataset.state = "ready";
})();
