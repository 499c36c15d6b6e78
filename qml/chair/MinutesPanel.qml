import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.App
import Chamber.Views

// The minutes (biên bản) of the closed sitting, for those who keep them: the secretary and the
// chair correct the draft the server made from the record, save each version, see what they
// changed, and make it final; the operator reads. The server decides — a version saved by
// someone else in between is never overwritten (the panel says so and keeps what was typed).
Rectangle {
    id: root
    required property Chamber chamber
    readonly property MinutesDesk desk: chamber.minutes
    readonly property bool canEdit: ["chair", "vice_chair", "secretary"].indexOf(chamber.role) >= 0
    readonly property bool isFinal: desk.finalVersion >= 0
    /// The text the editor was filled from: what is typed differs from it.
    property string base: ""
    readonly property bool dirty: editor.text !== base
    property bool showDiff: false
    property int shownSitting: 0  // whose minutes the editor holds
    /// Open the minutes' PDF where papers are read and signed (the console's papers view).
    signal openPdf(string sha256)
    color: Theme.surface
    radius: 10
    border.color: Theme.line

    function fill() {
        editor.text = desk.text
        base = desk.text
    }
    Component.onCompleted: {
        shownSitting = desk.sitting
        if (desk.loaded) fill()
        else desk.load()
    }
    // Shown again for another sitting's minutes (the desk was emptied): read them.
    onVisibleChanged: if (visible && !desk.loaded && !desk.busy) desk.load()
    Connections {
        target: root.desk
        // A version loaded: shown at once unless something typed here would be lost.
        function onChanged() {
            if (!root.desk.loaded && !root.desk.busy && root.desk.sitting !== root.shownSitting) {
                editor.text = ""  // another sitting: nothing of the last one's minutes stays
                root.base = ""
            }
            root.shownSitting = root.desk.sitting
            if (!root.desk.loaded || root.desk.busy) return
            if (editor.text === root.desk.text) root.base = root.desk.text  // what is typed is saved
            else if (!root.dirty) root.fill()
        }
    }

    Dialog {
        id: finaliseDialog
        objectName: "finaliseDialog"
        anchors.centerIn: Overlay.overlay
        width: Math.min(root.width - 40, 640)
        modal: true
        contentItem: Text {
            text: "<b>" + qsTr("Hoàn thành biên bản?") + "</b><br>" + qsTr("Bản số %1 sẽ là biên bản chính thức để in, ký và công bố. Sau đó không sửa được nữa.").arg(root.desk.version)
            textFormat: Text.StyledText
            wrapMode: Text.WordWrap; font.pixelSize: Theme.large; color: Theme.ink
        }
        footer: RowLayout {
            spacing: 12
            Item { Layout.fillWidth: true }
            BigButton { text: qsTr("Quay lại"); tint: Theme.abstain; onClicked: finaliseDialog.close() }
            BigButton { objectName: "finaliseConfirm"; text: qsTr("Hoàn thành"); tint: Theme.yes
                        onClicked: { finaliseDialog.close(); root.desk.finalise() } }
            Item { implicitWidth: 12 }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 8

        RowLayout {
            Layout.fillWidth: true
            spacing: 12
            SectionTitle { text: qsTr("Biên bản kỳ họp") }
            Text {
                objectName: "minutesStatus"
                Layout.maximumWidth: root.width * 0.55
                wrapMode: Text.WordWrap
                horizontalAlignment: Text.AlignRight
                font.pixelSize: Theme.body
                color: root.isFinal ? Theme.yes : Theme.ink
                text: !root.desk.loaded ? qsTr("Đang tải…")
                    : root.desk.version < 0 ? qsTr("Chưa có bản dự thảo")
                    : root.isFinal ? qsTr("Đã hoàn thành — bản số %1").arg(root.desk.finalVersion)
                    : root.desk.version === 0 ? qsTr("Bản dự thảo lập từ diễn biến kỳ họp")
                    : qsTr("Bản số %1 (đã sửa)").arg(root.desk.version)
            }
        }

        // Someone else saved, or made it final: never overwritten, never lost without asking.
        Rectangle {
            objectName: "minutesNewer"
            visible: root.desk.newer
            Layout.fillWidth: true
            implicitHeight: newerRow.implicitHeight + 16
            radius: 8
            color: "#fdf1dc"
            border.color: Theme.warning
            RowLayout {
                id: newerRow
                anchors.fill: parent
                anchors.margins: 8
                spacing: 8
                Text {
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.body
                    color: Theme.ink
                    text: root.dirty ? qsTr("Người khác vừa lưu một bản mới hơn. Phần bạn đang sửa vẫn giữ trên màn hình: hãy chép lại phần cần thiết rồi mở bản mới nhất.")
                                     : qsTr("Người khác vừa lưu một bản mới hơn.")
                }
                BigButton {
                    objectName: "minutesReload"
                    text: qsTr("Mở bản mới nhất")
                    tint: Theme.warning
                    onClicked: { root.base = editor.text; root.desk.load() }
                }
            }
        }

        Text {
            objectName: "minutesMessage"
            visible: text !== ""
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            font.pixelSize: Theme.body
            color: root.desk.failed ? Theme.no : Theme.yes
            text: root.desk.failed ? "⚠ " + root.desk.message
                : ({ saved: qsTr("✓ Đã lưu bản số %1").arg(root.desk.version),
                     redrafted: qsTr("✓ Đã lập lại bản dự thảo từ diễn biến kỳ họp"),
                     finalised: qsTr("✓ Biên bản đã hoàn thành: tạo bản PDF để ký."),
                     pdf: qsTr("✓ Đã tạo bản PDF của biên bản; mở để xem và ký số.") })[root.desk.outcome] || ""
        }

        Flow {
            Layout.fillWidth: true
            spacing: 8
            visible: root.desk.version >= 0
            BigButton {
                objectName: "minutesSave"
                visible: root.canEdit && !root.isFinal
                enabled: root.dirty && !root.desk.busy
                text: qsTr("Lưu bản sửa")
                tint: Theme.yes
                onClicked: root.desk.save(editor.text)
            }
            BigButton {
                objectName: "minutesUndo"
                visible: root.canEdit && !root.isFinal
                enabled: root.dirty
                text: qsTr("Bỏ phần đang sửa")
                tint: Theme.abstain
                onClicked: editor.text = root.base
            }
            BigButton {
                objectName: "minutesDiff"
                text: root.showDiff ? qsTr("Xem văn bản") : qsTr("Xem thay đổi so với dự thảo")
                tint: Theme.accent
                onClicked: root.showDiff = !root.showDiff
            }
            BigButton {
                objectName: "minutesRedraft"
                visible: root.canEdit && !root.isFinal && root.desk.version === 0
                enabled: !root.dirty && !root.desk.busy
                text: qsTr("Lập lại dự thảo")
                tint: Theme.gold
                onClicked: root.desk.redraft()
            }
            BigButton {
                objectName: "minutesMakePdf"
                visible: root.isFinal && root.desk.pdfSha === ""
                enabled: !root.desk.busy
                text: qsTr("Tạo bản PDF để ký")
                tint: Theme.accent
                onClicked: root.desk.makePdf()
            }
            BigButton {
                objectName: "minutesOpenPdf"
                visible: root.desk.pdfSha !== ""
                text: qsTr("Mở bản PDF để ký")
                tint: Theme.yes
                onClicked: root.openPdf(root.desk.pdfSha)
            }
            BigButton {
                objectName: "minutesFinalise"
                visible: root.canEdit && !root.isFinal
                enabled: !root.dirty && !root.desk.busy && !root.desk.newer
                text: qsTr("Hoàn thành biên bản")
                tint: Theme.accent
                onClicked: finaliseDialog.open()
            }
        }

        ScrollView {
            visible: !root.showDiff
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth  // the text wraps at the view's width
            clip: true
            TextArea {
                id: editor
                objectName: "minutesEditor"
                readOnly: !root.canEdit || root.isFinal
                wrapMode: TextEdit.Wrap
                selectByMouse: true
                font.family: Theme.family
                font.pixelSize: Theme.body
                color: Theme.ink
                placeholderText: qsTr("Biên bản được lập khi kỳ họp bế mạc.")
                background: Rectangle { color: editor.readOnly ? "#f7f5f0" : "white"; border.color: editor.activeFocus ? Theme.accent : Theme.line; radius: 6 }
            }
        }
        ScrollView {
            visible: root.showDiff
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth
            clip: true
            TextArea {
                objectName: "minutesDiffText"
                readOnly: true
                wrapMode: TextEdit.Wrap
                font.family: "DejaVu Sans Mono"
                font.pixelSize: Theme.small
                color: Theme.ink
                text: root.desk.diff !== "" ? root.desk.diff : qsTr("Chưa có thay đổi nào so với bản dự thảo.")
                background: Rectangle { color: "#f7f5f0"; border.color: Theme.line; radius: 6 }
            }
        }
    }
}
