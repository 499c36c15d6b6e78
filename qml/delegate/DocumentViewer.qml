import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import QtQuick.Pdf
import Chamber.App
import Chamber.Views

// A paper of the sitting, from the tablet's cache: pages, zoom, thumbnails, search,
// follow the presenter (with a clear way back), private notes and highlights per page.
Rectangle {
    id: viewer
    required property Chamber chamber
    property string sha: ""
    property string title: ""
    property bool following: true
    property bool programmatic: false
    readonly property int page: view.currentPage
    readonly property int pageCount: doc.pageCount
    // Those who run the sitting, and whoever has the floor, show their page to all.
    readonly property bool canShare: sha !== "" && (["chair", "vice_chair", "secretary", "operator"].indexOf(chamber.role) >= 0
                                                    || chamber.speaker.id === chamber.myId)
    color: Theme.surface
    clip: true

    PdfDocument { id: doc; source: viewer.sha ? viewer.chamber.documentUrl(viewer.sha) : "" }
    // The page fitted to the width of the view, as the view changes size, until the reader
    // zooms (↔ fits again). Qt 6.4's PdfMultiPageView.scaleToWidth reads a firstPagePointSize
    // its table view does not have and does nothing: the scale is set here.
    property bool fitting: true
    function applyFit() {
        var w = doc.status === PdfDocument.Ready ? doc.pagePointSize(0).width : 0
        if (fitting && w > 0 && view.width > 40) {
            var scale = (view.width - 24) / w
            if (Math.abs(view.renderScale - scale) > 0.001) {
                // A new scale lays the pages out again from the first: the reader stays on theirs.
                var keep = view.currentPage
                view.renderScale = scale
                if (keep > 0) Qt.callLater(function() { viewer.goTo(keep) })
            }
        }
    }
    Connections { target: doc; function onStatusChanged() { Qt.callLater(viewer.applyFit) } }
    function fitWidth() { fitting = true; applyFit() }
    /// How wide the first page is drawn now (px), and the view: the tests check it fits.
    readonly property real pageWidth: doc.status === PdfDocument.Ready ? doc.pagePointSize(0).width * view.renderScale : 0
    readonly property real viewWidth: view.width

    function goTo(p) { programmatic = true; view.goToPage(p); programmatic = false }
    function followShared() {
        var s = chamber.shared
        if (!s || !s.sha256) return
        following = true
        if (s.sha256 !== sha) { sha = s.sha256; title = "" }
        Qt.callLater(function() { viewer.goTo(s.page) })
    }
    Connections {
        target: viewer.chamber
        function onSharedChanged() { if (viewer.following) viewer.followShared() }
        function onDocumentsChanged() { if (viewer.sha && doc.status !== PdfDocument.Ready) doc.source = viewer.chamber.documentUrl(viewer.sha) }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        ColumnLayout {  // toolbar: the title on a line of its own, the tools below — always in reach
            Layout.fillWidth: true
            Layout.margins: 8
            spacing: 6
            RowLayout {
                Layout.fillWidth: true
                spacing: 8
                Text {
                    Layout.fillWidth: true
                    text: viewer.title !== "" ? viewer.title : qsTr("Tài liệu")
                    font.pixelSize: Theme.body; font.bold: true; color: Theme.ink; wrapMode: Text.WordWrap; maximumLineCount: 2
                }
                Text { text: doc.pageCount > 0 ? qsTr("Trang %1/%2").arg(view.currentPage + 1).arg(doc.pageCount) : ""; font.pixelSize: Theme.body; color: Theme.muted }
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: 8
                TextField {
                    id: search
                    objectName: "search"
                    placeholderText: qsTr("Tìm trong tài liệu")
                    Layout.fillWidth: true; Layout.minimumWidth: 96; implicitHeight: 48
                    font.pixelSize: Theme.body
                    onAccepted: view.searchForward()
                }
                Button { text: "−"; implicitWidth: 48; implicitHeight: 48; font.pixelSize: Theme.large; onClicked: { viewer.fitting = false; view.renderScale = Math.max(0.25, view.renderScale / 1.25) } }
                Button { text: "+"; implicitWidth: 48; implicitHeight: 48; font.pixelSize: Theme.large; onClicked: { viewer.fitting = false; view.renderScale = Math.min(5, view.renderScale * 1.25) } }
                Button {  // the page to the width again, after a zoom
                    objectName: "fitWidth"
                    text: "↔"; implicitWidth: 48; implicitHeight: 48; font.pixelSize: Theme.large
                    onClicked: viewer.fitWidth()
                }
                Button {
                    text: viewer.chamber.highlighted(viewer.sha, view.currentPage) ? "★" : "☆"
                    implicitWidth: 48; implicitHeight: 48; font.pixelSize: Theme.large
                    onClicked: viewer.chamber.setHighlighted(viewer.sha, view.currentPage, !viewer.chamber.highlighted(viewer.sha, view.currentPage))
                }
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: 8
                visible: viewer.canShare || (!viewer.following && !!viewer.chamber.shared.sha256)
                Button {
                    // Those who run the sitting, and whoever has the floor, show their page to all.
                    id: share
                    objectName: "shareButton"
                    visible: viewer.canShare
                    text: qsTr("Chia sẻ trang")
                    implicitHeight: 48
                    font.pixelSize: Theme.body
                    onClicked: { viewer.following = true; viewer.chamber.sharePage(viewer.sha, view.currentPage) }
                }
                BigButton {
                    id: follow
                    objectName: "followButton"
                    Layout.fillWidth: true
                    visible: !viewer.following && !!viewer.chamber.shared.sha256
                    tint: Theme.gold
                    text: qsTr("Theo người trình bày")
                    onClicked: viewer.followShared()
                }
            }
        }
        Rectangle {  // the paper's digital signatures, checked on this tablet
            id: signatures
            objectName: "signatures"
            readonly property var info: viewer.sha && doc.status === PdfDocument.Ready ? viewer.chamber.signaturesOf(viewer.sha) : ({})
            visible: !!info.signed
            Layout.fillWidth: true
            Layout.leftMargin: 8; Layout.rightMargin: 8
            implicitHeight: sigText.implicitHeight + 12
            radius: 6
            color: info.valid ? "#e6f2e7" : "#fbe4e6"
            border.color: info.valid ? "#1b6e20" : "#a4000f"
            Text {
                id: sigText
                objectName: "signaturesText"
                anchors.fill: parent; anchors.margins: 6
                wrapMode: Text.WordWrap
                font.pixelSize: Theme.small + 2
                color: signatures.info.valid ? "#1b6e20" : "#a4000f"
                text: (signatures.info.valid ? "✓ " + qsTr("Đã ký số, chữ ký hợp lệ") : "✗ " + qsTr("Chữ ký số KHÔNG hợp lệ: tài liệu đã bị thay đổi sau khi ký"))
                      + ((signatures.info.lines || []).length ? ": " + signatures.info.lines.join("; ") : "")
            }
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0
            ListView {  // thumbnails
                id: thumbs
                Layout.preferredWidth: viewer.width < 560 ? 0 : 130
                visible: viewer.width >= 560  // a narrow view gives its width to the page
                Layout.fillHeight: true
                clip: true
                model: doc.pageCount
                spacing: 6
                delegate: Rectangle {
                    width: 120; height: 160; x: 5
                    color: index === view.currentPage ? Theme.accentSoft : "transparent"
                    border.color: index === view.currentPage ? Theme.accent : Theme.line
                    PdfPageImage {
                        anchors.fill: parent; anchors.margins: 4
                        document: doc
                        currentFrame: index
                        sourceSize.width: 112
                        fillMode: Image.PreserveAspectFit
                        asynchronous: true
                    }
                    Text { anchors.bottom: parent.bottom; anchors.right: parent.right; anchors.margins: 4; text: (index + 1) + (viewer.chamber.markedPages(viewer.sha).indexOf(index) >= 0 ? " ★" : ""); font.pixelSize: Theme.small; color: Theme.muted }
                    MouseArea { anchors.fill: parent; onClicked: { viewer.following = false; view.goToPage(index) } }
                }
            }
            PdfMultiPageView {
                id: view
                objectName: "pdfView"
                Layout.fillWidth: true
                Layout.fillHeight: true
                document: doc
                searchString: search.text
                // A new scale moves every page: the one shown stays (the presenter's, when following).
                property int keepPage: 0
                onRenderScaleChanged: {
                    // (the view puts the scale back to 1 whenever its document's source changes)
                    if (viewer.fitting && renderScale === 1) Qt.callLater(viewer.applyFit)
                    const p = viewer.following && viewer.chamber.shared.sha256 === viewer.sha ? viewer.chamber.shared.page : keepPage
                    Qt.callLater(function() { viewer.goTo(p) })
                }
                onWidthChanged: Qt.callLater(viewer.applyFit)
                onCurrentPageChanged: {
                    if (viewer.programmatic) return
                    keepPage = currentPage
                    if (viewer.following && viewer.chamber.shared.sha256 === viewer.sha && currentPage !== viewer.chamber.shared.page)
                        viewer.following = false
                }
            }
        }
        RowLayout {  // private note of this page
            Layout.fillWidth: true
            Layout.margins: 8
            TextField {
                id: note
                Layout.fillWidth: true
                implicitHeight: 48
                font.pixelSize: Theme.body
                placeholderText: qsTr("Ghi chú riêng (chỉ trên máy này)")
                text: viewer.chamber.note(viewer.sha, view.currentPage)
                onEditingFinished: viewer.chamber.setNote(viewer.sha, view.currentPage, text)
            }
        }
    }
    Text {
        anchors.centerIn: parent
        visible: viewer.sha !== "" && doc.status !== PdfDocument.Ready
        text: viewer.chamber.isCached(viewer.sha) ? qsTr("Đang mở…") : qsTr("Tài liệu đang được tải về máy…")
        font.pixelSize: Theme.large; color: Theme.muted
        width: parent.width - 40; wrapMode: Text.WordWrap; horizontalAlignment: Text.AlignHCenter
    }
    Text {
        anchors.centerIn: parent
        visible: viewer.sha === ""
        text: qsTr("Chọn một tài liệu ở chương trình kỳ họp")
        font.pixelSize: Theme.large; color: Theme.muted
        width: parent.width - 40; wrapMode: Text.WordWrap; horizontalAlignment: Text.AlignHCenter
    }
}
