<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>ChairConsole</name>
    <message>
        <location filename="../chair/ChairConsole.qml" line="145"/>
        <source>Chưa có kỳ họp</source>
        <translation>No sitting yet</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="147"/>
        <source>Chưa khai mạc</source>
        <translation>Not opened yet</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="147"/>
        <source>Đang họp</source>
        <translation>In session</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="147"/>
        <location filename="../chair/ChairConsole.qml" line="198"/>
        <source>Tạm dừng</source>
        <translation>Suspended</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="147"/>
        <source>Đã bế mạc</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="159"/>
        <source>Có mặt %1/%2 — %3</source>
        <translation>Present %1/%2 — %3</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="159"/>
        <source>đủ điều kiện</source>
        <translation>quorum reached</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="170"/>
        <source>Ghi hình: %1</source>
        <translation>Recording: %1</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="179"/>
        <source>Dừng ghi hình</source>
        <translation>Stop recording</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="179"/>
        <source>Ghi hình</source>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="192"/>
        <source>Biên bản</source>
        <translation>Minutes</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="196"/>
        <location filename="../chair/ChairConsole.qml" line="245"/>
        <source>Điểm danh</source>
        <translation>Check in</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="197"/>
        <source>Khai mạc</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="199"/>
        <source>Giải lao</source>
        <translation>Break</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="199"/>
        <source>Tạm dừng phiên họp để giải lao?</source>
        <translation>Suspend the sitting for a break?</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="200"/>
        <source>Tiếp tục</source>
        <translation>Resume</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="201"/>
        <source>Bế mạc</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="202"/>
        <source>Bế mạc kỳ họp? Sau khi bế mạc không thể họp tiếp kỳ họp này.</source>
        <translation>Close the sitting? A closed sitting cannot be continued.</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="229"/>
        <source>Chương trình</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="250"/>
        <source>có mặt</source>
        <translation>present</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="250"/>
        <source>đã bỏ phiếu</source>
        <translation>voted</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="250"/>
        <source>vắng</source>
        <translation>absent</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="272"/>
        <source>Ghi %1 vắng mặt?</source>
        <translation>Mark %1 absent?</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="272"/>
        <source>Ghi %1 có mặt?</source>
        <translation>Mark %1 present?</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="286"/>
        <source>Điều hành phát biểu</source>
        <translation>The floor</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="287"/>
        <source>Đang phát biểu: %1</source>
        <translation>Speaking: %1</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="287"/>
        <source>Không ai phát biểu</source>
        <translation>Nobody is speaking</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="290"/>
        <source>Tắt micrô</source>
        <translation>Mute microphone</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="292"/>
        <source>Mời người tiếp theo</source>
        <translation>Call the next speaker</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="299"/>
        <source>thủ tục</source>
        <translation>point of order</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="300"/>
        <source>Mời</source>
        <translation>Call</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="303"/>
        <source>Chất vấn</source>
        <translation>Interpellation</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="313"/>
        <source>Mời trả lời</source>
        <translation>Call to answer</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="314"/>
        <source>Trả lời bằng văn bản</source>
        <translation>Answer in writing</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="327"/>
        <source>Biểu quyết</source>
        <translation>Votes</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="354"/>
        <source>Biểu quyết mới</source>
        <translation>New vote</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="357"/>
        <source>Biểu quyết thông qua</source>
        <translation>Motion</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="357"/>
        <source>Bầu cử (ứng cử viên)</source>
        <translation>Election (candidates)</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="358"/>
        <source>Lấy phiếu tín nhiệm</source>
        <translation>Confidence vote</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="366"/>
        <source>Ứng cử viên, mỗi dòng một người</source>
        <translation>Candidates, one a line</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="373"/>
        <source>Chọn tối đa</source>
        <translation>Choose at most</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="378"/>
        <source>Công khai</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="378"/>
        <source>Ghi danh</source>
        <translation>Named</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="378"/>
        <source>Bỏ phiếu kín</source>
        <translation>Secret ballot</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="380"/>
        <source>Quá 1/2 tổng số</source>
        <translation>More than 1/2 of all</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="380"/>
        <source>Từ 2/3 tổng số</source>
        <translation>At least 2/3 of all</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="382"/>
        <source>Tạo biểu quyết cho mục đang thảo luận</source>
        <translation>Create a vote on the active item</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="428"/>
        <source>Ký số tài liệu này</source>
        <translation>Sign this paper digitally</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="337"/>
        <source>đã bỏ phiếu %1/%2</source>
        <translation>voted %1/%2</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="340"/>
        <source>Mở</source>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="340"/>
        <source>Kết thúc</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="185"/>
        <location filename="../chair/ChairConsole.qml" line="192"/>
        <source>Điều hành</source>
        <translation>Chairing</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="50"/>
        <source>Không</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="51"/>
        <source>Đồng ý</source>
        <translation>Yes</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="69"/>
        <source>Biên bản kỳ họp</source>
        <translation>Minutes of the sitting</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="80"/>
        <source>Ký số tài liệu</source>
        <translation>Digital signature</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="83"/>
        <source>Mô-đun thẻ (PKCS#11)</source>
        <translation>Token module (PKCS#11)</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="86"/>
        <source>Tên thẻ</source>
        <translation>Token</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="88"/>
        <source>Khóa trên thẻ</source>
        <translation>Key on the token</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="90"/>
        <source>Người ký</source>
        <translation>Signer</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="92"/>
        <source>Chức vụ</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="94"/>
        <source>Lý do</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="95"/>
        <source>Chủ tọa kỳ họp</source>
        <translation>Chair of the sitting</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="96"/>
        <source>Mã PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="104"/>
        <source>Đóng</source>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="105"/>
        <source>Ký</source>
        <translation>Sign</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="107"/>
        <source>Đang ký…</source>
        <translation>Signing…</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="123"/>
        <source>chưa ghi</source>
        <translation>not recording</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="123"/>
        <source>đang khởi động</source>
        <translation>starting</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="123"/>
        <source>đang ghi và phát</source>
        <translation>recording and streaming</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="124"/>
        <source>đang kết nối lại</source>
        <translation>reconnecting</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="124"/>
        <source>bị lỗi</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="124"/>
        <source>không rõ</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="131"/>
        <source>vi</source>
        <translation>en</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="132"/>
        <source>ổ ghi sắp đầy</source>
        <translation>the recording disk is nearly full</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="132"/>
        <source>ổ ghi đã đầy</source>
        <translation>the recording disk is full</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="134"/>
        <source>lỗi ổ đĩa</source>
        <translation>disk error</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="134"/>
        <source>mất kết nối phát trực tiếp</source>
        <translation>livestream connection lost</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="134"/>
        <source>camera có sự cố</source>
        <translation>camera problem</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="135"/>
        <source>micrô im lặng</source>
        <translation>silent microphone</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="135"/>
        <source>lỗi thiết bị ghi hình</source>
        <translation>recording equipment error</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="135"/>
        <source>có sự cố</source>
        <translation>a problem</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="159"/>
        <source>chưa đủ %1/%2</source>
        <translation>below %1/%2</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="185"/>
        <source>Tài liệu</source>
        <translation>Papers</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="355"/>
        <source>Nội dung…</source>
        <translation>Motion…</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="396"/>
        <source>Tài liệu kỳ họp</source>
        <translation>Sitting papers</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="413"/>
        <source>[MẬT] </source>
        <translation>[CLASSIFIED] </translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="277"/>
        <source>Cho đăng nhập lại ghế</source>
        <translation>Let seat sign in again</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="281"/>
        <source>Mở khóa</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../chair/ChairConsole.qml" line="338"/>
        <source>Đã hủy: máy chủ khởi động lại khi đang bỏ phiếu kín. Hãy tạo và bỏ phiếu lại.</source>
        <translation>Voided: the server restarted during the secret ballot. Create the vote and vote again.</translation>
    </message>
</context>
<context>
    <name>DelegateView</name>
    <message>
        <location filename="../delegate/DelegateView.qml" line="39"/>
        <source>Điểm danh (có mặt)</source>
        <translation>Check in (present)</translation>
    </message>
    <message>
        <location filename="../delegate/DelegateView.qml" line="47"/>
        <source>Phát biểu · Chất vấn</source>
        <translation>Floor · Questions</translation>
    </message>
    <message>
        <location filename="../delegate/DelegateView.qml" line="55"/>
        <source>✓ Đã điểm danh — %1 tài liệu trên máy</source>
        <translation>✓ Checked in — %1 papers on this tablet</translation>
    </message>
    <message>
        <location filename="../delegate/DelegateView.qml" line="58"/>
        <source>Chương trình kỳ họp</source>
        <translation>Agenda of the sitting</translation>
    </message>
    <message numerus="yes">
        <location filename="../delegate/DelegateView.qml" line="77"/>
        <source>%n tài liệu</source>
        <translation>
            <numerusform>%n paper</numerusform>
            <numerusform>%n papers</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../delegate/DelegateView.qml" line="85"/>
        <source>Tài liệu của mục</source>
        <translation>Papers of the item</translation>
    </message>
    <message>
        <location filename="../delegate/DelegateView.qml" line="92"/>
        <source>[MẬT] </source>
        <translation>[CLASSIFIED] </translation>
    </message>
</context>
<context>
    <name>DocumentViewer</name>
    <message>
        <location filename="../delegate/DocumentViewer.qml" line="74"/>
        <source>Tài liệu</source>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../delegate/DocumentViewer.qml" line="77"/>
        <source>Trang %1/%2</source>
        <translation>Page %1/%2</translation>
    </message>
    <message>
        <location filename="../delegate/DocumentViewer.qml" line="85"/>
        <source>Tìm trong tài liệu</source>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../delegate/DocumentViewer.qml" line="112"/>
        <source>Chia sẻ trang</source>
        <translation>Share this page</translation>
    </message>
    <message>
        <location filename="../delegate/DocumentViewer.qml" line="123"/>
        <source>Theo người trình bày</source>
        <translation>Follow the presenter</translation>
    </message>
    <message>
        <location filename="../delegate/DocumentViewer.qml" line="146"/>
        <source>Đã ký số, chữ ký hợp lệ</source>
        <translation>Digitally signed, signatures valid</translation>
    </message>
    <message>
        <location filename="../delegate/DocumentViewer.qml" line="146"/>
        <source>Chữ ký số KHÔNG hợp lệ: tài liệu đã bị thay đổi sau khi ký</source>
        <translation>Digital signature NOT valid: the document was changed after signing</translation>
    </message>
    <message>
        <location filename="../delegate/DocumentViewer.qml" line="210"/>
        <source>Ghi chú riêng (chỉ trên máy này)</source>
        <translation>Private note (this tablet only)</translation>
    </message>
    <message>
        <location filename="../delegate/DocumentViewer.qml" line="219"/>
        <source>Đang mở…</source>
        <translation>Opening…</translation>
    </message>
    <message>
        <location filename="../delegate/DocumentViewer.qml" line="219"/>
        <source>Tài liệu đang được tải về máy…</source>
        <translation>Downloading the document…</translation>
    </message>
    <message>
        <location filename="../delegate/DocumentViewer.qml" line="226"/>
        <source>Chọn một tài liệu ở chương trình kỳ họp</source>
        <translation>Choose a document from the agenda</translation>
    </message>
</context>
<context>
    <name>FloorPanel</name>
    <message>
        <location filename="../delegate/FloorPanel.qml" line="13"/>
        <source>Phát biểu</source>
        <translation>Speaking</translation>
    </message>
    <message>
        <location filename="../delegate/FloorPanel.qml" line="19"/>
        <source>Bạn đang phát biểu</source>
        <translation>You have the floor</translation>
    </message>
    <message>
        <location filename="../delegate/FloorPanel.qml" line="20"/>
        <source>Bạn đứng thứ %1 trong danh sách đăng ký</source>
        <translation>You are number %1 in the queue</translation>
    </message>
    <message>
        <location filename="../delegate/FloorPanel.qml" line="21"/>
        <source>Đang phát biểu: %1</source>
        <translation>Speaking: %1</translation>
    </message>
    <message>
        <location filename="../delegate/FloorPanel.qml" line="22"/>
        <source>Chưa có ai phát biểu</source>
        <translation>Nobody has the floor</translation>
    </message>
    <message>
        <location filename="../delegate/FloorPanel.qml" line="33"/>
        <source>Thời gian còn lại của bạn:</source>
        <translation>Your time left:</translation>
    </message>
    <message>
        <location filename="../delegate/FloorPanel.qml" line="33"/>
        <source>Thời gian còn lại của %1:</source>
        <translation>Time left for %1:</translation>
    </message>
    <message>
        <location filename="../delegate/FloorPanel.qml" line="44"/>
        <source>Đăng ký phát biểu</source>
        <translation>Request the floor</translation>
    </message>
    <message>
        <location filename="../delegate/FloorPanel.qml" line="52"/>
        <source>Kiến nghị về thủ tục</source>
        <translation>Point of order</translation>
    </message>
    <message>
        <location filename="../delegate/FloorPanel.qml" line="59"/>
        <source>Hủy đăng ký</source>
        <translation>Cancel request</translation>
    </message>
    <message>
        <location filename="../delegate/FloorPanel.qml" line="66"/>
        <source>Kết thúc phát biểu</source>
        <translation>End my turn</translation>
    </message>
</context>
<context>
    <name>HallDisplay</name>
    <message>
        <location filename="../display/HallDisplay.qml" line="34"/>
        <source>Có mặt: %1/%2</source>
        <translation>Present: %1/%2</translation>
    </message>
    <message>
        <location filename="../display/HallDisplay.qml" line="51"/>
        <source>TẠM DỪNG — NGHỈ GIẢI LAO</source>
        <translation>SUSPENDED — BREAK</translation>
    </message>
    <message>
        <location filename="../display/HallDisplay.qml" line="52"/>
        <source>KỲ HỌP ĐÃ BẾ MẠC</source>
        <translation>THE SITTING IS CLOSED</translation>
    </message>
    <message>
        <location filename="../display/HallDisplay.qml" line="52"/>
        <source>KỲ HỌP SẮP KHAI MẠC</source>
        <translation>THE SITTING WILL OPEN SOON</translation>
    </message>
    <message>
        <location filename="../display/HallDisplay.qml" line="59"/>
        <source>Chưa bắt đầu nội dung</source>
        <translation>No item yet</translation>
    </message>
    <message>
        <location filename="../display/HallDisplay.qml" line="99"/>
        <source>ĐANG PHÁT BIỂU</source>
        <translation>SPEAKING</translation>
    </message>
    <message>
        <location filename="../display/HallDisplay.qml" line="105"/>
        <source>Không có ai đang phát biểu</source>
        <translation>Nobody has the floor</translation>
    </message>
    <message>
        <location filename="../display/HallDisplay.qml" line="110"/>
        <source>ĐĂNG KÝ PHÁT BIỂU</source>
        <translation>QUEUE</translation>
    </message>
    <message>
        <location filename="../display/HallDisplay.qml" line="114"/>
        <source>kiến nghị thủ tục</source>
        <translation>point of order</translation>
    </message>
    <message>
        <location filename="../display/HallDisplay.qml" line="73"/>
        <source>KẾT QUẢ BIỂU QUYẾT: %1</source>
        <translation>RESULT: %1</translation>
    </message>
    <message>
        <location filename="../display/HallDisplay.qml" line="85"/>
        <source>ĐANG BIỂU QUYẾT</source>
        <translation>VOTE IN PROGRESS</translation>
    </message>
    <message>
        <location filename="../display/HallDisplay.qml" line="87"/>
        <source>Đã bỏ phiếu: %1/%2</source>
        <translation>Voted: %1/%2</translation>
    </message>
</context>
<context>
    <name>LoginView</name>
    <message>
        <location filename="../shared/LoginView.qml" line="21"/>
        <source>HỘI ĐỒNG NHÂN DÂN XÃ CÔN MINH</source>
        <translation>PEOPLE&apos;S COUNCIL OF CÔN MINH COMMUNE</translation>
    </message>
    <message>
        <location filename="../shared/LoginView.qml" line="26"/>
        <source>Phòng họp số — đăng nhập</source>
        <translation>Digital Chamber — sign in</translation>
    </message>
    <message>
        <location filename="../shared/LoginView.qml" line="33"/>
        <source>Đại biểu</source>
        <translation>Delegate</translation>
    </message>
    <message>
        <location filename="../shared/LoginView.qml" line="34"/>
        <source>Cán bộ, kỹ thuật</source>
        <translation>Staff</translation>
    </message>
    <message>
        <location filename="../shared/LoginView.qml" line="41"/>
        <source>Số ghế</source>
        <translation>Seat number</translation>
    </message>
    <message>
        <location filename="../shared/LoginView.qml" line="42"/>
        <source>Mã PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../shared/LoginView.qml" line="43"/>
        <location filename="../shared/LoginView.qml" line="49"/>
        <source>Đăng nhập</source>
        <translation>Sign in</translation>
    </message>
    <message>
        <location filename="../shared/LoginView.qml" line="47"/>
        <source>Tài khoản</source>
        <translation>Account</translation>
    </message>
    <message>
        <location filename="../shared/LoginView.qml" line="48"/>
        <source>Mật khẩu</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../shared/LoginView.qml" line="54"/>
        <source>Sai số ghế hoặc mã PIN</source>
        <translation>Wrong seat or PIN</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <location filename="../Main.qml" line="19"/>
        <source>Phòng họp số</source>
        <translation>Digital Chamber</translation>
    </message>
    <message>
        <location filename="../Main.qml" line="80"/>
        <source>Ẩn</source>
        <translation>Hide</translation>
    </message>
</context>
<context>
    <name>MinutesPanel</name>
    <message>
        <location filename="../chair/MinutesPanel.qml" line="52"/>
        <source>Hoàn thành biên bản?</source>
        <translation>Make the minutes final?</translation>
    </message>
    <message>
        <location filename="../chair/MinutesPanel.qml" line="52"/>
        <source>Bản số %1 sẽ là biên bản chính thức để in, ký và công bố. Sau đó không sửa được nữa.</source>
        <translation>Version %1 becomes the official minutes, to be printed, signed and published. It cannot be edited afterwards.</translation>
    </message>
    <message>
        <location filename="../chair/MinutesPanel.qml" line="59"/>
        <source>Quay lại</source>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../chair/MinutesPanel.qml" line="60"/>
        <source>Hoàn thành</source>
        <translation>Make final</translation>
    </message>
    <message>
        <location filename="../chair/MinutesPanel.qml" line="74"/>
        <source>Biên bản kỳ họp</source>
        <translation>Minutes of the sitting</translation>
    </message>
    <message>
        <location filename="../chair/MinutesPanel.qml" line="82"/>
        <source>Đang tải…</source>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../chair/MinutesPanel.qml" line="83"/>
        <source>Chưa có bản dự thảo</source>
        <translation>No draft yet</translation>
    </message>
    <message>
        <location filename="../chair/MinutesPanel.qml" line="84"/>
        <source>Đã hoàn thành — bản số %1</source>
        <translation>Final — version %1</translation>
    </message>
    <message>
        <location filename="../chair/MinutesPanel.qml" line="85"/>
        <source>Bản dự thảo lập từ diễn biến kỳ họp</source>
        <translation>Draft made from the record of the sitting</translation>
    </message>
    <message>
        <location filename="../chair/MinutesPanel.qml" line="86"/>
        <source>Bản số %1 (đã sửa)</source>
        <translation>Version %1 (edited)</translation>
    </message>
    <message>
        <location filename="../chair/MinutesPanel.qml" line="109"/>
        <source>Người khác vừa lưu một bản mới hơn. Phần bạn đang sửa vẫn giữ trên màn hình: hãy chép lại phần cần thiết rồi mở bản mới nhất.</source>
        <translation>Someone else has just saved a newer version. What you are editing stays on the screen: copy what you need, then open the latest.</translation>
    </message>
    <message>
        <location filename="../chair/MinutesPanel.qml" line="110"/>
        <source>Người khác vừa lưu một bản mới hơn.</source>
        <translation>Someone else has just saved a newer version.</translation>
    </message>
    <message>
        <location filename="../chair/MinutesPanel.qml" line="114"/>
        <source>Mở bản mới nhất</source>
        <translation>Open the latest</translation>
    </message>
    <message>
        <location filename="../chair/MinutesPanel.qml" line="129"/>
        <source>✓ Đã lưu bản số %1</source>
        <translation>✓ Version %1 saved</translation>
    </message>
    <message>
        <location filename="../chair/MinutesPanel.qml" line="130"/>
        <source>✓ Đã lập lại bản dự thảo từ diễn biến kỳ họp</source>
        <translation>✓ The draft was made again from the record</translation>
    </message>
    <message>
        <location filename="../chair/MinutesPanel.qml" line="131"/>
        <source>✓ Biên bản đã hoàn thành: tạo bản PDF để ký.</source>
        <translation>✓ The minutes are final: make the PDF to sign.</translation>
    </message>
    <message>
        <location filename="../chair/MinutesPanel.qml" line="132"/>
        <source>✓ Đã tạo bản PDF của biên bản; mở để xem và ký số.</source>
        <translation>✓ The minutes&apos; PDF is made; open it to read and sign.</translation>
    </message>
    <message>
        <location filename="../chair/MinutesPanel.qml" line="143"/>
        <source>Lưu bản sửa</source>
        <translation>Save the correction</translation>
    </message>
    <message>
        <location filename="../chair/MinutesPanel.qml" line="151"/>
        <source>Bỏ phần đang sửa</source>
        <translation>Discard the edits</translation>
    </message>
    <message>
        <location filename="../chair/MinutesPanel.qml" line="157"/>
        <source>Xem văn bản</source>
        <translation>Show the text</translation>
    </message>
    <message>
        <location filename="../chair/MinutesPanel.qml" line="157"/>
        <source>Xem thay đổi so với dự thảo</source>
        <translation>Show the changes from the draft</translation>
    </message>
    <message>
        <location filename="../chair/MinutesPanel.qml" line="165"/>
        <source>Lập lại dự thảo</source>
        <translation>Make the draft again</translation>
    </message>
    <message>
        <location filename="../chair/MinutesPanel.qml" line="173"/>
        <source>Tạo bản PDF để ký</source>
        <translation>Make the PDF to sign</translation>
    </message>
    <message>
        <location filename="../chair/MinutesPanel.qml" line="180"/>
        <source>Mở bản PDF để ký</source>
        <translation>Open the PDF to sign</translation>
    </message>
    <message>
        <location filename="../chair/MinutesPanel.qml" line="188"/>
        <source>Hoàn thành biên bản</source>
        <translation>Make the minutes final</translation>
    </message>
    <message>
        <location filename="../chair/MinutesPanel.qml" line="209"/>
        <source>Biên bản được lập khi kỳ họp bế mạc.</source>
        <translation>The minutes are drafted when the sitting closes.</translation>
    </message>
    <message>
        <location filename="../chair/MinutesPanel.qml" line="226"/>
        <source>Chưa có thay đổi nào so với bản dự thảo.</source>
        <translation>No change from the draft yet.</translation>
    </message>
</context>
<context>
    <name>OfflineBanner</name>
    <message>
        <location filename="../shared/OfflineBanner.qml" line="21"/>
        <source>Mất kết nối — đang kết nối lại; %1 thao tác sẽ được gửi khi có mạng</source>
        <translation>Offline — reconnecting; %1 actions will be sent when back</translation>
    </message>
    <message>
        <location filename="../shared/OfflineBanner.qml" line="22"/>
        <source>Mất kết nối — đang kết nối lại… Tài liệu đã tải vẫn đọc được.</source>
        <translation>Offline — reconnecting… Downloaded papers stay readable.</translation>
    </message>
    <message>
        <location filename="../shared/OfflineBanner.qml" line="23"/>
        <source>Đang gửi %1 thao tác…</source>
        <translation>Sending %1 actions…</translation>
    </message>
</context>
<context>
    <name>QuestionsPanel</name>
    <message>
        <location filename="../delegate/QuestionsPanel.qml" line="12"/>
        <source>Chất vấn</source>
        <translation>Interpellation</translation>
    </message>
    <message>
        <location filename="../delegate/QuestionsPanel.qml" line="27"/>
        <source>Câu hỏi…</source>
        <translation>Your question…</translation>
    </message>
    <message>
        <location filename="../delegate/QuestionsPanel.qml" line="34"/>
        <source>Gửi phiếu chất vấn</source>
        <translation>Send the question</translation>
    </message>
    <message>
        <location filename="../delegate/QuestionsPanel.qml" line="58"/>
        <source>%1 hỏi %2</source>
        <translation>%1 asks %2</translation>
    </message>
    <message>
        <location filename="../delegate/QuestionsPanel.qml" line="59"/>
        <source>đã trả lời</source>
        <translation>answered</translation>
    </message>
    <message>
        <location filename="../delegate/QuestionsPanel.qml" line="59"/>
        <source>trả lời bằng văn bản</source>
        <translation>to be answered in writing</translation>
    </message>
    <message>
        <location filename="../delegate/QuestionsPanel.qml" line="60"/>
        <source>đã trả lời bằng văn bản</source>
        <translation>answered in writing</translation>
    </message>
    <message>
        <location filename="../delegate/QuestionsPanel.qml" line="60"/>
        <source>hỏi lại</source>
        <translation>follow-up</translation>
    </message>
    <message>
        <location filename="../delegate/QuestionsPanel.qml" line="60"/>
        <source>chờ trả lời</source>
        <translation>awaiting answer</translation>
    </message>
    <message>
        <location filename="../delegate/QuestionsPanel.qml" line="66"/>
        <source>Trả lời bằng văn bản trước %1</source>
        <translation>A written answer is due by %1</translation>
    </message>
</context>
<context>
    <name>ResponderView</name>
    <message>
        <location filename="../responder/ResponderView.qml" line="19"/>
        <source>Chưa có kỳ họp</source>
        <translation>No sitting yet</translation>
    </message>
    <message>
        <location filename="../responder/ResponderView.qml" line="20"/>
        <source>Câu hỏi chất vấn gửi %1</source>
        <translation>Questions to %1</translation>
    </message>
    <message>
        <location filename="../responder/ResponderView.qml" line="24"/>
        <source>Đang thảo luận: %1</source>
        <translation>Now discussing: %1</translation>
    </message>
    <message>
        <location filename="../responder/ResponderView.qml" line="48"/>
        <source>%1 hỏi</source>
        <translation>%1 asks</translation>
    </message>
    <message>
        <location filename="../responder/ResponderView.qml" line="58"/>
        <source>Nội dung trả lời bằng văn bản…</source>
        <translation>The written answer…</translation>
    </message>
    <message>
        <location filename="../responder/ResponderView.qml" line="58"/>
        <source>Tóm tắt nội dung trả lời…</source>
        <translation>The gist of your answer…</translation>
    </message>
    <message>
        <location filename="../responder/ResponderView.qml" line="67"/>
        <source>Gửi trả lời bằng văn bản</source>
        <translation>Send the written answer</translation>
    </message>
    <message>
        <location filename="../responder/ResponderView.qml" line="67"/>
        <source>Đã trả lời trực tiếp</source>
        <translation>Answered in person</translation>
    </message>
    <message>
        <location filename="../responder/ResponderView.qml" line="73"/>
        <source>Trả lời bằng văn bản sau</source>
        <translation>Answer in writing later</translation>
    </message>
    <message>
        <location filename="../responder/ResponderView.qml" line="84"/>
        <source>đã trả lời</source>
        <translation>answered</translation>
    </message>
    <message>
        <location filename="../responder/ResponderView.qml" line="85"/>
        <source>đã trả lời bằng văn bản</source>
        <translation>answered in writing</translation>
    </message>
    <message>
        <location filename="../responder/ResponderView.qml" line="86"/>
        <source>trả lời bằng văn bản trước %1</source>
        <translation>written answer due by %1</translation>
    </message>
    <message>
        <location filename="../responder/ResponderView.qml" line="87"/>
        <source>hỏi lại</source>
        <translation>follow-up</translation>
    </message>
    <message>
        <location filename="../responder/ResponderView.qml" line="88"/>
        <source>chờ trả lời</source>
        <translation>awaiting answer</translation>
    </message>
</context>
<context>
    <name>ResultBars</name>
    <message>
        <location filename="../shared/ResultBars.qml" line="20"/>
        <source>%1/%2 đại biểu %3 (%4)</source>
        <comment>a vote&apos;s result line: count/base, option, percent</comment>
        <translation>%1/%2 delegates %3 (%4)</translation>
    </message>
    <message>
        <location filename="../shared/ResultBars.qml" line="22"/>
        <source>tán thành</source>
        <translation>in favour</translation>
    </message>
    <message>
        <location filename="../shared/ResultBars.qml" line="23"/>
        <source>không tán thành</source>
        <translation>against</translation>
    </message>
    <message>
        <location filename="../shared/ResultBars.qml" line="24"/>
        <source>không biểu quyết</source>
        <translation>abstaining</translation>
    </message>
    <message>
        <location filename="../shared/ResultBars.qml" line="25"/>
        <source>tín nhiệm cao</source>
        <translation>high confidence</translation>
    </message>
    <message>
        <location filename="../shared/ResultBars.qml" line="26"/>
        <source>tín nhiệm</source>
        <translation>confidence</translation>
    </message>
    <message>
        <location filename="../shared/ResultBars.qml" line="27"/>
        <source>tín nhiệm thấp</source>
        <translation>low confidence</translation>
    </message>
    <message>
        <location filename="../shared/ResultBars.qml" line="50"/>
        <source>trúng cử</source>
        <translation>elected</translation>
    </message>
    <message>
        <location filename="../shared/ResultBars.qml" line="71"/>
        <source>Vắng mặt: %1 — Có mặt không biểu quyết: %2</source>
        <translation>Absent: %1 — Present, not voting: %2</translation>
    </message>
    <message>
        <location filename="../shared/ResultBars.qml" line="86"/>
        <source>CÓ NGƯỜI TRÚNG CỬ</source>
        <translation>ELECTED</translation>
    </message>
    <message>
        <location filename="../shared/ResultBars.qml" line="86"/>
        <source>KHÔNG AI TRÚNG CỬ</source>
        <translation>NOBODY ELECTED</translation>
    </message>
    <message>
        <location filename="../shared/ResultBars.qml" line="87"/>
        <source>THÔNG QUA</source>
        <translation>PASSED</translation>
    </message>
    <message>
        <location filename="../shared/ResultBars.qml" line="87"/>
        <source>KHÔNG THÔNG QUA</source>
        <translation>NOT PASSED</translation>
    </message>
</context>
<context>
    <name>VotePanel</name>
    <message>
        <location filename="../shared/VotePanel.qml" line="48"/>
        <source>BIỂU QUYẾT</source>
        <translation>VOTE</translation>
    </message>
    <message>
        <location filename="../shared/VotePanel.qml" line="53"/>
        <source>Phiếu của chủ tọa: </source>
        <translation>The chair&apos;s ballot: </translation>
    </message>
    <message>
        <location filename="../shared/VotePanel.qml" line="65"/>
        <source>Bỏ phiếu kín: lựa chọn của bạn không được lưu kèm tên bạn; chỉ biết bạn đã bỏ phiếu.</source>
        <translation>Secret ballot: your choice is never stored with your name; only that you voted is known.</translation>
    </message>
    <message>
        <location filename="../shared/VotePanel.qml" line="71"/>
        <source>Chọn tối đa %1 người</source>
        <translation>Choose up to %1</translation>
    </message>
    <message>
        <location filename="../shared/VotePanel.qml" line="97"/>
        <source>Tiếp tục (%1 đã chọn)</source>
        <translation>Continue (%1 chosen)</translation>
    </message>
    <message>
        <location filename="../shared/VotePanel.qml" line="106"/>
        <source>Bạn không chọn ai. Xác nhận?</source>
        <translation>You chose nobody. Confirm?</translation>
    </message>
    <message>
        <location filename="../shared/VotePanel.qml" line="107"/>
        <source>Bạn chọn: %1. Xác nhận?</source>
        <translation>You chose: %1. Confirm?</translation>
    </message>
    <message>
        <location filename="../shared/VotePanel.qml" line="112"/>
        <source>Đang gửi phiếu…</source>
        <translation>Sending your ballot…</translation>
    </message>
    <message>
        <location filename="../shared/VotePanel.qml" line="112"/>
        <source>Sau khi xác nhận không thể thay đổi.</source>
        <translation>Once confirmed it cannot be changed.</translation>
    </message>
    <message>
        <location filename="../shared/VotePanel.qml" line="119"/>
        <source>Xác nhận</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <location filename="../shared/VotePanel.qml" line="125"/>
        <source>Chọn lại</source>
        <translation>Choose again</translation>
    </message>
    <message>
        <location filename="../shared/VotePanel.qml" line="136"/>
        <source>Bạn đã bỏ phiếu kín. Xin chờ kết quả.</source>
        <translation>You have cast a secret ballot. Please wait for the result.</translation>
    </message>
    <message>
        <location filename="../shared/VotePanel.qml" line="137"/>
        <source>Bạn đã biểu quyết: %1. Xin chờ kết quả.</source>
        <translation>You voted: %1. Please wait for the result.</translation>
    </message>
</context>
</TS>
