#include "net/SignInPool.h"

#include "store/Crypto.h"

namespace chamber::net {

SignInPool::SignInPool(int threads, std::size_t maxPending, std::function<void()> wake)
    : maxPending_(maxPending), wake_(std::move(wake)) {
  for (int i = 0; i < threads; ++i) threads_.emplace_back([this] { work(); });
}

SignInPool::~SignInPool() {
  {
    std::lock_guard l(m_);
    stop_ = true;
  }
  cv_.notify_all();
  for (auto& t : threads_) t.join();
}

bool SignInPool::submit(SignInJob job) {
  {
    std::lock_guard l(m_);
    if (inFlight_ >= maxPending_) return false;
    ++inFlight_;
    todo_.push_back(std::move(job));
  }
  cv_.notify_one();
  return true;
}

std::vector<SignInJob> SignInPool::takeDone() {
  std::lock_guard l(m_);
  std::vector<SignInJob> out;
  out.swap(done_);
  inFlight_ -= out.size();
  return out;
}

void SignInPool::work() {
  for (;;) {
    SignInJob job;
    {
      std::unique_lock l(m_);
      cv_.wait(l, [&] { return stop_ || !todo_.empty(); });
      if (stop_) return;
      job = std::move(todo_.front());
      todo_.pop_front();
    }
    // The same work for an unknown name (a stand-in hash) as for a known one.
    bool match = false;
    try {
      match = store::verifySecret(job.secret, job.credential.hash);
    } catch (...) {
      match = false;
    }
    job.ok = match && job.credential.principal.has_value();
    job.secret.assign(job.secret.size(), '\0');
    {
      std::lock_guard l(m_);
      done_.push_back(std::move(job));
    }
    wake_();
  }
}

}  // namespace chamber::net
