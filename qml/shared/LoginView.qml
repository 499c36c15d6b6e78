import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Chamber.Views

// Sign-in: a delegate with seat and PIN; staff with an account.
Rectangle {
    id: login
    color: Theme.background
    property string error: ""
    signal pinLogin(int seat, string pin)
    signal accountLogin(string user, string password)
    signal languageChosen(string lang)

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 80, 560)
        spacing: 18
        Text {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("HỘI ĐỒNG NHÂN DÂN XÃ CÔN MINH")
            font.pixelSize: Theme.large; font.bold: true; color: Theme.accent
        }
        Text {
            Layout.alignment: Qt.AlignHCenter
            text: qsTr("Phòng họp số — đăng nhập")
            font.pixelSize: Theme.title; color: Theme.ink
        }
        TabBar {
            id: tabs
            Layout.fillWidth: true
            font.pixelSize: Theme.body
            TabButton { text: qsTr("Đại biểu"); height: Theme.touch }
            TabButton { text: qsTr("Cán bộ, kỹ thuật"); height: Theme.touch }
        }
        StackLayout {
            currentIndex: tabs.currentIndex
            Layout.fillWidth: true
            ColumnLayout {
                spacing: 12
                TextField { id: seat; Layout.fillWidth: true; placeholderText: qsTr("Số ghế"); inputMethodHints: Qt.ImhDigitsOnly; font.pixelSize: Theme.large; implicitHeight: Theme.touch }
                TextField { id: pin; Layout.fillWidth: true; placeholderText: qsTr("Mã PIN"); echoMode: TextInput.Password; inputMethodHints: Qt.ImhDigitsOnly; font.pixelSize: Theme.large; implicitHeight: Theme.touch }
                BigButton { Layout.fillWidth: true; text: qsTr("Đăng nhập"); onClicked: login.pinLogin(parseInt(seat.text), pin.text) }
            }
            ColumnLayout {
                spacing: 12
                TextField { id: user; Layout.fillWidth: true; placeholderText: qsTr("Tài khoản"); font.pixelSize: Theme.large; implicitHeight: Theme.touch }
                TextField { id: password; Layout.fillWidth: true; placeholderText: qsTr("Mật khẩu"); echoMode: TextInput.Password; font.pixelSize: Theme.large; implicitHeight: Theme.touch }
                BigButton { Layout.fillWidth: true; text: qsTr("Đăng nhập"); onClicked: login.accountLogin(user.text, password.text) }
            }
        }
        Text {
            visible: login.error !== ""
            text: login.error === "auth_failed" ? qsTr("Sai số ghế hoặc mã PIN") : login.error
            color: Theme.no; font.pixelSize: Theme.body
        }
        RowLayout {
            Layout.alignment: Qt.AlignHCenter
            Button { text: "Tiếng Việt"; flat: true; font.pixelSize: Theme.small; onClicked: login.languageChosen("vi") }
            Button { text: "English"; flat: true; font.pixelSize: Theme.small; onClicked: login.languageChosen("en") }
        }
    }
}
