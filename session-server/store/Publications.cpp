#include "store/Publications.h"

#include <stdexcept>

#include "core/Minutes.h"

namespace chamber::store {

namespace {

constexpr const char* kColumns =
    "p.sha256, p.type, p.number, p.title, p.summary, p.issuer, p.signer, p.issued, p.effective, "
    "p.sitting, p.item, d.size, p.published_ms, p.adopted_ms, d.signatures";

core::Publication read(const Statement& s) {
  core::Publication p;
  p.sha256 = s.text(0);
  p.type = s.text(1);
  p.number = s.text(2);
  p.title = s.text(3);
  p.summary = s.text(4);
  p.issuer = s.text(5);
  p.signer = s.text(6);
  p.issued = s.text(7);
  p.effective = s.text(8);
  p.sitting = static_cast<int>(s.integer(9));
  p.item = s.text(10);
  p.size = s.integer(11);
  p.published_ms = s.integer(12);
  p.adopted_ms = s.integer(13);
  p.signatures = s.text(14);
  return p;
}

}  // namespace

void Publications::put(const core::Publication& p) {
  auto doc = db_.prepare("SELECT classified FROM documents WHERE sha256 = ?");
  doc.bind(1, p.sha256);
  if (!doc.step()) throw std::runtime_error("no such document: " + p.sha256);
  if (doc.integer(0) != 0) throw std::runtime_error("a classified document is never published");
  if (p.type.empty() || p.number.empty() || p.title.empty() || p.issuer.empty())
    throw std::runtime_error("type, number, title and issuer are required");
  if (!core::isIsoDate(p.issued) || (!p.effective.empty() && !core::isIsoDate(p.effective)))
    throw std::runtime_error("dates are YYYY-MM-DD");
  auto same = db_.prepare("SELECT sha256 FROM publications WHERE number = ? AND sha256 <> ?");
  same.bind(1, p.number).bind(2, p.sha256);
  if (same.step())
    throw std::runtime_error("number " + p.number + " is already published for another document");
  auto s = db_.prepare(
      "INSERT INTO publications(sha256, type, number, title, summary, issuer, signer, issued, "
      "effective, sitting, "
      "item, published_ms, adopted_ms) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT(sha256) DO "
      "UPDATE SET "
      "type=excluded.type, "
      "number=excluded.number, title=excluded.title, summary=excluded.summary, "
      "issuer=excluded.issuer, "
      "signer=excluded.signer, issued=excluded.issued, effective=excluded.effective, "
      "sitting=excluded.sitting, "
      "item=excluded.item, adopted_ms=excluded.adopted_ms");
  s.bind(1, p.sha256)
      .bind(2, p.type)
      .bind(3, p.number)
      .bind(4, p.title)
      .bind(5, p.summary)
      .bind(6, p.issuer);
  s.bind(7, p.signer).bind(8, p.issued).bind(9, p.effective).bind(10, p.sitting).bind(11, p.item);
  s.bind(12, p.published_ms).bind(13, p.adopted_ms);
  s.step();
}

std::vector<core::Publication> Publications::list() {
  auto s = db_.prepare(std::string("SELECT ") + kColumns +
                       " FROM publications p JOIN documents d USING(sha256) WHERE d.classified = 0"
                       " ORDER BY p.issued DESC, p.number DESC");
  std::vector<core::Publication> out;
  while (s.step()) out.push_back(read(s));
  return out;
}

std::optional<core::Publication> Publications::find(const std::string& sha256) {
  auto s = db_.prepare(std::string("SELECT ") + kColumns +
                       " FROM publications p JOIN documents d USING(sha256) WHERE p.sha256 = ? AND "
                       "d.classified = 0");
  s.bind(1, sha256);
  if (!s.step()) return std::nullopt;
  return read(s);
}

}  // namespace chamber::store
