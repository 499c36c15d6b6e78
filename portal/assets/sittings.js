// The list of public sittings, newest first.
import { frame, h, t, getJson, formatDate, pageLink } from './app.js';

frame('sittings');
const content = document.getElementById('content');
try {
  const { sittings } = await getJson('/api/sittings');
  sittings.sort((a, b) => (b.date || '').localeCompare(a.date || '') || b.id - a.id);
  content.replaceChildren(sittings.length === 0 ? h('p', {}, t('noSitting')) : h('ul', { class: 'list' }, sittings.map((s) =>
    h('li', { class: 'card' },
      h('h2', {}, h('a', { href: pageLink(`/sitting.html?id=${s.id}`) }, s.title)),
      h('p', { class: 'meta' },
        h('span', { class: `status ${s.status}` }, t(`status_${s.status}`)), ' ',
        [formatDate(s.date), s.place, s.term && `${t('term')} ${s.term}`].filter(Boolean).join(' · ')),
      h('p', {}, `${s.items} ${t('items')} · ${s.votes} ${t('votes')}${s.archive ? ` · ${t('hasVideo')}` : ''}`)))));
} catch (e) {
  content.replaceChildren(h('p', { class: 'notice', role: 'alert' }, t('loadFailed')));
}
