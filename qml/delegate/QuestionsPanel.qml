import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.App
import Chamber.Views

// Interpellation: write a question slip to a responder; see the answers.
ColumnLayout {
    id: qp
    required property Chamber chamber
    spacing: 8
    SectionTitle { text: qsTr("Chất vấn") }
    ComboBox {
        id: to
        Layout.fillWidth: true
        implicitHeight: Theme.touch
        model: qp.chamber.responders
        textRole: "name"
        valueRole: "id"
        font.pixelSize: Theme.body
        onCountChanged: if (currentIndex < 0 && count > 0) currentIndex = 0
    }
    TextArea {
        id: text
        Layout.fillWidth: true
        Layout.preferredHeight: 90
        placeholderText: qsTr("Câu hỏi…")
        wrapMode: TextEdit.Wrap
        font.pixelSize: Theme.body
        background: Rectangle { color: Theme.surface; border.color: Theme.line; radius: 6 }
    }
    BigButton {
        Layout.fillWidth: true
        text: qsTr("Gửi phiếu chất vấn")
        enabled: text.text.length > 0 && to.currentValue !== undefined
        onClicked: { qp.chamber.submitQuestion(to.currentValue, text.text); text.text = "" }
    }
    ListView {
        Layout.fillWidth: true
        Layout.fillHeight: true
        clip: true
        spacing: 6
        model: qp.chamber.questions
        delegate: Rectangle {
            id: card
            // (Inside the Repeater below, "model" is the Repeater's own: read the answers here.
            // Written as model.answers there, it threw a TypeError and no answer ever showed.)
            readonly property var answerList: model.answers || []
            width: ListView.view.width
            height: col.implicitHeight + 12
            radius: 6
            color: model.from === qp.chamber.myId ? Theme.accentSoft : Theme.surface
            border.color: Theme.line
            Column {
                id: col
                x: 8; y: 6; width: parent.width - 16
                Text { width: parent.width; wrapMode: Text.WordWrap; font.pixelSize: Theme.small; color: Theme.muted
                       text: qsTr("%1 hỏi %2").arg(model.fromName).arg(model.toName) + " — " +
                             (model.status === "answered" ? qsTr("đã trả lời") : model.status === "written_pending" ? qsTr("trả lời bằng văn bản")
                              : model.status === "answered_written" ? qsTr("đã trả lời bằng văn bản") : model.status === "follow_up" ? qsTr("hỏi lại") : qsTr("chờ trả lời")) }
                Text { width: parent.width; wrapMode: Text.WordWrap; font.pixelSize: Theme.body; color: Theme.ink; text: model.text }
                Repeater { model: card.answerList
                    Text { objectName: "answer"; width: col.width; wrapMode: Text.WordWrap; font.pixelSize: Theme.small; color: Theme.yes; text: "↳ " + modelData } }
                Text { visible: model.status === "written_pending" && (model.due_ms || 0) > 0; width: col.width; wrapMode: Text.WordWrap
                       font.pixelSize: Theme.small; color: Theme.warning
                       text: qsTr("Trả lời bằng văn bản trước %1").arg(Qt.formatDate(new Date(model.due_ms || 0), "dd/MM/yyyy")) }
            }
        }
    }
}
