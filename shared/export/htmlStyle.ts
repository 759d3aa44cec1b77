// The HTML report's only stylesheet, inlined: the report must load nothing from anywhere.
export const HTML_STYLE = `
body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1a1a1a;max-width:1200px;margin:2em auto;padding:0 1em}
h1{font-size:1.6em;margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:1px solid #ddd;padding-bottom:.2em}
.meta{color:#555}.redaction{background:#fff8e1;border:1px solid #f0d58c;padding:.4em .7em;border-radius:4px}
table{border-collapse:collapse;width:100%;margin:.5em 0;font-size:13px}th,td{border:1px solid #ddd;padding:4px 6px;vertical-align:top;text-align:left}
th{background:#f5f5f5}code{font:12px ui-monospace,Menlo,Consolas,monospace;background:#f3f3f3;padding:0 3px;border-radius:3px;word-break:break-all}
figure{margin:0;overflow-x:auto;border:1px solid #eee}dl{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dt{font-weight:600}dd{margin:0}
.st-confirmed{color:#1b7f3b;font-weight:600}.st-proposed{color:#8a6d00}.rejected{color:#888;text-decoration:line-through}
.note{white-space:pre-wrap}.tag{font-size:12px;background:#eef3fb;border:1px solid #c9d8ef;border-radius:9px;padding:0 6px}
.override{border-left:3px solid #8a6d00;padding-left:.6em}
@media print{figure{overflow:visible}body{max-width:none}}
`;
