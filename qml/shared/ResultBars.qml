import QtQuick
import QtQuick.Layouts
import Chamber.Views

// A vote's result: one bar per option, "X/Y đại biểu label (Z%)", and the verdict.
ColumnLayout {
    id: r
    property var model            // rows: key, label, count, base, percent, line, elected
    property string title: ""
    property bool passed: false
    property bool election: false
    property int absent: 0
    property int notVoted: 0
    property real size: 1         // 2.5 on the hall display: every line at least 48 px
    spacing: 10 * size

    // The announcement line is the server's, in the council's language (core::announce).
    // Another language translates the same data — count, base and the server's percent —
    // and never computes a number of its own.
    readonly property string linePattern: qsTr("%1/%2 đại biểu %3 (%4)", "a vote's result line: count/base, option, percent")
    function optionLabel(m) {
        if (m.key === "yes") return qsTr("tán thành")
        if (m.key === "no") return qsTr("không tán thành")
        if (m.key === "abstain") return qsTr("không biểu quyết")
        if (m.key === "high") return qsTr("tín nhiệm cao")
        if (m.key === "confidence") return qsTr("tín nhiệm")
        if (m.key === "low") return qsTr("tín nhiệm thấp")
        return m.label  // a candidate's name, a confidence rating: as the server has it
    }
    function lineOf(m) {
        if (linePattern === "%1/%2 đại biểu %3 (%4)") return m.line
        return linePattern.arg(m.count).arg(m.base).arg(optionLabel(m)).arg(m.percent)
    }
    Text {
        Layout.fillWidth: true
        text: r.title
        font.pixelSize: (r.size > 1 ? Theme.body : Theme.large) * r.size
        font.bold: true
        color: Theme.ink
        wrapMode: Text.WordWrap
    }
    Repeater {
        model: r.model
        delegate: ColumnLayout {
            Layout.fillWidth: true
            spacing: 4
            Text {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                text: r.lineOf(model) + (model.elected ? "  ✓ " + qsTr("trúng cử") : "")
                font.pixelSize: Theme.body * r.size
                color: Theme.ink
            }
            Rectangle {
                Layout.fillWidth: true
                height: (r.size > 1 ? 12 : 22) * r.size
                radius: 4
                color: "#e8e4dc"
                Rectangle {
                    width: parent.width * (model.base > 0 ? model.count / model.base : 0)
                    height: parent.height
                    radius: 4
                    color: model.key === "yes" || model.elected ? Theme.yes : model.key === "no" ? Theme.no : Theme.abstain
                }
            }
        }
    }
    Text {
        Layout.fillWidth: true
        wrapMode: Text.WordWrap
        text: qsTr("Vắng mặt: %1 — Có mặt không biểu quyết: %2").arg(r.absent).arg(r.notVoted)
        font.pixelSize: (r.size > 1 ? Theme.body : Theme.small) * r.size
        color: Theme.muted
    }
    Rectangle {
        Layout.preferredHeight: (r.size > 1 ? 36 : 56) * r.size
        Layout.preferredWidth: verdict.implicitWidth + 40 * r.size
        radius: 8
        color: r.passed ? Theme.yes : Theme.no
        Text {
            id: verdict
            anchors.centerIn: parent
            color: "white"
            font.pixelSize: (r.size > 1 ? Theme.body : Theme.large) * r.size
            font.bold: true
            text: r.election ? (r.passed ? qsTr("CÓ NGƯỜI TRÚNG CỬ") : qsTr("KHÔNG AI TRÚNG CỬ"))
                             : (r.passed ? qsTr("THÔNG QUA") : qsTr("KHÔNG THÔNG QUA"))
        }
    }
}
