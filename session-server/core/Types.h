#pragma once
/// Basic vocabulary of the domain core: roles, actors, errors, fractions.
/// Pure C++: no I/O, no clock (time comes in as `now_ms`).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace chamber::core {

/// Who someone is in the chamber. 0 is not a valid role.
enum class Role {
  Chair = 1,  ///< chủ tọa: runs the sitting, may speak at any time
  ViceChair,  ///< phó chủ tịch: may run the sitting in the chair's place
  Secretary,  ///< thư ký: attendance, roll call, minutes
  Delegate,   ///< đại biểu
  Responder,  ///< People's Committee official who answers interpellations
  Operator,   ///< technical operator: documents, set-up
  Media,      ///< the media process: reports recording/stream state
  Display,    ///< the hall display: reads members' events
  Public,     ///< a citizen: public events only
};

std::string_view roleName(Role role);
std::optional<Role> roleFromName(std::string_view name);

/// Members of the council vote and count for quorum when in office.
bool isCouncilMember(Role role);
/// Chair and vice-chair preside.
bool presides(Role role);

/// The authenticated sender of a command.
struct Actor {
  Role role = Role::Public;
  std::string id;  ///< delegate id for members, account id otherwise, empty for public
};

/// A refused command: `code` is stable (clients switch on it), `message` is for people.
struct Error {
  std::string code;
  std::string message;
  bool operator==(const Error&) const = default;
};

/// A non-negative fraction, e.g. 2/3. Compared with integers only: no rounding.
struct Fraction {
  std::int64_t num = 1;
  std::int64_t den = 2;
  bool operator==(const Fraction&) const = default;
};

/// count/total compared with f: strict means count/total > f, else count/total >= f.
/// A total of 0 never reaches a positive threshold.
bool reaches(std::int64_t count, std::int64_t total, Fraction f, bool strict);

/// Who may receive an event.
enum class Audience {
  Public = 1,  ///< everyone, citizens included (when the sitting is public)
  Members,     ///< every authenticated chamber role (not the public)
  Cleared,  ///< those allowed classified papers: chair, vice-chair, secretary, delegates, operator
  Staff,    ///< those who run the sitting: chair, vice-chair, secretary, operator
};

bool roleIn(Role role, Audience audience);

}  // namespace chamber::core
