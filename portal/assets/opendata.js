// Open data: each table as a card a phone reads without scrolling sideways — its name, rows,
// links to JSON and CSV, and every column by its name in the reader's language beside the
// name programs use.
import { frame, h, t, lang, getJson } from './app.js';

await frame('opendata');
const content = document.getElementById('content');

// Column names for people (vi, en); programs keep the column's own name.
const COLUMNS = {
  sitting: ['Kỳ họp (mã)', 'Sitting (id)'], number: ['Số', 'Number'], term: ['Nhiệm kỳ', 'Term'], title: ['Tên', 'Title'],
  date: ['Ngày', 'Date'], place: ['Địa điểm', 'Place'], status: ['Trạng thái', 'Status'],
  delegates_in_office: ['Số đại biểu đương nhiệm', 'Delegates in office'], rules_version: ['Phiên bản quy chế', 'Rules version'],
  item: ['Mục chương trình', 'Agenda item'], parent: ['Mục cha', 'Parent item'], presenter: ['Người trình bày', 'Presenter'],
  delegate: ['Đại biểu (mã)', 'Delegate (id)'], seat: ['Ghế', 'Seat'], name: ['Họ và tên', 'Name'], in_office: ['Đương nhiệm', 'In office'],
  present: ['Có mặt', 'Present'], via: ['Hình thức điểm danh', 'Checked in by'], vote: ['Biểu quyết (mã)', 'Vote (id)'],
  form: ['Hình thức biểu quyết', 'Form'], kind: ['Loại', 'Kind'], rule: ['Quy tắc', 'Rule'], base: ['Cơ sở tính', 'Base'],
  cast: ['Số phiếu', 'Votes cast'], absent: ['Vắng mặt', 'Absent'], not_voted: ['Không biểu quyết', 'Did not vote'],
  option: ['Phương án (mã)', 'Option (key)'], option_label: ['Phương án', 'Option'], count: ['Số phiếu', 'Count'],
  percent: ['Tỷ lệ', 'Share'], elected: ['Trúng cử', 'Elected'], passed: ['Thông qua', 'Adopted'], choices: ['Lựa chọn', 'Choices'],
  sha256: ['Mã băm SHA-256', 'SHA-256'], url: ['Đường dẫn', 'Link'], type: ['Loại văn bản', 'Type'], summary: ['Trích yếu', 'Summary'],
  issuer: ['Cơ quan ban hành', 'Issuer'], signer: ['Người ký', 'Signer'], issued: ['Ngày ban hành', 'Issued'],
  effective: ['Ngày hiệu lực', 'In force from'], size: ['Dung lượng (byte)', 'Size (bytes)'],
  question: ['Câu hỏi (mã)', 'Question (id)'], group: ['Nhóm vấn đề', 'Group'], from: ['Người hỏi (mã)', 'Asked by (id)'],
  from_name: ['Người hỏi', 'Asked by'], to: ['Người trả lời (mã)', 'Asked of (id)'], to_name: ['Người trả lời', 'Asked of'],
  to_title: ['Chức vụ người trả lời', 'Their position'], text: ['Nội dung', 'Text'], answers: ['Trả lời', 'Answers'],
  follow_ups: ['Hỏi lại', 'Follow-ups'], written_due: ['Hạn trả lời bằng văn bản', 'Written answer due'], overdue: ['Quá hạn', 'Overdue'],
  code: ['Mã kiến nghị', 'Code'], received: ['Ngày nhận', 'Received'], channel: ['Kênh tiếp nhận', 'Channel'],
  topic: ['Lĩnh vực (mã)', 'Topic (key)'], topic_label: ['Lĩnh vực', 'Topic'], area: ['Địa bàn', 'Area'],
  senders: ['Số cử tri', 'Citizens'], responder: ['Cơ quan trả lời', 'Answering office'], due: ['Hạn trả lời', 'Due'],
  answer: ['Trả lời', 'Answer'], answered: ['Ngày trả lời', 'Answered'], merged_into: ['Gộp vào', 'Merged into'], links: ['Liên kết', 'Links'],
};
const label = (c) => (COLUMNS[c] ? COLUMNS[c][lang === 'en' ? 1 : 0] : c);

try {
  const { tables, licence } = await getJson('/api/open-data');
  content.replaceChildren(
    h('p', {}, t('openIntro'), ` (${licence})`),
    h('ul', { class: 'list datasets' }, tables.map((d) => h('li', { class: 'card dataset', 'data-name': d.name },
      h('h2', {}, t(`ds_${d.name}`)),
      h('p', {}, h('code', {}, d.name), ` · ${d.rows} ${lang === 'en' ? 'rows' : 'dòng'} · `,
        h('a', { href: d.json, 'aria-label': `${t(`ds_${d.name}`)} JSON` }, 'JSON'), ' · ',
        h('a', { href: d.csv, 'aria-label': `${t(`ds_${d.name}`)} CSV` }, 'CSV')),
      h('details', {}, h('summary', {}, `${t('columns')} (${d.columns.length})`),
        h('dl', { class: 'fields columns' }, d.columns.map((c) => [h('dt', {}, label(c)), h('dd', {}, h('code', {}, c))])))))));
} catch (e) {
  content.replaceChildren(h('p', { class: 'notice', role: 'alert' }, t('loadFailed')));
}
