import QtQuick
import QtQuick.Controls
import Chamber.Views

// A large touch button (>= 56 px high) with a strong colour.
Button {
    id: b
    property color tint: Theme.accent
    implicitHeight: Math.max(Theme.touch, contentItem.implicitHeight + 24)
    implicitWidth: Math.max(160, contentItem.implicitWidth + 40)
    leftPadding: 8; rightPadding: 8
    font.pixelSize: Theme.body
    font.bold: true
    contentItem: Text {
        text: b.text
        font: b.font
        color: b.enabled ? "white" : "#eeeeee"
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        wrapMode: Text.WordWrap
    }
    background: Rectangle {
        radius: 10
        color: !b.enabled ? "#b8b8b8" : b.down ? Qt.darker(b.tint, 1.25) : b.tint
        border.color: b.activeFocus ? Theme.ink : "transparent"
        border.width: 2
    }
}
