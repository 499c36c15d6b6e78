#pragma once
/// Citizens' petitions (ý kiến, kiến nghị cử tri), RULES.md: every one recorded, routed to
/// the body that must answer, answered, and the answer published. Data only; decided in
/// Petitions.cpp. Who sent one (name, contact) is personal data: it never enters the core
/// or the log (store/Petitions.h keeps it apart, erasable).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace chamber::core {

/// received → accepted (or rejected, with a reason) → assigned → answered → published; a
/// duplicate is merged into another and counts its senders there.
enum class PetitionStatus {
  Received = 1,
  Accepted,
  Rejected,
  Assigned,
  Answered,
  Published,
  Merged
};

/// A topic a petition is filed under, and the People's Committee office that answers it.
struct PetitionTopic {
  std::string key;        ///< "dat-dai"
  std::string label;      ///< "Đất đai"
  std::string responder;  ///< the responder (account) that answers this topic
  bool operator==(const PetitionTopic&) const = default;
};

/// The council's register set-up: topics and their offices, areas (thôn/xóm), and how many
/// days an office has to answer.
struct PetitionCatalogue {
  std::vector<PetitionTopic> topics;
  std::vector<std::string> areas;
  int answerDays = 30;
  bool operator==(const PetitionCatalogue&) const = default;
  const PetitionTopic* topic(const std::string& key) const {
    for (const auto& t : topics)
      if (t.key == key) return &t;
    return nullptr;
  }
};

/// What a petition led to: an agenda item ("item", "5/2"), a resolution ("resolution",
/// its number), a supervision ("supervision", its title) or a question ("question", "5/q3").
struct PetitionLink {
  std::string kind, ref;
  bool operator==(const PetitionLink&) const = default;
};

struct Petition {
  std::string code;        ///< public: "KN-2026-0042"
  std::string channel;     ///< portal, meeting (tiếp xúc cử tri), post, office
  std::string meeting;     ///< the voters' meeting it was collected at, if any
  std::string text;        ///< as received: staff only (it may name people)
  std::string publicText;  ///< set on acceptance, personal data removed: what is published
  std::string topic, area;
  PetitionStatus status = PetitionStatus::Received;
  std::string reason;     ///< why it was rejected
  std::string responder;  ///< who must answer
  std::string due;        ///< yyyy-mm-dd (Vietnam), the answer's due date
  std::string answer, answeredBy;
  std::string mergedInto;               ///< for a merged duplicate
  std::vector<std::string> duplicates;  ///< merged into this one
  int senders = 1;                      ///< its own and its duplicates'
  std::vector<PetitionLink> links;
  struct Step {
    PetitionStatus status;
    std::int64_t at_ms = 0;
  };
  std::vector<Step> history;
  std::int64_t received_ms = 0;

  /// Past its due date (a Vietnamese day, yyyy-mm-dd) and not answered yet.
  bool overdue(const std::string& today) const {
    return (status == PetitionStatus::Assigned || status == PetitionStatus::Accepted) &&
           !due.empty() && today > due;
  }
  /// Its text may be shown to the public: moderated and not rejected.
  bool isPublic() const {
    return status != PetitionStatus::Received && status != PetitionStatus::Rejected;
  }
};

struct Petitions {
  PetitionCatalogue catalogue;
  std::map<std::string, Petition> byCode;
  std::map<int, int> lastSeq;  ///< per year: codes restart at 1 each year
};

std::string_view name(PetitionStatus s);
/// "Đã tiếp nhận", … : the Vietnamese label a citizen reads.
std::string_view labelVi(PetitionStatus s);

}  // namespace chamber::core
