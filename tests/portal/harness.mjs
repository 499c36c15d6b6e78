// What the portal's browser tests need, all real: the demo council's data (chamberctl),
// chamber-server serving the portal, chamber-media filming test cameras into HLS and
// recording, chamber-archive, and Debian's Chromium driven by playwright-core. Every
// process is started on a free port and stopped at the end; every wait is bounded.
import { spawn, execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import dgram from 'node:dgram';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export const source = process.env.CHAMBER_SOURCE || path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
export const build = process.env.CHAMBER_BUILD || path.join(source, 'build');
export const shots = process.env.CHAMBER_SCREENSHOTS || path.join(build, 'screenshots');
const portalRequire = createRequire(path.join(source, 'portal', 'package.json'));
export const { chromium } = portalRequire('playwright-core');
export const axePath = portalRequire.resolve('axe-core/axe.min.js');

/// Polls `check` until it returns something truthy, or fails after `ms`.
export async function waitFor(what, check, ms = 15000, every = 200) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(every);
  }
}

/// A port nobody listens on now (TCP or UDP), from the system.
export function freePort(kind = 'tcp') {
  return new Promise((resolve, reject) => {
    if (kind === 'udp') {
      const sock = dgram.createSocket('udp4');
      sock.bind(0, '127.0.0.1', () => { const { port } = sock.address(); sock.close(() => resolve(port)); });
      sock.on('error', reject);
      return;
    }
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
    srv.on('error', reject);
  });
}

function run(file, args, opts = {}) {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: 180000, maxBuffer: 1 << 24, ...opts }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${path.basename(file)} ${args.join(' ')}: ${err.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

export const testHardware = `name = "Hội trường thử nghiệm"
[output]
width = 640
height = 360
fps = 15
video_bitrate_kbps = 800
segment_s = 4
hls_segment_s = 2
[[camera]]
id = "overview"
pattern = "smpte100"
overview = true
[[camera]]
id = "seat4"
pattern = "ball"
[[microphone]]
id = "chair"
[[seat]]
seat = 4
camera = "seat4"
`;

export class Chamber {
  /// `hardware`: the chamber description chamber-media films (the benchmarks give their own).
  /// `webrtc`: run Janus (deploy/janus/, ports of the test's) for the live view in WebRTC.
  /// `media`: film test cameras with chamber-media (the petition tests need no video).
  /// `serverArgs`: more flags for chamber-server.
  /// With CHAMBER_VIA_NGINX=1 the pages, the API and the WebSocket go through nginx with the
  /// shipped site (deploy/nginx/chamber.conf): TLS, HTTP/2, the caches, X-Real-IP.
  constructor({ hardware = testHardware, webrtc = false, media = true, serverArgs = [] } = {}) {
    this.viaNginx = !!process.env.CHAMBER_VIA_NGINX;
    this.withMedia = media;
    this.serverArgs = serverArgs;
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chamber-portal-'));
    this.procs = [];
    this.hardware = hardware;
    this.webrtc = webrtc;
  }

  /// Janus with the shipped configuration, its ports moved to free ones of the test's.
  async startJanus() {
    const conf = path.join(this.dir, 'janus');
    fs.mkdirSync(conf, { recursive: true });
    this.janusPort = await freePort('tcp');
    this.rtpVideo = await freePort('udp');
    this.rtpAudio = await freePort('udp');
    const shipped = path.join(source, 'deploy', 'janus');
    for (const f of fs.readdirSync(shipped)) {
      let text = fs.readFileSync(path.join(shipped, f), 'utf8');
      text = text.replace('configs_folder = "/etc/chamber/janus"', `configs_folder = "${conf}"`)
        .replace(/\bport = 8088\b/, `port = ${this.janusPort}`)
        .replace(/\baudioport = 5402\b/, `audioport = ${this.rtpAudio}`)
        .replace(/\bvideoport = 5404\b/, `videoport = ${this.rtpVideo}`);
      fs.writeFileSync(path.join(conf, f), text);
    }
    this.spawn('janus', '/usr/bin/janus', ['-C', path.join(conf, 'janus.jcfg'), '-F', conf, '-o', '-d', '3']);
    this.janusUrl = `http://127.0.0.1:${this.janusPort}/janus`;
    await waitFor('Janus', async () => (await fetch(`${this.janusUrl}/info`).catch(() => null))?.ok, 20000, 200);
    this.hardware += `\n[webrtc]\nvideo_port = ${this.rtpVideo}\naudio_port = ${this.rtpAudio}\n`;
  }

  async start() {
    await run('bash', [path.join(source, 'scripts/demo-data.sh'), path.join(this.dir, 'demo')],
              { env: { ...process.env, CHAMBER_BUILD: build }, cwd: source });
    this.data = path.join(this.dir, 'demo', 'data');
    if (this.webrtc) await this.startJanus();
    this.media = path.join(this.dir, 'media');
    this.archive = path.join(this.dir, 'archive');
    fs.mkdirSync(path.join(this.media, 'live'), { recursive: true });
    const portFile = path.join(this.dir, 'port');
    this.spawn('server', path.join(build, 'session-server/chamber-server'),
      ['--port', '0', '--port-file', portFile, '--data', this.data, '--portal', path.join(source, 'portal'),
       '--hls', path.join(this.media, 'live'), '--archive', this.archive, '--log-level', 'warn',
       ...(this.webrtc ? ['--webrtc', this.viaNginx ? '/janus' : this.janusUrl] : []),
       ...(this.viaNginx ? ['--trust-proxy'] : []), ...this.serverArgs]);
    this.port = Number(await waitFor('the server', () => fs.existsSync(portFile) && fs.readFileSync(portFile, 'utf8').trim()));
    this.direct = `http://127.0.0.1:${this.port}`;
    this.base = this.viaNginx ? await this.startNginx() : this.direct;
    if (!this.withMedia) return;
    const hardware = path.join(this.dir, 'chamber.toml');
    fs.writeFileSync(hardware, this.hardware);
    this.spawn('media', path.join(build, 'media/chamber-media'),
      ['--hardware', hardware, '--data', this.media, '--server', `ws://127.0.0.1:${this.port}`,
       '--user', 'media'], { CHAMBER_MEDIA_PASSWORD: 'demo-media' });
  }

  /// nginx with the shipped site, its addresses moved to the test's: the certificate is made
  /// here, the upstreams are this server and this Janus. Returns the public base URL.
  async startNginx() {
    const dir = path.join(this.dir, 'nginx');
    fs.mkdirSync(path.join(dir, 'logs'), { recursive: true });
    await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
                          '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')]);
    const https = await freePort('tcp');
    const plain = await freePort('tcp');
    const site = await run(path.join(source, 'tests/support/nginx-site.sh'),
      [String(this.port), String(this.janusPort || 9), String(https), String(plain),
       path.join(dir, 'cert.pem'), path.join(dir, 'key.pem'), path.join(dir, 'cache')]);
    fs.writeFileSync(path.join(dir, 'site.conf'), site);
    fs.writeFileSync(path.join(dir, 'nginx.conf'), `daemon off; master_process off; worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 1024; }
http {
  include /etc/nginx/mime.types;
  access_log ${dir}/logs/access.log;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  include ${dir}/site.conf;
}
`);
    this.spawn('nginx', '/usr/sbin/nginx', ['-p', dir, '-c', path.join(dir, 'nginx.conf')]);
    const base = `https://127.0.0.1:${https}`;
    await waitFor('nginx', async () => (await fetch(`${base}/health`).catch(() => null))?.ok, 15000, 200);
    return base;
  }

  spawn(name, file, args, env = {}) {
    const p = spawn(file, args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...env } });
    p.stderr.on('data', (d) => { if (process.env.CHAMBER_TEST_VERBOSE) process.stderr.write(`[${name}] ${d}`); });
    p.on('exit', (code, signal) => {
      if (!this.stopping) process.stderr.write(`!! ${name} exited unexpectedly (code ${code}, signal ${signal})\n`);
    });
    this.procs.push(p);
    return p;
  }

  async buildArchive(sitting) {
    return run(path.join(build, 'media/chamber-archive'),
      ['--server', `ws://127.0.0.1:${this.port}`, '--user', 'media',
       '--recordings', path.join(this.media, 'recordings'), '--out', this.archive, '--sitting', String(sitting),
       '--phone-height', '180'],
      { env: { ...process.env, CHAMBER_MEDIA_PASSWORD: 'demo-media' } });
  }

  async stop() {
    this.stopping = true;
    for (const p of this.procs.reverse()) {
      if (p.exitCode !== null) continue;
      p.kill('SIGTERM');
      await Promise.race([new Promise((r) => p.once('exit', r)), sleep(8000)]);
      if (p.exitCode === null) p.kill('SIGKILL');
    }
    if (!process.env.CHAMBER_TEST_KEEP) fs.rmSync(this.dir, { recursive: true, force: true });
  }
}

export async function launchBrowser() {
  // playwright-core starts Chromium with a fresh, empty profile of its own each time.
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [...(process.env.CHAMBER_VIA_NGINX ? ['--ignore-certificate-errors'] : []),
           '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
           '--disable-sync', '--no-first-run', '--disable-quic',
           '--autoplay-policy=no-user-gesture-required'],
  });
  return { browser };
}

/// chamber.v1 participants run inside a page of the portal's origin (the browser's own
/// WebSocket), so the tests speak the protocol exactly as the portal does.
export class Participants {
  static async open(context, base) {
    const page = await context.newPage();
    await page.goto(`${base}/health`);
    await page.evaluate(() => {
      window.peers = {};
      window.peerOpen = (name) => new Promise((resolve, reject) => {
        const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/`, 'chamber.v1');
        const peer = { ws, waiting: new Map(), n: 0, events: [] };
        ws.onmessage = (m) => {
          const msg = JSON.parse(m.data);
          if (msg.id && peer.waiting.has(msg.id)) { peer.waiting.get(msg.id)(msg); peer.waiting.delete(msg.id); }
          else if (msg.type === 'event') peer.events.push(msg);
        };
        ws.onopen = () => resolve(true);
        ws.onerror = () => reject(new Error(`${name}: cannot connect`));
        window.peers[name] = peer;
      });
      window.peerSend = (name, msg) => new Promise((resolve, reject) => {
        const peer = window.peers[name];
        const id = `${name}-${++peer.n}-${Math.random().toString(36).slice(2)}`;
        peer.waiting.set(id, resolve);
        peer.ws.send(JSON.stringify({ ...msg, id }));
        setTimeout(() => reject(new Error(`no reply to ${JSON.stringify(msg)}`)), 10000);
      });
    });
    const p = new Participants();
    p.page = page;
    return p;
  }

  async connect(name, auth) {
    await this.page.evaluate((n) => window.peerOpen(n), name);
    await this.send(name, { type: 'hello', version: 1 });
    const r = await this.send(name, { type: 'auth', ...auth });
    if (r.type !== 'ok') throw new Error(`${name} could not sign in: ${JSON.stringify(r)}`);
    return r;
  }

  send(name, msg) { return this.page.evaluate(([n, m]) => window.peerSend(n, m), [name, msg]); }

  async cmd(name, cmd, args = {}) {
    const r = await this.send(name, { type: 'cmd', cmd, args });
    if (r.type !== 'ok') throw new Error(`${cmd}: ${JSON.stringify(r)}`);
    return r.result;
  }

  events(name) { return this.page.evaluate((n) => window.peers[n].events, name); }
}

/// axe-core on the page as it is: WCAG 2.1 A and AA rules; returns the violations. It is
/// evaluated through the DevTools protocol: the portal's Content-Security-Policy rightly
/// refuses an injected <script>.
const axeSource = fs.readFileSync(axePath, 'utf8');
export async function axe(page) {
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
}

export async function screenshot(page, name) {
  fs.mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: path.join(shots, `portal-${name}.png`), fullPage: true });
}
