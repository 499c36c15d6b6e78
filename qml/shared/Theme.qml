pragma Singleton
import QtQuick

// Colours and sizes shared by every face: readable from 1 m, touch targets >= 48 px.
QtObject {
    readonly property color background: "#f4f1ea"
    readonly property color surface: "#ffffff"
    readonly property color ink: "#1d232b"
    readonly property color muted: "#5b6573"
    readonly property color accent: "#a51c1c"      // the council's red
    readonly property color accentSoft: "#f7e3e3"
    readonly property color gold: "#c8951f"
    readonly property color yes: "#1f7a3a"
    readonly property color no: "#b3261e"
    readonly property color abstain: "#6b7280"
    readonly property color warning: "#b45309"
    readonly property color line: "#d9d3c7"
    readonly property int touch: 56
    readonly property int small: 16
    readonly property int body: 20
    readonly property int large: 26
    readonly property int title: 34
    readonly property int huge: 56
    readonly property string family: "DejaVu Sans"
}
