import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.App
import Chamber.Views

// The delegate's tablet: agenda (active item followed), the item's papers, the document,
// the floor, interpellation.
Rectangle {
    id: root
    required property Chamber chamber
    property string selectedItem: chamber.activeItem
    color: Theme.background
    Connections { target: root.chamber; function onStateChanged() { if (root.chamber.activeItem) root.selectedItem = root.chamber.activeItem } }

    RowLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 12
        ColumnLayout {  // left: identity, agenda, papers
            Layout.fillWidth: false
            Layout.preferredWidth: root.portrait ? Math.min(300, root.width * 0.36) : Math.min(380, root.width * 0.28)
            Layout.fillHeight: true
            spacing: 8
            Rectangle {
                Layout.fillWidth: true
                implicitHeight: who.implicitHeight + 16
                color: Theme.accent; radius: 8
                Column {
                    id: who; x: 12; y: 8; width: parent.width - 24
                    Text { text: root.chamber.sitting.title || ""; color: "white"; font.pixelSize: Theme.small; width: parent.width; elide: Text.ElideRight }
                    Text { text: root.chamber.myName; color: "white"; font.pixelSize: Theme.large; font.bold: true; width: parent.width; elide: Text.ElideRight }
                }
            }
            BigButton {
                Layout.fillWidth: true
                objectName: "checkIn"
                visible: !root.chamber.checkedIn
                text: qsTr("Điểm danh (có mặt)")
                tint: Theme.yes
                onClicked: root.chamber.checkIn(true)
            }
            BigButton {  // portrait: the floor and questions are in a drawer
                objectName: "floorDrawerButton"
                Layout.fillWidth: true
                visible: root.portrait
                text: qsTr("Phát biểu · Chất vấn")
                tint: Theme.gold
                onClicked: floorDrawer.open()
            }
            Text {
                Layout.fillWidth: true
                wrapMode: Text.WordWrap
                visible: root.chamber.checkedIn
                text: qsTr("✓ Đã điểm danh — %1 tài liệu trên máy").arg(root.chamber.documentsCached)
                font.pixelSize: Theme.body; color: Theme.yes
            }
            SectionTitle { text: qsTr("Chương trình kỳ họp") }
            ListView {
                id: agenda
                objectName: "agendaList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: 4
                model: root.chamber.agenda
                delegate: Rectangle {
                    width: ListView.view.width
                    height: Math.max(Theme.touch, t.implicitHeight + 16)
                    radius: 6
                    color: model.active ? Theme.accent : model.id === root.selectedItem ? Theme.accentSoft : Theme.surface
                    border.color: Theme.line
                    Text {
                        id: t
                        anchors.verticalCenter: parent.verticalCenter
                        x: 10 + model.depth * 22; width: parent.width - x - 10
                        text: model.id + ". " + model.title + (model.documents.length ? "  — " + qsTr("%n tài liệu", "", model.documents.length) : "")
                        font.pixelSize: Theme.body; font.bold: model.active
                        color: model.active ? "white" : Theme.ink
                        wrapMode: Text.WordWrap
                    }
                    MouseArea { anchors.fill: parent; onClicked: root.selectedItem = model.id }
                }
            }
            SectionTitle { text: qsTr("Tài liệu của mục"); font.pixelSize: Theme.body }
            Repeater {
                model: { var i = root.chamber.agenda.indexOf(root.selectedItem); return i >= 0 ? root.chamber.agenda.get(i).documents : [] }
                delegate: Button {
                    Layout.fillWidth: true
                    implicitHeight: Theme.touch
                    font.pixelSize: Theme.body
                    text: (modelData.classified ? qsTr("[MẬT] ") : "") + modelData.title + (root.chamber.isCached(modelData.sha256) ? "" : " …")
                    onClicked: { viewer.following = false; viewer.sha = modelData.sha256; viewer.title = modelData.title }
                }
            }
        }
        DocumentViewer {
            id: viewer
            objectName: "documentViewer"
            chamber: root.chamber
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
        ColumnLayout {  // right: floor, questions (in portrait: in a drawer)
            visible: !root.portrait
            Layout.fillWidth: false
            Layout.preferredWidth: Math.min(330, root.width * 0.24)
            Layout.fillHeight: true
            FloorPanel { chamber: root.chamber; Layout.fillWidth: true; visible: !root.portrait }
            QuestionsPanel { chamber: root.chamber; Layout.fillWidth: true; Layout.fillHeight: true; visible: !root.portrait }
        }
    }
    // A tablet held upright: agenda and papers on the left, the paper as wide as it can be,
    // the floor and questions a tap away in a drawer from the right.
    readonly property bool portrait: height > width
    Drawer {
        id: floorDrawer
        edge: Qt.RightEdge
        width: Math.min(root.width * 0.8, 420)
        height: root.height
        ColumnLayout {
            anchors.fill: parent
            anchors.margins: 12
            FloorPanel { chamber: root.chamber; Layout.fillWidth: true; visible: root.portrait }
            QuestionsPanel { chamber: root.chamber; Layout.fillWidth: true; Layout.fillHeight: true; visible: root.portrait }
        }
    }
}
