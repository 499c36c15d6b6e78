import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.App
import Chamber.Views

// The chair's console: the sitting, roll call with live quorum, the agenda, the floor
// (points of order first) with timers, votes (turnout only — never a secret choice), the
// interpellation queue, and the media process's state. "Tài liệu" switches to the sitting's
// papers, where the chair reads and shows a page to the hall (follow the presenter).
Rectangle {
    id: root
    required property Chamber chamber
    property bool papers: false
    /// The minutes of the closed sitting, for those who keep them.
    property bool minutes: false
    /// Made when first shown, then kept: going back to chairing never loses what was typed.
    property bool minutesMade: false
    onMinutesChanged: if (minutes) minutesMade = true
    // A new sitting: the console chairs it (the minutes are the closed one's).
    readonly property string status: s.status || ""
    onStatusChanged: if (status !== "closed") minutes = false
    readonly property bool keepsMinutes: ["chair", "vice_chair", "secretary", "operator"].indexOf(chamber.role) >= 0
    color: Theme.background
    readonly property var s: chamber.sitting
    readonly property var q: chamber.quorum
    // A bool changes only when the rules do: a model bound to the whole sitting would be
    // rebuilt on every update and put the kind the chair chose back to the first.
    readonly property bool confidenceVotes: !!s.confidenceVotes

    function candidateList() {
        return candidates.text.split("\n").map(function(l) { return l.trim() }).filter(function(l) { return l.length > 0 })
    }

    // Asks before an action that cannot be taken back with one tap.
    function ask(question, action) {
        confirmDialog.question = question
        confirmDialog.action = action
        confirmDialog.open()
    }
    Dialog {
        id: confirmDialog
        objectName: "confirmDialog"
        property string question: ""
        property var action: null
        anchors.centerIn: parent
        modal: true
        width: Math.min(root.width - 40, 560)
        contentItem: Text { text: confirmDialog.question; wrapMode: Text.WordWrap; font.pixelSize: Theme.large; color: Theme.ink }
        footer: RowLayout {
            spacing: 12
            Item { Layout.fillWidth: true }
            BigButton { objectName: "confirmNo"; text: qsTr("Không"); tint: Theme.abstain; onClicked: confirmDialog.close() }
            BigButton { objectName: "confirmYes"; text: qsTr("Đồng ý"); tint: Theme.accent
                        onClicked: { confirmDialog.close(); if (confirmDialog.action) confirmDialog.action() } }
            Item { implicitWidth: 12 }
        }
    }

    // Signing the open paper with the token plugged into this computer: the key stays on it,
    // the PIN is typed here and tried once; the signed copy goes to the same item.
    property string paperItem: ""
    // The minutes' PDF is opened once the papers are on screen: a Qt 6.4 layout that is out of
    // view does not make room for the sign button appearing in it (it lay under the paper).
    Timer {
        id: openPaperLater
        property string sha: ""
        interval: 60
        onTriggered: {
            chairViewer.following = false
            chairViewer.sha = sha
            chairViewer.title = qsTr("Biên bản kỳ họp")
            root.paperItem = ""
        }
    }
    Dialog {
        id: signDialog
        objectName: "signDialog"
        anchors.centerIn: parent
        modal: true
        width: Math.min(root.width - 40, 640)
        property string message: ""
        title: qsTr("Ký số tài liệu")
        contentItem: GridLayout {
            columns: 2; columnSpacing: 10; rowSpacing: 6
            Text { text: qsTr("Mô-đun thẻ (PKCS#11)"); font.pixelSize: Theme.small + 2; color: Theme.ink }
            TextField { id: signModule; objectName: "signModule"; Layout.fillWidth: true; implicitHeight: Theme.touch
                        text: "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so"; font.pixelSize: Theme.small + 2 }
            Text { text: qsTr("Tên thẻ"); font.pixelSize: Theme.small + 2; color: Theme.ink }
            TextField { id: signToken; objectName: "signToken"; Layout.fillWidth: true; implicitHeight: Theme.touch; font.pixelSize: Theme.small + 2 }
            Text { text: qsTr("Khóa trên thẻ"); font.pixelSize: Theme.small + 2; color: Theme.ink }
            TextField { id: signKey; objectName: "signKey"; Layout.fillWidth: true; implicitHeight: Theme.touch; font.pixelSize: Theme.small + 2 }
            Text { text: qsTr("Người ký"); font.pixelSize: Theme.small + 2; color: Theme.ink }
            TextField { id: signName; objectName: "signName"; Layout.fillWidth: true; implicitHeight: Theme.touch; text: root.chamber.myName; font.pixelSize: Theme.small + 2 }
            Text { text: qsTr("Chức vụ"); font.pixelSize: Theme.small + 2; color: Theme.ink }
            TextField { id: signTitle; objectName: "signTitle"; Layout.fillWidth: true; implicitHeight: Theme.touch; font.pixelSize: Theme.small + 2 }
            Text { text: qsTr("Lý do"); font.pixelSize: Theme.small + 2; color: Theme.ink }
            TextField { id: signReason; objectName: "signReason"; Layout.fillWidth: true; implicitHeight: Theme.touch; text: qsTr("Chủ tọa kỳ họp"); font.pixelSize: Theme.small + 2 }
            Text { text: qsTr("Mã PIN"); font.pixelSize: Theme.small + 2; color: Theme.ink }
            TextField { id: signPin; objectName: "signPin"; Layout.fillWidth: true; implicitHeight: Theme.touch; echoMode: TextInput.Password; font.pixelSize: Theme.small + 2 }
            Text { Layout.columnSpan: 2; Layout.fillWidth: true; objectName: "signMessage"; text: signDialog.message; wrapMode: Text.WordWrap
                   visible: text !== ""; font.pixelSize: Theme.small + 2; color: Theme.accent }
        }
        footer: RowLayout {
            spacing: 12
            Item { Layout.fillWidth: true }
            BigButton { text: qsTr("Đóng"); tint: Theme.abstain; onClicked: { signPin.text = ""; signDialog.close() } }
            BigButton { objectName: "signConfirm"; text: qsTr("Ký"); tint: Theme.accent; enabled: signPin.text !== "" && signToken.text !== ""
                        onClicked: {
                            signDialog.message = qsTr("Đang ký…")
                            root.chamber.signDocument(chairViewer.sha, { module: signModule.text, token: signToken.text, key: signKey.text,
                                                                         pin: signPin.text, name: signName.text, title: signTitle.text,
                                                                         reason: signReason.text, item: root.paperItem, docTitle: chairViewer.title })
                            signPin.text = ""  // typed again for another signature
                        } }
            Item { implicitWidth: 12 }
        }
    }
    Connections {
        target: root.chamber
        function onSigningDone(ok, message) { signDialog.message = (ok ? "✓ " : "✗ ") + message }
    }

    // The media process's state and error codes, in words (never the raw code).
    function mediaStateLabel(state) {
        return ({ idle: qsTr("chưa ghi"), starting: qsTr("đang khởi động"), live: qsTr("đang ghi và phát"),
                  reconnecting: qsTr("đang kết nối lại"), failed: qsTr("bị lỗi") })[state || "idle"] || qsTr("không rõ")
    }
    function mediaErrorLabel(error, detail) {
        // The recording disk: the chair needs the figures (space and time left), which the media
        // process writes as "Vietnamese / English"; the half in this console's language.
        if (error === "disk_low" || error === "disk_full") {
            const halves = (detail || "").split(" / ")
            const said = halves.length === 2 ? halves[qsTr("vi") === "vi" ? 0 : 1] : (detail || "")
            return (error === "disk_low" ? qsTr("ổ ghi sắp đầy") : qsTr("ổ ghi đã đầy")) + (said ? ": " + said : "")
        }
        return ({ storage: qsTr("lỗi ổ đĩa"), stream: qsTr("mất kết nối phát trực tiếp"), camera: qsTr("camera có sự cố"),
                  silence: qsTr("micrô im lặng"), pipeline: qsTr("lỗi thiết bị ghi hình") })[error] || qsTr("có sự cố")
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 10
        spacing: 8
        RowLayout {  // the sitting: its title on a line of its own, the controls below
            Layout.fillWidth: true
            spacing: 12
            Text { Layout.fillWidth: true; text: root.s.title || qsTr("Chưa có kỳ họp"); font.pixelSize: Theme.large; font.bold: true; color: Theme.accent; wrapMode: Text.WordWrap; maximumLineCount: 2 }
            Text {
                text: ({ scheduled: qsTr("Chưa khai mạc"), open: qsTr("Đang họp"), suspended: qsTr("Tạm dừng"), closed: qsTr("Đã bế mạc") })[root.s.status] || ""
                font.pixelSize: Theme.body; color: Theme.ink
            }
        }
        RowLayout {  // how the sitting stands: quorum and the recording
            Layout.fillWidth: true
            spacing: 8
            Rectangle {
                Layout.fillWidth: true; Layout.preferredWidth: 1
                radius: 8; implicitHeight: Math.max(48, quorumText.implicitHeight + 12)
                color: root.q.quorate ? Theme.yes : Theme.no
                Text { id: quorumText; anchors.centerIn: parent; width: parent.width - 16; wrapMode: Text.WordWrap; horizontalAlignment: Text.AlignHCenter; color: "white"; font.pixelSize: Theme.body; font.bold: true
                       text: qsTr("Có mặt %1/%2 — %3").arg(root.q.present || 0).arg(root.q.inOffice || 0).arg(root.q.quorate ? qsTr("đủ điều kiện") : qsTr("chưa đủ %1/%2").arg(root.q.num || 2).arg(root.q.den || 3)) }
            }
            Rectangle {
                objectName: "mediaState"
                Layout.fillWidth: true; Layout.preferredWidth: 1
                radius: 8; implicitHeight: Math.max(48, mediaText.implicitHeight + 12)
                // The recording disk's warning in amber, its stop in red, whatever the state.
                color: root.chamber.media.error === "disk_full" ? Theme.no : root.chamber.media.error === "disk_low" ? Theme.warning
                     : root.chamber.media.state === "live" ? Theme.yes : root.chamber.media.state === "failed" ? Theme.no
                     : root.chamber.media.state === "reconnecting" ? Theme.warning : Theme.abstain
                Text { id: mediaText; objectName: "mediaText"; anchors.centerIn: parent; width: parent.width - 16; wrapMode: Text.WordWrap; horizontalAlignment: Text.AlignHCenter; color: "white"; font.pixelSize: Theme.body
                       text: qsTr("Ghi hình: %1").arg(root.mediaStateLabel(root.chamber.media.state))
                             + (root.chamber.media.error ? " — " + root.mediaErrorLabel(root.chamber.media.error, root.chamber.media.detail) : "") }
            }
        }
        RowLayout {  // what the chair does to the sitting: the buttons share the width, words wrap
            Layout.fillWidth: true
            spacing: 8
            BigButton { Layout.fillWidth: true; Layout.preferredWidth: 1; Layout.minimumWidth: 0;
                visible: root.s.status === "open" || root.s.status === "suspended"
                text: root.chamber.media.recordingRequested ? qsTr("Dừng ghi hình") : qsTr("Ghi hình")
                tint: root.chamber.media.recordingRequested ? Theme.abstain : Theme.accent
                onClicked: root.chamber.setRecording(!root.chamber.media.recordingRequested)
            }
            BigButton { Layout.fillWidth: true; Layout.preferredWidth: 1; Layout.minimumWidth: 0;
                objectName: "papersToggle"
                text: root.papers ? qsTr("Điều hành") : qsTr("Tài liệu")
                tint: Theme.gold
                onClicked: { root.papers = !root.papers; root.minutes = false }
            }
            BigButton { Layout.fillWidth: true; Layout.preferredWidth: 1; Layout.minimumWidth: 0;
                objectName: "minutesToggle"
                visible: root.s.status === "closed" && root.keepsMinutes
                text: root.minutes ? qsTr("Điều hành") : qsTr("Biên bản")
                tint: Theme.accent
                onClicked: { root.minutes = !root.minutes; root.papers = false }
            }
            BigButton { Layout.fillWidth: true; Layout.preferredWidth: 1; Layout.minimumWidth: 0; objectName: "checkInChair"; visible: root.chamber.canVote && !root.chamber.checkedIn && root.s.status !== "closed"; text: qsTr("Điểm danh"); tint: Theme.yes; onClicked: root.chamber.checkIn(true) }
            BigButton { Layout.fillWidth: true; Layout.preferredWidth: 1; Layout.minimumWidth: 0; visible: root.s.status === "scheduled"; text: qsTr("Khai mạc"); tint: Theme.yes; onClicked: root.chamber.sittingCommand("open") }
            BigButton { Layout.fillWidth: true; Layout.preferredWidth: 1; Layout.minimumWidth: 0; objectName: "suspendSitting"; visible: root.s.status === "open"; text: qsTr("Tạm dừng"); tint: Theme.gold
                        onClicked: root.ask(qsTr("Tạm dừng phiên họp để giải lao?"), function() { root.chamber.sittingCommand("suspend", qsTr("Giải lao")) }) }
            BigButton { Layout.fillWidth: true; Layout.preferredWidth: 1; Layout.minimumWidth: 0; visible: root.s.status === "suspended"; text: qsTr("Tiếp tục"); tint: Theme.yes; onClicked: root.chamber.sittingCommand("resume") }
            BigButton { Layout.fillWidth: true; Layout.preferredWidth: 1; Layout.minimumWidth: 0; objectName: "closeSitting"; visible: root.s.status === "open" || root.s.status === "suspended"; text: qsTr("Bế mạc")
                        onClicked: root.ask(qsTr("Bế mạc kỳ họp? Sau khi bế mạc không thể họp tiếp kỳ họp này."), function() { root.chamber.sittingCommand("close") }) }
        }
        Text { visible: root.chamber.lastError !== ""; text: "⚠ " + root.chamber.lastError; color: Theme.no; font.pixelSize: Theme.body; Layout.fillWidth: true; wrapMode: Text.WordWrap }
        // The chair is a delegate too: their own ballot as a strip, the console stays in view.
        VotePanel {
            objectName: "chairBallot"
            Layout.fillWidth: true
            compact: true
            visible: root.chamber.canVote && root.chamber.checkedIn && !!root.chamber.openVote.id
            vote: root.chamber.openVote
            onCast: (choices) => root.chamber.castVote(choices)
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: root.minutes ? 2 : root.papers ? 1 : 0
            RowLayout {
                id: columns
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: 10
                // Fixed shares of the width: a long name or button in one column never pushes
                // into the next (the roster used to run under the floor column).
                function share(part) { return Math.floor((columns.width - 3 * columns.spacing) * part) }
                ColumnLayout {  // agenda
                    Layout.preferredWidth: columns.share(0.22); Layout.fillHeight: true
                    SectionTitle { text: qsTr("Chương trình") }
                    ListView {
                        Layout.fillWidth: true; Layout.fillHeight: true; clip: true; spacing: 4
                        model: root.chamber.agenda
                        delegate: Rectangle {
                            width: ListView.view.width; height: Math.max(Theme.touch, at.implicitHeight + 12); radius: 6
                            color: model.active ? Theme.accent : Theme.surface; border.color: Theme.line
                            Text { id: at; anchors.verticalCenter: parent.verticalCenter; x: 8 + model.depth * 16; width: parent.width - x - 8
                                   text: model.id + ". " + model.title; wrapMode: Text.WordWrap; font.pixelSize: Theme.small + 2
                                   color: model.active ? "white" : Theme.ink; font.bold: model.active }
                            MouseArea { anchors.fill: parent; onClicked: root.chamber.activateItem(model.id) }
                        }
                    }
                }
                ColumnLayout {  // roll call
                    Layout.preferredWidth: columns.share(0.26); Layout.fillHeight: true
                    SectionTitle { text: qsTr("Điểm danh") }
                    RowLayout {  // what the tiles' colours mean
                        Layout.fillWidth: true
                        spacing: 8
                        Repeater {
                            model: [{ c: Theme.yes, t: qsTr("có mặt") }, { c: Theme.gold, t: qsTr("đã bỏ phiếu") }, { c: Theme.surface, t: qsTr("vắng") }]
                            Row {
                                spacing: 4
                                Rectangle { width: 16; height: 16; radius: 4; color: modelData.c; border.color: Theme.line; anchors.verticalCenter: parent.verticalCenter }
                                Text { text: modelData.t; font.pixelSize: Theme.small - 2; color: Theme.ink }
                            }
                        }
                    }
                    GridView {
                        objectName: "roster"
                        Layout.fillWidth: true; Layout.fillHeight: true; clip: true
                        cellWidth: width / Math.max(1, Math.floor(width / 130)); cellHeight: 68
                        model: root.chamber.roster
                        delegate: Rectangle {
                            width: GridView.view.cellWidth - 4; height: 64; radius: 6
                            color: model.present ? (model.voted ? Theme.gold : Theme.yes) : Theme.surface
                            border.color: Theme.line
                            Text { anchors.fill: parent; anchors.margins: 4; text: model.seat + ". " + model.name; wrapMode: Text.WordWrap
                                   maximumLineCount: 2; font.pixelSize: Theme.small + 1; font.bold: model.present
                                   color: model.present ? "white" : Theme.ink; verticalAlignment: Text.AlignVCenter }
                            // Changing a delegate's presence is asked for again: a tap by mistake changes the quorum.
                            MouseArea { anchors.fill: parent
                                        onClicked: root.ask(model.present ? qsTr("Ghi %1 vắng mặt?").arg(model.name) : qsTr("Ghi %1 có mặt?").arg(model.name),
                                                            function() { root.chamber.markPresent(model.id, !model.present) }) }
                        }
                    }
                    // A delegate locked out by wrong PINs (someone else's guesses, or their own).
                    Text { Layout.fillWidth: true; text: qsTr("Cho đăng nhập lại ghế"); font.pixelSize: Theme.small; color: Theme.ink; wrapMode: Text.WordWrap }
                    RowLayout {
                        Layout.fillWidth: true
                        SpinBox { id: unlockSeat; from: 1; to: Math.max(1, root.chamber.roster.count); implicitHeight: Theme.touch; font.pixelSize: Theme.small; Layout.fillWidth: true }
                        Button { text: qsTr("Mở khóa"); implicitHeight: Theme.touch; font.pixelSize: Theme.small; onClicked: root.chamber.clearSignIn(unlockSeat.value) }
                    }
                }
                ColumnLayout {  // floor and questions
                    Layout.preferredWidth: columns.share(0.24); Layout.fillHeight: true
                    SectionTitle { text: qsTr("Điều hành phát biểu") }
                    Text { text: root.chamber.speaker.name ? qsTr("Đang phát biểu: %1").arg(root.chamber.speaker.name) : qsTr("Không ai phát biểu"); font.pixelSize: Theme.body; color: Theme.ink; wrapMode: Text.WordWrap; Layout.fillWidth: true }
                    RowLayout {
                        Countdown { sinceMs: root.chamber.speaker.since_ms || 0; limitS: root.chamber.speaker.limit_s || 0 }
                        BigButton { visible: !!root.chamber.speaker.id; text: qsTr("Tắt micrô"); tint: Theme.abstain; onClicked: root.chamber.endFloor(root.chamber.speaker.id) }
                    }
                    BigButton { Layout.fillWidth: true; enabled: root.chamber.queue.count > 0; text: qsTr("Mời người tiếp theo"); onClicked: root.chamber.grantFloor() }
                    ListView {
                        Layout.fillWidth: true; Layout.preferredHeight: 200; clip: true; spacing: 4
                        model: root.chamber.queue
                        delegate: Rectangle {
                            width: ListView.view.width; height: 48; radius: 6; color: model.kind === "point_of_order" ? Theme.accentSoft : Theme.surface; border.color: Theme.line
                            Text { anchors.verticalCenter: parent.verticalCenter; x: 8; width: parent.width - 110; elide: Text.ElideRight; font.pixelSize: Theme.small + 2
                                   text: model.position + ". " + model.name + (model.kind === "point_of_order" ? " — " + qsTr("thủ tục") : "") }
                            Button { anchors.right: parent.right; anchors.verticalCenter: parent.verticalCenter; text: qsTr("Mời"); implicitHeight: 44; onClicked: root.chamber.grantFloor(model.delegate) }
                        }
                    }
                    SectionTitle { text: qsTr("Chất vấn"); font.pixelSize: Theme.body }
                    ListView {
                        Layout.fillWidth: true; Layout.fillHeight: true; clip: true; spacing: 4
                        model: root.chamber.questions
                        delegate: Rectangle {
                            width: ListView.view.width; height: qt.implicitHeight + qActions.implicitHeight + 14; radius: 6; color: Theme.surface; border.color: Theme.line
                            Text { id: qt; x: 6; y: 4; width: parent.width - 12; wrapMode: Text.WordWrap; font.pixelSize: Theme.small
                                   text: model.fromName + " → " + model.toName + ": " + model.text }
                            // (the buttons go on a second line when the column is narrow: never cut)
                            Flow { id: qActions; anchors.top: qt.bottom; anchors.topMargin: 6; x: 6; width: parent.width - 12; spacing: 6
                                Button { text: qsTr("Mời trả lời"); implicitHeight: 40; onClicked: root.chamber.grantFloor(model.to) }
                                Button { text: qsTr("Trả lời bằng văn bản"); implicitHeight: 40; enabled: model.status === "submitted" || model.status === "follow_up"; onClicked: root.chamber.answerQuestion(model.id, "written") } }
                        }
                    }
                }
                ScrollView {  // votes: a long result or a list of votes scrolls, never cut
                    id: voteScroll
                    objectName: "voteColumn"
                    Layout.preferredWidth: columns.share(0.28); Layout.fillHeight: true
                    contentWidth: availableWidth
                    clip: true
                    ColumnLayout {
                        width: voteScroll.availableWidth
                        spacing: 6
                        SectionTitle { text: qsTr("Biểu quyết") }
                        ListView {
                            Layout.fillWidth: true; Layout.preferredHeight: Math.min(contentHeight, 260); clip: true; spacing: 4
                            model: root.chamber.votes
                            delegate: Rectangle {
                                width: ListView.view.width; height: Math.max(52, voteLabel.implicitHeight + 12); radius: 6
                                color: model.status === "open" ? Theme.accentSoft : Theme.surface; border.color: model.status === "voided" ? Theme.no : Theme.line
                                Text { id: voteLabel; anchors.verticalCenter: parent.verticalCenter; x: 6; font.pixelSize: Theme.small + 1
                                       width: parent.width - (model.status === "draft" || model.status === "open" ? 120 : 12)
                                       wrapMode: Text.WordWrap; maximumLineCount: 4; elide: Text.ElideRight
                                       text: model.title + (model.status === "open" ? " — " + qsTr("đã bỏ phiếu %1/%2").arg(model.turnout).arg(root.q.present || 0) : model.status === "closed" ? (model.passed ? " ✓" : " ✗") : "")
                                             + (model.status === "voided" ? "\n" + qsTr("Đã hủy: máy chủ khởi động lại khi đang bỏ phiếu kín. Hãy tạo và bỏ phiếu lại.") : "") }
                                Button { objectName: "voteAction"; anchors.right: parent.right; anchors.verticalCenter: parent.verticalCenter; implicitHeight: Theme.touch
                                         visible: model.status === "draft" || model.status === "open"; text: model.status === "draft" ? qsTr("Mở") : qsTr("Kết thúc")
                                         onClicked: model.status === "draft" ? root.chamber.openVoteNow(model.id) : root.chamber.closeVote(model.id) }
                            }
                        }
                        ResultBars {
                            Layout.fillWidth: true
                            visible: !!root.chamber.result.id
                            model: root.chamber.resultOptions
                            title: root.chamber.result.title || ""
                            passed: !!root.chamber.result.passed
                            election: root.chamber.result.kind === "election"
                            absent: root.chamber.result.absent || 0
                            notVoted: root.chamber.result.notVoted || 0
                        }
                        SectionTitle { text: qsTr("Biểu quyết mới"); font.pixelSize: Theme.body }
                        TextField { id: voteTitle; objectName: "voteTitle"; Layout.fillWidth: true; implicitHeight: Theme.touch; font.pixelSize: Theme.body; placeholderText: qsTr("Nội dung…") }
                        ComboBox { id: voteKind; objectName: "voteKind"; implicitHeight: Theme.touch; Layout.fillWidth: true; textRole: "text"; valueRole: "value"; font.pixelSize: Theme.small + 2
                                   model: [{ value: "motion", text: qsTr("Biểu quyết thông qua") }, { value: "election", text: qsTr("Bầu cử (ứng cử viên)") }]
                                          .concat(root.confidenceVotes ? [{ value: "confidence", text: qsTr("Lấy phiếu tín nhiệm") }] : [])
                                   // Elections and confidence votes are by secret ballot (RULES.md).
                                   onActivated: if (currentValue !== "motion") form.currentIndex = 2 }
                        TextArea {  // an election's candidates, one a line
                            id: candidates
                            objectName: "candidates"
                            visible: voteKind.currentValue === "election"
                            Layout.fillWidth: true; Layout.preferredHeight: 110
                            placeholderText: qsTr("Ứng cử viên, mỗi dòng một người")
                            wrapMode: TextEdit.Wrap; font.pixelSize: Theme.small + 2
                            background: Rectangle { color: Theme.surface; border.color: Theme.line; radius: 6 }
                        }
                        RowLayout {
                            visible: voteKind.currentValue === "election"
                            Layout.fillWidth: true
                            Text { Layout.fillWidth: true; text: qsTr("Chọn tối đa"); font.pixelSize: Theme.small + 2; color: Theme.ink; wrapMode: Text.WordWrap }
                            SpinBox { id: maxChoices; objectName: "maxChoices"; from: 1; to: Math.max(1, root.candidateList().length); implicitHeight: Theme.touch; font.pixelSize: Theme.small + 2 }
                        }
                        RowLayout {
                            ComboBox { id: form; objectName: "voteForm"; implicitHeight: Theme.touch; Layout.fillWidth: true; textRole: "text"; valueRole: "value"; font.pixelSize: Theme.small + 2
                                       model: [{ value: "open", text: qsTr("Công khai") }, { value: "named", text: qsTr("Ghi danh") }, { value: "secret", text: qsTr("Bỏ phiếu kín") }] }
                            ComboBox { id: rule; implicitHeight: Theme.touch; Layout.fillWidth: true; textRole: "text"; valueRole: "value"; font.pixelSize: Theme.small + 2
                                       model: [{ value: "majority", text: qsTr("Quá 1/2 tổng số") }, { value: "two_thirds", text: qsTr("Từ 2/3 tổng số") }] }
                        }
                        BigButton { objectName: "createVote"; Layout.fillWidth: true; text: qsTr("Tạo biểu quyết cho mục đang thảo luận")
                                    enabled: voteTitle.text !== "" && root.chamber.activeItem !== "" && (voteKind.currentValue !== "election" || root.candidateList().length > 0)
                                    onClicked: { root.chamber.createVote(root.chamber.activeItem, voteTitle.text, form.currentValue, rule.currentValue,
                                                                         voteKind.currentValue, root.candidateList(), maxChoices.value)
                                                 voteTitle.text = ""; candidates.text = "" } }
                    }
                }
            }
            RowLayout {  // the papers: every item's, and the one open
                spacing: 10
                ColumnLayout {
                    Layout.fillWidth: false
                    Layout.preferredWidth: Math.min(380, root.width * 0.28)
                    Layout.fillHeight: true
                    SectionTitle { text: qsTr("Tài liệu kỳ họp") }
                    ListView {
                        objectName: "chairPapers"
                        Layout.fillWidth: true; Layout.fillHeight: true; clip: true; spacing: 4
                        model: root.chamber.agenda
                        delegate: Column {
                            id: itemPapers
                            readonly property string itemId: model.id
                            width: ListView.view.width
                            spacing: 2
                            Text { width: parent.width; text: model.id + ". " + model.title; wrapMode: Text.WordWrap
                                   font.pixelSize: Theme.small + 1; font.bold: model.active; color: model.active ? Theme.accent : Theme.ink }
                            Repeater {
                                model: documents
                                delegate: Button {
                                    objectName: "paper_" + modelData.sha256.substring(0, 8)
                                    width: parent.width; implicitHeight: 44; font.pixelSize: Theme.small + 1
                                    text: (modelData.classified ? qsTr("[MẬT] ") : "") + modelData.title + (root.chamber.isCached(modelData.sha256) ? "" : " …")
                                    onClicked: { chairViewer.following = false; chairViewer.sha = modelData.sha256; chairViewer.title = modelData.title
                                                 root.paperItem = itemPapers.itemId }
                                }
                            }
                        }
                    }
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    spacing: 4
                    Button {
                        objectName: "signButton"
                        visible: chairViewer.sha !== "" && ["chair", "vice_chair", "secretary"].indexOf(root.chamber.role) >= 0
                        text: qsTr("Ký số tài liệu này")
                        implicitHeight: Theme.touch; font.pixelSize: Theme.small + 2
                        onClicked: { signDialog.message = ""; signDialog.open() }
                    }
                    DocumentViewer {
                        id: chairViewer
                        objectName: "chairDocumentViewer"
                        chamber: root.chamber
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                    }
                }
            }
            Loader {  // made when first shown (it loads the minutes then), kept afterwards
                active: root.minutesMade
                Layout.fillWidth: true
                Layout.fillHeight: true
                sourceComponent: MinutesPanel {
                    chamber: root.chamber
                    // Read and signed where every paper is: the signature places are in it.
                    onOpenPdf: (sha) => {
                        root.minutes = false
                        root.papers = true
                        openPaperLater.sha = sha
                        openPaperLater.restart()
                    }
                }
            }
        }
    }
}
