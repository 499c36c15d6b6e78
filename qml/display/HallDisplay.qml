import QtQuick
import QtQuick.Layouts
import Chamber.App
import Chamber.Views

// The hall's big screen (1920×1080): the current item, the speaker with the countdown, the
// queue, quorum, and the latest result as bars with "X/Y đại biểu (Z%)".
Rectangle {
    id: root
    required property Chamber chamber
    color: "#14181f"
    readonly property var q: chamber.quorum

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 40
        spacing: 24
        RowLayout {
            Layout.fillWidth: true
            Text { Layout.fillWidth: true; text: (root.chamber.sitting.title || "").toUpperCase(); color: Theme.gold; font.pixelSize: 30; font.bold: true; elide: Text.ElideRight }
            Text { text: qsTr("Có mặt: %1/%2").arg(root.q.present || 0).arg(root.q.inOffice || 0); color: root.q.quorate ? "#7ddc97" : "#ff8a80"; font.pixelSize: 30; font.bold: true }
        }
        Rectangle { Layout.fillWidth: true; height: 3; color: Theme.accent }
        Text {
            Layout.fillWidth: true
            objectName: "activeItem"
            text: root.chamber.activeItemTitle ? root.chamber.activeItem + ". " + root.chamber.activeItemTitle : qsTr("Chưa bắt đầu nội dung")
            color: "white"; font.pixelSize: 52; font.bold: true; wrapMode: Text.WordWrap; maximumLineCount: 3
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 40
            ColumnLayout {
                Layout.fillWidth: true; Layout.fillHeight: true; Layout.preferredWidth: 5
                Text { text: qsTr("ĐANG PHÁT BIỂU"); color: Theme.gold; font.pixelSize: 28; font.bold: true }
                Text { Layout.fillWidth: true; text: root.chamber.speaker.name || "—"; color: "white"; font.pixelSize: 48; wrapMode: Text.WordWrap }
                Countdown { sinceMs: root.chamber.speaker.since_ms || 0; limitS: root.chamber.speaker.limit_s || 0; font.pixelSize: 96; color: leftS <= 30 ? "#ff8a80" : "white" }
                Text { text: qsTr("ĐĂNG KÝ PHÁT BIỂU"); color: Theme.gold; font.pixelSize: 28; font.bold: true; visible: root.chamber.queue.count > 0 }
                Repeater {
                    model: root.chamber.queue
                    Text { text: model.position + ". " + model.name + (model.kind === "point_of_order" ? " — " + qsTr("kiến nghị thủ tục") : ""); color: "white"; font.pixelSize: 32 }
                }
                Item { Layout.fillHeight: true }
            }
            Rectangle {
                Layout.fillWidth: true; Layout.fillHeight: true; Layout.preferredWidth: 6
                radius: 16; color: "#f4f1ea"
                visible: !!root.chamber.result.id || !!root.chamber.openVote.id
                ResultBars {
                    objectName: "hallResult"
                    anchors.fill: parent; anchors.margins: 30
                    visible: !!root.chamber.result.id && !root.chamber.openVote.id
                    scale: 1
                    model: root.chamber.resultOptions
                    title: qsTr("KẾT QUẢ BIỂU QUYẾT: %1").arg(root.chamber.result.title || "")
                    passed: !!root.chamber.result.passed
                    absent: root.chamber.result.absent || 0
                    notVoted: root.chamber.result.notVoted || 0
                }
                Column {
                    anchors.centerIn: parent
                    visible: !!root.chamber.openVote.id
                    spacing: 20
                    Text { anchors.horizontalCenter: parent.horizontalCenter; text: qsTr("ĐANG BIỂU QUYẾT"); color: Theme.accent; font.pixelSize: 44; font.bold: true }
                    Text { width: 700; horizontalAlignment: Text.AlignHCenter; text: root.chamber.openVote.title || ""; color: Theme.ink; font.pixelSize: 36; wrapMode: Text.WordWrap }
                    Text { anchors.horizontalCenter: parent.horizontalCenter; text: qsTr("Đã bỏ phiếu: %1/%2").arg(root.chamber.openVote.turnout || 0).arg(root.chamber.openVote.present || 0); color: Theme.ink; font.pixelSize: 40 }
                }
            }
        }
    }
}
