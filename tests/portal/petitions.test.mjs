// Citizens' petitions and search in a real headless Chromium against the real server: a
// citizen sends one from a phone-sized page and follows it by its code through every state to
// the published answer, done by staff and the People's Committee in their own page; staff
// import 200 petitions from a CSV of meetings with voters (twice: nothing doubles); a
// duplicate is merged; an overdue one shows as such; a flood from one address is refused with
// a clear message while another citizen's still goes through; no sender's name, phone or
// e-mail appears in anything public; a phrase inside a sitting paper's PDF is found without
// diacritics, with its page; axe-core finds no WCAG 2.1 AA violation on the new pages.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { Chamber, Participants, launchBrowser, axe, screenshot, waitFor } from './harness.mjs';

// The flood test sends from 127.0.0.2: the same server (on 127.0.0.1), another address.
// Another council than the demo's papers name: the portal says whose it is from the server's
// settings (chamber-server --council), never from its own files.
const COUNCIL = { vi: 'Hội đồng nhân dân phường Hàng Bạc', en: 'Hang Bac Ward People’s Council' };
const chamber = new Chamber({ media: false, serverArgs: ['--council', COUNCIL.vi, '--council-en', COUNCIL.en] });
let browser, desk, phone, staff;
const SENDERS = { name: 'Lò Văn Pịa', phone: '0987 654 321', email: 'lo.van.pia@example.vn' };
const csvNames = [];

async function open(ctx, url) {
  const page = await ctx.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) page.errors.push(m.text()); });
  if (process.env.CHAMBER_TEST_VERBOSE)
    page.on('websocket', (ws) => ws.on('framereceived', (f) => process.stderr.write(`<< ${String(f.payload).slice(0, 160)}\n`))
      .on('framesent', (f) => process.stderr.write(`>> ${String(f.payload).slice(0, 160)}\n`)));
  await page.goto(chamber.base + url);
  await waitFor(`content of ${url}`, () => page.evaluate(() => !document.querySelector('#content p')?.textContent?.startsWith('Đang tải')), 10000);
  // A value the page forgot to leave out shows as a word no citizen should read.
  assert.doesNotMatch(await page.locator('main').innerText(), /\b(null|undefined|NaN|\[object Object\])\b/, url);
  return page;
}

/// The proof of work as the browser does it (the server's rule: leading zero bits).
function solve(challenge, bits) {
  for (let n = 0; ; n++) {
    const d = crypto.createHash('sha256').update(`${challenge}:${n}`).digest();
    let z = 0;
    for (const b of d) { if (b === 0) { z += 8; continue; } z += Math.clz32(b) - 24; break; }
    if (z >= bits) return String(n);
  }
}

/// A POST from a given local address (Node's http: fetch cannot choose it).
function postFrom(localAddress, urlPath, body) {
  return new Promise((resolve, reject) => {
    const data = Buffer.from(JSON.stringify(body));
    const req = http.request({ host: '127.0.0.1', port: chamber.port, path: urlPath, method: 'POST', localAddress,
      headers: { 'content-type': 'application/json', 'content-length': data.length } }, (res) => {
      let text = '';
      res.on('data', (c) => { text += c; });
      res.on('end', () => resolve({ status: res.statusCode, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(data);
  });
}

async function submitFrom(localAddress, text) {
  const ch = await (await fetch(`${chamber.base}/api/petitions/challenge`)).json();
  return postFrom(localAddress, '/api/petitions', { text, topic: 'giao-thong', area: 'Toàn xã', challenge: ch.challenge, nonce: solve(ch.challenge, ch.bits) });
}

async function signIn(page, user, password) {
  await page.fill('#adm-user', user);
  await page.fill('#adm-password', password);
  await page.click('#signin-form button[type=submit]');
  await page.locator('#register').waitFor({ timeout: 10000 });
}

async function card(page, code) {
  const c = page.locator(`#register article[data-code="${code}"]`);
  await c.waitFor({ timeout: 10000 });
  return c;
}

async function publicStatus(code) {
  return (await (await fetch(`${chamber.base}/api/petitions/${code}`)).json()).petition;
}

describe('petitions', { timeout: 400000 }, () => {
  before(async () => {
    await chamber.start();
    ({ browser } = await launchBrowser());
    desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN' });
    staff = await Participants.open(desk, chamber.base);
    await staff.connect('op', { method: 'password', user: 'operator', password: 'demo-operator', device: '' });
  });

  after(async () => {
    await browser?.close();
    await chamber.stop();
  });

  it('a citizen sends a petition from a phone and follows it by its code to the published answer', async () => {
    const page = await open(phone, '/petitions.html');
    const text = `Đề nghị sửa đường liên thôn Nà Đông bị sạt lở sau mưa lũ; tôi là ${SENDERS.name}, gọi ${SENDERS.phone}.`;
    await page.fill('#pet-text', text);
    await page.selectOption('#pet-topic', 'giao-thong');
    await page.selectOption('#pet-area', 'Thôn Nà Đông');
    await page.fill('#pet-name', SENDERS.name);
    await page.fill('#pet-contact', SENDERS.email);
    // Without consent the personal data is not sent: the form says why and keeps the text.
    await page.click('#pet-submit');
    await page.getByText('hãy đánh dấu đồng ý').waitFor({ timeout: 5000 });
    assert.equal(await page.inputValue('#pet-text'), text, 'the text is still there');
    await page.check('#pet-consent');
    await page.click('#pet-submit');
    const code = (await page.locator('#pet-code').textContent({ timeout: 20000 })).trim();
    assert.match(code, /^KN-\d{4}-\d{4}$/);
    await screenshot(page, 'petition-sent-phone');

    // Staff moderate it in their page: the text to publish loses the sender's name and phone.
    const admin = await open(desk, '/petitions-admin.html');
    await signIn(admin, 'operator', 'demo-operator');
    let c = await card(admin, code);
    await c.locator('textarea').first().fill('Đề nghị sửa đường liên thôn Nà Đông bị sạt lở sau mưa lũ.');
    await c.locator('button[data-action="petition.accept"]').click();
    c = await card(admin, code);
    await c.locator('button[data-action="petition.assign"]').waitFor({ timeout: 5000 });
    assert.equal((await publicStatus(code)).status, 'accepted');
    await c.locator('button[data-action="petition.assign"]').click();
    await waitFor('routed', async () => (await publicStatus(code)).status === 'assigned');
    const routed = await publicStatus(code);
    assert.equal(routed.responder.name, 'Lê Thị Vân', 'the topic\'s office (Phó Chủ tịch UBND xã)');
    assert.ok(routed.due, 'with a due date');

    // The People's Committee answers from its own sign-in.
    const office = await desk.browser().newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const officePage = await open(office, '/petitions-admin.html');
    await signIn(officePage, 'ubnd-pct', 'demo-responder');
    const oc = await card(officePage, code);
    assert.equal(await oc.locator('button[data-action="petition.accept"]').count(), 0, 'an office does not moderate');
    await oc.locator('textarea').fill('UBND xã đã bố trí kinh phí, khởi công sửa đường trong tháng 01/2027.');
    await oc.locator('button[data-action="petition.answer"]').click();
    await waitFor('answered', async () => (await publicStatus(code)).status === 'answered');
    assert.equal((await publicStatus(code)).answer, undefined, 'the answer is public once published');
    await screenshot(officePage, 'petition-office');
    await office.close();

    await admin.reload();
    await admin.locator('#register').waitFor();
    const answered = await card(admin, code);
    await answered.locator('button[data-action="petition.publish"]').click();
    await waitFor('published', async () => (await publicStatus(code)).status === 'published')
      .catch(async (e) => { throw new Error(`${e.message}: ${await answered.textContent()}`); });
    await screenshot(admin, 'petition-register');

    // The citizen follows the code: every step, the answer, the feed.
    await page.goto(`${chamber.base}/petitions.html?code=${code}`);
    const result = page.locator('#pet-follow-result');
    await result.getByText('UBND xã đã bố trí kinh phí').waitFor({ timeout: 10000 });
    const steps = await result.locator('ol.history li').evaluateAll((li) => li.map((x) => x.dataset.status));
    assert.deepEqual(steps, ['received', 'accepted', 'assigned', 'answered', 'published']);
    assert.ok(await result.getByText('Lê Thị Vân').count() > 0, 'who answered');
    await screenshot(page, 'petition-answered-phone');
    const feed = await (await fetch(`${chamber.base}/api/petitions/${code}.atom`)).text();
    assert.equal((feed.match(/<entry>/g) || []).length, 5);
    assert.match(feed, /Đã công bố trả lời/);
    assert.deepEqual(page.errors, []);
    await page.close();
    await admin.close();
  });

  it('staff import 200 petitions from a CSV of voters\' meetings; the same file again adds nothing', async () => {
    const rows = ['Nội dung,Lĩnh vực,Địa bàn,Hội nghị,Họ tên,Liên hệ'];
    const topics = ['Giao thông, thủy lợi', 'dat-dai', 'Y tế, giáo dục', 'an-sinh'];
    const areas = ['Thôn Bản Pjạc', 'Thôn Nà Đông', 'Thôn Khuổi Khem', 'Thôn Nà Pẻn'];
    for (let i = 1; i <= 200; i++) {
      const name = `Cử tri Số ${i}`;
      csvNames.push(name);
      rows.push([`"Kiến nghị số ${i}: đề nghị xem xét, giải quyết sớm, ""gấp"", cho bà con."`, `"${topics[i % 4]}"`, areas[i % 4],
        'Tiếp xúc cử tri sau kỳ họp thứ tư', name, `09${String(10000000 + i)}`].join(','));
    }
    const file = path.join(chamber.dir, 'tiep-xuc-cu-tri.csv');
    fs.writeFileSync(file, '\ufeff' + rows.join('\r\n') + '\r\n');
    const admin = await open(desk, '/petitions-admin.html');
    await signIn(admin, 'operator', 'demo-operator').catch(async () => admin.locator('#register').waitFor());
    const before = (await (await fetch(`${chamber.base}/api/petitions/report`)).json()).total.petitions;
    for (const round of [1, 2]) {
      await admin.setInputFiles('#adm-file', file);
      await admin.click('#import-form button[type=submit]');
      await admin.locator('#adm-imported', { hasText: '200' }).waitFor({ timeout: 30000 });
      const total = (await (await fetch(`${chamber.base}/api/petitions/report`)).json()).total.petitions;
      assert.equal(total, before + 200, `round ${round}: 200 in the register, not ${total - before}`);
      await admin.reload();
      await admin.locator('#register').waitFor();
    }
    const report = await (await fetch(`${chamber.base}/api/petitions/report`)).json();
    const meeting = report.byChannel.find((c) => c.key === 'meeting');
    assert.equal(meeting.petitions, 200);
    assert.equal(report.byTopic.find((t) => t.key === 'giao-thong').petitions >= 50, true, 'labels map to their topic');
    await admin.close();
  });

  it('a duplicate is merged, its sender counted; an overdue petition shows as such', async () => {
    // Two of the imported ones (the citizen's was the year's first): the second repeats the first.
    const a = 'KN-' + new Date(Date.now() + 7 * 3600e3).getUTCFullYear() + '-0002';
    const b = a.replace(/\d{4}$/, '0003');
    const admin = await open(desk, '/petitions-admin.html');
    await signIn(admin, 'operator', 'demo-operator');
    const c = await card(admin, b);
    await c.locator(`input#into-${b}`).fill(a);
    await c.locator('button[data-action="petition.merge"]').click();
    await waitFor('merged', async () => (await publicStatus(b)).status === 'merged');
    await staff.cmd('op', 'petition.accept', { code: a, publicText: 'Kiến nghị số 1: đề nghị giải quyết sớm.' });
    assert.equal((await publicStatus(a)).senders, 2, 'both senders count');
    // Routed with a due date already past: overdue, on the public list and its page.
    await staff.cmd('op', 'petition.assign', { code: a, responder: 'ubnd-ct', due: '2026-01-15' });
    const page = await open(phone, '/petitions.html');
    await page.selectOption('#f-status', 'overdue');
    await page.click('#filter-form button[type=submit]');
    const overdue = page.locator(`#pet-list article[data-code="${a}"] [data-overdue="true"]`);
    await overdue.waitFor({ timeout: 10000 });
    assert.match(await overdue.textContent(), /Quá hạn/);
    await page.goto(`${chamber.base}/petitions.html?code=${b}`);
    await page.locator('#pet-follow-result').getByText(a).waitFor({ timeout: 10000 });
    await screenshot(page, 'petition-overdue-phone');
    await page.close();
    await admin.close();
  });

  it('a flood from one address is refused with a clear message; another citizen still gets through', async () => {
    const accepted = [];
    let refused = null;
    for (let i = 0; i < 15 && !refused; i++) {
      const r = await submitFrom('127.0.0.2', `Tin nhắn lặp lại số ${i} từ cùng một máy, gửi liên tục.`);
      if (r.status === 201) accepted.push(r.body.code);
      else refused = r;
    }
    assert.equal(accepted.length, 10, `the limit per address (10 an hour): ${JSON.stringify(refused)}`);
    assert.equal(refused.status, 429);
    assert.equal(refused.body.error, 'too_many');
    assert.match(refused.body.message, /quá nhiều kiến nghị từ địa chỉ mạng này/);
    // A citizen on another address is not held up by it.
    const page = await open(phone, '/petitions.html');
    await page.fill('#pet-text', 'Đề nghị lắp đèn chiếu sáng ở ngã ba Khuổi Khem.');
    await page.selectOption('#pet-topic', 'giao-thong');
    await page.click('#pet-submit');
    assert.match((await page.locator('#pet-code').textContent({ timeout: 20000 })).trim(), /^KN-/);
    // A bad proof of work and a replayed challenge are refused, each with its reason.
    const ch = await (await fetch(`${chamber.base}/api/petitions/challenge`)).json();
    const bad = await postFrom('127.0.0.3', '/api/petitions', { text: 'Đề nghị kiểm tra giúp.', challenge: ch.challenge, nonce: 'x' });
    assert.equal(bad.status, 400);
    assert.match(bad.body.message, /chống gửi tự động/);
    await page.close();
  });

  it('no sender\'s name, phone or e-mail appears in anything public', async () => {
    const secrets = [SENDERS.name, SENDERS.phone, SENDERS.email, '0987654321', ...csvNames.slice(0, 50), '0910000001'];
    const urls = ['/api/petitions', '/api/petitions?status=published', '/api/petitions/report', '/api/open-data',
      `/api/search?q=${encodeURIComponent('Lo Van Pia')}`, `/api/search?q=${encodeURIComponent('cu tri so 1')}`,
      `/api/search?q=${encodeURIComponent('duong lien thon')}`];
    const { tables } = await (await fetch(`${chamber.base}/api/open-data`)).json();
    for (const t of tables) urls.push(t.json, t.csv);
    const { petitions } = await (await fetch(`${chamber.base}/api/petitions`)).json();
    for (const p of petitions.slice(0, 30)) urls.push(`/api/petitions/${p.code}`, `/api/petitions/${p.code}.atom`);
    const year = new Date(Date.now() + 7 * 3600e3).getUTCFullYear();
    for (let n = 1; n <= 5; n++) urls.push(`/api/petitions/KN-${year}-000${n}`, `/api/petitions/KN-${year}-000${n}.atom`);
    for (const u of urls) {
      const text = await (await fetch(chamber.base + u)).text();
      for (const s of secrets) assert.ok(!text.includes(s), `${u} shows "${s}"`);
    }
    // Nor the pages as a citizen sees them.
    const page = await open(desk, `/petitions.html?code=KN-${year}-0001`);
    await page.locator('#pet-follow-result article').waitFor({ timeout: 10000 });
    const body = await page.evaluate(() => document.body.innerText);
    for (const s of secrets) assert.ok(!body.includes(s), `the page shows "${s}"`);
    // Staff see them where they need them, with their token only.
    const anon = await fetch(`${chamber.base}/api/petitions/KN-${year}-0001/senders`);
    assert.equal(anon.status, 401);
    await page.close();
  });

  it('a phrase inside a sitting paper\'s PDF is found without diacritics, with its page', async () => {
    const page = await open(phone, `/search.html?q=${encodeURIComponent('bieu so 37')}`);
    const first = page.locator('#results .hit').first();
    await first.waitFor({ timeout: 10000 });
    assert.match(await first.locator('.hit-title').textContent(), /Phụ lục số liệu chi tiết ngân sách 2027/);
    assert.equal(await first.locator('.page').getAttribute('data-page'), '37');
    assert.match(await first.locator('mark').first().textContent(), /Biểu/);
    assert.match(await first.locator('a').getAttribute('href'), /#page=37$/);
    await screenshot(page, 'search-phone');
    // The classified paper's words are not found by the public.
    const secret = await (await fetch(`${chamber.base}/api/search?q=${encodeURIComponent('kien toan chuc danh uy vien')}`)).json();
    assert.deepEqual(secret.hits.filter((h) => h.kind === 'document'), []);
    // A moderated petition is found by its words.
    const found = await (await fetch(`${chamber.base}/api/search?q=${encodeURIComponent('den chieu sang')}`)).json();
    assert.deepEqual(found.hits.filter((h) => h.kind === 'petition'), [], 'not before it is accepted');
    const sat = await (await fetch(`${chamber.base}/api/search?q=${encodeURIComponent('sat lo sau mua lu')}`)).json();
    assert.equal(sat.hits[0].kind, 'petition');
    await page.close();
  });

  it('a commune\'s phone: the coming sitting with its start time, calendar file and feeds; results with the absent, under their item; the end', async () => {
    // Before the opening: the start time and the papers, no dead player.
    let page = await open(phone, '/');
    const starts = page.locator('#starts-at');
    await starts.getByText('07:30, 10/12/2026').waitFor({ timeout: 10000 });
    assert.equal(await page.locator('.player').isHidden(), true, 'no empty player before the opening');
    const ics = await (await fetch(`${chamber.base}/api/sittings/1.ics`)).text();
    assert.match(ics, /DTSTART:20261210T003000Z/, '07:30 in Vietnam is 00:30 UTC');
    assert.match(ics, /SUMMARY:Kỳ họp thứ năm\\, HĐND xã Côn Minh khóa I/);
    for (const line of ics.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `folded: ${line}`);
    const feed = await (await fetch(`${chamber.base}/api/feeds/sittings.atom`)).text();
    assert.match(feed, /Sắp diễn ra/);
    assert.match(await (await fetch(`${chamber.base}/api/feeds/publications.atom`)).text(), /<entry>/);
    await page.goto(`${chamber.base}/sittings.html`);
    await page.locator('#h-upcoming').waitFor({ timeout: 10000 });
    assert.ok(await page.locator('a[href="/api/sittings/1.ics"]').count() > 0);
    await screenshot(page, 'sittings-upcoming-phone');
    await page.close();
    // A vote: 18 of 25 present, 4 vote: the result names 7 absent and 14 who did not vote.
    const chair = await Participants.open(desk, chamber.base);
    await chair.connect('chair', { method: 'pin', seat: 1, pin: '101001' });
    await chair.cmd('chair', 'sitting.open');
    for (let seat = 1; seat <= 18; seat++)
      await chair.cmd('chair', 'attendance.mark', { delegate: `db${String(seat).padStart(2, '0')}`, present: true });
    const created = await chair.cmd('chair', 'vote.create', { item: '3', title: 'Thông qua dự toán ngân sách năm 2027' });
    const vote = created.events[0].data.vote;
    await chair.cmd('chair', 'vote.open', { vote });
    for (let seat = 1; seat <= 4; seat++) {
      await chair.connect(`d${seat}`, { method: 'pin', seat, pin: String(101000 + seat) });
      await chair.cmd(`d${seat}`, 'vote.cast', { vote, choices: [seat < 4 ? 'yes' : 'no'] });
    }
    await chair.cmd('chair', 'vote.close', { vote });
    page = await open(phone, '/sitting.html?id=1&lang=en');
    const box = page.locator(`#vote-${vote}`);
    await box.waitFor({ timeout: 10000 });
    assert.equal(await box.locator('[data-absent]').getAttribute('data-absent'), '7');
    assert.equal(await box.locator('[data-not-voted]').getAttribute('data-not-voted'), '14');
    assert.ok(await box.getByText('For', { exact: true }).count() > 0, 'option labels in English');
    assert.ok(await page.locator(`li[data-vote="${vote}"]`).count() === 1, 'the result under its agenda item');
    await page.close();
    // After the closing the live page says so and leads to the record.
    await chair.cmd('chair', 'sitting.close');
    page = await open(phone, '/');
    await page.locator('#closed-note a[href*="sitting.html?id=1"]').waitFor({ timeout: 10000 });
    assert.equal(await page.locator('.player').isHidden(), true);
    await page.close();
    await chair.page.close();
  });

  it('the open-data page reads on a phone, with Vietnamese column names, petitions and interpellations included', async () => {
    const page = await open(phone, '/open-data.html?lang=vi');
    const card = page.locator('.dataset[data-name="petitions"]');
    await card.locator('summary').click();
    for (const label of ['Mã kiến nghị', 'Lĩnh vực', 'Hạn trả lời', 'Quá hạn'])
      assert.ok(await card.getByText(label, { exact: true }).count() > 0, label);
    assert.ok(await page.locator('.dataset[data-name="questions"]').count() === 1);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `fits a phone (overflow ${overflow}px)`);
    assert.deepEqual(await axe(page), []);
    await screenshot(page, 'open-data-phone');
    await page.close();
  });

  it('every page names the council the server is set for, in both languages, and no other', async () => {
    for (const lang of ['vi', 'en']) {
      for (const url of ['/', '/sittings.html', '/sitting.html?id=1', '/documents.html', '/petitions.html', '/open-data.html', '/search.html']) {
        const page = await open(desk, `${url}${url.includes('?') ? '&' : '?'}lang=${lang}`);
        const said = await page.evaluate(() => ({
          brand: document.querySelector('header .brand strong')?.textContent,
          title: document.title,
          footer: document.querySelector('footer.site')?.textContent,
          // (a sitting's own title may name its council: that is the record, not the frame)
          frame: `${document.querySelector('header.site')?.textContent} ${document.querySelector('footer.site')?.textContent}`,
        }));
        assert.equal(said.brand, COUNCIL[lang], `${url} (${lang}) header`);
        assert.ok(said.title.endsWith(` · ${COUNCIL[lang]}`), `${url} (${lang}) title: ${said.title}`);
        assert.ok(said.footer.includes(COUNCIL[lang]), `${url} (${lang}) footer: ${said.footer}`);
        assert.doesNotMatch(said.frame, /Côn Minh|\{council\}/, `${url} (${lang})`);
        if (url === '/petitions.html') {
          // Whom a citizen writes to and consents to: the council by its name.
          for (const sel of ['.lead', '#pet-privacy', 'label[for="pet-consent"]'])
            assert.ok((await page.locator(sel).first().textContent()).includes(COUNCIL[lang]), `${sel} (${lang})`);
          if (lang === 'vi') await screenshot(page, 'petitions-another-council');
        }
        assert.deepEqual(page.errors, []);
        await page.close();
      }
    }
  });

  for (const [url, name] of [['/petitions.html', 'petitions'], ['/search.html?q=ngan+sach', 'search'], ['/petitions-admin.html', 'register']]) {
    for (const lang of ['vi', 'en']) {
      for (const ctxName of ['desktop', 'phone']) {
        it(`axe: ${name} (${lang}, ${ctxName})`, async () => {
          const page = await open(ctxName === 'phone' ? phone : desk, `${url}${url.includes('?') ? '&' : '?'}lang=${lang}`);
          if (name === 'petitions') await page.locator('#pet-list').waitFor();
          if (name === 'search') await page.locator('#results .hit').first().waitFor({ timeout: 10000 });
          const violations = await axe(page);
          assert.deepEqual(violations, [], JSON.stringify(violations, null, 1));
          if (lang === 'en' && ctxName === 'desktop') await screenshot(page, `${name}-en`);
          assert.deepEqual(page.errors, []);
          await page.close();
        });
      }
    }
  }
});
