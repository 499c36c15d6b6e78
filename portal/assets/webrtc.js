// The sitting's live view in WebRTC, about a second behind the room: Janus's streaming
// plugin (deploy/janus/) fans out chamber-media's one encode; this page speaks Janus's
// REST API with fetch — create a session, attach the streaming plugin, "watch" the
// mountpoint, answer its offer, long-poll for events and keep the session alive. No
// library: the protocol is four kinds of request.

const rand = () => Math.random().toString(36).slice(2, 12);

async function call(url, body) {
  const r = await fetch(url, { method: 'POST', body: JSON.stringify({ ...body, transaction: rand() }) });
  const j = await r.json();
  if (j.janus === 'error') throw new Error(`janus: ${j.error?.reason || 'error'}`);
  return j;
}

/// Waits (bounded) until the browser has its ICE candidates, so they travel in the answer.
function gathered(pc, ms = 2000) {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => { if (pc.iceGatheringState === 'complete') resolve(); };
    pc.addEventListener('icegatheringstatechange', done);
    setTimeout(resolve, ms);
  });
}

/// Plays mountpoint `mount` of the Janus at `base` ("/janus" or "http://host:8088/janus")
/// in `video`. Resolves once the picture plays; rejects on any failure (the caller falls
/// back to HLS). `onLost` is called if the connection later fails for good.
export async function playWebRtc(video, base, mount, { onLost = () => {}, timeout_ms = 8000 } = {}) {
  const session = (await call(base, { janus: 'create' })).data.id;
  const sessionUrl = `${base}/${session}`;
  let closed = false;
  let pc = null;
  const close = () => {
    if (closed) return;
    closed = true;
    pc?.close();
    fetch(sessionUrl, { method: 'POST', body: JSON.stringify({ janus: 'destroy', transaction: rand() }) }).catch(() => {});
  };
  try {
    const handle = (await call(sessionUrl, { janus: 'attach', plugin: 'janus.plugin.streaming' })).data.id;
    const handleUrl = `${sessionUrl}/${handle}`;
    let offer = null;
    // Events arrive by long poll: the offer first, then whatever Janus says.
    const poll = async () => {
      while (!closed) {
        try {
          const r = await fetch(`${sessionUrl}?maxev=5&rid=${Date.now()}`);
          const events = [].concat(await r.json());
          for (const e of events) {
            if (e.jsep && e.jsep.type === 'offer') offer = e.jsep;
            if (e.janus === 'hangup' || e.janus === 'detached') { close(); onLost(); }
          }
        } catch { await new Promise((r) => setTimeout(r, 1000)); }
      }
    };
    poll();
    await call(handleUrl, { janus: 'message', body: { request: 'watch', id: mount } });
    const started = Date.now();
    while (!offer) {
      if (Date.now() - started > timeout_ms) throw new Error('no offer from the streaming server');
      await new Promise((r) => setTimeout(r, 50));
    }
    pc = new RTCPeerConnection({ iceServers: [] });
    const stream = new MediaStream();
    pc.ontrack = (e) => {
      stream.addTrack(e.track);
      if (video.srcObject !== stream) video.srcObject = stream;
    };
    pc.onconnectionstatechange = () => {
      if (pc.connectionState === 'failed' && !closed) { close(); onLost(); }
    };
    await pc.setRemoteDescription(offer);
    await pc.setLocalDescription(await pc.createAnswer());
    await gathered(pc);
    await call(handleUrl, { janus: 'message', body: { request: 'start' }, jsep: pc.localDescription });
    const keepalive = setInterval(() => {
      if (closed) { clearInterval(keepalive); return; }
      call(sessionUrl, { janus: 'keepalive' }).catch(() => {});
    }, 25000);
    video.play().catch(() => { /* the viewer presses play */ });
    // Playing means frames: the picture has a size and time moves.
    const until = Date.now() + timeout_ms;
    while (!(video.videoWidth > 0 && video.currentTime > 0)) {
      if (Date.now() > until) throw new Error('no picture over WebRTC');
      await new Promise((r) => setTimeout(r, 100));
    }
    return { close };
  } catch (e) {
    close();
    throw e;
  }
}
