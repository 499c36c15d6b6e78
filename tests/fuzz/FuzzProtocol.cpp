// libFuzzer: one chamber.v1 text frame as a client sends it — the envelope, then (for a
// cmd) the command's decoding, then the core's decision against a sitting in progress
// (by each role in turn), and the events folded into the state and encoded back.
// Whatever the bytes: no crash, no sanitizer report, and a refusal changes nothing.
#include <cstdint>
#include <string_view>

#include "core/Session.h"
#include "protocol/Messages.h"
#include "protocol/StateView.h"

using namespace chamber;

namespace {

core::State sittingInProgress() {
  core::State s;
  for (int i = 1; i <= 9; ++i) {
    core::Delegate d;
    d.id = "d0" + std::to_string(i);
    d.seat = i;
    d.name = "Đại biểu " + std::to_string(i);
    d.role = i == 1 ? core::Role::Chair : i == 2 ? core::Role::Secretary : core::Role::Delegate;
    s.council.push_back(d);
  }
  s.responders.push_back({"r1", "Chủ tịch UBND xã", ""});
  const core::Actor chair{core::Role::Chair, "d01"};
  std::int64_t now = 1'780'000'000'000;
  auto run = [&](const core::Actor& a, const core::Command& c) {
    auto d = core::decide(s, a, c, now);
    for (const auto& e : d.events) core::apply(s, d.sitting, e, now);
    if (d.secret) core::applySecretChoice(s, d.sitting, *d.secret);
    now += 1000;
  };
  core::CreateSitting c;
  c.number = 1;
  c.title = "Kỳ họp";
  c.agenda = {{"1", "", "Khai mạc", "", {}}, {"2", "", "Ngân sách", "", {}}};
  c.rules = core::vietnameseDefaults();
  run({core::Role::Operator, "op"}, c);
  run(chair, core::OpenSitting{});
  for (int i = 1; i <= 9; ++i) run(chair, core::MarkAttendance{"d0" + std::to_string(i), true});
  run(chair, core::ActivateItem{"2"});
  run(chair,
      core::CreateVote{
          "2", "Thông qua", core::VoteForm::Secret, core::VoteKind::Motion, "majority", {}, 1});
  run(chair, core::OpenVote{"v1"});
  run({core::Role::Delegate, "d03"}, core::RequestFloor{"speech"});
  return s;
}

const core::Actor kActors[] = {{core::Role::Chair, "d01"},       {core::Role::Secretary, "d02"},
                               {core::Role::Delegate, "d03"},    {core::Role::Responder, "r1"},
                               {core::Role::Operator, "op"},     {core::Role::Media, "media"},
                               {core::Role::Display, "display"}, {core::Role::Public, ""}};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const core::State base = sittingInProgress();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  protocol::ClientMessage m;
  try {
    m = protocol::parseClientMessage(text);
  } catch (const protocol::DecodeError&) {
    return 0;
  }
  if (m.type != protocol::ClientType::Cmd || !m.body.contains("cmd") || !m.body["cmd"].is_string())
    return 0;
  core::Command cmd;
  try {
    cmd = protocol::decodeCommand(m.body["cmd"].get<std::string>(), m.body.contains("args")
                                                                        ? m.body["args"]
                                                                        : protocol::json::object());
  } catch (const protocol::DecodeError&) {
    return 0;
  }
  (void)protocol::encodeCommand(cmd);
  const auto& actor = kActors[size % std::size(kActors)];
  core::State s = base;
  const auto d = core::decide(s, actor, cmd, 1'780'000'100'000);
  if (!d.ok()) {
    if (!d.events.empty()) __builtin_trap();  // a refusal carries no events
    return 0;
  }
  for (const auto& e : d.events) {
    core::apply(s, d.sitting, e, 1'780'000'100'000);
    const auto wire = protocol::encodeEventData(e);
    if (!(protocol::decodeEvent(std::string(core::kindOf(e)), wire) == e))
      __builtin_trap();  // round trip
  }
  if (d.secret) core::applySecretChoice(s, d.sitting, *d.secret);
  (void)protocol::stateView(s, actor.role, actor.id);
  return 0;
}
