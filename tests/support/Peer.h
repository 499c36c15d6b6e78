#pragma once
// A chamber.v1 participant for tests: sends requests and waits (bounded) for their replies,
// collects the events pushed to it.
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "WsClient.h"
#include "protocol/Client.h"
#include "support/Seed.h"

namespace chamber::test {

using nlohmann::json;

class Peer {
 public:
  Peer(client::ClientLoop& loop, int port, bool tls = false) : loop_(loop) {
    client_ = &loop.connect("127.0.0.1", port, tls);
    client_->onMessage = [this](const std::string& m) { onMessage(m); };
  }

  /// Sends a message with a fresh id (unless it has one) and waits for its reply.
  json request(json msg, int timeout_ms = 5000) {
    // Ids must be unique per principal for good: the server remembers every reply.
    if (!msg.contains("id")) msg["id"] = nextId();
    const std::string id = msg["id"];
    replies_.erase(id);  // an id sent again (a retry) waits for the server's new answer
    client_->send(msg.dump());
    json reply;
    const bool got = loop_.runUntil(
        [&] {
          auto it = replies_.find(id);
          if (it == replies_.end()) return client_->isClosed();
          reply = it->second;
          return true;
        },
        timeout_ms);
    if (!got) ADD_FAILURE() << "no reply to " << msg.dump().substr(0, 200);
    return reply;
  }

  /// A command by name with any arguments (tests send malformed ones on purpose).
  json cmd(const std::string& name, json args = json::object(), const std::string& id = "") {
    json m{{"type", protocol::kClientTypes[3]}, {"cmd", name}, {"args", std::move(args)}};
    if (!id.empty()) m["id"] = id;
    return request(m);
  }

  /// cmd() that must succeed; returns the events it produced.
  json ok(const std::string& name, json args = json::object()) {
    json r = cmd(name, std::move(args));
    EXPECT_EQ(r.value("type", ""), "ok") << name << ": " << r.dump();
    return r.contains("result") ? r["result"].value("events", json::array()) : json::array();
  }

  /// A typed command (what a real peer sends).
  json cmd(const core::Command& c) { return request(protocol::command(nextId(), c)); }

  void hello() { EXPECT_EQ(request(protocol::hello("test-peer"))["type"], "welcome"); }
  json loginPin(int seat, const std::string& pin, const std::string& device = "") {
    return request(protocol::authPin(nextId(), seat, pin, device));
  }
  json loginPassword(const std::string& user, const std::string& pw) {
    return request(protocol::authPassword(nextId(), user, pw));
  }
  json loginToken(const std::string& token) {
    return request(protocol::authToken(nextId(), token));
  }
  json resume(std::int64_t after) { return request(protocol::resume(nextId(), after)); }

  /// Waits for an event of this kind (optionally matching); returns it or null.
  json waitEvent(const std::string& kind, int timeout_ms = 5000,
                 const std::function<bool(const json&)>& match = nullptr) {
    json found;
    loop_.runUntil(
        [&] {
          for (const auto& e : events)
            if (e["kind"] == kind && (!match || match(e))) {
              found = e;
              return true;
            }
          return client_->isClosed();
        },
        timeout_ms);
    return found;
  }

  bool waitClosed(int timeout_ms = 5000) {
    return loop_.runUntil([&] { return client_->isClosed(); }, timeout_ms);
  }
  bool waitOpen(int timeout_ms = 5000) {
    return loop_.runUntil([&] { return client_->isOpen() || client_->isClosed(); }, timeout_ms) &&
           client_->isOpen();
  }

  std::int64_t lastSeq() const {
    return events.empty() ? 0 : events.back()["seq"].get<std::int64_t>();
  }
  bool sawKind(const std::string& kind) const {
    for (const auto& e : events)
      if (e["kind"] == kind) return true;
    return false;
  }

  /// The reply with this id, if it has arrived (no waiting).
  const json* replyTo(const std::string& id) const {
    auto it = replies_.find(id);
    return it == replies_.end() ? nullptr : &it->second;
  }

  client::Client& client() { return *client_; }
  std::vector<json> events;
  std::vector<json> unsolicited;  ///< errors and messages without an id

 private:
  std::string nextId() { return prefix_ + std::to_string(++counter_); }
  void onMessage(const std::string& text) {
    json m = json::parse(text, nullptr, false);
    if (m.is_discarded()) {
      ADD_FAILURE() << "server sent non-JSON: " << text.substr(0, 100);
      return;
    }
    if (m["type"] == "event") {
      if (!events.empty()) {
        EXPECT_GT(m["seq"].get<std::int64_t>(), lastSeq()) << "events out of order";
      }
      events.push_back(std::move(m));
    } else if (m.contains("id")) {
      const std::string id = m["id"].is_string() ? m["id"].get<std::string>() : m["id"].dump();
      replies_[id] = std::move(m);
    } else {
      unsolicited.push_back(std::move(m));
    }
  }

  client::ClientLoop& loop_;
  client::Client* client_;
  std::map<std::string, json> replies_;
  int counter_ = 0;
  std::string prefix_ = "t" + std::to_string(std::random_device{}()) + "-";
};

/// A device token, as an app or a console gets one when it signs in: a seat's with its PIN
/// (`user` empty), else the account's with the seed's password "secret".
inline std::string deviceToken(client::ClientLoop& loop, int port, const std::string& user,
                               int seat) {
  Peer p(loop, port);
  p.hello();
  const json r = user.empty() ? p.loginPin(seat, pinOf(seat), "tablet")
                              : p.request(protocol::authPassword("t", user, "secret", "console"));
  return r.contains("result") ? r["result"].value("token", "") : "";
}

/// The id of the vote a `vote.create` made, from the events ok() returned.
inline std::string voteId(const json& events) {
  for (const auto& e : events)
    if (e["kind"] == "vote.created") return e["data"]["vote"];
  return "";
}

}  // namespace chamber::test
