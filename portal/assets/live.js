// The live page: the livestream (WebRTC through Janus where the council runs it; hls.js, or
// native HLS where the browser has it), and what is
// happening now — the active item, who has the floor, attendance, the latest vote — kept
// current from the public WebSocket feed.
import { frame, h, t, formatDate, voteResult, pageLink } from './app.js';
import { Feed } from './feed.js';
import { EVENTS } from './protocol.js';
import { playWebRtc } from './webrtc.js';

await frame('live');

const $ = (id) => document.getElementById(id);
let sitting = null;

function personName(id) {
  if (!sitting) return id;
  const p = [...(sitting.roster || []), ...(sitting.responders || [])].find((x) => x.id === id);
  return p ? `${p.name}${p.title ? ` — ${p.title}` : ''}` : id;
}

function render() {
  if (!sitting) {
    $('sitting-title').textContent = t('liveTitle');
    $('sitting-status').textContent = t('noSitting');
    $('closed-note').hidden = true;
    $('active-item').textContent = t('noActiveItem');
    $('speaker').textContent = t('noSpeaker');
    $('quorum').textContent = '—';
    $('latest-vote').replaceChildren(h('p', {}, t('noVote')));
    return;
  }
  $('sitting-title').textContent = sitting.title;
  const status = $('sitting-status');
  status.className = `status ${sitting.status}`;
  status.textContent = t(`status_${sitting.status}`);
  $('sitting-when').textContent = [sitting.time, formatDate(sitting.date), sitting.place].filter(Boolean).join(' · ');
  const closed = $('closed-note');
  closed.hidden = sitting.status !== 'closed';
  if (!closed.hidden)
    closed.replaceChildren(`${t('closedNote')} `, h('a', { href: pageLink(`/sitting.html?id=${sitting.id}`) }, t('watchAgain')));
  // Before the opening: when it starts and its papers, not a player with nothing in it.
  const scheduled = sitting.status === 'scheduled';
  document.querySelector('.player').hidden = scheduled || sitting.status === 'closed';
  const starts = $('starts-at');
  starts.hidden = !scheduled;
  if (scheduled || sitting.status === 'closed') $('not-live').hidden = true;
  if (scheduled)
    starts.replaceChildren(h('strong', {}, `${t('startsAt')} ${sitting.time ? `${sitting.time}, ` : ''}${formatDate(sitting.date)}`), '. ',
      h('a', { href: pageLink(`/sitting.html?id=${sitting.id}`) }, t('papersAhead')), ' · ',
      h('a', { href: `/api/sittings/${sitting.id}.ics`, type: 'text/calendar' }, t('addToCalendar')));
  const item = (sitting.agenda || []).find((i) => i.id === sitting.activeItem);
  $('active-item').textContent = item ? `${item.id}. ${item.title}` : t('noActiveItem');
  const speakers = sitting.speakers || [];
  $('speaker').replaceChildren(...(speakers.length
    ? speakers.map((s) => h('span', { class: 'live-dot', 'data-person': s.person }, personName(s.person)))
    : [t('noSpeaker')]));
  const q = sitting.quorum || {};
  $('quorum').textContent = `${q.present ?? 0}/${q.inOffice ?? 0}`;
  // The server lists votes by number (v2 before v10).
  const latest = (sitting.votes || []).filter((v) => v.status !== 'draft').pop();
  $('latest-vote').replaceChildren(latest ? voteResult(latest) : h('p', {}, t('noVote')));
}

// Events this page folds itself; anything else asks for the state again.
function onEvent(e) {
  if (!sitting || e.sitting !== sitting.id) { feed.refresh(); return; }
  const d = e.data || {};
  switch (e.kind) {
    case EVENTS.AGENDA_ACTIVATED: sitting.activeItem = d.item; break;
    case EVENTS.FLOOR_GRANTED:
      sitting.speakers = (sitting.speakers || []).filter((s) => s.person !== d.person)
        .concat([{ person: d.person, kind: d.kind, since_ms: e.ts, limit_s: d.limit_s }]);
      break;
    case EVENTS.FLOOR_ENDED: sitting.speakers = (sitting.speakers || []).filter((s) => s.person !== d.person); break;
    case EVENTS.SITTING_OPENED: case EVENTS.SITTING_RESUMED: sitting.status = 'open'; break;
    case EVENTS.SITTING_SUSPENDED: sitting.status = 'suspended'; break;
    case EVENTS.SITTING_CLOSED: sitting.status = 'closed'; sitting.speakers = []; break;
    default: feed.refresh(); return;  // votes, attendance, papers: the server's own count
  }
  render();
}

const feed = new Feed({
  onState: (state) => { sitting = state.current; render(); },
  onEvent,
  onConnection: (up) => { $('connection').textContent = up ? t('connected') : t('reconnecting'); },
});

// The livestream: the WebRTC view (about a second behind the room) where the council runs
// one, HLS otherwise or when WebRTC fails (a firewall without UDP, an old browser); retried
// every few seconds until the media process publishes it.
const video = $('live-video');
let hls = null;
let rtc = null;
async function startVideo() {
  const live = await fetch('/api/live', { cache: 'no-store' }).then((r) => r.json()).catch(() => ({}));
  // ?transport=hls: HLS even where WebRTC runs (a viewer behind a firewall without UDP).
  const forced = new URLSearchParams(location.search).get('transport');
  if (live.webrtc && window.RTCPeerConnection && forced !== 'hls') {
    try {
      rtc = await playWebRtc(video, live.webrtc.url, live.webrtc.mount, {
        onLost: () => { rtc = null; video.srcObject = null; setTimeout(startVideo, 3000); },
      });
      $('not-live').hidden = true;
      video.dataset.transport = 'webrtc';
      return;
    } catch (e) {
      rtc = null;
      video.srcObject = null;
      console.info(`WebRTC not available (${e.message}): HLS`);
    }
  }
  const source = live.hls || '/live/index.m3u8';
  const there = await fetch(source, { method: 'HEAD', cache: 'no-store' }).then((r) => r.ok).catch(() => false);
  // Before the opening and after the close the page says so itself (starts-at, closed-note).
  $('not-live').hidden = there || !!(sitting && (sitting.status === 'scheduled' || sitting.status === 'closed'));
  if (!there) { setTimeout(startVideo, 5000); return; }
  video.dataset.transport = 'hls';
  if (window.Hls && window.Hls.isSupported()) {
    hls = new window.Hls({ liveSyncDurationCount: 2, manifestLoadingMaxRetry: 6 });
    hls.on(window.Hls.Events.ERROR, (_, data) => {
      if (!data.fatal) return;
      hls.destroy();
      hls = null;
      setTimeout(startVideo, 3000);
    });
    hls.loadSource(source);
    hls.attachMedia(video);
  } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
    video.src = source;
  }
  video.play().catch(() => { /* the viewer presses play */ });
}
// hls.js (a deferred script) is there by the page's load; the frame's await may end after it.
if (document.readyState === 'complete') startVideo();
else window.addEventListener('load', startVideo);
