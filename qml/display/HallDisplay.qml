import QtQuick
import QtQuick.Layouts
import QtQuick.Pdf
import Chamber.App
import Chamber.Views

// The hall's big screen (1920×1080), read from the back row (10 m): the sitting and a clock,
// the sitting's state when it is not in session, the current item, then one thing at a
// time in large type — the vote in progress with its turnout, or the result of this item's
// vote (every option's line, absent and not voting, at 50 px), or who has the floor with
// their title, the countdown and the queue. A result goes when the next item is taken up.
Rectangle {
    id: root
    required property Chamber chamber
    color: "#14181f"
    readonly property var q: chamber.quorum
    readonly property string status: chamber.sitting.status || ""
    readonly property bool voting: !!chamber.openVote.id
    // The latest result belongs on the screen while its item is the one discussed.
    readonly property bool showResult: !!chamber.result.id && !voting && status !== "closed"
                                       && (chamber.result.item || "") === chamber.activeItem
    property date now: new Date()
    Timer { interval: 1000; running: true; repeat: true; onTriggered: root.now = new Date() }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 40
        spacing: 20
        RowLayout {
            Layout.fillWidth: true
            spacing: 40
            Text { Layout.fillWidth: true; text: (root.chamber.sitting.title || "").toUpperCase(); color: Theme.gold; font.pixelSize: 34; font.bold: true; wrapMode: Text.WordWrap; maximumLineCount: 2 }
            Text { objectName: "hallClock"; text: Qt.formatTime(root.now, "HH:mm"); color: "white"; font.pixelSize: 56; font.bold: true }
            Text { text: qsTr("Có mặt: %1/%2").arg(root.q.present || 0).arg(root.q.inOffice || 0); color: root.q.quorate ? "#7ddc97" : "#ff8a80"; font.pixelSize: 48; font.bold: true }
        }
        Rectangle { Layout.fillWidth: true; height: 3; color: Theme.accent }
        Rectangle {  // the sitting is not in session: said across the screen
            objectName: "hallStatus"
            Layout.fillWidth: true
            visible: root.status === "suspended" || root.status === "closed" || root.status === "scheduled"
            implicitHeight: statusText.implicitHeight + 32
            radius: 12
            color: root.status === "closed" ? "#3a3f4a" : Theme.gold
            Text {
                id: statusText
                anchors.centerIn: parent
                width: parent.width - 40
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                color: "white"; font.pixelSize: 64; font.bold: true
                text: root.status === "suspended" ? qsTr("TẠM DỪNG — NGHỈ GIẢI LAO")
                    : root.status === "closed" ? qsTr("KỲ HỌP ĐÃ BẾ MẠC") : qsTr("KỲ HỌP SẮP KHAI MẠC")
            }
        }
        Text {
            Layout.fillWidth: true
            objectName: "activeItem"
            visible: root.status !== "closed"
            text: root.chamber.activeItemTitle ? root.chamber.activeItem + ". " + root.chamber.activeItemTitle : qsTr("Chưa bắt đầu nội dung")
            color: "white"; font.pixelSize: 52; font.bold: true; wrapMode: Text.WordWrap; maximumLineCount: 3
        }
        // One thing at a time, across the whole width.
        Rectangle {
            Layout.fillWidth: true; Layout.fillHeight: true
            radius: 16; color: "#f4f1ea"
            visible: root.voting || root.showResult
            ResultBars {
                objectName: "hallResult"
                anchors.fill: parent; anchors.margins: 36
                visible: root.showResult
                size: 2.5
                model: root.chamber.resultOptions
                title: qsTr("KẾT QUẢ BIỂU QUYẾT: %1").arg(root.chamber.result.title || "")
                passed: !!root.chamber.result.passed
                election: root.chamber.result.kind === "election"
                absent: root.chamber.result.absent || 0
                notVoted: root.chamber.result.notVoted || 0
            }
            Column {
                objectName: "hallVoting"
                anchors.centerIn: parent
                width: parent.width - 80
                visible: root.voting
                spacing: 30
                Text { width: parent.width; horizontalAlignment: Text.AlignHCenter; text: qsTr("ĐANG BIỂU QUYẾT"); color: Theme.accent; font.pixelSize: 64; font.bold: true }
                Text { width: parent.width; horizontalAlignment: Text.AlignHCenter; text: root.chamber.openVote.title || ""; color: Theme.ink; font.pixelSize: 52; wrapMode: Text.WordWrap }
                Text { width: parent.width; horizontalAlignment: Text.AlignHCenter; text: qsTr("Đã bỏ phiếu: %1/%2").arg(root.chamber.openVote.turnout || 0).arg(root.chamber.openVote.present || 0); color: Theme.ink; font.pixelSize: 72; font.bold: true }
            }
        }
        RowLayout {  // the floor, and the page a presenter shows beside it
        Layout.fillWidth: true; Layout.fillHeight: true
        visible: !root.voting && !root.showResult && root.status !== "closed"
        spacing: 30
        ColumnLayout {  // the floor
            objectName: "hallFloor"
            Layout.fillWidth: true; Layout.fillHeight: true
            Layout.preferredWidth: 4
            spacing: 12
            Text { text: qsTr("ĐANG PHÁT BIỂU"); color: Theme.gold; font.pixelSize: 40; font.bold: true }
            RowLayout {
                Layout.fillWidth: true
                spacing: 40
                ColumnLayout {
                    Layout.fillWidth: true
                    Text { objectName: "hallSpeaker"; Layout.fillWidth: true; text: root.chamber.speaker.name || qsTr("Không có ai đang phát biểu"); color: root.chamber.speaker.name ? "white" : "#9aa3b2"; font.pixelSize: root.chamber.speaker.name ? 72 : 48; font.bold: true; wrapMode: Text.WordWrap }
                    Text { Layout.fillWidth: true; visible: !!root.chamber.speaker.title; text: root.chamber.speaker.title || ""; color: "#d0d4dc"; font.pixelSize: 48; wrapMode: Text.WordWrap }
                }
                Countdown { sinceMs: root.chamber.speaker.since_ms || 0; limitS: root.chamber.speaker.limit_s || 0; font.pixelSize: 120; color: leftS <= 30 ? "#ff8a80" : "white" }
            }
            Text { text: qsTr("ĐĂNG KÝ PHÁT BIỂU"); color: Theme.gold; font.pixelSize: 40; font.bold: true; visible: root.chamber.queue.count > 0 }
            Repeater {
                model: root.chamber.queue
                Text { Layout.fillWidth: true; elide: Text.ElideNone; wrapMode: Text.WordWrap
                       text: model.position + ". " + model.name + (model.kind === "point_of_order" ? " — " + qsTr("kiến nghị thủ tục") : "")
                       color: "white"; font.pixelSize: 48 }
            }
            Item { Layout.fillHeight: true }
        }
        Rectangle {  // the shared page, as large as the screen allows
            id: hallPage
            objectName: "hallPage"
            readonly property string sha: root.chamber.shared.sha256 || ""
            // (documentsCached: re-read when a paper arrives)
            visible: sha !== "" && root.chamber.documentsCached >= 0 && root.chamber.isCached(sha) && pageDoc.status === PdfDocument.Ready
            Layout.fillWidth: true; Layout.fillHeight: true
            Layout.preferredWidth: 6
            color: "white"; radius: 8
            property int frame: root.chamber.shared.page || 0
            // (documentUrl is empty until the paper is on the display: loaded again when it comes)
            PdfDocument { id: pageDoc; source: hallPage.sha !== "" ? root.chamber.documentUrl(hallPage.sha) : "" }
            Connections { target: root.chamber; function onDocumentsChanged() { if (pageDoc.status !== PdfDocument.Ready && hallPage.sha !== "") pageDoc.source = root.chamber.documentUrl(hallPage.sha) } }
            // The page image is made once the document has loaded: before, an image of an
            // empty source warns "Protocol "" is unknown" on every start of the display (and
            // Qt 6.4's PdfPageImage crashes on a null document, so it cannot be unset instead).
            Loader {
                anchors.fill: parent; anchors.margins: 12
                active: pageDoc.status === PdfDocument.Ready
                sourceComponent: PdfPageImage {
                    id: pageImage
                    objectName: "hallPageImage"
                    document: pageDoc
                    // (set once the page image is ready: a frame asked for before stayed at page 1)
                    function show() { if (frameCount > hallPage.frame && currentFrame !== hallPage.frame) currentFrame = hallPage.frame }
                    onStatusChanged: show()
                    onFrameCountChanged: show()
                    Connections { target: hallPage; function onFrameChanged() { pageImage.show() } }
                    fillMode: Image.PreserveAspectFit
                    sourceSize.height: height
                }
            }
        }
        }
        Item { Layout.fillHeight: true; visible: root.status === "closed" }  // the banner stays at the top
    }
}
