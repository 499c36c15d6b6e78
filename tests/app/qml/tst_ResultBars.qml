import QtQuick
import QtTest
import Chamber.Views

// A result as the server announced it: in Vietnamese the server's own line, word for word;
// on an English tablet the same numbers (count, base, the server's percent) translated —
// never a percentage of the app's own.
Item {
    width: 1000; height: 800
    Item { id: stage; anchors.fill: parent }

TestCase {
    id: tc
    name: "ResultBars"
    when: windowShown
    Component { id: barsComponent; ResultBars { width: 900 } }
    ListModel { id: options }  // with roles, as the app's model has them

    // What the server sends (core::announce).
    readonly property var rows: [
        { key: "yes", label: "tán thành", count: 16, base: 25, percent: "64,00%", line: "16/25 đại biểu tán thành (64,00%)", elected: false },
        { key: "no", label: "không tán thành", count: 6, base: 25, percent: "24,00%", line: "6/25 đại biểu không tán thành (24,00%)", elected: false },
        { key: "cand-a", label: "Nguyễn Văn An", count: 1, base: 3, percent: "33,33%", line: "1/3 đại biểu Nguyễn Văn An (33,33%)", elected: false }
    ]

    function texts(item) {
        var out = []
        function walk(o) {
            if (o.text !== undefined && typeof o.text === "string") out.push(o.text)
            for (var i = 0; i < o.children.length; ++i) walk(o.children[i])
        }
        walk(item)
        return out
    }

    function test_lines() {
        options.clear()
        for (var r = 0; r < rows.length; ++r) options.append(rows[r])
        var b = createTemporaryObject(barsComponent, stage, { model: options, title: "Thông qua dự toán", passed: true })
        waitForRendering(b)
        var t = texts(b)
        if (Qt.uiLanguage === "en") {
            verify(t.indexOf("16/25 delegates in favour (64,00%)") >= 0, JSON.stringify(t))
            verify(t.indexOf("6/25 delegates against (24,00%)") >= 0, JSON.stringify(t))
            verify(t.indexOf("1/3 delegates Nguyễn Văn An (33,33%)") >= 0, "a candidate's name stays as it is: " + JSON.stringify(t))
            verify(t.indexOf("PASSED") >= 0 || t.join(" ").indexOf("đại biểu") < 0, "no Vietnamese left: " + JSON.stringify(t))
        } else {
            for (var i = 0; i < rows.length; ++i)
                verify(t.indexOf(rows[i].line) >= 0, "the server's line as it is: " + rows[i].line + " in " + JSON.stringify(t))
        }
    }
}
}
