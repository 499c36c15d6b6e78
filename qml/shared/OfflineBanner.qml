import QtQuick
import QtQuick.Controls
import Chamber.Views

// Shown while the connection is down, and while commands wait to be sent.
Rectangle {
    id: banner
    property bool online: true
    property int pending: 0
    property bool started: false
    visible: started && (!online || pending > 0)
    height: visible ? 48 : 0
    color: online ? Theme.gold : Theme.warning
    Text {
        anchors.centerIn: parent
        color: "white"
        font.pixelSize: Theme.body
        font.bold: true
        text: !banner.online
              ? (banner.pending > 0
                 ? qsTr("Mất kết nối — đang kết nối lại; %1 thao tác sẽ được gửi khi có mạng").arg(banner.pending)
                 : qsTr("Mất kết nối — đang kết nối lại… Tài liệu đã tải vẫn đọc được."))
              : qsTr("Đang gửi %1 thao tác…").arg(banner.pending)
    }
}
