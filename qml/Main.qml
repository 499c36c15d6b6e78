import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.App
import Chamber.Views

// The window: sign-in, then the face for the role (or --face), the offline banner, and the
// vote panel over everything while a vote is open.
ApplicationWindow {
    id: win
    required property var options
    /// The one object the views talk to, made and configured by C++ (delegate-app/AppWindow.cpp).
    required property Chamber room
    width: options.width > 0 ? options.width : 1280
    height: options.height > 0 ? options.height : 800
    visible: true
    color: Theme.background
    // The sitting names itself; the council's name is the server's (the portal's /api/site).
    title: qsTr("Phòng họp số") + (room.sitting.title ? " — " + room.sitting.title : "")
    font.family: Theme.family
    font.pixelSize: Theme.body

    header: OfflineBanner {
        online: room.online
        pending: room.pendingCommands
        started: room.everOnline
    }

    Loader {
        id: face
        anchors.fill: parent
        sourceComponent: room.face === "login" ? loginFace
                       : room.face === "chair" ? chairFace
                       : room.face === "display" ? displayFace
                       : room.face === "responder" ? responderFace : delegateFace
    }
    Component {
        id: loginFace
        LoginView {
            error: room.authError
            onPinLogin: (seat, pin) => room.loginPin(seat, pin)
            onAccountLogin: (user, password) => room.loginAccount(user, password)
            onLanguageChosen: (lang) => room.setLanguage(lang)
        }
    }
    Component { id: delegateFace; DelegateView { chamber: room } }
    Component { id: chairFace; ChairConsole { chamber: room } }
    Component { id: displayFace; HallDisplay { chamber: room } }
    Component { id: responderFace; ResponderView { chamber: room } }

    // The vote panel: for the delegates who vote, while a vote is open.
    Popup {
        id: votePopup
        objectName: "votePopup"
        modal: true
        closePolicy: Popup.NoAutoClose
        anchors.centerIn: Overlay.overlay
        // (The chair votes from a strip inside the console: nothing may cover the console.)
        visible: room.canVote && room.face === "delegate" && !!room.openVote.id && room.checkedIn && !dismissed
        property bool dismissed: false
        property string forVote: ""
        Connections {
            target: room
            function onStateChanged() {
                if (room.openVote.id !== votePopup.forVote) { votePopup.forVote = room.openVote.id || ""; votePopup.dismissed = false }
            }
        }
        background: Item {}
        contentItem: ColumnLayout {
            VotePanel {
                id: votePanel
                objectName: "votePanel"
                Layout.preferredWidth: Math.min(win.width - 80, 820)
                vote: room.openVote
                onCast: (choices) => room.castVote(choices)
            }
            Button {
                Layout.alignment: Qt.AlignRight
                visible: !!room.openVote.hasVoted
                text: qsTr("Ẩn")
                onClicked: votePopup.dismissed = true
            }
        }
    }
}
