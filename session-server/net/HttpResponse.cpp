#include "net/HttpResponse.h"

#include <fcntl.h>
#include <sys/sendfile.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <utility>

namespace chamber::net {

HttpRequest::~HttpRequest() {
  if (fd >= 0) ::close(fd);
}

std::string header(lws* wsi, lws_token_indexes h) {
  const int n = lws_hdr_total_length(wsi, h);
  if (n <= 0 || n > 8192) return {};
  std::string s(static_cast<std::size_t>(n) + 1, '\0');
  lws_hdr_copy(wsi, s.data(), n + 1, h);
  s.resize(static_cast<std::size_t>(n));
  return s;
}

std::string urlArg(lws* wsi, const char* name) {
  char buf[512];
  const char* v = lws_get_urlarg_by_name(wsi, name, buf, sizeof buf);
  return v ? std::string(v) : std::string();
}

int refuseBodyLength(lws* wsi, HttpRequest& r, std::int64_t limit, const std::string& tooLarge) {
  const std::string len = header(wsi, WSI_TOKEN_HTTP_CONTENT_LENGTH);
  std::int64_t declared = -1;
  try {
    declared = len.empty() ? -1 : std::stoll(len);
  } catch (...) {
  }
  if (declared >= 0 && declared <= limit) return 0;
  r.closeAfter = true;
  if (declared < 0)
    return respondError(wsi, r, 411, "length_required",
                        "Cần Content-Length / Content-Length required");
  return respondError(wsi, r, 413, "too_large", tooLarge);
}

int readBody(lws* wsi, HttpRequest& r, HttpRequest::Body kind, std::size_t limit) {
  if (const int refused = refuseBodyLength(
          wsi, r, static_cast<std::int64_t>(limit),
          "Nội dung quá dài (tối đa " + std::to_string(limit / 1024) + " KiB) / too large");
      refused || r.closeAfter)
    return refused;
  if (header(wsi, WSI_TOKEN_HTTP_CONTENT_LENGTH) == "0") {  // no body will come to complete
    r.closeAfter = true;
    return respondError(wsi, r, 400, "bad_args", "Nội dung trống / empty body");
  }
  r.body_kind = kind;
  r.body_limit = limit;
  return 0;  // the body follows
}

int respond(lws* wsi, HttpRequest& r) {
  unsigned char buf[LWS_PRE + 2048];
  unsigned char* start = buf + LWS_PRE;
  unsigned char* p = start;
  unsigned char* end = buf + sizeof buf - 1;
  const auto length = r.fd >= 0 ? static_cast<lws_filepos_t>(r.remaining)
                                : static_cast<lws_filepos_t>(r.body.size());
  if (lws_add_http_common_headers(wsi, static_cast<unsigned>(r.status), r.contentType.c_str(),
                                  length, &p, end))
    return 1;
  if (std::none_of(r.headers.begin(), r.headers.end(),
                   [](const auto& h) { return h.first == "cache-control:"; }))
    r.headers.emplace_back("cache-control:", "no-store");
  // Over TLS, browsers are told to come back only over TLS (a year, the HSTS norm).
  if (lws_is_ssl(wsi)) r.headers.emplace_back("strict-transport-security:", "max-age=31536000");
  for (const auto& [name, value] : r.headers) {
    if (value.empty()) continue;
    if (lws_add_http_header_by_name(wsi, reinterpret_cast<const unsigned char*>(name.c_str()),
                                    reinterpret_cast<const unsigned char*>(value.data()),
                                    static_cast<int>(value.size()), &p, end))
      return 1;
  }
  if (r.closeAfter &&
      lws_add_http_header_by_name(wsi, reinterpret_cast<const unsigned char*>("connection:"),
                                  reinterpret_cast<const unsigned char*>("close"), 5, &p, end))
    return 1;
  if (r.headOnly && r.fd >= 0) {
    ::close(r.fd);
    r.fd = -1;
  }
  if (!lws_is_ssl(wsi)) {
    // Plain HTTP: the headers and a small body leave in one send(2), a file by sendfile(2).
    if (lws_finalize_http_header(wsi, &p, end)) return 1;
    r.raw.assign(reinterpret_cast<const char*>(start), static_cast<std::size_t>(p - start));
    if (!r.headOnly) r.raw += r.body;
    r.body.clear();
    return writeBody(wsi, r);
  }
  if (lws_finalize_write_http_header(wsi, start, &p, end)) return 1;
  if (r.headOnly || (r.body.empty() && r.fd < 0)) {
    if (r.closeAfter) return -1;
    return lws_http_transaction_completed(wsi) ? -1 : 0;
  }
  lws_callback_on_writable(wsi);
  return 0;
}

int respondJson(lws* wsi, HttpRequest& r, int status, const json& j) {
  r.status = status;
  r.contentType = "application/json; charset=utf-8";
  r.body = j.dump();
  return respond(wsi, r);
}

int respondError(lws* wsi, HttpRequest& r, int status, const std::string& code,
                 const std::string& message) {
  return respondJson(wsi, r, status, {{"error", code}, {"message", message}});
}

namespace {

/// A file over plain HTTP goes from the page cache to the socket with sendfile(2): no copy
/// through user space (what makes nginx fast at this). Headers lws still holds go first.
int sendFileChunk(lws* wsi, HttpRequest& r) {
  static constexpr std::int64_t kMax = 4 << 20;  // per writable turn: others get the loop too
  if (lws_send_pipe_choked(wsi)) {
    lws_callback_on_writable(wsi);
    return 0;
  }
  const auto n = ::sendfile(lws_get_socket_fd(wsi), r.fd, nullptr,
                            static_cast<std::size_t>(std::min(r.remaining, kMax)));
  if (n < 0) {
    if (errno == EAGAIN || errno == EINTR) {
      lws_callback_on_writable(wsi);
      return 0;
    }
    return -1;
  }
  if (n == 0) return -1;  // the file got shorter under us
  r.remaining -= n;
  if (r.remaining > 0) {
    lws_callback_on_writable(wsi);
    return 0;
  }
  if (r.closeAfter) return -1;
  return lws_http_transaction_completed(wsi) ? -1 : 0;
}

}  // namespace

int writeBody(lws* wsi, HttpRequest& r) {
  if (!lws_is_ssl(wsi)) {
    if (r.rawSent < r.raw.size()) {
      const int more = r.fd >= 0 ? MSG_MORE : 0;  // the file follows in the same packets
      const auto n = ::send(lws_get_socket_fd(wsi), r.raw.data() + r.rawSent,
                            r.raw.size() - r.rawSent, MSG_NOSIGNAL | more);
      if (n < 0 && errno != EAGAIN && errno != EINTR) return -1;
      if (n > 0) r.rawSent += static_cast<std::size_t>(n);
      if (r.rawSent < r.raw.size()) {
        lws_callback_on_writable(wsi);
        return 0;
      }
    }
    if (r.fd >= 0) return sendFileChunk(wsi, r);
    if (r.closeAfter) return -1;
    return lws_http_transaction_completed(wsi) ? -1 : 0;
  }
  static constexpr std::size_t kChunk = 64 * 1024;
  std::string chunk(LWS_PRE + kChunk, '\0');
  std::size_t n = 0;
  bool last = false;
  if (r.fd >= 0) {
    const auto want = static_cast<std::size_t>(std::min<std::int64_t>(r.remaining, kChunk));
    const auto got = ::read(r.fd, chunk.data() + LWS_PRE, want);
    if (got <= 0) return -1;
    n = static_cast<std::size_t>(got);
    r.remaining -= got;
    last = r.remaining <= 0;
  } else {
    n = std::min(r.body.size(), kChunk);
    std::memcpy(chunk.data() + LWS_PRE, r.body.data(), n);
    r.body.erase(0, n);
    last = r.body.empty();
  }
  if (lws_write(wsi, reinterpret_cast<unsigned char*>(chunk.data()) + LWS_PRE, n,
                last ? LWS_WRITE_HTTP_FINAL : LWS_WRITE_HTTP) != static_cast<int>(n))
    return -1;
  if (!last) {
    lws_callback_on_writable(wsi);
    return 0;
  }
  if (r.closeAfter) return -1;
  return lws_http_transaction_completed(wsi) ? -1 : 0;
}

std::optional<std::pair<std::int64_t, std::int64_t>> parseRange(const std::string& h,
                                                                std::int64_t size) {
  if (h.rfind("bytes=", 0) != 0 || h.find(',') != std::string::npos) return std::nullopt;
  const auto spec = h.substr(6);
  const auto dash = spec.find('-');
  if (dash == std::string::npos) return std::nullopt;
  try {
    const std::string a = spec.substr(0, dash), b = spec.substr(dash + 1);
    std::int64_t first, last;
    if (a.empty()) {  // the last N bytes
      if (b.empty()) return std::nullopt;
      const auto n = std::stoll(b);
      if (n <= 0) return std::make_pair(-1LL, -1LL);
      first = std::max<std::int64_t>(0, size - n);
      last = size - 1;
    } else {
      first = std::stoll(a);
      last = b.empty() ? size - 1 : std::min<std::int64_t>(std::stoll(b), size - 1);
    }
    if (first < 0 || first >= size || last < first) return std::make_pair(-1LL, -1LL);
    return std::make_pair(first, last);
  } catch (...) {
    return std::nullopt;
  }
}

int serveFile(lws* wsi, HttpRequest& r, const FileAnswer& f) {
  int fd = f.fd;
  struct FdGuard {
    int& fd;
    ~FdGuard() {
      if (fd >= 0) ::close(fd);
    }
  } guard{fd};
  const std::string& etag = f.etag;
  r.headers.emplace_back("etag:", etag);
  r.headers.emplace_back("accept-ranges:", "bytes");
  r.headers.emplace_back("cache-control:", f.cacheControl);
  r.headers.emplace_back("x-content-type-options:", "nosniff");
  if (header(wsi, WSI_TOKEN_HTTP_IF_NONE_MATCH) == etag) {
    r.status = 304;
    r.headOnly = true;
    return respond(wsi, r);
  }
  const std::int64_t size = f.size;
  std::int64_t first = 0, last = size - 1;
  r.status = 200;
  const std::string range = header(wsi, WSI_TOKEN_HTTP_RANGE);
  const std::string ifRange = header(wsi, WSI_TOKEN_HTTP_IF_RANGE);
  if (!range.empty() && (ifRange.empty() || ifRange == etag)) {
    if (auto rg = parseRange(range, size)) {
      if (rg->first < 0) {
        r.headers.emplace_back("content-range:", "bytes */" + std::to_string(size));
        return respondError(wsi, r, 416, "bad_range",
                            "Khoảng byte không hợp lệ / range not satisfiable");
      }
      first = rg->first;
      last = rg->second;
      r.status = 206;
      r.headers.emplace_back("content-range:", "bytes " + std::to_string(first) + "-" +
                                                   std::to_string(last) + "/" +
                                                   std::to_string(size));
    }
  }
  if (fd < 0) fd = ::open(f.path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  r.fd = std::exchange(fd, -1);
  if (r.fd < 0)
    return respondError(wsi, r, 500, "storage_failure",
                        "Không đọc được tệp / cannot read the file");
  ::lseek(r.fd, first, SEEK_SET);
  r.remaining = last - first + 1;
  r.contentType = f.mime;
  if (r.remaining == 0) {
    ::close(r.fd);
    r.fd = -1;
  }
  return respond(wsi, r);
}

}  // namespace chamber::net
