// The public sittings: those coming up first, with their start time, their papers ahead of
// time and a calendar file; then the past ones, newest first. An Atom feed follows them.
import { frame, h, t, getJson, formatDate, pageLink } from './app.js';

await frame('sittings');
const content = document.getElementById('content');

function card(s) {
  const upcoming = s.status === 'scheduled';
  return h('li', { class: 'card', 'data-status': s.status },
    h('h2', {}, h('a', { href: pageLink(`/sitting.html?id=${s.id}`) }, s.title)),
    h('p', { class: 'meta' },
      h('span', { class: `status ${s.status}` }, t(`status_${s.status}`)), ' ',
      [s.time, formatDate(s.date), s.place, s.term && `${t('term')} ${s.term}`].filter(Boolean).join(' · ')),
    h('p', {}, `${s.items} ${t('items')} · ${s.votes} ${t('votes')}${s.archive ? ` · ${t('hasVideo')}` : ''}`),
    upcoming ? h('p', {}, h('a', { href: pageLink(`/sitting.html?id=${s.id}`) }, t('papersAhead')), ' · ',
      h('a', { href: `/api/sittings/${s.id}.ics`, type: 'text/calendar', 'aria-label': `${t('addToCalendar')}: ${s.title}` }, t('addToCalendar'))) : null);
}

try {
  const { sittings } = await getJson('/api/sittings');
  const upcoming = sittings.filter((s) => s.status === 'scheduled').sort((a, b) => (a.date || '').localeCompare(b.date || ''));
  const past = sittings.filter((s) => s.status !== 'scheduled').sort((a, b) => (b.date || '').localeCompare(a.date || '') || b.id - a.id);
  content.replaceChildren(
    sittings.length === 0 ? h('p', {}, t('noSitting')) : '',
    upcoming.length ? h('section', { 'aria-labelledby': 'h-upcoming' }, h('h2', { id: 'h-upcoming' }, t('upcoming')), h('ul', { class: 'list' }, upcoming.map(card))) : '',
    past.length ? h('section', { 'aria-labelledby': 'h-past' }, h('h2', { id: 'h-past' }, t('past')), h('ul', { class: 'list' }, past.map(card))) : '',
    h('p', {}, h('a', { href: '/api/feeds/sittings.atom', type: 'application/atom+xml' }, t('feed'))));
} catch (e) {
  content.replaceChildren(h('p', { class: 'notice', role: 'alert' }, t('loadFailed')));
}
