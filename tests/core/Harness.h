#pragma once
// A council and a sitting driven through decide/apply, as the server does, without sockets.
#include <gtest/gtest.h>

#include "core/Session.h"

namespace chamber::core::test {

struct Harness {
  State state;
  std::int64_t now = 1'780'000'000'000;  // ms; the core never reads a clock

  /// `n` delegates d01..dNN in office; d01 chairs, d02 is secretary; one responder r1.
  explicit Harness(int n, CouncilRules rules = vietnameseDefaults(), int notInOffice = 0) {
    for (int i = 1; i <= n; ++i) {
      Delegate d;
      d.id = id(i);
      d.seat = i;
      d.name = "Đại biểu " + std::to_string(i);
      d.role = i == 1 ? Role::Chair : i == 2 ? Role::Secretary : Role::Delegate;
      d.inOffice = i <= n - notInOffice;
      state.council.push_back(d);
    }
    state.responders.push_back({"r1", "Chủ tịch UBND xã", "Chủ tịch UBND"});
    CreateSitting c;
    c.number = 5;
    c.term = "2026-2031";
    c.title = "Kỳ họp thứ năm";
    c.agenda = {{"1", "", "Khai mạc", "", {}},
                {"2", "", "Ngân sách", "", {}},
                {"2.1", "2", "Dự toán 2027", "", {}},
                {"3", "", "Chất vấn", "", {}}};
    c.rules = rules;
    expectOk(run(op(), c));
  }

  static std::string id(int i) { return (i < 10 ? "d0" : "d") + std::to_string(i); }
  static Actor del(int i) {
    return {i == 1 ? Role::Chair : i == 2 ? Role::Secretary : Role::Delegate, id(i)};
  }
  static Actor chair() { return del(1); }
  static Actor secretary() { return del(2); }
  static Actor op() { return {Role::Operator, "op"}; }
  static Actor responder() { return {Role::Responder, "r1"}; }

  Sitting& sitting() { return *state.current(); }

  Decision run(const Actor& a, const Command& c) {
    Decision d = decide(state, a, c, now);
    if (d.ok()) {
      for (const auto& e : d.events) apply(state, d.sitting, e, now);
      if (d.secret) applySecretChoice(state, d.sitting, *d.secret);
    }
    now += 1000;
    return d;
  }

  static void expectOk(const Decision& d) {
    EXPECT_TRUE(d.ok()) << (d.error ? d.error->code + ": " + d.error->message : "");
  }
  static void expectError(const Decision& d, const std::string& code) {
    ASSERT_FALSE(d.ok()) << "expected " << code;
    EXPECT_EQ(d.error->code, code) << d.error->message;
    EXPECT_TRUE(d.events.empty());
  }

  /// Opens the sitting and checks in delegates 1..present.
  void openWith(int present) {
    expectOk(run(chair(), OpenSitting{}));
    for (int i = 1; i <= present; ++i) expectOk(run(del(i), CheckIn{}));
  }

  std::string createVote(VoteForm form = VoteForm::Open, std::string rule = "majority") {
    CreateVote c;
    c.item = "2.1";
    c.title = "Thông qua dự toán ngân sách 2027";
    c.form = form;
    c.rule = rule;
    Decision d = run(chair(), c);
    expectOk(d);
    return std::get<VoteCreated>(d.events.at(0)).vote;
  }

  Vote& vote(const std::string& v) { return sitting().votes.at(v); }
};

}  // namespace chamber::core::test
