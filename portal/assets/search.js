// Full-text search across published documents, sitting papers (each PDF page) and moderated
// petitions: the server's SQLite FTS5 index folds Vietnamese diacritics, so a phone keyboard
// without them finds the text. Each hit names its page and opens the PDF there.
import { frame, t, h, getJson, pageLink } from './app.js';

await frame('search');
const content = document.getElementById('content');
const params = new URLSearchParams(location.search);

/// "…DỰ TOÁN THU [NGÂN] [SÁCH]…" with the matches marked as <mark>, built without innerHTML.
function snippet(text) {
  const out = [];
  const re = /\[([^\]]*)\]/g;
  let last = 0, m;
  while ((m = re.exec(text))) {
    out.push(text.slice(last, m.index), h('mark', {}, m[1]));
    last = re.lastIndex;
  }
  out.push(text.slice(last));
  return out;
}

async function run(q, box) {
  if (!q.trim()) return;
  box.replaceChildren(h('p', {}, t('loading')));
  const data = await getJson(`/api/search?q=${encodeURIComponent(q)}`);
  if (!data.hits.length) return box.replaceChildren(h('p', {}, t('searchNone')));
  box.replaceChildren(h('p', { class: 'meta' }, `${data.hits.length} ${t('searchResults')}`),
    h('ol', { class: 'list hits' }, data.hits.map((hit) => h('li', { class: 'card hit', 'data-kind': hit.kind },
      h('h2', { class: 'hit-title' }, h('a', { href: hit.kind === 'petition' ? pageLink(hit.url) : hit.url }, hit.title)),
      h('p', { class: 'meta' }, t(`kind_${hit.kind}`), hit.page > 0 ? h('span', { class: 'page', 'data-page': hit.page }, ` · ${t('searchPage')} ${hit.page}`) : null),
      h('p', { class: 'snippet' }, snippet(hit.snippet.replace(/\s+/g, ' ')))))));
}

const input = h('input', { type: 'search', id: 'q', name: 'q', value: params.get('q') || '', autocomplete: 'off' });
const results = h('div', { id: 'results', 'aria-live': 'polite' });
const form = h('form', { class: 'search', role: 'search', id: 'search-form' },
  h('label', { for: 'q' }, t('searchWords'), input), h('button', { class: 'primary', type: 'submit' }, t('searchButton')));
form.addEventListener('submit', (ev) => {
  ev.preventDefault();
  const url = new URL(location.href);
  url.searchParams.set('q', input.value);
  history.replaceState(null, '', url);
  run(input.value, results).catch(() => results.replaceChildren(h('p', { role: 'alert' }, t('loadFailed'))));
});
content.replaceChildren(h('p', {}, t('searchIntro')), form, results);
if (params.get('q')) run(params.get('q'), results).catch(() => results.replaceChildren(h('p', { role: 'alert' }, t('loadFailed'))));
