import QtQuick
import Chamber.Views

Text {
    font.pixelSize: Theme.large
    font.bold: true
    color: Theme.accent
    elide: Text.ElideRight
}
