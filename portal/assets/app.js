// Shared by every page of the portal: the two languages, the page frame (header, menu,
// language switch, footer), DOM building without innerHTML (titles come from data), and
// small formatters. Vietnamese is the default; English is chosen with ?lang=en or the switch.

const STRINGS = {
  vi: {
    site: 'Hội đồng nhân dân',  // until /api/site names the council (chamber-server --council)
    siteSub: 'Cổng thông tin kỳ họp',
    skip: 'Bỏ qua, đến nội dung chính',
    navLive: 'Trực tiếp', navSittings: 'Các kỳ họp', navDocuments: 'Văn bản', navOpenData: 'Dữ liệu mở',
    langSwitch: 'English', langSwitchLabel: 'Switch to English',
    footer: 'Dữ liệu do Thường trực {council} công bố. Dữ liệu mở theo giấy phép CC BY 4.0.',
    loading: 'Đang tải…', loadFailed: 'Không tải được dữ liệu. Vui lòng thử lại.',
    liveTitle: 'Phát trực tiếp kỳ họp', liveVideo: 'Video trực tiếp kỳ họp',
    notLive: 'Hiện chưa phát trực tiếp. Trang sẽ tự kết nối khi kỳ họp bắt đầu.',
    closedNote: 'Kỳ họp đã bế mạc.', watchAgain: 'Xem lại video, kết quả biểu quyết và tài liệu của kỳ họp',
    noSitting: 'Hiện chưa có kỳ họp nào.', sittingStatus: 'Trạng thái',
    status_scheduled: 'Sắp diễn ra', status_open: 'Đang họp', status_suspended: 'Tạm nghỉ', status_closed: 'Đã bế mạc',
    activeItem: 'Nội dung đang thảo luận', noActiveItem: 'Chưa bắt đầu nội dung nào',
    speaker: 'Người đang phát biểu', noSpeaker: 'Không có ai đang phát biểu',
    latestVote: 'Kết quả biểu quyết gần nhất', noVote: 'Chưa có biểu quyết nào',
    voteOpen: 'Đang biểu quyết', turnout: 'đã biểu quyết',
    quorum: 'Đại biểu có mặt', connection: 'Cập nhật trực tiếp', connected: 'đã kết nối', reconnecting: 'đang kết nối lại…',
    passed: 'Thông qua', failed: 'Không thông qua', elected: 'trúng cử',
    form_open: 'Biểu quyết công khai', form_named: 'Biểu quyết ghi danh', form_secret: 'Bỏ phiếu kín',
    sittingsTitle: 'Các kỳ họp', sittingNumber: 'Kỳ họp thứ', date: 'Ngày', place: 'Địa điểm', term: 'Nhiệm kỳ',
    items: 'nội dung', votes: 'biểu quyết', hasVideo: 'Có video', view: 'Xem chi tiết',
    agenda: 'Chương trình kỳ họp', documentsOfItem: 'Tài liệu', watch: 'Xem video', downloadVideo: 'Tải video kỳ họp', originalCopy: 'bản gốc', phoneCopy: 'bản nhẹ cho điện thoại', video: 'Video kỳ họp', chapters: 'Mục lục video',
    chapterHint: 'Chọn một mục để xem từ đoạn đó.', noVideo: 'Video của kỳ họp này chưa được lưu trữ.',
    gapNote: 'Có đoạn ghi hình bị gián đoạn (đã đánh dấu trong mục lục).',
    attendance: 'Điểm danh', present: 'Có mặt', absent: 'Vắng mặt', seat: 'Ghế', name: 'Họ và tên', role: 'Chức vụ',
    presentOf: 'có mặt', voteResults: 'Kết quả biểu quyết', option: 'Phương án', count: 'Số phiếu', percent: 'Tỷ lệ',
    namedList: 'Danh sách biểu quyết của từng đại biểu', choice: 'Lựa chọn', secretNote: 'Bỏ phiếu kín: chỉ công bố số phiếu.',
    base: 'trên tổng số', adopted: 'Văn bản đã ban hành',
    docsTitle: 'Văn bản đã công bố', search: 'Tìm kiếm', searchLabel: 'Số ký hiệu, tên hoặc trích yếu',
    dateFrom: 'Ban hành từ ngày', dateTo: 'đến ngày', searchButton: 'Tìm', clear: 'Xóa lọc',
    type: 'Loại văn bản', number: 'Số, ký hiệu', titleCol: 'Tên văn bản', summary: 'Trích yếu', issuer: 'Cơ quan ban hành',
    signer: 'Người ký', issued: 'Ngày ban hành', effective: 'Ngày hiệu lực', download: 'Tải về', found: 'văn bản',
    noDocs: 'Không có văn bản nào phù hợp.',
    sigValid: 'Chữ ký số hợp lệ', sigInvalid: 'Chữ ký số không hợp lệ: văn bản đã bị thay đổi sau khi ký',
    sigAt: 'ký lúc', sigBroken: 'chữ ký hỏng', publishedAfter: 'Công bố', afterAdoption: 'sau khi thông qua',
    days: 'ngày', hours: 'giờ', minutes: 'phút',
    openTitle: 'Dữ liệu mở', openIntro: 'Dữ liệu các kỳ họp công khai, để Ủy ban nhân dân, Mặt trận Tổ quốc và mọi người sử dụng lại. Định dạng JSON và CSV (UTF-8), cập nhật theo thời gian thực.',
    dataset: 'Bộ dữ liệu', rows: 'Số dòng', columns: 'Các cột', formats: 'Định dạng',
    ds_sittings: 'Các kỳ họp', ds_agenda: 'Chương trình', ds_attendance: 'Điểm danh', ds_votes: 'Kết quả biểu quyết',
    ds_named_votes: 'Biểu quyết ghi danh', ds_documents: 'Tài liệu kỳ họp', ds_publications: 'Văn bản đã công bố',
    ds_questions: 'Chất vấn và trả lời chất vấn', ds_petitions: 'Ý kiến, kiến nghị của cử tri',
    navPetitions: 'Kiến nghị', navSearch: 'Tìm kiếm',
    petTitle: 'Ý kiến, kiến nghị của cử tri',
    petIntro: 'Mọi người dân có thể gửi ý kiến, kiến nghị đến {council} bất cứ lúc nào. Mỗi kiến nghị được ghi nhận, chuyển đến cơ quan có trách nhiệm trả lời, và câu trả lời được công bố tại đây.',
    petSend: 'Gửi kiến nghị', petText: 'Nội dung kiến nghị', petTextHint: 'Ít nhất 10 ký tự. Không ghi thông tin cá nhân của người khác.',
    petTopic: 'Lĩnh vực', petArea: 'Địa bàn (thôn, xóm)', petChoose: '— Chọn —',
    petName: 'Họ và tên (không bắt buộc)', petContact: 'Số điện thoại hoặc thư điện tử (không bắt buộc)',
    petPrivacy: 'Họ tên và liên hệ chỉ dùng để cán bộ của {council} liên hệ lại với bạn về kiến nghị này; không bao giờ được công bố, không chuyển cho bên thứ ba, và được xóa khi bạn yêu cầu (Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân).',
    petConsent: 'Tôi đồng ý để {council} xử lý họ tên và liên hệ tôi cung cấp cho mục đích trên.',
    petConsentNeeded: 'Bạn đã ghi họ tên hoặc liên hệ: hãy đánh dấu đồng ý, hoặc để trống hai ô đó.',
    petSubmit: 'Gửi kiến nghị', petChecking: 'Đang kiểm tra chống gửi tự động…', petSending: 'Đang gửi…',
    petReceived: 'Đã nhận kiến nghị của bạn. Mã theo dõi:', petKeepCode: 'Hãy ghi lại mã này để theo dõi kết quả.',
    petFollow: 'Theo dõi kiến nghị', petCode: 'Mã kiến nghị', petFollowButton: 'Xem', petNotFound: 'Không có kiến nghị với mã này. Hãy kiểm tra lại.',
    petStatus: 'Tình trạng', petReceivedOn: 'Ngày nhận', petChannel: 'Hình thức', petResponder: 'Cơ quan trả lời', petDue: 'Hạn trả lời',
    petOverdue: 'Quá hạn trả lời', petAnswer: 'Nội dung trả lời', petAnsweredBy: 'Trả lời bởi', petSenders: 'Số cử tri cùng kiến nghị',
    petHistory: 'Các bước xử lý', petMerged: 'Kiến nghị này trùng nội dung và đã được gộp vào kiến nghị', petReason: 'Lý do',
    petNoText: 'Nội dung sẽ được công bố sau khi được thụ lý.', petFeed: 'Nhận thông báo (Atom)', petLinks: 'Kết quả liên quan',
    link_item: 'Nội dung kỳ họp', link_resolution: 'Nghị quyết', link_supervision: 'Giám sát', link_question: 'Chất vấn',
    petList: 'Kiến nghị đã thụ lý và trả lời', petAll: 'Tất cả', petFilter: 'Lọc', petNone: 'Không có kiến nghị nào phù hợp.',
    pst_accepted: 'Đã thụ lý', pst_assigned: 'Đang chờ trả lời', pst_answered: 'Đã có trả lời', pst_published: 'Đã công bố trả lời', pst_overdue: 'Quá hạn',
    petStats: 'Thống kê', petByTopic: 'Theo lĩnh vực', petByArea: 'Theo địa bàn', petCount: 'Kiến nghị', petSendersCol: 'Lượt cử tri',
    petAnswered: 'Đã trả lời', petRate: 'Tỷ lệ trả lời', petPending: 'Đang giải quyết',
    searchTitle: 'Tìm kiếm toàn văn', searchIntro: 'Tìm trong văn bản đã công bố, tài liệu kỳ họp và kiến nghị của cử tri. Có thể gõ không dấu: "ngan sach" tìm được "ngân sách".',
    searchWords: 'Từ khóa', searchNone: 'Không tìm thấy kết quả nào.', searchPage: 'trang', searchResults: 'kết quả',
    kind_document: 'Tài liệu', kind_petition: 'Kiến nghị',
    startsAt: 'Kỳ họp bắt đầu lúc', papersAhead: 'Xem chương trình và tài liệu kỳ họp', addToCalendar: 'Thêm vào lịch (.ics)',
    upcoming: 'Sắp diễn ra', past: 'Đã diễn ra', feed: 'Theo dõi (Atom)', absentShort: 'vắng mặt', notVotedShort: 'không biểu quyết',
    opt_yes: 'Tán thành', opt_no: 'Không tán thành', opt_abstain: 'Không biểu quyết', resultsOfItem: 'Kết quả biểu quyết', watchResult: 'Xem lúc công bố',
    questionsTitle: 'Chất vấn và trả lời chất vấn', qGroup: 'Nhóm vấn đề', qAsked: 'Câu hỏi', qFollowUp: 'Hỏi lại', qAnswer: 'Trả lời',
    qWritten: 'Hẹn trả lời bằng văn bản, hạn', qNoAnswer: 'Chưa trả lời.',
    admTitle: 'Sổ kiến nghị (cán bộ)', admLink: 'Dành cho cán bộ HĐND và cơ quan trả lời: sổ kiến nghị',
    admSignIn: 'Đăng nhập', admUser: 'Tên đăng nhập', admPassword: 'Mật khẩu', admSignOut: 'Đăng xuất', admBadLogin: 'Sai tên đăng nhập hoặc mật khẩu.',
    admImport: 'Nhập kiến nghị từ tệp CSV (tiếp xúc cử tri)', admImportHint: 'Dòng đầu là tên cột: Nội dung, Lĩnh vực, Địa bàn, Hội nghị, Kênh, Họ tên, Liên hệ. Lưu từ bảng tính dạng CSV UTF-8.',
    admFile: 'Tệp CSV', admImportButton: 'Nhập', admImported: 'Đã nhập', admRefused: 'dòng bị từ chối', admLine: 'Dòng',
    admRegister: 'Sổ kiến nghị', admReceivedText: 'Nội dung gốc (chỉ cán bộ xem)', admPublicText: 'Nội dung công bố (đã bỏ thông tin cá nhân)',
    admAccept: 'Thụ lý', admReject: 'Không thụ lý', admReason: 'Lý do không thụ lý', admMergeInto: 'Gộp vào kiến nghị (mã)', admMerge: 'Gộp',
    admAssign: 'Chuyển cơ quan trả lời', admResponder: 'Cơ quan trả lời', admDue: 'Hạn trả lời (để trống: theo quy định)',
    admAnswerText: 'Nội dung trả lời', admAnswer: 'Gửi trả lời', admPublish: 'Công bố trả lời', admSenders: 'Xem người gửi', admNoSenders: 'Người gửi không để lại họ tên, liên hệ.',
    admDone: 'Đã lưu.', admShowing: 'kiến nghị', admFilterStatus: 'Trạng thái',
    st_received: 'Mới tiếp nhận', st_accepted: 'Đã thụ lý', st_rejected: 'Không thụ lý', st_assigned: 'Chờ trả lời', st_answered: 'Đã trả lời', st_published: 'Đã công bố', st_merged: 'Đã gộp',
  },
  en: {
    site: 'People’s Council',
    siteSub: 'Council sittings portal',
    skip: 'Skip to main content',
    navLive: 'Live', navSittings: 'Sittings', navDocuments: 'Documents', navOpenData: 'Open data',
    langSwitch: 'Tiếng Việt', langSwitchLabel: 'Chuyển sang tiếng Việt',
    footer: 'Published by the Standing Committee of the {council}. Open data under CC BY 4.0.',
    loading: 'Loading…', loadFailed: 'Could not load the data. Please try again.',
    liveTitle: 'Live from the sitting', liveVideo: 'Live video of the sitting',
    notLive: 'Not live right now. This page connects by itself when the sitting starts.',
    closedNote: 'The sitting has closed.', watchAgain: 'Watch it again, with its votes and papers',
    noSitting: 'No sitting yet.', sittingStatus: 'Status',
    status_scheduled: 'Scheduled', status_open: 'In session', status_suspended: 'Suspended', status_closed: 'Closed',
    activeItem: 'Now on the agenda', noActiveItem: 'No item has started',
    speaker: 'Speaking now', noSpeaker: 'Nobody is speaking',
    latestVote: 'Latest vote result', noVote: 'No vote yet',
    voteOpen: 'Voting now', turnout: 'voted',
    quorum: 'Delegates present', connection: 'Live updates', connected: 'connected', reconnecting: 'reconnecting…',
    passed: 'Adopted', failed: 'Not adopted', elected: 'elected',
    form_open: 'Open vote', form_named: 'Named vote', form_secret: 'Secret ballot',
    sittingsTitle: 'Sittings', sittingNumber: 'Sitting no.', date: 'Date', place: 'Place', term: 'Term',
    items: 'items', votes: 'votes', hasVideo: 'Video', view: 'Details',
    agenda: 'Agenda', documentsOfItem: 'Papers', watch: 'Watch', downloadVideo: 'Download the video', originalCopy: 'original', phoneCopy: 'small copy for phones', video: 'Video of the sitting', chapters: 'Video chapters',
    chapterHint: 'Choose a chapter to watch from there.', noVideo: 'The video of this sitting is not archived yet.',
    gapNote: 'Part of the recording was lost (marked in the chapters).',
    attendance: 'Attendance', present: 'Present', absent: 'Absent', seat: 'Seat', name: 'Name', role: 'Position',
    presentOf: 'present', voteResults: 'Votes', option: 'Option', count: 'Votes', percent: 'Share',
    namedList: 'How each delegate voted', choice: 'Choice', secretNote: 'Secret ballot: only the counts are published.',
    base: 'of', adopted: 'Documents issued',
    docsTitle: 'Published documents', search: 'Search', searchLabel: 'Number, title or summary',
    dateFrom: 'Issued from', dateTo: 'to', searchButton: 'Search', clear: 'Clear',
    type: 'Type', number: 'Number', titleCol: 'Title', summary: 'Summary', issuer: 'Issuer',
    signer: 'Signed by', issued: 'Issued', effective: 'In force from', download: 'Download', found: 'documents',
    noDocs: 'No document matches.',
    sigValid: 'Digital signatures valid', sigInvalid: 'Digital signatures NOT valid: the document was changed after signing',
    sigAt: 'signed', sigBroken: 'broken signature', publishedAfter: 'Published', afterAdoption: 'after adoption',
    days: 'd', hours: 'h', minutes: 'min',
    openTitle: 'Open data', openIntro: 'Data of the public sittings, for the People’s Committee, the Fatherland Front and anyone to reuse. JSON and CSV (UTF-8), always current.',
    dataset: 'Dataset', rows: 'Rows', columns: 'Columns', formats: 'Formats',
    ds_sittings: 'Sittings', ds_agenda: 'Agenda', ds_attendance: 'Attendance', ds_votes: 'Vote results',
    ds_named_votes: 'Named votes', ds_documents: 'Sitting papers', ds_publications: 'Published documents',
    ds_questions: 'Interpellations and answers', ds_petitions: 'Citizens’ petitions',
    navPetitions: 'Petitions', navSearch: 'Search',
    petTitle: 'Citizens’ opinions and petitions',
    petIntro: 'Anyone may send the {council} an opinion or a petition at any time. Each one is recorded, sent to the office that must answer it, and the answer is published here.',
    petSend: 'Send a petition', petText: 'Your petition', petTextHint: 'At least 10 characters. Do not write other people’s personal details.',
    petTopic: 'Topic', petArea: 'Area (village)', petChoose: '— Choose —',
    petName: 'Full name (optional)', petContact: 'Phone or e-mail (optional)',
    petPrivacy: 'Your name and contact are used only for the staff of the {council} to get back to you about this petition; they are never published, never passed on, and are erased when you ask (Decree 13/2023 on personal data protection).',
    petConsent: 'I agree that the {council} processes the name and contact I give for this purpose.',
    petConsentNeeded: 'You gave a name or a contact: tick the consent box, or leave both empty.',
    petSubmit: 'Send', petChecking: 'Checking this is not an automated submission…', petSending: 'Sending…',
    petReceived: 'Your petition was received. Its code:', petKeepCode: 'Keep this code to follow its progress.',
    petFollow: 'Follow a petition', petCode: 'Petition code', petFollowButton: 'Show', petNotFound: 'No petition has this code. Please check it.',
    petStatus: 'Status', petReceivedOn: 'Received', petChannel: 'Channel', petResponder: 'Answered by office', petDue: 'Answer due',
    petOverdue: 'Overdue', petAnswer: 'Answer', petAnsweredBy: 'Answered by', petSenders: 'Citizens with this petition',
    petHistory: 'Steps', petMerged: 'This petition repeats another and was merged into', petReason: 'Reason',
    petNoText: 'The text is published once the petition is accepted.', petFeed: 'Follow by feed (Atom)', petLinks: 'What it led to',
    link_item: 'Sitting item', link_resolution: 'Resolution', link_supervision: 'Supervision', link_question: 'Interpellation',
    petList: 'Accepted and answered petitions', petAll: 'All', petFilter: 'Filter', petNone: 'No petition matches.',
    pst_accepted: 'Accepted', pst_assigned: 'Awaiting answer', pst_answered: 'Answered', pst_published: 'Answer published', pst_overdue: 'Overdue',
    petStats: 'Figures', petByTopic: 'By topic', petByArea: 'By area', petCount: 'Petitions', petSendersCol: 'Citizens',
    petAnswered: 'Answered', petRate: 'Answer rate', petPending: 'In progress',
    searchTitle: 'Full-text search', searchIntro: 'Search published documents, sitting papers and citizens’ petitions. Vietnamese without accents works too: "ngan sach" finds "ngân sách".',
    searchWords: 'Words', searchNone: 'Nothing found.', searchPage: 'page', searchResults: 'results',
    kind_document: 'Document', kind_petition: 'Petition',
    startsAt: 'The sitting starts at', papersAhead: 'See its agenda and papers', addToCalendar: 'Add to calendar (.ics)',
    upcoming: 'Coming up', past: 'Past sittings', feed: 'Follow (Atom)', absentShort: 'absent', notVotedShort: 'did not vote',
    opt_yes: 'For', opt_no: 'Against', opt_abstain: 'Abstain', resultsOfItem: 'Votes', watchResult: 'Watch the announcement',
    questionsTitle: 'Interpellations and answers', qGroup: 'Group', qAsked: 'Question', qFollowUp: 'Follow-up', qAnswer: 'Answer',
    qWritten: 'Written answer promised, due', qNoAnswer: 'Not answered yet.',
    admTitle: 'Petition register (staff)', admLink: 'For the council’s staff and the answering offices: the petition register',
    admSignIn: 'Sign in', admUser: 'User name', admPassword: 'Password', admSignOut: 'Sign out', admBadLogin: 'Wrong user name or password.',
    admImport: 'Import petitions from a CSV file (meetings with voters)', admImportHint: 'The first row names the columns: Nội dung, Lĩnh vực, Địa bàn, Hội nghị, Kênh, Họ tên, Liên hệ (or text, topic, area, meeting, channel, name, contact). Save the spreadsheet as CSV UTF-8.',
    admFile: 'CSV file', admImportButton: 'Import', admImported: 'Imported', admRefused: 'rows refused', admLine: 'Row',
    admRegister: 'Register', admReceivedText: 'Text as received (staff only)', admPublicText: 'Text to publish (personal data removed)',
    admAccept: 'Accept', admReject: 'Reject', admReason: 'Reason for rejecting', admMergeInto: 'Merge into petition (code)', admMerge: 'Merge',
    admAssign: 'Send to the office that answers', admResponder: 'Office', admDue: 'Due date (empty: by the rules)',
    admAnswerText: 'Answer', admAnswer: 'Send the answer', admPublish: 'Publish the answer', admSenders: 'Show senders', admNoSenders: 'The senders left no name or contact.',
    admDone: 'Saved.', admShowing: 'petitions', admFilterStatus: 'Status',
    st_received: 'New', st_accepted: 'Accepted', st_rejected: 'Rejected', st_assigned: 'Awaiting answer', st_answered: 'Answered', st_published: 'Published', st_merged: 'Merged',
  },
};

export const lang = (() => {
  const q = new URLSearchParams(location.search).get('lang');
  if (q === 'en' || q === 'vi') {
    try { localStorage.setItem('lang', q); } catch (e) { /* private mode */ }
    return q;
  }
  try { return localStorage.getItem('lang') === 'en' ? 'en' : 'vi'; } catch (e) { return 'vi'; }
})();

/// Whose portal this is, in both languages: from /api/site (chamber-server --council), read by
/// frame() before a page says anything; a text names it as {council}.
let council = null;

export function t(key) {
  const text = STRINGS[lang][key] ?? STRINGS.vi[key] ?? key;
  if (key === 'site') return council?.[lang] || text;
  return text.replaceAll('{council}', t('site'));
}

/// h('p', {class: 'x'}, 'text', child) — builds elements; strings become text nodes.
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === false || v === null || v === undefined) continue;
    if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'text') el.textContent = v;
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) if (c !== null && c !== undefined && c !== false) el.append(c instanceof Node ? c : String(c));
  return el;
}

export function pageLink(path) {
  return lang === 'en' ? `${path}${path.includes('?') ? '&' : '?'}lang=en` : path;
}

/// The frame: skip link, header with the menu and the language switch, footer. A page awaits
/// it: the council's name is asked of the server first (the generic name if that fails).
export async function frame(current) {
  try { council = (await getJson('/api/site')).council; } catch (e) { /* 'Hội đồng nhân dân' */ }
  document.documentElement.lang = lang;
  const titles = { live: 'liveTitle', sittings: 'sittingsTitle', documents: 'docsTitle', opendata: 'openTitle',
                   petitions: 'petTitle', search: 'searchTitle', admin: 'admTitle' };
  document.title = `${t(titles[current] || 'sittingsTitle')} · ${t('site')}`;
  const nav = [['live', '/', 'navLive'], ['sittings', '/sittings.html', 'navSittings'],
               ['documents', '/documents.html', 'navDocuments'], ['petitions', '/petitions.html', 'navPetitions'],
               ['opendata', '/open-data.html', 'navOpenData'], ['search', '/search.html', 'navSearch']];
  const other = lang === 'en' ? 'vi' : 'en';
  const here = new URL(location.href);
  here.searchParams.set('lang', other);
  const header = h('header', { class: 'site' },
    h('a', { class: 'skip', href: '#main' }, t('skip')),
    h('div', { class: 'bar' },
      h('a', { class: 'brand', href: pageLink('/') },
        h('span', { class: 'emblem', 'aria-hidden': 'true' }, '★'),
        h('span', {}, h('strong', {}, t('site')), h('small', {}, t('siteSub')))),
      h('a', { class: 'lang', href: here.pathname + here.search, hreflang: other, lang: other, 'aria-label': t('langSwitchLabel') }, t('langSwitch'))),
    h('nav', { 'aria-label': lang === 'en' ? 'Main menu' : 'Menu chính' },
      h('ul', {}, nav.map(([id, href, key]) =>
        h('li', {}, h('a', { href: pageLink(href), 'aria-current': id === current ? 'page' : false }, t(key)))))));
  document.body.prepend(header);
  document.body.append(h('footer', { class: 'site' }, h('p', {}, t('footer'))));
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
}

export async function getJson(url) {
  const r = await fetch(url, { headers: { accept: 'application/json' } });
  if (!r.ok) throw new Error(`${url}: ${r.status}`);
  return r.json();
}

export function formatDate(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return lang === 'en' ? `${y}-${m}-${d}` : `${d}/${m}/${y}`;
}

/// An instant ("2026-12-10T03:15:00+00:00") in the commune's time (UTC+7): "10/12/2026 10:15".
export function formatDateTime(iso) {
  const ms = Date.parse(iso || '');
  if (Number.isNaN(ms)) return iso || '';
  const v = new Date(ms + 7 * 3600 * 1000);
  const p = (n) => String(n).padStart(2, '0');
  const date = formatDate(`${v.getUTCFullYear()}-${p(v.getUTCMonth() + 1)}-${p(v.getUTCDate())}`);
  return `${date} ${p(v.getUTCHours())}:${p(v.getUTCMinutes())}`;
}

export function formatClock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const hh = Math.floor(s / 3600), mm = Math.floor((s % 3600) / 60), ss = s % 60;
  const two = (n) => String(n).padStart(2, '0');
  return hh > 0 ? `${hh}:${two(mm)}:${two(ss)}` : `${two(mm)}:${two(ss)}`;
}

export function formatBytes(n) {
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1).replace('.', lang === 'vi' ? ',' : '.')} MB`;
  return `${Math.max(1, Math.round(n / 1024))} KB`;
}

/// An option's percent as the server announced it ("64,00%", core::announce); in English
/// the same figure with a decimal point — never a figure of the portal's own.
export function announcedPercent(option) {
  const p = option.percent || '';
  return lang === 'vi' ? p : p.replace(',', '.');
}

/// Folds Vietnamese to plain lower-case letters, so "nghi quyet" finds "Nghị quyết".
export function fold(s) {
  return (s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd').replace(/Đ/g, 'd').toLowerCase();
}

/// The filled part of a result bar. Set through the style property, not a style attribute:
/// the portal's Content-Security-Policy allows no inline styles.
function meterFill(percent) {
  const fill = h('span');
  fill.style.width = `${percent}%`;
  return fill;
}

/// A vote's result as a small table: each option's count out of the base, and the outcome.
export function voteResult(vote, headingLevel = 'h3') {
  const r = vote.result;
  const box = h('section', { class: 'vote', 'aria-label': vote.title });
  box.append(h(headingLevel, {}, vote.title));
  box.append(h('p', { class: 'meta' }, t(`form_${vote.form}`), r && r.ruleLabel ? ` · ${r.ruleLabel}` : ''));
  if (!r) {
    box.append(h('p', { class: 'pending' }, `${t('voteOpen')}: ${vote.turnout}/${vote.present} ${t('turnout')}`));
    return box;
  }
  box.append(h('p', { class: `outcome ${r.passed ? 'yes' : 'no'}` }, r.passed ? t('passed') : t('failed')));
  const rows = r.options.map((o) => h('tr', {},
    h('th', { scope: 'row' }, optionLabel(o), o.elected ? ` (${t('elected')})` : ''),
    h('td', {}, `${o.count}/${o.base}`),
    h('td', { title: lang === 'vi' ? o.line || '' : '' }, announcedPercent(o),
      h('span', { class: 'meter', 'aria-hidden': 'true' }, meterFill(o.base ? (100 * o.count) / o.base : 0)))));
  box.append(h('table', { class: 'result' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('option')), h('th', { scope: 'col' }, t('count')),
      h('th', { scope: 'col' }, t('percent')))),
    h('tbody', {}, rows)));
  // RULES.md: those absent and those present who did not vote are announced too.
  box.append(h('p', { class: 'meta absent-line' }, `${r.present ?? 0}/${r.inOffice ?? 0} ${t('presentOf')} · `,
    h('span', { 'data-absent': r.absent ?? 0 }, `${r.absent ?? 0} ${t('absentShort')}`), ' · ',
    h('span', { 'data-not-voted': r.notVoted ?? 0 }, `${r.notVoted ?? 0} ${t('notVotedShort')}`)));
  return box;
}

/// An option as the reader's language says it: the standard ones translated on English
/// pages; candidates' names as they are.
export function optionLabel(o) {
  return lang === 'en' && ['yes', 'no', 'abstain'].includes(o.key) ? t(`opt_${o.key}`) : o.label;
}
