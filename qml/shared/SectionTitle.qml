import QtQuick
import QtQuick.Layouts
import Chamber.Views

Text {
    font.pixelSize: Theme.large
    font.bold: true
    color: Theme.accent
    wrapMode: Text.WordWrap   // a heading is never cut: it takes a second line
    Layout.fillWidth: true
}
