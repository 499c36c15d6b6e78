// Published documents with the fields Decree 42/2022 asks for, searchable by number, title
// or summary (without caring for diacritics) and by date of issue. The search is kept in the
// address, so a result can be shared.
import { frame, h, t, getJson, formatDate, formatDateTime, formatBytes, fold } from './app.js';

await frame('documents');
const content = document.getElementById('content');
const params = new URLSearchParams(location.search);

/// The digital signatures as the server found them when the file arrived: who, when, valid.
function signatures(p) {
  const s = p.signatures || {};
  if (!(s.signatures || []).length) return null;
  const ok = s.valid;
  return h('div', { class: `signatures ${ok ? 'sig-valid' : 'sig-invalid'}`, 'data-valid': String(!!ok) },
    h('p', { class: 'sig-status' }, ok ? `✓ ${t('sigValid')}` : `✗ ${t('sigInvalid')}`),
    h('ul', {}, s.signatures.map((x) => h('li', {},
      `${x.name || x.signer}${x.reason ? ` (${x.reason})` : ''} — ${t('sigAt')} ${formatDateTime(x.signedAt)}`,
      x.intact ? '' : h('strong', {}, ` — ${t('sigBroken')}`)))));
}

/// "Công bố 2 giờ 5 phút sau khi biểu quyết" / "published 2 h 5 min after the vote".
function delay(p) {
  if (!p.adopted_ms || !p.published_ms || p.published_ms < p.adopted_ms) return null;
  const min = Math.round((p.published_ms - p.adopted_ms) / 60000);
  const d = Math.floor(min / 1440), hh = Math.floor((min % 1440) / 60), mm = min % 60;
  const parts = [d && `${d} ${t('days')}`, hh && `${hh} ${t('hours')}`, `${mm} ${t('minutes')}`].filter(Boolean);
  return h('p', { class: 'delay' }, `${t('publishedAfter')} ${parts.join(' ')} ${t('afterAdoption')}`);
}

function card(p) {
  const fields = [['type', p.type], ['number', p.number], ['issuer', p.issuer], ['signer', p.signer],
                  ['issued', formatDate(p.issued)], ['effective', formatDate(p.effective)], ['summary', p.summary]];
  return h('li', { class: 'card', 'data-number': p.number },
    h('h2', {}, `${p.number} — ${p.title}`),
    h('dl', { class: 'fields' }, fields.filter(([, v]) => v).map(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v)])),
    signatures(p) || '', delay(p) || '',
    h('a', { class: 'button', href: p.url, type: 'application/pdf', download: `${p.number.replace(/[\\/]/g, '-')}.pdf` },
      `${t('download')} PDF (${formatBytes(p.size)})`, h('span', { class: 'sr-only' }, `: ${p.title}`)));
}

try {
  const { publications } = await getJson('/api/publications');
  const q = h('input', { type: 'search', id: 'q', name: 'q', value: params.get('q') || '', autocomplete: 'off' });
  const from = h('input', { type: 'date', id: 'from', name: 'from', value: params.get('from') || '' });
  const to = h('input', { type: 'date', id: 'to', name: 'to', value: params.get('to') || '' });
  const count = h('p', { role: 'status', id: 'count' });
  const list = h('ul', { class: 'list', id: 'results' });
  const apply = () => {
    const words = fold(q.value).split(/\s+/).filter(Boolean);
    const shown = publications.filter((p) => {
      const text = fold(`${p.number} ${p.title} ${p.summary} ${p.type}`);
      return words.every((w) => text.includes(w)) && (!from.value || p.issued >= from.value) && (!to.value || p.issued <= to.value);
    });
    list.replaceChildren(...shown.map(card));
    count.textContent = shown.length ? `${shown.length} ${t('found')}` : t('noDocs');
  };
  const form = h('form', { class: 'search card', role: 'search', onsubmit: (e) => {
      e.preventDefault();
      const next = new URLSearchParams(location.search);
      for (const [k, el] of [['q', q], ['from', from], ['to', to]]) if (el.value) next.set(k, el.value); else next.delete(k);
      history.replaceState(null, '', `${location.pathname}?${next}`);
      apply();
    } },
    h('label', { for: 'q' }, t('searchLabel'), q),
    h('label', { for: 'from' }, t('dateFrom'), from),
    h('label', { for: 'to' }, t('dateTo'), to),
    h('button', { class: 'primary', type: 'submit' }, t('searchButton')),
    h('button', { class: 'secondary', type: 'button', onclick: () => { q.value = from.value = to.value = ''; form.requestSubmit(); } }, t('clear')));
  content.replaceChildren(form, count, list,
    h('p', {}, h('a', { href: '/api/feeds/publications.atom', type: 'application/atom+xml' }, t('feed'))));
  apply();
} catch (e) {
  content.replaceChildren(h('p', { class: 'notice', role: 'alert' }, t('loadFailed')));
}
