import { escapeHtml, htmlPage, htmlTable } from './html';

describe('html helpers', () => {
  it('escape markup in values', () => {
    expect(escapeHtml(`<img src=x onerror="a('b')">&`)).toBe('&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;');
    expect(htmlTable([['Work', '<b>x</b>'], ['Year', null]])).toBe('<table><tr><th>Work</th><td>&lt;b&gt;x&lt;/b&gt;</td></tr><tr><th>Year</th><td>—</td></tr></table>');
  });

  it('build a complete page with an escaped title', () => {
    const page = htmlPage('A & B', '<p>hi</p>');
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('<title>A &amp; B</title>');
    expect(page).toContain('<body><p>hi</p></body>');
  });
});
