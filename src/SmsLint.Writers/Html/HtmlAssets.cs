namespace SmsLint.Writers.Html;

/// <summary>The report's style sheet and its one small script, inlined into every report (no fetches).</summary>
internal static class HtmlAssets
{
    public const string Css = """
        :root { --fg:#1b1f24; --muted:#57606a; --line:#d0d7de; --bg:#ffffff; --soft:#f6f8fa; --err:#b42318; --warn:#9a6700; --note:#0969da; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", sans-serif; color: var(--fg); background: var(--bg); }
        header, main { max-width: 1220px; margin: 0 auto; padding: 0 16px; }
        header { padding-top: 12px; }
        h1 { font-size: 22px; margin: 4px 0; }
        h2 { font-size: 18px; margin: 22px 0 8px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
        h3 { font-size: 15px; margin: 16px 0 6px; }
        a { color: var(--note); }
        code, pre, .loc { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 12.5px; }
        .summary { color: var(--muted); margin: 2px 0 8px; }
        .counts span { display: inline-block; margin-right: 14px; font-weight: 600; }
        .c-error { color: var(--err); } .c-warning { color: var(--warn); } .c-note { color: var(--note); }
        nav a { margin-right: 14px; }
        .toolbar { position: sticky; top: 0; z-index: 2; background: var(--bg); padding: 8px 0; border-bottom: 1px solid var(--line); display: flex; gap: 12px; align-items: center; }
        .toolbar input { flex: 0 1 460px; font: inherit; padding: 5px 8px; border: 1px solid var(--line); border-radius: 6px; }
        #filter-count { color: var(--muted); }
        details { margin: 6px 0; }
        summary { cursor: pointer; padding: 3px 0; }
        details.domain, details.tree, details.servers { border: 1px solid var(--line); border-radius: 6px; padding: 2px 10px; background: var(--soft); }
        details.domain > summary, details.tree > summary, details.servers > summary { font-weight: 600; }
        .scroll { overflow-x: auto; background: var(--bg); border-radius: 4px; margin: 4px 0 8px; }
        .legend { display: flex; flex-wrap: wrap; gap: 6px 14px; align-items: center; margin: 6px 0 10px; font-size: 13px; }
        .legend-title { font-weight: 600; }
        .key { display: inline-flex; align-items: center; gap: 5px; }
        .sw { display: inline-flex; align-items: center; justify-content: center; width: 18px; height: 14px; border: 1px solid #555; border-radius: 3px; font-size: 11px; }
        .sw-pdc { border-color: transparent; font-size: 14px; }
        .sw-conflict { border: 2px dashed var(--err); }
        .sw-missing { border: 1px dashed #888; }
        svg.map { display: block; font: 12px system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", sans-serif; }
        svg.map rect { stroke: #555; stroke-width: 1; }
        svg.map .edge { fill: none; stroke: #8c959f; stroke-width: 1.2; }
        svg.map .edge.owner { stroke: #57606a; stroke-dasharray: 3 2; }
        svg.map .strong { font-weight: 700; }
        svg.map .detail { fill: var(--muted); }
        svg.map .warn { fill: var(--err); font-weight: 700; }
        svg.map .group-label { fill: var(--muted); font-style: italic; paint-order: stroke; stroke: #ffffff; stroke-width: 4px; stroke-linejoin: round; }
        svg.map .conflict rect { stroke: var(--err); stroke-width: 3; stroke-dasharray: 6 3; }
        svg.map .missing rect { stroke: #888; stroke-dasharray: 4 3; }
        svg.map .pdc rect { stroke-width: 2; }
        svg.map .dim { opacity: 0.18; }
        svg.map g[tabindex]:focus rect { stroke: var(--note); stroke-width: 3; }
        .badge { display: inline-block; padding: 0 6px; border-radius: 10px; font-size: 12px; font-weight: 600; border: 1px solid currentColor; }
        .conflict-text { color: var(--err); font-weight: 600; }
        table { border-collapse: collapse; margin: 6px 0; }
        th, td { text-align: left; padding: 3px 10px 3px 0; vertical-align: top; border-bottom: 1px solid var(--line); }
        .group > summary .n, .rule-head .n { color: var(--muted); font-weight: 400; }
        details.group.g-domain > summary { font-size: 16px; font-weight: 700; }
        details.group.g-site { margin-left: 14px; }
        details.group.g-site > summary { font-weight: 600; }
        .rule-group { margin: 4px 0 10px 14px; }
        .rule-head { font-weight: 600; margin: 8px 0 4px; }
        .finding { border-left: 4px solid var(--line); padding: 4px 10px; margin: 6px 0; background: var(--soft); border-radius: 0 6px 6px 0; }
        .finding.lvl-error { border-left-color: var(--err); } .finding.lvl-warning { border-left-color: var(--warn); } .finding.lvl-note { border-left-color: var(--note); }
        .finding.suppressed { opacity: 0.7; }
        .fhead { display: flex; flex-wrap: wrap; gap: 4px 10px; align-items: baseline; }
        .lvl { font-weight: 700; text-transform: uppercase; font-size: 11.5px; }
        .lvl-error .lvl { color: var(--err); } .lvl-warning .lvl { color: var(--warn); } .lvl-note .lvl { color: var(--note); }
        .msg { margin: 3px 0; overflow-wrap: anywhere; }
        .help { margin: 3px 0 3px 1.5em; overflow-wrap: anywhere; }
        pre.snippet { margin: 4px 0; padding: 4px 8px; background: #fff; border: 1px solid var(--line); border-radius: 4px; white-space: pre-wrap; overflow-wrap: anywhere; }
        ul.related { margin: 2px 0 2px 0; padding-left: 18px; }
        ul.related li { overflow-wrap: anywhere; }
        .kb { margin: 2px 0; font-size: 13px; color: var(--muted); }
        details.mass { border: 1px dashed var(--line); border-radius: 6px; padding: 2px 8px; margin: 6px 0; }
        details.mass ol { margin: 4px 0; padding-left: 28px; }
        details.mass li { margin: 2px 0; overflow-wrap: anywhere; }
        .status-ready { color: #1a7f37; font-weight: 700; } .status-not-ready { color: var(--err); font-weight: 700; } .status-cannot-tell { color: var(--warn); font-weight: 700; }
        dl.prov { display: grid; grid-template-columns: max-content 1fr; gap: 3px 16px; }
        dl.prov dt { font-weight: 600; } dl.prov dd { margin: 0; overflow-wrap: anywhere; }
        [hidden] { display: none !important; }
        .finding, details.mass, details.domain { content-visibility: auto; contain-intrinsic-size: auto 140px; }
        @media print {
          .toolbar, nav { display: none; }
          body { font-size: 11pt; }
          header, main { max-width: none; padding: 0; }
          .scroll { overflow: visible; }
          svg.map { max-width: 100%; height: auto; }
          details.domain, .finding, details.mass li, tr { break-inside: avoid; }
          .finding { background: none; }
          .finding, details.mass, details.domain { content-visibility: visible; }
          a { color: inherit; text-decoration: none; }
        }
        """;

    public const string Script = """
        (function () {
          "use strict";
          var box = document.getElementById("filter");
          var count = document.getElementById("filter-count");
          var findings = Array.prototype.slice.call(document.querySelectorAll("[data-finding]"));
          var nodes = Array.prototype.slice.call(document.querySelectorAll("svg.map [data-filter]"));
          var domains = Array.prototype.slice.call(document.querySelectorAll("details.domain"));
          var groups = Array.prototype.slice.call(document.querySelectorAll("#findings .group"));
          var terms = [];
          var texts = null;
          function matches(text) {
            for (var i = 0; i < terms.length; i++) { if (text.indexOf(terms[i]) < 0) { return false; } }
            return true;
          }
          function apply() {
            terms = box.value.toLowerCase().split(/\s+/).filter(function (t) { return t.length > 0; });
            var filtering = terms.length > 0, shown = 0;
            if (filtering && texts === null) {
              texts = findings.map(function (f) { return ((f.getAttribute("data-filter") || "") + " " + f.textContent).toLowerCase(); });
            }
            findings.forEach(function (f, i) { var m = !filtering || matches(texts[i]); f.hidden = !m; if (m) { shown++; } });
            nodes.forEach(function (n) { n.classList.toggle("dim", filtering && !matches(n.getAttribute("data-filter") || "")); });
            domains.forEach(function (d) {
              var m = !filtering || matches(d.getAttribute("data-domain-filter") || "") || d.querySelector("svg.map [data-filter]:not(.dim)") !== null;
              d.hidden = !m;
              if (filtering && m) { d.open = true; }
            });
            groups.forEach(function (g) {
              var any = g.querySelector("[data-finding]:not([hidden])") !== null;
              g.hidden = !any;
              if (filtering && any && g.tagName === "DETAILS") { g.open = true; }
            });
            count.textContent = filtering ? shown + " of " + findings.length + " findings match" : findings.length + " findings";
          }
          box.addEventListener("input", apply);
          window.addEventListener("beforeprint", function () {
            Array.prototype.forEach.call(document.querySelectorAll("details"), function (d) { d.open = true; });
          });
          count.textContent = findings.length + " findings";
        })();
        """;
}
