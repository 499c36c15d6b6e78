#include "store/Publish.h"

#include <cstdio>
#include <fstream>

#include "core/Minutes.h"
#include "store/Crypto.h"

namespace chamber::store {

std::optional<core::Publication> publicationOf(const core::State& state, const std::string& pdfPath,
                                               const papers::PdfSignatures& signatures,
                                               const std::string& resolutionNumber, int year) {
  if (signatures.signatures.empty()) return std::nullopt;
  const auto& first = signatures.signatures.front();
  core::Publication pub;
  pub.issued = first.signedAt.substr(0, 10);
  if (const auto ms = papers::instantMs(first.signedAt)) {  // the date in the commune
    const auto t = core::vietnamTime(*ms);
    char d[16];
    std::snprintf(d, sizeof d, "%04d-%02d-%02d", t.year, t.month, t.day);
    pub.issued = d;
  }
  if (!resolutionNumber.empty()) {
    const core::Resolution* r = nullptr;
    for (const auto& x : state.resolutions)
      if (x.number == resolutionNumber && (!year || x.year == year)) r = &x;
    if (!r) return std::nullopt;
    const core::Sitting* s = state.sitting(r->sitting);
    pub.type = "Nghị quyết";
    pub.number = r->number;
    pub.title = r->title;
    pub.summary = r->title;
    pub.issuer = s ? s->rules.council : "";
    pub.sitting = r->sitting;
    pub.item = r->item;
    pub.adopted_ms = r->numbered_ms;  // the step that closed its vote
  } else {
    std::ifstream f(pdfPath, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(f), {}};
    const core::Sitting* found = nullptr;
    for (const auto& [id, s] : state.sittings)
      for (const auto& p : s.minutes.pdfs)
        if (p.size <= static_cast<std::int64_t>(bytes.size()) &&
            sha256Hex(std::string_view(bytes).substr(0, static_cast<std::size_t>(p.size))) ==
                p.sha256)
          found = &s;
    if (!found || found->minutes.finalVersion < 0) return std::nullopt;
    const auto text = core::parseMinutes(
        found->minutes.versions.at(static_cast<std::size_t>(found->minutes.finalVersion)).text);
    pub.type = "Biên bản";
    pub.number = text.get("Số");
    pub.title = "Biên bản " + text.get("Trích yếu");
    pub.summary = text.get("Trích yếu");
    pub.issuer = text.get("Cơ quan");
    const std::string chair = text.get("Chủ tọa");  // "Name | title"
    const auto bar = chair.find('|');
    pub.signer = bar == std::string::npos ? chair
                                          : chair.substr(0, bar - (bar && chair[bar - 1] == ' ')) +
                                                "," + chair.substr(bar + 1);
    pub.sitting = found->id;
    pub.adopted_ms = found->minutes.versions.front().at_ms;  // the close
  }
  if (pub.signer.empty()) pub.signer = first.name.empty() ? first.signer : first.name;
  return pub;
}

}  // namespace chamber::store
