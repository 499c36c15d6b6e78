// One sitting: its agenda with the public papers, the archived video with its chapters (a
// click seeks to the item or speaker), attendance, and every vote's result — named votes
// per delegate, secret ballots as counts only — and the documents it adopted.
import { frame, h, t, getJson, formatDate, formatClock, formatBytes, voteResult, optionLabel, pageLink } from './app.js';

await frame('sittings');
const content = document.getElementById('content');
const id = new URLSearchParams(location.search).get('id');

/// "Xem video" beside an agenda item: seeks the archived video to the item's chapter.
function watchButton(s, item) {
  const chapter = ((s.archive && s.archive.chapters) || []).find((c) => c.kind === 'item' && c.item === item.id);
  if (!chapter) return null;
  return h('button', { type: 'button', class: 'secondary watch', 'data-start': chapter.start_s,
                       'aria-label': `${t('watch')}: ${item.title}`,
                       onclick: () => {
                         const v = document.getElementById('archive-video');
                         v.currentTime = chapter.start_s;
                         v.scrollIntoView({ behavior: 'smooth', block: 'center' });
                         v.play().catch(() => {});
                       } }, `▶ ${t('watch')} (${formatClock(chapter.start_s)})`);
}

function agendaSection(s) {
  return h('section', { class: 'card', 'aria-labelledby': 'h-agenda' },
    h('h2', { id: 'h-agenda' }, t('agenda')),
    h('ol', { class: 'agenda' }, (s.agenda || []).map((i) =>
      h('li', { class: i.parent ? 'sub' : '', 'aria-current': i.id === s.activeItem && s.status !== 'closed' ? 'true' : false },
        h('strong', {}, `${i.id}. `), i.title,
        i.presenter ? h('span', { class: 'meta' }, ` — ${i.presenter}`) : null, ' ', watchButton(s, i),
        (i.documents || []).length ? h('ul', { class: 'docs', 'aria-label': `${t('documentsOfItem')}: ${i.title}` },
          i.documents.map((d) => h('li', {}, h('a', { href: `/api/documents/${d.sha256}`, type: 'application/pdf' }, `${d.title} (PDF${d.size ? `, ${formatBytes(d.size)}` : ''})`)))) : null,
        itemVotes(s, i)))));
}

/// The votes taken under an agenda item, each with its outcome and, once archived, a button
/// to watch the moment its result was announced (its chapter in the video).
function itemVotes(s, item) {
  const votes = (s.votes || []).filter((v) => v.result && v.item === item.id);
  if (!votes.length) return null;
  const results = ((s.archive && s.archive.chapters) || []).filter((c) => c.kind === 'result' && c.item === item.id);
  return h('ul', { class: 'item-votes', 'aria-label': `${t('resultsOfItem')}: ${item.title}` }, votes.map((v, n) => {
    const chapter = results[n];
    return h('li', { 'data-vote': v.id },
      h('span', { class: `outcome ${v.result.passed ? 'yes' : 'no'}` }, v.result.passed ? t('passed') : t('failed')), `: ${v.title} `,
      h('a', { href: `#vote-${v.id}` }, `(${t('voteResults').toLowerCase()})`),
      chapter ? h('button', { type: 'button', class: 'secondary watch', 'data-start': chapter.start_s,
        'aria-label': `${t('watchResult')} (${formatClock(chapter.start_s)}): ${v.title}`,
        onclick: () => { const el = document.getElementById('archive-video'); el.currentTime = chapter.start_s; el.scrollIntoView({ behavior: 'smooth', block: 'center' }); el.play().catch(() => {}); } },
      `▶ ${t('watchResult')} (${formatClock(chapter.start_s)})`) : null);
  }));
}

function chaptersVtt(chapters) {
  const two = (n) => String(n).padStart(2, '0');
  const stamp = (x) => {
    const ms = Math.round(x * 1000), s = Math.floor(ms / 1000);
    return `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}.${String(ms % 1000).padStart(3, '0')}`;
  };
  const cues = chapters.map((c, n) => `${n + 1}\n${stamp(c.start_s)} --> ${stamp(c.end_s)}\n${c.title}\n`);
  return URL.createObjectURL(new Blob([`WEBVTT\n\n${cues.join('\n')}`], { type: 'text/vtt' }));
}

function videoSection(s) {
  const a = s.archive;
  const section = h('section', { class: 'card', 'aria-labelledby': 'h-video' }, h('h2', { id: 'h-video' }, t('video')));
  if (!a) { section.append(h('p', {}, t('noVideo'))); return section; }
  const video = h('video', { id: 'archive-video', controls: true, preload: 'metadata', playsinline: true, src: a.video,
                             'aria-label': `${t('video')}: ${s.title}` },
    // The chapters as a WebVTT track too: players and assistive tools list them natively.
    h('track', { kind: 'chapters', srclang: 'vi', label: t('chapters'), default: true, src: chaptersVtt(a.chapters || []) }));
  const items = (a.chapters || []).map((c, n) => {
    const button = h('button', { type: 'button', 'data-start': c.start_s, 'data-chapter': n + 1,
                                 onclick: () => { video.currentTime = c.start_s; video.play().catch(() => {}); } },
      c.thumbnail ? h('img', { src: c.thumbnail, alt: '', loading: 'lazy', width: 96, height: 54 }) : null,
      h('span', {}, h('span', { class: 'time' }, formatClock(c.start_s)),
        h('span', { class: c.kind === 'gap' ? 'gap' : '' }, c.title)));
    return h('li', {}, button);
  });
  const list = h('ol', { class: 'chapters', 'aria-label': t('chapters') }, items);
  video.addEventListener('timeupdate', () => {
    const now = video.currentTime;
    (a.chapters || []).forEach((c, n) => {
      const on = now >= c.start_s && now < c.end_s;
      if (on) items[n].setAttribute('aria-current', 'true'); else items[n].removeAttribute('aria-current');
    });
  });
  section.append(h('div', { class: 'grid' },
    h('div', { class: 'player' }, video),
    h('div', {}, h('h3', {}, t('chapters')), h('p', { class: 'meta' }, t('chapterHint')), list)));
  if ((a.gaps || []).length) section.append(h('p', { class: 'notice' }, t('gapNote')));
  // Downloads with their sizes: the original and the small copy for phones (on a commune's
  // mobile data a viewer chooses knowing what it costs). Older archives list only the video.
  const files = a.files || [{ label: 'MP4', url: a.video }];
  section.append(h('ul', { class: 'downloads', 'aria-label': t('downloadVideo') }, files.map((f, n) =>
    h('li', {}, h('a', { href: f.url, download: `ky-hop-${s.number}${n ? '-nho' : ''}.mp4`, type: 'video/mp4' },
      `${t('downloadVideo')} — ${n ? `${t('phoneCopy')} (${f.height || 360}p)` : t('originalCopy')}`),
      ` (MP4, ${formatClock(a.duration_s)}${f.bytes ? `, ${formatBytes(f.bytes)}` : ''})`))));
  return section;
}

function attendanceSection(s) {
  const list = s.attendanceList || [];
  const present = list.filter((d) => d.present).length;
  return h('section', { class: 'card', 'aria-labelledby': 'h-attendance' },
    h('h2', { id: 'h-attendance' }, t('attendance')),
    h('p', { class: 'now' }, `${present}/${list.length} ${t('presentOf')}`),
    h('details', {}, h('summary', {}, `${t('attendance')} (${list.length})`),
      h('div', { class: 'scroll' }, h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('seat')), h('th', { scope: 'col' }, t('name')),
          h('th', { scope: 'col' }, t('role')), h('th', { scope: 'col' }, t('attendance')))),
        h('tbody', {}, list.map((d) => h('tr', {}, h('td', {}, d.seat), h('th', { scope: 'row' }, d.name), h('td', {}, d.title),
          h('td', { class: d.present ? 'present' : 'absent' }, d.present ? t('present') : t('absent')))))))));
}

function votesSection(s) {
  const votes = (s.votes || []).filter((v) => v.result);
  const names = Object.fromEntries((s.roster || []).map((d) => [d.id, d.name]));
  return h('section', { class: 'card', 'aria-labelledby': 'h-votes' },
    h('h2', { id: 'h-votes' }, t('voteResults')),
    votes.length === 0 ? h('p', {}, t('noVote')) : votes.map((v) => {
      const box = voteResult(v);
      box.id = `vote-${v.id}`;
      const labels = Object.fromEntries((v.options || []).map((o) => [o.key, optionLabel(o)]));
      if (v.form === 'secret') box.append(h('p', { class: 'meta' }, t('secretNote')));
      const named = (v.result && v.result.named) || [];
      if (named.length) {
        box.append(h('details', {}, h('summary', {}, t('namedList')),
          h('div', { class: 'scroll' }, h('table', {},
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('name')), h('th', { scope: 'col' }, t('choice')))),
            h('tbody', {}, named.map((n) => h('tr', {}, h('th', { scope: 'row' }, names[n.delegate] || n.delegate),
              h('td', {}, (n.choices || []).map((c) => labels[c] || c).join(', ')))))))));
      }
      return box;
    }));
}

/// Interpellation in public: each question, who answered and how, and a written answer
/// promised with its due date — overdue marked.
function questionsSection(s) {
  const qs = s.interpellations || [];
  if (!qs.length) return null;
  return h('section', { class: 'card', 'aria-labelledby': 'h-questions' },
    h('h2', { id: 'h-questions' }, t('questionsTitle')),
    h('ol', { class: 'list questions' }, qs.map((q) => h('li', { class: 'question', 'data-status': q.status },
      h('h3', {}, `${q.from} → ${q.to}${q.toTitle ? ` (${q.toTitle})` : ''}`),
      q.group ? h('p', { class: 'meta' }, `${t('qGroup')}: ${q.group}`) : null,
      h('p', {}, h('strong', {}, `${t('qAsked')}: `), q.text),
      (q.followUps || []).map((f) => h('p', {}, h('strong', {}, `${t('qFollowUp')}: `), f)),
      (q.answers || []).map((a) => h('p', { class: 'answer' }, h('strong', {}, `${t('qAnswer')}: `), a)),
      q.status === 'written_pending'
        ? h('p', { class: q.overdue ? 'status overdue' : 'status' }, `${t('qWritten')} ${formatDate(q.writtenDue)}`, q.overdue ? ` — ${t('petOverdue')}` : '')
        : null,
      !q.answers.length && q.status !== 'written_pending' ? h('p', { class: 'meta' }, t('qNoAnswer')) : null))));
}

function publicationsSection(s) {
  if (!(s.publications || []).length) return null;
  return h('section', { class: 'card', 'aria-labelledby': 'h-adopted' },
    h('h2', { id: 'h-adopted' }, t('adopted')),
    h('ul', {}, s.publications.map((p) => h('li', {},
      h('a', { href: p.url, type: 'application/pdf' }, `${p.number} — ${p.title}`), ` (PDF, ${formatBytes(p.size)})`))));
}

try {
  if (!id) throw new Error('no id');
  const { sitting: s } = await getJson(`/api/sittings/${encodeURIComponent(id)}`);
  document.getElementById('page-title').textContent = s.title;
  document.title = `${s.title} · ${t('site')}`;
  content.replaceChildren(
    h('p', { class: 'meta' }, h('span', { class: `status ${s.status}` }, t(`status_${s.status}`)), ' ',
      [s.time, formatDate(s.date), s.place, s.term && `${t('term')} ${s.term}`].filter(Boolean).join(' · ')),
    s.status === 'scheduled' ? h('p', { class: 'notice' }, h('strong', {}, `${t('startsAt')} ${s.time ? `${s.time}, ` : ''}${formatDate(s.date)}`), '. ',
      h('a', { href: `/api/sittings/${s.id}.ics`, type: 'text/calendar' }, t('addToCalendar'))) : '',
    videoSection(s), agendaSection(s), attendanceSection(s), votesSection(s), questionsSection(s) || '', publicationsSection(s) || '',
    h('p', {}, h('a', { href: pageLink('/sittings.html') }, `← ${t('sittingsTitle')}`)));
} catch (e) {
  content.replaceChildren(h('p', { class: 'notice', role: 'alert' }, t('loadFailed')));
}
