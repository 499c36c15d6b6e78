import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.App
import Chamber.Views

// The face of a People's Committee official (responder): the questions addressed to them —
// answered in person (the gist recorded), or to be answered in writing by a due date and
// then answered in writing — and nothing a delegate does (no check-in, no question form).
Rectangle {
    id: root
    required property Chamber chamber
    color: Theme.background

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 10
        Text { Layout.fillWidth: true; text: root.chamber.sitting.title || qsTr("Chưa có kỳ họp"); font.pixelSize: Theme.large; font.bold: true; color: Theme.accent; wrapMode: Text.WordWrap }
        Text { Layout.fillWidth: true; text: qsTr("Câu hỏi chất vấn gửi %1").arg(root.chamber.myName); font.pixelSize: Theme.body; color: Theme.ink; wrapMode: Text.WordWrap }
        Text {
            Layout.fillWidth: true
            visible: root.chamber.activeItemTitle !== ""
            text: qsTr("Đang thảo luận: %1").arg(root.chamber.activeItem + ". " + root.chamber.activeItemTitle)
            font.pixelSize: Theme.small + 2; color: Theme.muted; wrapMode: Text.WordWrap
        }
        Text { visible: root.chamber.lastError !== ""; Layout.fillWidth: true; text: "⚠ " + root.chamber.lastError; color: Theme.no; font.pixelSize: Theme.body; wrapMode: Text.WordWrap }
        ListView {
            objectName: "myQuestions"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 10
            model: root.chamber.questions
            delegate: Rectangle {
                id: card
                readonly property bool mine: model.to === root.chamber.myId
                readonly property var answerList: model.answers || []
                width: ListView.view.width
                visible: mine
                height: mine ? col.implicitHeight + 20 : 0
                radius: 8; color: Theme.surface; border.color: Theme.line
                ColumnLayout {
                    id: col
                    x: 10; y: 10; width: parent.width - 20
                    spacing: 6
                    Text { Layout.fillWidth: true; wrapMode: Text.WordWrap; font.pixelSize: Theme.small + 1; color: Theme.muted
                           text: qsTr("%1 hỏi").arg(model.fromName) + " — " + root.statusLabel(model.status, model.due_ms || 0) }
                    Text { Layout.fillWidth: true; wrapMode: Text.WordWrap; font.pixelSize: Theme.body; color: Theme.ink; text: model.text }
                    Repeater { model: card.answerList
                        Text { Layout.fillWidth: true; wrapMode: Text.WordWrap; font.pixelSize: Theme.small + 1; color: Theme.yes; text: "↳ " + modelData } }
                    TextArea {
                        id: answer
                        objectName: "answerText"
                        Layout.fillWidth: true
                        Layout.preferredHeight: 96
                        visible: model.status !== "answered" && model.status !== "answered_written"
                        placeholderText: model.status === "written_pending" ? qsTr("Nội dung trả lời bằng văn bản…") : qsTr("Tóm tắt nội dung trả lời…")
                        wrapMode: TextEdit.Wrap; font.pixelSize: Theme.body
                        background: Rectangle { color: Theme.background; border.color: Theme.line; radius: 6 }
                    }
                    RowLayout {
                        visible: answer.visible
                        spacing: 10
                        BigButton {
                            objectName: "answerSend"
                            text: model.status === "written_pending" ? qsTr("Gửi trả lời bằng văn bản") : qsTr("Đã trả lời trực tiếp")
                            enabled: answer.text.length > 0
                            onClicked: { root.chamber.answerQuestion(model.id, model.status === "written_pending" ? "written_answer" : "in_person", answer.text); answer.text = "" }
                        }
                        BigButton {
                            visible: model.status === "submitted" || model.status === "follow_up"
                            text: qsTr("Trả lời bằng văn bản sau")
                            tint: Theme.abstain
                            onClicked: root.chamber.answerQuestion(model.id, "written", "")
                        }
                    }
                }
            }
        }
    }

    function statusLabel(status, due) {
        if (status === "answered") return qsTr("đã trả lời")
        if (status === "answered_written") return qsTr("đã trả lời bằng văn bản")
        if (status === "written_pending") return qsTr("trả lời bằng văn bản trước %1").arg(Qt.formatDate(new Date(due), "dd/MM/yyyy"))
        if (status === "follow_up") return qsTr("hỏi lại")
        return qsTr("chờ trả lời")
    }
}
