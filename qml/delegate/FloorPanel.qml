import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.App
import Chamber.Views

// Request the floor or cancel; the position in the queue; the countdown while speaking.
ColumnLayout {
    id: floor
    required property Chamber chamber
    readonly property bool speaking: chamber.speaker.id === chamber.myId
    spacing: 10
    SectionTitle { text: qsTr("Phát biểu") }
    Text {
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.body
        color: Theme.ink
        text: floor.speaking ? qsTr("Bạn đang phát biểu")
              : floor.chamber.myQueuePosition > 0 ? qsTr("Bạn đứng thứ %1 trong danh sách đăng ký").arg(floor.chamber.myQueuePosition)
              : floor.chamber.speaker.name ? qsTr("Đang phát biểu: %1").arg(floor.chamber.speaker.name)
              : qsTr("Chưa có ai phát biểu")
    }
    // Whose time it is, said with it: a queued delegate saw an unlabelled countdown that
    // was the speaker's.
    Text {
        objectName: "countdownLabel"
        Layout.fillWidth: true
        visible: !!floor.chamber.speaker.id && floor.chamber.speaker.limit_s > 0
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.small
        color: Theme.muted
        text: floor.speaking ? qsTr("Thời gian còn lại của bạn:") : qsTr("Thời gian còn lại của %1:").arg(floor.chamber.speaker.name || "")
    }
    Countdown {
        visible: !!floor.chamber.speaker.id
        sinceMs: floor.chamber.speaker.since_ms || 0
        limitS: floor.chamber.speaker.limit_s || 0
    }
    BigButton {
        Layout.fillWidth: true
        visible: !floor.speaking && floor.chamber.myQueuePosition === 0
        enabled: floor.chamber.checkedIn && floor.chamber.sitting.status === "open"
        text: qsTr("Đăng ký phát biểu")
        onClicked: floor.chamber.requestFloor("speech")
    }
    BigButton {
        Layout.fillWidth: true
        visible: !floor.speaking && floor.chamber.myQueuePosition === 0
        enabled: floor.chamber.checkedIn && floor.chamber.sitting.status === "open"
        tint: Theme.gold
        text: qsTr("Kiến nghị về thủ tục")
        onClicked: floor.chamber.requestFloor("point_of_order")
    }
    BigButton {
        Layout.fillWidth: true
        visible: floor.chamber.myQueuePosition > 0
        tint: Theme.abstain
        text: qsTr("Hủy đăng ký")
        onClicked: floor.chamber.cancelFloor()
    }
    BigButton {
        Layout.fillWidth: true
        visible: floor.speaking
        tint: Theme.abstain
        text: qsTr("Kết thúc phát biểu")
        onClicked: floor.chamber.endMyTurn()
    }
}
