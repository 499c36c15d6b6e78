#include "core/Types.h"

#include <array>
#include <utility>

namespace chamber::core {

namespace {
constexpr std::array<std::pair<Role, std::string_view>, 9> kRoleNames{{
    {Role::Chair, "chair"},
    {Role::ViceChair, "vice_chair"},
    {Role::Secretary, "secretary"},
    {Role::Delegate, "delegate"},
    {Role::Responder, "responder"},
    {Role::Operator, "operator"},
    {Role::Media, "media"},
    {Role::Display, "display"},
    {Role::Public, "public"},
}};
}  // namespace

std::string_view roleName(Role role) {
  for (const auto& [r, name] : kRoleNames)
    if (r == role) return name;
  return "unknown";
}

std::optional<Role> roleFromName(std::string_view name) {
  for (const auto& [r, n] : kRoleNames)
    if (n == name) return r;
  return std::nullopt;
}

bool isCouncilMember(Role role) {
  return role == Role::Chair || role == Role::ViceChair || role == Role::Secretary ||
         role == Role::Delegate;
}

bool presides(Role role) {
  return role == Role::Chair || role == Role::ViceChair;
}

bool reaches(std::int64_t count, std::int64_t total, Fraction f, bool strict) {
  if (total <= 0) return f.num == 0 && !strict;
  // count/total ? num/den  <=>  count*den ? num*total (all non-negative)
  const auto lhs = count * f.den;
  const auto rhs = f.num * total;
  return strict ? lhs > rhs : lhs >= rhs;
}

bool roleIn(Role role, Audience audience) {
  switch (audience) {
    case Audience::Public:
      return true;
    case Audience::Members:
      return role != Role::Public;
    case Audience::Cleared:
      return isCouncilMember(role) || role == Role::Operator;
    case Audience::Staff:
      return presides(role) || role == Role::Secretary || role == Role::Operator;
  }
  return false;
}

}  // namespace chamber::core
