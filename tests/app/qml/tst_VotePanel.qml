import QtQuick
import QtTest
import Chamber.Views

// The vote panel: choose, confirm, the choice sent; elections up to N; a secret ballot says so.
Item {
    width: 1000; height: 800
    // TestCase is invisible: what is tested lives on this stage.
    Item { id: stage; anchors.fill: parent }

TestCase {
    id: tc
    name: "VotePanel"
    when: windowShown
    width: 900; height: 700
    Component { id: panelComponent; VotePanel { width: 800 } }
    SignalSpy { id: spy; signalName: "cast" }

    function make(vote) {
        var p = createTemporaryObject(panelComponent, stage, { vote: vote })
        spy.target = p
        spy.clear()
        waitForRendering(p)
        return p
    }
    function motion(form) {
        return { id: "v1", title: "Thông qua dự toán ngân sách 2027", form: form, kind: "motion", maxChoices: 1,
                 options: [{ key: "yes", label: "tán thành" }, { key: "no", label: "không tán thành" }, { key: "abstain", label: "không biểu quyết" }] }
    }
    function button(p, name) { return findChild(p, name) }

    function test_chooseConfirmCast() {
        var p = make(motion("open"))
        verify(button(p, "option_yes").visible)
        verify(button(p, "option_yes").height >= 48, "touch target")
        mouseClick(button(p, "option_no"))
        verify(p.confirming)
        verify(!button(p, "option_yes").visible)
        mouseClick(button(p, "confirm"))
        compare(spy.count, 1)
        compare(spy.signalArguments[0][0], ["no"])
    }
    function test_secretBallotIsSaidClearly() {
        var p = make(motion("secret"))
        verify(p.secret)
        var v = motion("secret"); v.hasVoted = true
        p.vote = v
        verify(findChild(p, "myChoice").text.indexOf("phiếu kín") >= 0)
    }
    function test_shownChoiceAfterVoting() {
        var v = motion("named"); v.hasVoted = true; v.myChoices = ["yes"]
        var p = make(v)
        verify(findChild(p, "myChoice").visible)
        verify(findChild(p, "myChoice").text.indexOf("tán thành") >= 0)
    }
    function test_electionChooseUpToN() {
        var p = make({ id: "v2", title: "Bầu Ủy viên", form: "secret", kind: "election", maxChoices: 2,
                       options: [{ key: "a", label: "Nguyễn Văn An" }, { key: "b", label: "Trần Thị Bình" }, { key: "c", label: "Lê Văn Cường" }] })
        mouseClick(button(p, "option_a"))
        mouseClick(button(p, "option_b"))
        mouseClick(button(p, "option_c"))   // a third is refused: up to 2
        compare(p.chosen, ["a", "b"])
        p.confirming = true
        mouseClick(button(p, "confirm"))
        compare(spy.signalArguments[0][0], ["a", "b"])
    }
}
}
