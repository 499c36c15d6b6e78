#pragma once
// Internal to net/: one HTTP transaction and the ways to answer it — JSON, errors, and files
// (ETag, If-None-Match, one Range) streamed in 64-KiB chunks on HTTP_WRITEABLE.
#include <libwebsockets.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "protocol/Codec.h"
#include "store/Council.h"
#include "store/Documents.h"

namespace chamber::net {

using protocol::json;

/// One HTTP transaction (a keep-alive connection has several, one after another).
struct HttpRequest {
  // response
  int status = 200;
  std::string contentType = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
  bool headOnly = false;
  bool closeAfter = false;
  int fd = -1;      ///< a file being sent
  std::string raw;  ///< plain HTTP: status line, headers and small body, as sent
  std::size_t rawSent = 0;
  std::int64_t remaining = 0;
  // upload
  std::unique_ptr<store::Documents::Upload> upload;
  std::optional<store::Principal> uploader;
  std::string title, item, filename;
  bool classified = false;
  // a body read into memory (a petition, a CSV import, the minutes' text)
  enum class Body { None, Petition, Import, Minutes } body_kind = Body::None;
  std::string body_in;
  std::size_t body_limit = 0;
  std::string source;     ///< the sender's address (behind nginx: the one it passes on)
  int sitting = 0;        ///< the minutes': of this sitting,
  std::string base;       ///< edited from this version,
  std::string commandId;  ///< saved once under this id (a retry gets the same answer)

  ~HttpRequest();
};

std::string header(lws* wsi, lws_token_indexes h);
std::string urlArg(lws* wsi, const char* name);
/// A request body's declared length against `limit`: answers 411 (no Content-Length) or 413
/// (`tooLarge` says why) and closes after; 0 when the body may follow.
int refuseBodyLength(lws* wsi, HttpRequest& r, std::int64_t limit, const std::string& tooLarge);
/// Reads the body into `body_in` (up to `limit` bytes, as declared) for `kind`: 0 when it
/// follows, else the refusal already answered (411, 413, or 400 for an empty body).
int readBody(lws* wsi, HttpRequest& r, HttpRequest::Body kind, std::size_t limit);
/// Sends the status line and headers now; the body follows on HTTP_WRITEABLE.
int respond(lws* wsi, HttpRequest& r);
int respondJson(lws* wsi, HttpRequest& r, int status, const json& j);
int respondError(lws* wsi, HttpRequest& r, int status, const std::string& code,
                 const std::string& message);
/// The next chunk of the body; completes the transaction after the last.
int writeBody(lws* wsi, HttpRequest& r);
/// Parses a single "bytes=a-b" range against `size`. nullopt: no usable Range header
/// (send everything); {-1,-1}: unsatisfiable.
std::optional<std::pair<std::int64_t, std::int64_t>> parseRange(const std::string& h,
                                                                std::int64_t size);

struct FileAnswer {
  int fd = -1;                 ///< open for reading; serveFile owns it from here on
  std::filesystem::path path;  ///< opened (without following a link) when fd is -1
  std::int64_t size = 0;
  std::string etag;  ///< with its quotes
  std::string mime;
  std::string cacheControl;
};
/// Answers with a file: 304 when If-None-Match matches, 206 for a Range (If-Range honoured),
/// 416 when the range cannot be met. Headers already in r.headers are kept. Closes f.fd
/// unless it becomes the body.
int serveFile(lws* wsi, HttpRequest& r, const FileAnswer& f);

}  // namespace chamber::net
