// The petition register for those who run it, in the portal: Council staff (chair, secretary,
// operator) moderate, route, merge, publish and import the petitions collected at meetings
// with voters; People's Committee offices (responder accounts) answer what was routed to
// them. Sign-in and every change go over chamber.v1 like the tablets' (petition.* commands);
// reading the register and importing use the device token the sign-in gives.
import { frame, t, h, lang, formatDate, formatDateTime } from './app.js';
import { SUBPROTOCOL, COMMANDS, SERVER, hello, command } from './protocol.js';

await frame('admin');
const content = document.getElementById('content');
const when = (ms) => formatDateTime(new Date(ms).toISOString());
let ws = null, counter = 0, token = sessionStorage.getItem('chamberToken') || '', me = null;
const waiting = new Map();
// Command ids must never repeat for one account: the server answers a repeated id with the
// reply it gave the first time (that is how a retry is made safe), so each page load gets its own.
const session = Array.from(crypto.getRandomValues(new Uint8Array(8)), (b) => b.toString(16).padStart(2, '0')).join('');

function connect() {
  return new Promise((resolve, reject) => {
    const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
    ws = new WebSocket(`${scheme}://${location.host}/`, SUBPROTOCOL);
    ws.onopen = () => { ws.send(JSON.stringify(hello('portal-register/0.1'))); resolve(); };
    ws.onerror = () => reject(new Error('connect'));
    ws.onclose = () => { ws = null; };
    ws.onmessage = (m) => {
      const msg = JSON.parse(m.data);
      if (msg.id && waiting.has(msg.id)) { waiting.get(msg.id)(msg); waiting.delete(msg.id); }
    };
  });
}

async function send(msg) {
  if (!ws) await connect();
  const id = `${session}-${++counter}`;
  return new Promise((resolve) => { waiting.set(id, resolve); ws.send(JSON.stringify({ ...msg, id })); });
}

async function cmd(name, args) {
  const r = await send(command(undefined, name, args));
  if (r.type !== SERVER.OK) throw new Error(r.message || r.code);
  return r.result;
}

async function api(url, opts = {}) {
  const r = await fetch(url, { ...opts, headers: { ...(opts.headers || {}), authorization: `Bearer ${token}` } });
  const body = await r.json().catch(() => ({}));
  if (!r.ok && r.status !== 207) throw Object.assign(new Error(body.message || String(r.status)), { status: r.status });
  return body;
}

function signInForm(error) {
  const user = h('input', { id: 'adm-user', name: 'user', autocomplete: 'username', required: true });
  const password = h('input', { id: 'adm-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const form = h('form', { class: 'search', id: 'signin-form' },
    h('label', { for: 'adm-user' }, t('admUser'), user),
    h('label', { for: 'adm-password' }, t('admPassword'), password),
    h('button', { class: 'primary', type: 'submit' }, t('admSignIn')),
    error ? h('p', { class: 'error', role: 'alert' }, error) : null);
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const r = await send({ type: 'auth', method: 'password', user: user.value, password: password.value, device: 'portal' });
    if (r.type !== SERVER.OK) return show(signInForm(r.code === 'auth_failed' ? t('admBadLogin') : r.message));
    token = r.result.token;
    me = r.result;
    sessionStorage.setItem('chamberToken', token);
    await load();
  });
  return h('section', { class: 'card' }, h('h2', {}, t('admSignIn')), form);
}

function show(...nodes) { content.replaceChildren(...nodes); }

function importForm(reload) {
  const file = h('input', { type: 'file', id: 'adm-file', accept: '.csv,text/csv' });
  const out = h('div', { id: 'adm-import-result', role: 'status' });
  const form = h('form', { class: 'search', id: 'import-form' },
    h('label', { for: 'adm-file' }, t('admFile'), file), h('button', { class: 'primary', type: 'submit' }, t('admImportButton')));
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (!file.files.length) return;
    try {
      const r = await api('/api/petitions/import', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: await file.files[0].arrayBuffer() });
      out.replaceChildren(h('p', {}, `${t('admImported')}: `, h('strong', { id: 'adm-imported' }, String(r.imported)),
        r.errors.length ? `; ${r.errors.length} ${t('admRefused')}` : ''),
      r.errors.length ? h('ul', {}, r.errors.map((e) => h('li', {}, `${t('admLine')} ${e.line}: ${e.message}`))) : null);
      await reload();
    } catch (e) {
      out.replaceChildren(h('p', { class: 'error', role: 'alert' }, e.message));
    }
  });
  return h('section', { class: 'card' }, h('h2', {}, t('admImport')), h('p', { class: 'hint' }, t('admImportHint')), form, out);
}

/// One action: its fields and a button that sends the command, then reloads the register.
function action(p, label, name, fields, args, reload, cls = 'secondary') {
  const out = h('span', { role: 'status', class: 'action-result' });
  const button = h('button', { class: cls, type: 'button', 'data-action': name }, label);
  button.addEventListener('click', async () => {
    try {
      await cmd(name, { code: p.code, ...args() });
      await reload();
    } catch (e) {
      out.replaceChildren(h('span', { class: 'error', role: 'alert' }, ` ${e.message}`));
    }
  });
  return h('div', { class: 'action' }, fields, button, out);
}

function labelled(id, label, control) {
  control.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

function row(p, data, staff, reload) {
  const card = h('article', { class: 'card petition', 'data-code': p.code, 'data-status': p.status, 'aria-label': p.code });
  card.append(h('h3', {}, `${p.code} · ${p.topicLabel || '—'} · ${p.area || '—'}`),
    h('p', {}, h('span', { class: p.overdue ? 'status overdue' : `status ${p.status}` }, t(`st_${p.status}`)),
      p.overdue ? ` ${t('petOverdue')}` : '', ` · ${p.channelLabel}${p.meeting ? ` (${p.meeting})` : ''} · ${when(p.received_ms)}`,
      p.senders > 1 ? ` · ${t('petSenders')}: ${p.senders}` : '', p.due ? ` · ${t('petDue')}: ${formatDate(p.due)}` : ''));
  if (staff) card.append(h('p', {}, h('strong', {}, `${t('admReceivedText')}: `), p.receivedText));
  if (p.text) card.append(h('p', {}, h('strong', {}, `${t('admPublicText')}: `), p.text));
  if (p.answer) card.append(h('p', {}, h('strong', {}, `${t('petAnswer')}: `), p.answer));
  const id = (s) => `${s}-${p.code}`;
  if (staff && p.status === 'received') {
    const pub = h('textarea', { rows: 3 }); pub.value = p.receivedText;
    const topic = h('select', {}, data.catalogue.topics.map((x) => h('option', { value: x.key, selected: x.key === p.topic }, x.label)));
    const area = h('select', {}, [h('option', { value: '' }, '—'), ...data.catalogue.areas.map((a) => h('option', { value: a, selected: a === p.area }, a))]);
    const reason = h('input', {});
    const into = h('input', { placeholder: 'KN-2026-0001' });
    card.append(
      action(p, t('admAccept'), COMMANDS.PETITION_ACCEPT, [labelled(id('pub'), t('admPublicText'), pub), labelled(id('topic'), t('petTopic'), topic), labelled(id('area'), t('petArea'), area)],
        () => ({ publicText: pub.value, topic: topic.value, area: area.value }), reload, 'primary'),
      action(p, t('admReject'), COMMANDS.PETITION_REJECT, [labelled(id('reason'), t('admReason'), reason)], () => ({ reason: reason.value }), reload));
    card.append(action(p, t('admMerge'), COMMANDS.PETITION_MERGE, [labelled(id('into'), t('admMergeInto'), into)], () => ({ into: into.value.trim().toUpperCase() }), reload));
  }
  if (staff && (p.status === 'accepted' || p.status === 'assigned')) {
    const byTopic = (data.catalogue.topics.find((x) => x.key === p.topic) || {}).responder;
    const resp = h('select', {}, data.responders.map((r) => h('option', { value: r.id, selected: r.id === (p.responderId || byTopic) }, `${r.name} — ${r.title}`)));
    const due = h('input', { type: 'date' });
    card.append(action(p, t('admAssign'), COMMANDS.PETITION_ASSIGN, [labelled(id('resp'), t('admResponder'), resp), labelled(id('due'), t('admDue'), due)],
      () => ({ responder: resp.value, due: due.value }), reload, 'primary'));
  }
  if (p.status === 'assigned' || p.status === 'answered') {
    const text = h('textarea', { rows: 4 }); text.value = p.answer || '';
    card.append(action(p, t('admAnswer'), COMMANDS.PETITION_ANSWER, [labelled(id('answer'), t('admAnswerText'), text)], () => ({ text: text.value }), reload, 'primary'));
  }
  if (staff && p.status === 'answered') card.append(action(p, t('admPublish'), COMMANDS.PETITION_PUBLISH, [], () => ({}), reload, 'primary'));
  if (staff) {
    const list = h('div', { class: 'senders' });
    const b = h('button', { class: 'secondary', type: 'button', 'data-action': 'senders' }, t('admSenders'));
    b.addEventListener('click', async () => {
      const r = await api(`/api/petitions/${p.code}/senders`);
      list.replaceChildren(r.senders.length ? h('ul', {}, r.senders.map((s) => h('li', {}, `${s.code}: ${s.name || '—'} · ${s.contact || '—'}`))) : h('p', {}, t('admNoSenders')));
    });
    card.append(h('div', { class: 'action' }, b), list);
  }
  return card;
}

async function load() {
  let data;
  try {
    data = await api('/api/petitions/register');
  } catch (e) {
    sessionStorage.removeItem('chamberToken');
    token = '';
    return show(signInForm(e.status === 401 ? '' : e.message));
  }
  if (!ws) {  // signed in earlier in this tab: sign the connection in with the token
    const r = await send({ type: 'auth', method: 'token', token, device: '' });
    if (r.type !== SERVER.OK) return show(signInForm(''));
    me = r.result;
  }
  const staff = me && ['chair', 'vice_chair', 'secretary', 'operator'].includes(me.role);
  const filter = h('select', { id: 'adm-status' }, [h('option', { value: '' }, t('petAll')),
    ...['received', 'accepted', 'assigned', 'answered', 'published', 'rejected', 'merged'].map((s) => h('option', { value: s }, t(`st_${s}`)))]);
  const list = h('div', { id: 'register' });
  const render = () => list.replaceChildren(...data.petitions.filter((p) => !filter.value || p.status === filter.value)
    .slice(0, 200).map((p) => row(p, data, staff, reload)));
  async function reload() { data = await api('/api/petitions/register'); render(); }
  filter.addEventListener('change', render);
  const out = h('button', { class: 'secondary', type: 'button', id: 'adm-signout' }, t('admSignOut'));
  out.addEventListener('click', () => { sessionStorage.removeItem('chamberToken'); location.reload(); });
  show(h('p', {}, `${me ? `${me.name || me.id} (${me.role})` : ''} `, out),
    staff ? importForm(reload) : null,
    h('section', {}, h('h2', {}, t('admRegister')), h('p', {}, h('label', { for: 'adm-status' }, `${t('admFilterStatus')} `), filter),
      h('p', { class: 'meta', id: 'adm-count' }, `${data.petitions.length} ${t('admShowing')}`), list));
  render();
}

if (token) load(); else show(signInForm(''));
