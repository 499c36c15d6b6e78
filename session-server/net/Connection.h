#pragma once
/// One WebSocket client, as the event loop sees it. Owned by Server; touched only on the
/// event-loop thread.
#include <libwebsockets.h>

#include <cstdint>
#include <deque>
#include <memory>
#include <string>

#include "core/Types.h"

namespace chamber::net {

/// A message ready for lws_write: LWS_PRE bytes of headroom, then the payload.
/// One buffer is shared by every recipient of a broadcast.
using Frame = std::shared_ptr<const std::string>;
Frame makeFrame(std::string_view payload);

struct Connection {
  std::uint64_t id = 0;  ///< never reused, unlike the lws pointer
  lws* wsi = nullptr;
  std::string peer;  ///< remote address, for the PIN lockout
  bool helloDone = false;
  bool signingIn = false;  ///< a password or PIN is being checked (SignInPool)
  /// Messages that came while signing in: handled in order once the sign-in is answered, so
  /// a client may send hello, auth and resume at once and resume as who it signed in as.
  std::deque<std::string> held;
  core::Role role = core::Role::Public;
  std::string principal;  ///< delegate or account id; empty for the public
  std::string name;
  bool subscribed = false;    ///< receives events (after `resume`)
  std::int64_t sentUpTo = 0;  ///< highest event seq queued to it
  std::deque<Frame> outbox;
  std::string rx;     ///< a message arriving in fragments
  double tokens = 0;  ///< rate limit bucket
  std::int64_t refill_ms = 0;
  int violations = 0;
  bool closing = false;
  int closeCode = 0;
  std::string closeReason;

  core::Actor actor() const { return {role, principal}; }
};

}  // namespace chamber::net
