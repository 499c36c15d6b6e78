#pragma once
/// A document the council has published on its portal (resolutions, minutes, reports),
/// with the fields Decree 42/2022/NĐ-CP asks a state body's site to show for each:
/// type, issuer, number and symbol, dates, summary, and the file to download.
/// Classified documents are never published (store/Publications refuses them).
#include <cstdint>
#include <string>

namespace chamber::core {

struct Publication {
  std::string sha256;     ///< the file (store/Documents)
  std::string type;       ///< loại văn bản: "Nghị quyết", "Biên bản", "Báo cáo", …
  std::string number;     ///< số, ký hiệu: "12/NQ-HĐND"
  std::string title;      ///< tên văn bản
  std::string summary;    ///< trích yếu
  std::string issuer;     ///< cơ quan ban hành: "HĐND xã Côn Minh"
  std::string signer;     ///< người ký: "Nguyễn Văn Hùng, Chủ tịch HĐND xã"
  std::string issued;     ///< ngày ban hành, ISO date
  std::string effective;  ///< ngày có hiệu lực, ISO date (may be empty)
  int sitting = 0;        ///< the sitting that adopted it (0: none)
  std::string item;       ///< its agenda item
  std::int64_t size = 0;  ///< bytes of the file
  std::int64_t published_ms = 0;
  std::int64_t adopted_ms = 0;    ///< the vote that adopted it closed (minutes: the sitting did)
  std::string signatures = "{}";  ///< its digital signatures as checked (papers::toJson)
};

}  // namespace chamber::core
