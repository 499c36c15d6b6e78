#pragma once
/// Full-text search over the portal's texts: published documents and sitting papers (the
/// text of each PDF page, extracted with poppler's pdftotext) and petitions (their moderated
/// text and published answer). SQLite FTS5 with the tokenizer "vietnamese": unicode61 with
/// diacritics removed, and đ folded to d, so "ngan sach" finds "ngân sách" and "dat dai"
/// finds "đất đai". Who may see a hit is decided by the caller (the index holds what any
/// reader might find; the server filters by the core's rules).
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "store/Database.h"

namespace chamber::store {

/// Registers the "vietnamese" tokenizer on this connection (every connection that reads or
/// writes the index needs it: ensureSchema does it).
void registerVietnameseTokenizer(Database& db);

/// The text of each page of a PDF (pdftotext in a child process, bounded in time). Empty when
/// the file is no PDF or has no text layer.
std::vector<std::string> pdfPageTexts(const std::filesystem::path& pdf, int timeout_ms = 20000);

class Search {
 public:
  explicit Search(Database& db) : db_(db) {}

  /// Replaces what is indexed for (kind, ref): one row per page (pages from 1; 0 when the
  /// text has no pages, e.g. a petition).
  void put(const std::string& kind, const std::string& ref, const std::string& title,
           const std::vector<std::string>& pages);
  void remove(const std::string& kind, const std::string& ref);
  bool has(const std::string& kind, const std::string& ref);

  struct Hit {
    std::string kind, ref, title;
    int page = 0;
    std::string snippet;  ///< the words around the match, the match in [ ]
  };
  /// The best hits for what a person typed (words, all of them; "a phrase" in quotes), those
  /// `visible` refuses left out, at most `limit`.
  std::vector<Hit> query(const std::string& typed, int limit,
                         const std::function<bool(const Hit&)>& visible);

 private:
  Database& db_;
};

}  // namespace chamber::store
