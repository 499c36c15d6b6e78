import QtQuick
import QtTest
import Chamber.Views

// Result bars, the countdown and the offline banner.
Item {
    width: 1000; height: 800
    // TestCase is invisible: what is tested lives on this stage.
    Item { id: stage; anchors.fill: parent }

TestCase {
    id: tc
    name: "Widgets"
    when: windowShown
    width: 900; height: 700
    Component { id: bars; ResultBars { width: 800 } }
    Component { id: countdown; Countdown {} }
    Component { id: banner; OfflineBanner { width: 800 } }
    ListModel {
        id: rows
        ListElement { key: "yes"; label: "tán thành"; count: 16; base: 25; percent: "64,00%"; line: "16/25 đại biểu tán thành (64,00%)"; elected: false }
        ListElement { key: "no"; label: "không tán thành"; count: 6; base: 25; percent: "24,00%"; line: "6/25 đại biểu không tán thành (24,00%)"; elected: false }
    }
    function texts(item, out) {
        for (var i = 0; i < item.children.length; ++i) {
            var c = item.children[i]
            if (c.text !== undefined && c.visible) out.push(c.text)
            texts(c, out)
        }
        return out
    }
    function test_resultBarsShowLinesAndVerdict() {
        var b = createTemporaryObject(bars, stage, { model: rows, title: "Dự toán 2027", passed: true, absent: 3, notVoted: 0 })
        waitForRendering(b)
        var t = texts(b, []).join("\n")
        verify(t.indexOf("16/25 đại biểu tán thành (64,00%)") >= 0, t)
        verify(t.indexOf("THÔNG QUA") >= 0, t)
        verify(t.indexOf("Vắng mặt: 3") >= 0, t)
        b.passed = false
        verify(texts(b, []).join("\n").indexOf("KHÔNG THÔNG QUA") >= 0)
    }
    function test_countdown() {
        var c = createTemporaryObject(countdown, stage, { sinceMs: 1000000, limitS: 420, nowMs: 1000000 + 60000 })
        compare(c.text, "06:00")
        c.nowMs = 1000000 + 425000
        compare(c.text, "+00:05")
        compare(c.color, Theme.no)
    }
    function test_offlineBanner() {
        var b = createTemporaryObject(banner, stage, { online: true, pending: 0, started: true })
        verify(!b.visible)
        b.online = false
        verify(b.visible)
        b.pending = 2
        verify(texts(b, []).join(" ").indexOf("2 thao tác") >= 0)
    }
}
}
