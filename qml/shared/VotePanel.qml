import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Views

// The vote panel: large buttons for tán thành / không tán thành / không biểu quyết (or the
// candidates of an election), a confirmation, then the delegate's own choice.
Rectangle {
    id: panel
    property var vote: ({})           // id, title, form, kind, options, maxChoices, hasVoted, myChoices
    property bool compact: false      // a strip inside the chair's console, not a panel over it
    property bool busy: false         // a cast is on its way
    signal cast(var choices)
    property var chosen: []
    property bool confirming: false
    readonly property bool secret: vote.form === "secret"
    readonly property bool election: vote.kind === "election"
    color: Theme.surface
    radius: compact ? 8 : 16
    border.color: Theme.accent
    border.width: compact ? 2 : 3
    implicitWidth: 760
    implicitHeight: layout.implicitHeight + (compact ? 16 : 48)
    property bool sent: false         // one tap sends once, even while offline
    onVoteChanged: if (!vote.hasVoted && (vote.id || "") !== lastVote) { chosen = []; confirming = false; sent = false; lastVote = vote.id || "" }
    property string lastVote: ""

    function optionLabel(key) {
        var o = vote.options || []
        for (var i = 0; i < o.length; ++i) if (o[i].key === key) return o[i].label
        return key
    }
    function toggle(key) {
        if (!election) { chosen = [key]; confirming = true; return }
        var c = chosen.slice()
        var i = c.indexOf(key)
        if (i >= 0) c.splice(i, 1); else if (c.length < (vote.maxChoices || 1)) c.push(key)
        chosen = c
    }

    ColumnLayout {
        id: layout
        anchors.fill: parent
        anchors.margins: panel.compact ? 8 : 24
        spacing: panel.compact ? 6 : 16
        Text {
            visible: !panel.compact
            text: qsTr("BIỂU QUYẾT")
            font.pixelSize: Theme.body; font.bold: true; color: Theme.accent
        }
        Text {
            Layout.fillWidth: true
            text: (panel.compact ? qsTr("Phiếu của chủ tọa: ") : "") + (panel.vote.title || "")
            font.pixelSize: panel.compact ? Theme.body : Theme.title; font.bold: true; color: Theme.ink
            wrapMode: Text.WordWrap
        }
        Rectangle {
            visible: panel.secret && !panel.compact
            Layout.fillWidth: true
            implicitHeight: secretNote.implicitHeight + 16
            color: Theme.accentSoft; radius: 6
            Text {
                id: secretNote
                anchors.fill: parent; anchors.margins: 8
                text: qsTr("Bỏ phiếu kín: lựa chọn của bạn không được lưu kèm tên bạn; chỉ biết bạn đã bỏ phiếu.")
                font.pixelSize: Theme.body; color: Theme.ink; wrapMode: Text.WordWrap
            }
        }
        Text {
            visible: panel.election && !panel.vote.hasVoted
            text: qsTr("Chọn tối đa %1 người").arg(panel.vote.maxChoices || 1)
            font.pixelSize: Theme.body; color: Theme.muted
        }
        // 1. choose
        GridLayout {
            visible: !panel.vote.hasVoted && !panel.confirming
            Layout.fillWidth: true
            columns: panel.compact ? Math.max(1, Math.min(4, (panel.vote.options || []).length)) : panel.election ? 2 : 3
            columnSpacing: 12; rowSpacing: 12
            Repeater {
                model: panel.vote.options || []
                delegate: BigButton {
                    Layout.fillWidth: true
                    Layout.preferredHeight: panel.compact ? Theme.touch : 96
                    objectName: "option_" + modelData.key
                    text: (panel.chosen.indexOf(modelData.key) >= 0 ? "✓ " : "") + modelData.label
                    tint: modelData.key === "yes" ? Theme.yes : modelData.key === "no" ? Theme.no
                         : modelData.key === "abstain" ? Theme.abstain
                         : (panel.chosen.indexOf(modelData.key) >= 0 ? Theme.accent : "#7a6f5d")
                    onClicked: panel.toggle(modelData.key)
                }
            }
        }
        BigButton {
            objectName: "electionContinue"
            visible: panel.election && !panel.vote.hasVoted && !panel.confirming
            text: qsTr("Tiếp tục (%1 đã chọn)").arg(panel.chosen.length)
            onClicked: panel.confirming = true
        }
        // 2. confirm
        ColumnLayout {
            visible: !panel.vote.hasVoted && panel.confirming
            spacing: 12
            Text {
                Layout.fillWidth: true
                text: panel.chosen.length === 0 ? qsTr("Bạn không chọn ai. Xác nhận?")
                      : qsTr("Bạn chọn: %1. Xác nhận?").arg(panel.chosen.map(panel.optionLabel).join(", "))
                font.pixelSize: panel.compact ? Theme.body : Theme.large; font.bold: true; color: Theme.ink; wrapMode: Text.WordWrap
            }
            Text {
                visible: !panel.compact
                text: panel.sent ? qsTr("Đang gửi phiếu…") : qsTr("Sau khi xác nhận không thể thay đổi.")
                font.pixelSize: Theme.body; color: Theme.muted
            }
            RowLayout {
                spacing: 12
                BigButton {
                    objectName: "confirm"
                    text: qsTr("Xác nhận")
                    tint: Theme.yes
                    enabled: !panel.busy && !panel.sent
                    onClicked: { panel.sent = true; panel.cast(panel.chosen) }
                }
                BigButton {
                    text: qsTr("Chọn lại")
                    tint: Theme.abstain
                    onClicked: { panel.confirming = false; if (!panel.election) panel.chosen = [] }
                }
            }
        }
        // 3. done
        Text {
            visible: !!panel.vote.hasVoted
            objectName: "myChoice"
            Layout.fillWidth: true
            text: panel.secret ? qsTr("Bạn đã bỏ phiếu kín. Xin chờ kết quả.")
                  : qsTr("Bạn đã biểu quyết: %1. Xin chờ kết quả.").arg((panel.vote.myChoices || []).map(panel.optionLabel).join(", "))
            font.pixelSize: panel.compact ? Theme.body : Theme.large; font.bold: true; color: Theme.yes; wrapMode: Text.WordWrap
        }
    }
}
