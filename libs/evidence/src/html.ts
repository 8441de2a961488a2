export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** A self-contained page (inline style, no external resources), fit to print or attach to a notice. */
export function htmlPage(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font-family:DejaVu Sans,Arial,sans-serif;max-width:60rem;margin:2rem auto;color:#1b1d22}' +
      'table{border-collapse:collapse;margin:1rem 0}td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left;vertical-align:top}' +
      'code{font-size:.85em;word-break:break-all}img{max-width:100%;border:1px solid #ccc}</style>',
    `</head><body>${body}</body></html>`,
  ].join('\n');
}

/** Rows of label and value; values are escaped. */
export function htmlTable(rows: ReadonlyArray<readonly [string, string | number | null]>): string {
  return `<table>${rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${v === null ? '—' : escapeHtml(String(v))}</td></tr>`).join('')}</table>`;
}
