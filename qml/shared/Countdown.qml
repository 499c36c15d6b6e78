import QtQuick
import Chamber.Views

// Time left of a speaking turn: mm:ss, red in the last 30 s, "+mm:ss" over time.
Text {
    id: c
    property double sinceMs: 0
    property int limitS: 0
    property double nowMs: Date.now()
    readonly property int leftS: limitS > 0 ? Math.round(limitS - (nowMs - sinceMs) / 1000) : 0
    function pad(n) { return n < 10 ? "0" + n : "" + n }
    text: limitS <= 0 ? "" : (leftS < 0 ? "+" : "") + pad(Math.floor(Math.abs(leftS) / 60)) + ":" + pad(Math.abs(leftS) % 60)
    color: leftS <= 30 ? Theme.no : Theme.ink
    font.pixelSize: Theme.title
    font.bold: true
    font.family: "DejaVu Sans Mono"
    Timer { running: c.limitS > 0; repeat: true; interval: 250; onTriggered: c.nowMs = Date.now() }
}
