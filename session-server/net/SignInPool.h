#pragma once
// Internal to net/: checks passwords and PINs (PBKDF2, tens of milliseconds each) on worker
// threads, so the event loop never waits for one. The loop submits; a worker checks and
// wakes the loop (lws_cancel_service), which takes the results on
// LWS_CALLBACK_EVENT_WAIT_CANCELLED.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "store/Council.h"

namespace chamber::net {

struct SignInJob {
  // in (set on the loop)
  std::uint64_t conn = 0;
  std::string messageId, method, device;
  std::string accountKey, sourceKey;  ///< throttle keys
  store::Council::Credential credential;
  std::string secret;
  // out (set by the worker)
  bool ok = false;
};

class SignInPool {
 public:
  /// `wake` runs on a worker thread after each result (it must be thread-safe).
  SignInPool(int threads, std::size_t maxPending, std::function<void()> wake);
  ~SignInPool();
  SignInPool(const SignInPool&) = delete;
  SignInPool& operator=(const SignInPool&) = delete;

  /// Event-loop thread. False when too many checks are waiting already (answer "busy").
  bool submit(SignInJob job);
  /// Event-loop thread: the checks finished since the last call.
  std::vector<SignInJob> takeDone();

 private:
  void work();
  std::mutex m_;
  std::condition_variable cv_;
  std::deque<SignInJob> todo_;
  std::vector<SignInJob> done_;
  std::size_t inFlight_ = 0;  ///< waiting or being checked
  std::size_t maxPending_;
  bool stop_ = false;
  std::function<void()> wake_;
  std::vector<std::thread> threads_;
};

}  // namespace chamber::net
