// Citizens' petitions: send one (no account; a small proof of work the server checks, and the
// personal-data notice of Decree 13/2023), follow one by its code through every step to its
// published answer, and read the accepted ones with their answers and the figures by topic
// and area. Nothing here ever shows who sent a petition: the server never gives it out.
import { frame, t, h, getJson, lang, formatDate, formatDateTime, pageLink } from './app.js';
import { solve } from './sha256.js';

await frame('petitions');
const content = document.getElementById('content');
const params = new URLSearchParams(location.search);

const when = (ms) => formatDateTime(new Date(ms).toISOString());

function field(label, control, hint) {
  const id = control.id;
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null,
    control);
}

function options(list, selected) {
  return [h('option', { value: '' }, t('petChoose')),
    ...list.map(([value, label]) => h('option', { value, selected: value === selected }, label))];
}

/// One petition as the public reads it.
function petitionCard(p, headingLevel = 'h3') {
  const card = h('article', { class: 'card petition', 'data-code': p.code, 'aria-label': p.code });
  card.append(h(headingLevel, {}, `${p.code} · ${p.topicLabel || ''}`));
  const statusClass = p.overdue ? 'status overdue' : `status ${p.status}`;
  card.append(h('p', {}, h('span', { class: statusClass, 'data-status': p.status }, lang === 'en' ? (t(`pst_${p.status}`) || p.status) : p.statusLabel),
    p.overdue ? h('span', { class: 'status overdue', 'data-overdue': 'true' }, ` ${t('petOverdue')}`) : null));
  if (p.status === 'merged') card.append(h('p', {}, `${t('petMerged')} `, h('a', { href: pageLink(`/petitions.html?code=${p.mergedInto}`) }, p.mergedInto), '.'));
  card.append(p.text ? h('p', { class: 'petition-text' }, p.text) : h('p', { class: 'meta' }, t('petNoText')));
  const rows = [[t('petReceivedOn'), when(p.received_ms)], [t('petArea'), p.area], [t('petChannel'), p.channelLabel]];
  if (p.senders > 1) rows.push([t('petSenders'), String(p.senders)]);
  if (p.responder) rows.push([t('petResponder'), `${p.responder.name} — ${p.responder.title}`]);
  if (p.due) rows.push([t('petDue'), formatDate(p.due)]);
  if (p.reason) rows.push([t('petReason'), p.reason]);
  card.append(h('dl', { class: 'fields' }, rows.filter(([, v]) => v).map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])));
  if (p.answer) {
    card.append(h('section', { class: 'answer', 'aria-label': t('petAnswer') },
      h('h4', {}, t('petAnswer')),
      h('p', {}, p.answer),
      p.answeredBy ? h('p', { class: 'meta' }, `${t('petAnsweredBy')}: ${p.answeredBy.name} — ${p.answeredBy.title}`, p.answered_ms ? `, ${when(p.answered_ms)}` : '') : null));
  }
  if (p.links && p.links.length)
    card.append(h('p', {}, `${t('petLinks')}: `, p.links.map((l, i) => [i ? '; ' : '', `${t(`link_${l.kind}`)} ${l.ref}`])));
  return card;
}

function historyList(p) {
  return h('ol', { class: 'history', 'aria-label': t('petHistory') },
    p.history.map((s) => h('li', { 'data-status': s.status }, h('strong', {}, lang === 'en' ? (t(`pst_${s.status}`) || s.status) : s.label), ` — ${when(s.at_ms)}`)));
}

async function follow(code, box) {
  box.replaceChildren(h('p', {}, t('loading')));
  const r = await fetch(`/api/petitions/${encodeURIComponent(code.trim().toUpperCase())}`);
  if (!r.ok) {
    box.replaceChildren(h('p', { class: 'error', role: 'alert' }, t('petNotFound')));
    return;
  }
  const { petition } = await r.json();
  box.replaceChildren(petitionCard(petition, 'h3'),
    h('h3', {}, t('petHistory')), historyList(petition),
    h('p', {}, h('a', { href: petition.feed, type: 'application/atom+xml' }, t('petFeed'))));
}

function sendForm(data) {
  const topics = data.topics.map((x) => [x.key, x.label]);
  const areas = data.areas.map((a) => [a, a]);
  const text = h('textarea', { id: 'pet-text', name: 'text', rows: 6, required: true, minlength: 10, maxlength: 4000, 'aria-describedby': 'pet-text-hint' });
  const topic = h('select', { id: 'pet-topic', name: 'topic', required: true }, options(topics));
  const area = h('select', { id: 'pet-area', name: 'area' }, options(areas));
  const name = h('input', { id: 'pet-name', name: 'name', autocomplete: 'name', maxlength: 120 });
  const contact = h('input', { id: 'pet-contact', name: 'contact', autocomplete: 'tel', inputmode: 'text', maxlength: 120 });
  const consent = h('input', { type: 'checkbox', id: 'pet-consent', name: 'consent' });
  const status = h('div', { id: 'pet-result', role: 'status', 'aria-live': 'polite' });
  const button = h('button', { class: 'primary', type: 'submit', id: 'pet-submit' }, t('petSubmit'));
  const form = h('form', { class: 'petition-form', id: 'petition-form', novalidate: true },
    field(t('petText'), text, t('petTextHint')),
    h('div', { class: 'two' }, field(t('petTopic'), topic), field(t('petArea'), area)),
    h('div', { class: 'two' }, field(t('petName'), name), field(t('petContact'), contact)),
    h('p', { class: 'privacy', id: 'pet-privacy' }, t('petPrivacy')),
    h('div', { class: 'check' }, consent, h('label', { for: 'pet-consent' }, t('petConsent'))),
    button, status);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const say = (msg, cls = '') => status.replaceChildren(h('p', { class: cls, role: cls === 'error' ? 'alert' : null }, msg));
    if ((name.value.trim() || contact.value.trim()) && !consent.checked) return say(t('petConsentNeeded'), 'error');
    button.disabled = true;
    try {
      say(t('petChecking'));
      const ch = await getJson('/api/petitions/challenge');
      const nonce = await solve(ch.challenge, ch.bits);
      say(t('petSending'));
      const r = await fetch('/api/petitions', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: text.value, topic: topic.value, area: area.value, name: name.value.trim(),
          contact: contact.value.trim(), consent: consent.checked, challenge: ch.challenge, nonce }),
      });
      const body = await r.json().catch(() => ({}));
      if (!r.ok) {
        // The text stays in the form: nothing the citizen wrote is lost.
        say(body.message || t('loadFailed'), 'error');
        return;
      }
      status.replaceChildren(h('div', { class: 'notice received' },
        h('p', {}, t('petReceived'), ' ', h('strong', { id: 'pet-code' }, body.code)),
        h('p', {}, t('petKeepCode'), ' ', h('a', { href: pageLink(`/petitions.html?code=${body.code}`) }, t('petFollow')))));
      form.reset();
    } catch (e) {
      say(t('loadFailed'), 'error');
    } finally {
      button.disabled = false;
    }
  });
  return form;
}

function statsTable(caption, rows) {
  return h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-label': caption }, h('table', { class: 'stats' },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, [h('th', { scope: 'col' }, caption), ...['petCount', 'petSendersCol', 'petAnswered', 'petRate', 'petPending', 'pst_overdue'].map((k) => h('th', { scope: 'col' }, t(k)))])),
    h('tbody', {}, rows.filter((r) => r.petitions > 0).map((r) => h('tr', {},
      h('th', { scope: 'row' }, r.label), h('td', {}, r.petitions), h('td', {}, r.senders), h('td', {}, r.answered),
      h('td', {}, `${String(r.answerRate).replace('.', lang === 'vi' ? ',' : '.')}%`), h('td', {}, r.pending), h('td', {}, r.overdue))))));
}

async function list(box, filters) {
  const q = new URLSearchParams(Object.entries(filters).filter(([, v]) => v));
  const data = await getJson(`/api/petitions?${q}`);
  box.replaceChildren(data.petitions.length ? h('div', {}, data.petitions.map((p) => petitionCard(p, 'h3'))) : h('p', {}, t('petNone')));
}

async function main() {
  const data = await getJson('/api/petitions');
  const followBox = h('div', { id: 'pet-follow-result', 'aria-live': 'polite' });
  const codeInput = h('input', { id: 'pet-code-input', name: 'code', value: params.get('code') || '', autocomplete: 'off', spellcheck: 'false', placeholder: 'KN-2026-0001' });
  const followForm = h('form', { class: 'search', id: 'follow-form' },
    h('label', { for: 'pet-code-input' }, t('petCode'), codeInput),
    h('button', { class: 'primary', type: 'submit' }, t('petFollowButton')));
  followForm.addEventListener('submit', (ev) => { ev.preventDefault(); if (codeInput.value.trim()) follow(codeInput.value, followBox); });

  const listBox = h('div', { id: 'pet-list' });
  const fTopic = h('select', { id: 'f-topic' }, [h('option', { value: '' }, t('petAll')), ...data.topics.map((x) => h('option', { value: x.key }, x.label))]);
  const fArea = h('select', { id: 'f-area' }, [h('option', { value: '' }, t('petAll')), ...data.areas.map((a) => h('option', { value: a }, a))]);
  const fStatus = h('select', { id: 'f-status' }, [h('option', { value: '' }, t('petAll')),
    ...['assigned', 'published', 'overdue'].map((k) => h('option', { value: k }, t(`pst_${k}`)))]);
  const filterForm = h('form', { class: 'search', id: 'filter-form' },
    h('label', { for: 'f-topic' }, t('petTopic'), fTopic), h('label', { for: 'f-area' }, t('petArea'), fArea),
    h('label', { for: 'f-status' }, t('petStatus'), fStatus), h('button', { class: 'secondary', type: 'submit' }, t('petFilter')));
  filterForm.addEventListener('submit', (ev) => { ev.preventDefault(); list(listBox, { topic: fTopic.value, area: fArea.value, status: fStatus.value }); });

  content.replaceChildren(
    h('p', { class: 'lead' }, t('petIntro')),
    h('section', { class: 'card', 'aria-labelledby': 'h-follow' }, h('h2', { id: 'h-follow' }, t('petFollow')), followForm, followBox),
    h('section', { class: 'card', 'aria-labelledby': 'h-send' }, h('h2', { id: 'h-send' }, t('petSend')), sendForm(data)),
    h('section', { 'aria-labelledby': 'h-list' }, h('h2', { id: 'h-list' }, t('petList')), filterForm, listBox),
    h('section', { class: 'card', 'aria-labelledby': 'h-stats' }, h('h2', { id: 'h-stats' }, t('petStats')),
      statsTable(t('petByTopic'), data.report.byTopic), statsTable(t('petByArea'), data.report.byArea)),
    h('p', {}, h('a', { href: pageLink('/petitions-admin.html') }, t('admLink'))));
  await list(listBox, {});
  if (params.get('code')) await follow(params.get('code'), followBox);
}

main().catch(() => content.replaceChildren(h('p', { class: 'error', role: 'alert' }, t('loadFailed'))));
