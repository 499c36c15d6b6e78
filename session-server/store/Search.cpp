#include "store/Search.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <set>
#include <stdexcept>
#include <tuple>

extern char** environ;

namespace chamber::store {

namespace {

/// The tokenizer: unicode61 (remove_diacritics 2) does the work; each token it gives has its
/// đ (which Unicode does not decompose) replaced by d before FTS5 sees it. Offsets stay the
/// original text's, so snippets show the text as written.
struct Wrapped {
  fts5_tokenizer inner{};
  void* innerData = nullptr;
};
struct Instance {
  Wrapped* w;
  Fts5Tokenizer* inner;
};
struct TokenCtx {
  void* ctx;
  int (*xToken)(void*, int, const char*, int, int, int);
  std::string buf;
};

int foldToken(void* p, int flags, const char* token, int n, int start, int end) {
  auto* t = static_cast<TokenCtx*>(p);
  if (!std::memchr(token, '\xC4', static_cast<std::size_t>(n)))
    return t->xToken(t->ctx, flags, token, n, start, end);
  t->buf.clear();
  for (int i = 0; i < n; ++i) {
    const auto c = static_cast<unsigned char>(token[i]);
    const auto next = i + 1 < n ? static_cast<unsigned char>(token[i + 1]) : 0;
    if (c == 0xC4 && (next == 0x91 || next == 0x90)) {  // đ, Đ
      t->buf += 'd';
      ++i;
    } else {
      t->buf += static_cast<char>(c);
    }
  }
  return t->xToken(t->ctx, flags, t->buf.data(), static_cast<int>(t->buf.size()), start, end);
}

int create(void* data, const char** args, int nArgs, Fts5Tokenizer** out) {
  auto* w = static_cast<Wrapped*>(data);
  std::vector<const char*> a = {"remove_diacritics", "2"};
  for (int i = 0; i < nArgs; ++i) a.push_back(args[i]);
  Fts5Tokenizer* inner = nullptr;
  const int rc = w->inner.xCreate(w->innerData, a.data(), static_cast<int>(a.size()), &inner);
  if (rc != SQLITE_OK) return rc;
  *out = reinterpret_cast<Fts5Tokenizer*>(new Instance{w, inner});
  return SQLITE_OK;
}

void destroy(Fts5Tokenizer* tok) {
  auto* i = reinterpret_cast<Instance*>(tok);
  i->w->inner.xDelete(i->inner);
  delete i;
}

int tokenize(Fts5Tokenizer* tok, void* ctx, int flags, const char* text, int n,
             int (*xToken)(void*, int, const char*, int, int, int)) {
  auto* i = reinterpret_cast<Instance*>(tok);
  TokenCtx t{ctx, xToken, {}};
  return i->w->inner.xTokenize(i->inner, &t, flags, text, n, foldToken);
}

fts5_api* fts5Of(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &st, nullptr) == SQLITE_OK) {
    sqlite3_bind_pointer(st, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
    sqlite3_step(st);
  }
  sqlite3_finalize(st);
  return api;
}

/// FTS5's query language from what a person typed: each word quoted (so no word is taken
/// for an operator), all required; text in double quotes stays one phrase.
std::string ftsQuery(const std::string& typed) {
  std::string out, word;
  bool inPhrase = false;
  auto flush = [&] {
    if (word.empty()) return;
    if (!out.empty()) out += ' ';
    out += '"' + word + '"';
    word.clear();
  };
  for (const char c : typed) {
    if (c == '"') {
      flush();
      inPhrase = !inPhrase;
    } else if (!inPhrase && (std::isspace(static_cast<unsigned char>(c)) || c == '*' || c == '(' ||
                             c == ')' || c == ':' || c == '^' || c == '+')) {
      flush();
    } else {
      word += c;
    }
  }
  flush();
  return out;
}

}  // namespace

void registerVietnameseTokenizer(Database& db) {
  fts5_api* api = fts5Of(db.handle());
  if (!api) throw std::runtime_error("SQLite has no FTS5");
  auto* w = new Wrapped;
  if (api->xFindTokenizer(api, "unicode61", &w->innerData, &w->inner) != SQLITE_OK) {
    delete w;
    throw std::runtime_error("FTS5 has no unicode61 tokenizer");
  }
  fts5_tokenizer mine{create, destroy, tokenize};
  if (api->xCreateTokenizer(api, "vietnamese", w, &mine,
                            [](void* p) { delete static_cast<Wrapped*>(p); }) != SQLITE_OK)
    throw std::runtime_error("cannot register the vietnamese tokenizer");
}

std::vector<std::string> pdfPageTexts(const std::filesystem::path& pdf, int timeout_ms) {
  int out[2];
  if (::pipe2(out, O_CLOEXEC) != 0) return {};
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, out[1], 1);
  posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
  const std::string path = pdf.string();
  const char* argv[] = {"pdftotext", "-q", "-enc", "UTF-8", path.c_str(), "-", nullptr};
  pid_t pid = -1;
  const int rc = posix_spawnp(&pid, "pdftotext", &fa, nullptr, const_cast<char**>(argv), environ);
  posix_spawn_file_actions_destroy(&fa);
  ::close(out[1]);
  if (rc != 0) {
    ::close(out[0]);
    return {};
  }
  std::string text;
  const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  char buf[65536];
  bool timedOut = false;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                          end - std::chrono::steady_clock::now())
                          .count();
    if (left <= 0) {
      timedOut = true;
      break;
    }
    pollfd p{out[0], POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left)) <= 0) continue;
    const ssize_t n = ::read(out[0], buf, sizeof buf);
    if (n <= 0) break;
    text.append(buf, static_cast<std::size_t>(n));
    if (text.size() > (64u << 20)) break;  // no paper has 64 MB of text
  }
  ::close(out[0]);
  if (timedOut) ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (timedOut || !WIFEXITED(status) || WEXITSTATUS(status) != 0) return {};
  std::vector<std::string> pages;
  std::size_t from = 0;
  for (std::size_t ff; (ff = text.find('\f', from)) != std::string::npos; from = ff + 1)
    pages.push_back(text.substr(from, ff - from));
  if (from < text.size() && text.find_first_not_of(" \n\r\t", from) != std::string::npos)
    pages.push_back(text.substr(from));
  return pages;
}

void Search::put(const std::string& kind, const std::string& ref, const std::string& title,
                 const std::vector<std::string>& pages) {
  remove(kind, ref);
  auto& ins = db_.cached("INSERT INTO search(kind, ref, page, title, body) VALUES(?,?,?,?,?)");
  auto& row = db_.cached("INSERT INTO search_rows(kind, ref, row) VALUES(?,?,?)");
  auto add = [&](int page, const std::string& body) {
    ins.bind(1, kind).bind(2, ref).bind(3, page).bind(4, title).bind(5, body).run();
    row.bind(1, kind).bind(2, ref).bind(3, db_.lastInsertRowid()).run();
  };
  if (pages.empty()) add(0, "");
  for (std::size_t i = 0; i < pages.size(); ++i)
    add(pages.size() == 1 && kind == "petition" ? 0 : static_cast<int>(i + 1), pages[i]);
}

void Search::remove(const std::string& kind, const std::string& ref) {
  db_.cached(
         "DELETE FROM search WHERE rowid IN (SELECT row FROM search_rows WHERE kind = ? AND "
         "ref = ?)")
      .bind(1, kind)
      .bind(2, ref)
      .run();
  db_.cached("DELETE FROM search_rows WHERE kind = ? AND ref = ?").bind(1, kind).bind(2, ref).run();
}

bool Search::has(const std::string& kind, const std::string& ref) {
  auto& q = db_.cached("SELECT 1 FROM search_rows WHERE kind = ? AND ref = ? LIMIT 1");
  q.reset();
  q.bind(1, kind).bind(2, ref);
  const bool found = q.step();
  q.reset();
  return found;
}

std::vector<Search::Hit> Search::query(const std::string& typed, int limit,
                                       const std::function<bool(const Hit&)>& visible) {
  std::vector<Hit> out;
  const std::string all = ftsQuery(typed);
  if (all.empty() || limit <= 0) return out;
  // The words as one phrase first (what a person usually means), then all of them anywhere.
  std::string phrase;
  for (const char c : all)
    if (c != '"') phrase += c;
  std::vector<std::string> queries{"\"" + phrase + "\""};
  if (queries[0] != all) queries.push_back(all);
  // Ranked by bm25, the title weighing more than the body. Hits the reader may not see are
  // skipped, so ask for more than the limit.
  auto& s = db_.cached(
      "SELECT kind, ref, title, page, snippet(search, 4, '[', ']', '…', 16) FROM search "
      "WHERE search MATCH ? ORDER BY bm25(search, 0, 0, 0, 4.0, 1.0) LIMIT ?");
  std::set<std::tuple<std::string, std::string, int>> seen;
  for (const auto& q : queries) {
    s.reset();
    s.bind(1, q).bind(2, limit * 4 + 20);
    try {
      while (s.step() && static_cast<int>(out.size()) < limit) {
        Hit h{s.text(0), s.text(1), s.text(2), static_cast<int>(s.integer(3)), s.text(4)};
        if (seen.insert({h.kind, h.ref, h.page}).second && visible(h)) out.push_back(std::move(h));
      }
    } catch (...) {
      s.reset();
      throw;
    }
    s.reset();
  }
  return out;
}

}  // namespace chamber::store
