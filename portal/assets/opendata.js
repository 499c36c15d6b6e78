// Open data: every table with its columns, row count and links to JSON and CSV.
import { frame, h, t, getJson } from './app.js';

frame('opendata');
const content = document.getElementById('content');
try {
  const { tables, licence } = await getJson('/api/open-data');
  content.replaceChildren(
    h('p', {}, t('openIntro'), ` (${licence})`),
    h('div', { class: 'scroll card' }, h('table', {},
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('dataset')), h('th', { scope: 'col' }, t('rows')),
        h('th', { scope: 'col' }, t('formats')), h('th', { scope: 'col' }, t('columns')))),
      h('tbody', {}, tables.map((d) => h('tr', {},
        h('th', { scope: 'row' }, t(`ds_${d.name}`), h('br'), h('code', {}, d.name)),
        h('td', {}, d.rows),
        h('td', {}, h('a', { href: d.json, 'aria-label': `${t(`ds_${d.name}`)} JSON` }, 'JSON'), ' · ',
          h('a', { href: d.csv, 'aria-label': `${t(`ds_${d.name}`)} CSV` }, 'CSV')),
        h('td', {}, h('code', {}, d.columns.join(', ')))))))));
} catch (e) {
  content.replaceChildren(h('p', { class: 'notice', role: 'alert' }, t('loadFailed')));
}
