// chamber-scenario: runs a whole sitting against a session server, step by step, printed as
// it goes — the opening, check-in, an item with speakers and a point of order, a shared page,
// questions and answers, an open, a named and a secret vote, the close — at a pace a person
// can follow on the portal and the tablets (`--pace`), or quickly for CI. It is the chair,
// the delegates and a People's Committee official, each on a connection of their own, as the
// tablets would be. Used by `scripts/demo.sh --scenario`.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "WsClient.h"
#include "core/Commands.h"
#include "core/Events.h"
#include "protocol/Client.h"

using chamber::protocol::json;
namespace core = chamber::core;
namespace protocol = chamber::protocol;

namespace {

struct Failure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

/// One participant: a connection, signed in, asking and waiting (bounded) for each answer.
class Actor {
 public:
  Actor(chamber::client::ClientLoop& loop, const std::string& host, int port, std::string name)
      : loop_(loop), name_(std::move(name)) {
    client_ = &loop.connect(host, port);
    client_->onMessage = [this](const std::string& m) {
      json j = json::parse(m, nullptr, false);
      if (j.is_object() && j.contains("id") && j["id"].is_string()) replies_[j["id"]] = j;
    };
    if (!loop.runUntil([&] { return client_->isOpen() || client_->isClosed(); }, 10000) ||
        !client_->isOpen())
      throw Failure(name_ + ": không kết nối được / cannot connect to the server");
    request(chamber::protocol::hello("chamber-scenario/0.1"));
  }

  json request(json msg) {
    const std::string id = name_ + "-" + std::to_string(++n_) + "-" + std::to_string(salt_);
    msg["id"] = id;
    client_->send(msg.dump());
    if (!loop_.runUntil([&] { return replies_.count(id) || client_->isClosed(); }, 15000) ||
        !replies_.count(id))
      throw Failure(name_ + ": không có trả lời / no answer to " + msg.value("type", "") + " " +
                    msg.value("cmd", ""));
    json r = replies_[id];
    replies_.erase(id);
    if (r.value("type", "") == "error")
      throw Failure(name_ + ": " + msg.value("cmd", msg.value("type", "")) + " → " +
                    r.value("code", "") + ": " + r.value("message", ""));
    return r;
  }

  /// A command as every C++ peer sends it (protocol::command); the events it produced.
  std::vector<core::EventData> cmd(const core::Command& c) {
    const json reply = request(protocol::command("", c));
    std::vector<core::EventData> events;
    for (const auto& e : protocol::eventsOf(protocol::parseServerMessage(reply.dump())))
      if (auto typed = e.typed()) events.push_back(std::move(*typed));
    return events;
  }

 private:
  chamber::client::ClientLoop& loop_;
  chamber::client::Client* client_ = nullptr;
  std::string name_;
  std::map<std::string, json> replies_;
  int n_ = 0;
  long salt_ = static_cast<long>(std::time(nullptr));
};

/// The first event of type E among a command's, or a failure.
template <class E>
E first(const std::vector<core::EventData>& events) {
  for (const auto& e : events)
    if (const auto* hit = std::get_if<E>(&e)) return *hit;
  throw Failure(std::string("no ") + E::kKind + " in the reply");
}

std::string timeOfDay() {
  const std::time_t t = std::time(nullptr);
  char buf[16];
  std::strftime(buf, sizeof buf, "%H:%M:%S", std::localtime(&t));
  return buf;
}

std::string delegateId(int seat) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "db%02d", seat);
  return buf;
}

}  // namespace

int main(int argc, char** argv) {
  std::string server = "ws://127.0.0.1:8080", responder = "ubnd-ct";
  double pace = 4;
  int present = 22, pinBase = 101000;
  CLI::App app{"chamber-scenario — một kỳ họp mẫu từ đầu đến cuối / a whole sitting, scripted"};
  app.add_option("--server", server, "ws://host:port of the session server")->capture_default_str();
  app.add_option("--pace", pace, "seconds between steps (a person watching: 3–5; CI: 0.3)")
      ->capture_default_str();
  app.add_option("--present", present, "delegates who check in (seats 1..N; seat 1 chairs)")
      ->capture_default_str()
      ->check(CLI::Range(12, 500));
  app.add_option("--pin-base", pinBase, "a seat's PIN is this plus its number (the demo's)")
      ->capture_default_str();
  app.add_option("--responder", responder,
                 "the People's Committee account that answers (password: "
                 "CHAMBER_RESPONDER_PASSWORD)")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  std::string host;
  int port = 0;
  if (!chamber::client::parseWsUrl(server, host, port)) {
    std::fprintf(stderr, "--server must look like ws://host:port\n");
    return 2;
  }
  const char* pw = std::getenv("CHAMBER_RESPONDER_PASSWORD");
  const auto ms = [&](double factor) { return static_cast<int>(pace * factor * 1000); };
  int step = 0;
  const int steps = 13;
  chamber::client::ClientLoop loop;
  const auto say = [&](const std::string& vi, const std::string& en) {
    std::printf("[%s] %2d/%d  %s\n              %s\n", timeOfDay().c_str(), ++step, steps,
                vi.c_str(), en.c_str());
    std::fflush(stdout);
  };
  const auto pause = [&](double factor = 1) { loop.runUntil([] { return false; }, ms(factor)); };

  try {
    // Everyone signs in as their tablet would.
    std::map<int, std::unique_ptr<Actor>> seat;
    for (int s = 1; s <= present; ++s) {
      seat[s] = std::make_unique<Actor>(loop, host, port, "seat" + std::to_string(s));
      seat[s]->request(
          chamber::protocol::authPin("", s, std::to_string(pinBase + s), "Kịch bản / scenario"));
    }
    Actor& chair = *seat[1];
    chair.request(chamber::protocol::resume("", 0));
    const json state = chair.request(protocol::stateQuery(""))["result"]["state"];
    const json& current = state["current"];
    if (current.is_null())
      throw Failure("chưa có kỳ họp / no sitting: chamberctl sitting create first");
    const std::string status = current.value("status", "");
    if (status == "closed")
      throw Failure("kỳ họp này đã bế mạc / this sitting is already closed: start a new demo");
    std::map<std::string, std::string> firstPaper;  // item → its first public paper
    for (const auto& item : current["agenda"])
      for (const auto& d : item.value("documents", json::array()))
        if (!d.value("classified", false) && !firstPaper.count(item["id"]))
          firstPaper[item["id"]] = d["sha256"];
    std::unique_ptr<Actor> official;
    if (pw) {
      official = std::make_unique<Actor>(loop, host, port, responder);
      official->request(chamber::protocol::authPassword("", responder, pw));
    }

    std::printf("Kỳ họp / sitting: %s\n", current.value("title", "").c_str());
    say("Chủ tọa khai mạc kỳ họp", "The chair opens the sitting (the recording starts)");
    if (status == "scheduled") chair.cmd(core::OpenSitting{});
    pause();

    say("Đại biểu điểm danh trên máy tính bảng: " + std::to_string(present) + " người",
        "Delegates check in on their tablets: " + std::to_string(present));
    for (auto& [s, a] : seat) {
      a->cmd(core::CheckIn{true});
      pause(0.05);
    }
    pause();

    say("Mục 1: khai mạc — Chủ tọa phát biểu", "Item 1: the opening — the chair speaks");
    chair.cmd(core::ActivateItem{"1"});
    chair.cmd(core::GrantFloor{delegateId(1), "speech"});
    pause(1.5);
    chair.cmd(core::EndFloor{delegateId(1)});

    say("Mục 2: chuyển đổi số — trình chiếu trang 2 của tài liệu",
        "Item 2: digital transformation — page 2 of its paper shown on every tablet");
    chair.cmd(core::ActivateItem{"2"});
    if (firstPaper.count("2")) chair.cmd(core::SharePage{firstPaper["2"], 1});
    pause();

    say("Đại biểu ghế 4 và ghế 7 xin phát biểu; ghế 4 phát biểu",
        "Seats 4 and 7 ask for the floor; seat 4 speaks");
    seat[4]->cmd(core::RequestFloor{"speech"});
    seat[7]->cmd(core::RequestFloor{"debate"});
    pause(0.5);
    chair.cmd(core::GrantFloor{});  // the head of the queue
    pause(2);
    chair.cmd(core::EndFloor{delegateId(4)});

    say("Ghế 9 nêu vấn đề về thủ tục (point of order), được ưu tiên",
        "Seat 9 raises a point of order and goes first");
    seat[9]->cmd(core::RequestFloor{"point_of_order"});
    pause(0.5);
    chair.cmd(core::GrantFloor{delegateId(9), "point_of_order"});
    pause(1);
    chair.cmd(core::EndFloor{delegateId(9)});

    say("Ghế 7 tranh luận", "Seat 7 debates");
    chair.cmd(core::GrantFloor{delegateId(7), "debate"});
    pause(1.5);
    chair.cmd(core::EndFloor{delegateId(7)});

    const auto vote = [&](const std::string& item, const std::string& title, core::VoteForm form,
                          int no, int abstain) {
      core::CreateVote create;
      create.item = item;
      create.title = title;
      create.form = form;
      const std::string id = first<core::VoteCreated>(chair.cmd(create)).vote;
      chair.cmd(core::OpenVote{id});
      pause(0.5);
      int n = 0;
      for (auto& [s, a] : seat) {
        const char* choice = n < no ? "no" : n < no + abstain ? "abstain" : "yes";
        ++n;
        a->cmd(core::CastBallot{id, {choice}, ""});
        pause(0.03);
      }
      pause(0.5);
      for (const auto& o : first<core::VoteClosed>(chair.cmd(core::CloseVote{id})).tally.options)
        std::printf("              %s\n", o.line.c_str());
      std::fflush(stdout);
    };

    say("Mục 2.1: biểu quyết công khai Nghị quyết về chuyển đổi số",
        "Item 2.1: an open vote on the resolution on digital transformation");
    chair.cmd(core::ActivateItem{"2.1"});
    vote("2.1", "Thông qua Nghị quyết về chuyển đổi số", core::VoteForm::Open, 1, 1);
    pause();

    say("Mục 3: biểu quyết ghi danh dự toán ngân sách xã năm 2027",
        "Item 3: a named vote on the commune's 2027 budget");
    chair.cmd(core::ActivateItem{"3"});
    if (firstPaper.count("3")) chair.cmd(core::SharePage{firstPaper["3"], 0});
    vote("3", "Thông qua dự toán thu, chi ngân sách xã năm 2027", core::VoteForm::Named, 2, 0);
    pause();

    say("Mục 5: chất vấn — ghế 6 hỏi, " + responder + " trả lời tại kỳ họp",
        "Item 5: interpellation — seat 6 asks, " + responder + " answers in the sitting");
    chair.cmd(core::ActivateItem{"5"});
    const std::string q1 =
        first<core::QuestionSubmitted>(
            seat[6]->cmd(core::SubmitQuestion{
                responder,
                "Đề nghị cho biết tiến độ sửa chữa đường liên thôn Nà Pục – Bản Đâng "
                "và thời gian hoàn thành?"}))
            .question;
    chair.cmd(core::GrantFloor{delegateId(6), "question"});
    pause(1);
    chair.cmd(core::EndFloor{delegateId(6)});
    Actor& answerer = official ? *official : chair;
    answerer.cmd(core::AnswerQuestion{q1, "in_person",
                                      "Công trình đã thi công được 70%, dự kiến hoàn thành trước "
                                      "ngày 30/4/2027; UBND xã sẽ báo cáo tiến độ tại kỳ họp "
                                      "giữa năm."});
    pause(0.5);
    seat[6]->cmd(
        core::FollowUpQuestion{q1, "Đề nghị công khai tiến độ hằng tháng tại nhà văn hóa thôn."});
    pause();

    say("Ghế 11 hỏi về nước sạch; trả lời bằng văn bản trong 20 ngày",
        "Seat 11 asks about clean water; a written answer is promised within 20 days");
    const std::string q2 = first<core::QuestionSubmitted>(
                               seat[11]->cmd(core::SubmitQuestion{
                                   responder, "Khi nào thôn Khuổi Luông có nước sạch sinh hoạt?"}))
                               .question;
    answerer.cmd(core::AnswerQuestion{q2, "written", ""});
    pause();

    say("Mục 6: biểu quyết kín phương án nhân sự", "Item 6: a secret vote on a staffing plan");
    chair.cmd(core::ActivateItem{"6"});
    vote("6", "Thông qua phương án kiện toàn nhân sự", core::VoteForm::Secret, 3, 2);
    pause();

    say("Mục 7: Chủ tọa bế mạc kỳ họp", "Item 7: the chair closes the sitting");
    chair.cmd(core::ActivateItem{"7"});
    pause(0.5);
    chair.cmd(core::CloseSitting{});
    std::printf("[%s] Kỳ họp đã bế mạc / the sitting is closed\n", timeOfDay().c_str());
    return 0;
  } catch (const Failure& e) {
    std::fprintf(stderr, "chamber-scenario: %s\n", e.what());
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "chamber-scenario: %s\n", e.what());
    return 1;
  }
}
