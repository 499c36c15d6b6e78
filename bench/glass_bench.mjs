// Glass to glass: how far behind the room a viewer of the portal is. chamber-media films a
// test camera that carries the wall clock on its picture (clock = true, media/core/
// ClockCode.h); the portal's live page plays it in Debian's Chromium; every 100 ms the page
// copies the playing video to a canvas, reads the clock off it and compares with its own.
// Same machine, same clock: the difference is the whole chain — encode, segmenting, the
// playlist, the player's buffer, decode.
//
//   node bench/glass_bench.mjs            (after a build; CHAMBER_BUILD=… for another one)
//   GLASS_SECONDS=30 HLS_SEGMENT_S=2 KEYFRAME_S=2 node bench/glass_bench.mjs
//   GLASS_WEBRTC=0 …                      (HLS only, without Janus)
import { Chamber, Participants, launchBrowser, waitFor } from '../tests/portal/harness.mjs';

const seconds = Number(process.env.GLASS_SECONDS || 20);
const segment = Number(process.env.HLS_SEGMENT_S || 1);
const keyframe = Number(process.env.KEYFRAME_S || 1);
const hardware = `name = "Đo độ trễ"
[output]
width = 640
height = 360
fps = 25
video_bitrate_kbps = 1000
keyframe_s = ${keyframe}
segment_s = 10
hls_segment_s = ${segment}
hls_playlist_length = 8
[[camera]]
id = "clock"
pattern = "ball"
clock = true
overview = true
[[microphone]]
id = "chair"
`;

/// In the page: the clock on the video's current picture, minus the page's clock (ms).
function sampleDelay(videoId) {
  const v = document.getElementById(videoId);
  if (!v || v.readyState < 2 || !v.videoWidth) return null;
  const c = (window.__glass ||= document.createElement('canvas'));
  c.width = v.videoWidth;
  c.height = v.videoHeight;
  const g = c.getContext('2d', { willReadFrequently: true });
  g.drawImage(v, 0, 0);
  const now = Date.now();
  const blocks = 34;
  const row = Math.floor(Math.floor(c.height / 10) / 2);
  const data = g.getImageData(0, row, c.width, 1).data;
  const luma = (i) => {
    const x = Math.floor((Math.floor(i * c.width / blocks) + Math.floor((i + 1) * c.width / blocks)) / 2);
    return 0.299 * data[4 * x] + 0.587 * data[4 * x + 1] + 0.114 * data[4 * x + 2];
  };
  const white = luma(0), black = luma(1);
  if (white - black < 100) return null;
  const mid = (white + black) / 2;
  let code = 0;
  for (let i = 2; i < blocks; ++i) code = code * 2 + (luma(i) > mid ? 1 : 0);
  const low = now % 2 ** 32;
  let d = low - code;
  if (d < -(2 ** 31)) d += 2 ** 32;
  return d;
}

function summary(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q) => s[Math.min(s.length - 1, Math.floor(q * s.length))];
  return { n: s.length, p10: at(0.1), median: at(0.5), p90: at(0.9), max: s[s.length - 1] };
}

async function measure(page, videoId, ms) {
  const samples = [];
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const d = await page.evaluate(sampleDelay, videoId);
    if (d !== null && d > 0 && d < 60000) samples.push(d);
    await page.waitForTimeout(100);
  }
  return samples;
}

const chamber = new Chamber({ hardware, webrtc: process.env.GLASS_WEBRTC !== '0' });
let browser;
try {
  await chamber.start();
  ({ browser } = await launchBrowser());
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const chair = await Participants.open(context, chamber.base);
  await chair.connect('chair', { method: 'pin', seat: 1, pin: '101001' });
  await chair.cmd('chair', 'sitting.open');
  await waitFor('the live playlist', async () => (await fetch(`${chamber.base}/live/index.m3u8`)).ok, 30000, 250);
  // The live page as a viewer opens it (WebRTC when Janus runs), then forced to HLS.
  for (const [label, query] of [['WebRTC (Janus)', ''], ['HLS', '?transport=hls']]) {
    if (!chamber.webrtc && query === '') continue;
    const page = await context.newPage();
    await page.goto(`${chamber.base}/${query}`);
    await waitFor(`the video to play (${label})`, () => page.evaluate(() => {
      const v = document.getElementById('live-video');
      return v && v.currentTime > 0.5 && !v.paused && v.dataset.transport;
    }), 40000, 250);
    const transport = await page.evaluate(() => document.getElementById('live-video').dataset.transport);
    if ((query === '') !== (transport === 'webrtc')) throw new Error(`${label}: the page played ${transport}`);
    await page.waitForTimeout(3000);  // the player settles at its live position
    await page.evaluate(() => {
      window.__stalls = 0;
      document.getElementById('live-video').addEventListener('waiting', () => ++window.__stalls);
    });
    const r = summary(await measure(page, 'live-video', seconds * 1000));
    const stalls = await page.evaluate(() => window.__stalls);
    console.log(`${label} (HLS segments ${segment} s, GOP ${keyframe} s): glass to glass median ` +
                `${r.median} ms, p10 ${r.p10} ms, p90 ${r.p90} ms, max ${r.max} ms over ${r.n} ` +
                `frames; ${stalls} stalls in ${seconds} s`);
    await page.close();
  }
} finally {
  await browser?.close();
  await chamber.stop();
}
