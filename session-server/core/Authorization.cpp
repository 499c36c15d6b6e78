#include "core/Authorization.h"

#include <map>
#include <string>
#include <vector>

namespace chamber::core {

namespace {

using R = Role;
const std::vector<Role> kMembers = {R::Chair, R::ViceChair, R::Secretary, R::Delegate};
const std::vector<Role> kRunners = {R::Chair, R::ViceChair, R::Secretary};
const std::vector<Role> kStaff = {R::Chair, R::ViceChair, R::Secretary, R::Operator};

const std::map<std::string_view, std::vector<Role>>& table() {
  static const std::map<std::string_view, std::vector<Role>> t = {
      {CreateSitting::kName, {R::Chair, R::Secretary, R::Operator}},
      {OpenSitting::kName, kRunners},
      {SuspendSitting::kName, kRunners},
      {ResumeSitting::kName, kRunners},
      {CloseSitting::kName, kRunners},
      {CheckIn::kName, kMembers},
      {MarkAttendance::kName, kRunners},
      {ActivateItem::kName, kRunners},
      {AttachDocument::kName, {R::Chair, R::Secretary, R::Operator}},
      {kUploadDocument, {R::Chair, R::Secretary, R::Operator}},
      // Presenters (whoever holds the floor) may share too; Session.cpp checks that.
      {SharePage::kName,
       {R::Chair, R::ViceChair, R::Secretary, R::Delegate, R::Responder, R::Operator}},
      {RequestFloor::kName, kMembers},
      {CancelFloor::kName, kMembers},
      {GrantFloor::kName, {R::Chair, R::ViceChair}},
      {EndFloor::kName, {R::Chair, R::ViceChair, R::Secretary, R::Delegate, R::Responder}},
      {SubmitQuestion::kName, kMembers},
      {GroupQuestions::kName, kRunners},
      {AnswerQuestion::kName, {R::Chair, R::ViceChair, R::Secretary, R::Responder}},
      {FollowUpQuestion::kName, kMembers},
      {CreateVote::kName, kRunners},
      {OpenVote::kName, kRunners},
      {CastBallot::kName, kMembers},
      {CloseVote::kName, kRunners},
      {ReportMediaState::kName, {R::Media}},
      {ControlRecording::kName, {R::Chair, R::ViceChair, R::Secretary, R::Operator}},
      {ClearSignIn::kName, {R::Chair, R::ViceChair, R::Secretary, R::Operator}},
      // The papers after the sitting: the secretary's work, the chair's and staff's.
      {NumberResolution::kName, {R::Chair, R::ViceChair, R::Secretary, R::Operator}},
      {DraftMinutes::kName, {R::Chair, R::ViceChair, R::Secretary, R::Operator}},
      {SaveMinutes::kName, {R::Chair, R::ViceChair, R::Secretary}},
      {FinaliseMinutes::kName, {R::Chair, R::ViceChair, R::Secretary}},
      {RecordMinutesPdf::kName, {R::Chair, R::ViceChair, R::Secretary, R::Operator}},
      // Citizens' petitions: the public sends from the portal (core checks the channel),
      // staff run the register, the offices that must answer answer.
      {ConfigurePetitions::kName, {R::Chair, R::Secretary, R::Operator}},
      {SubmitPetition::kName, {R::Public, R::Chair, R::ViceChair, R::Secretary, R::Operator}},
      {AcceptPetition::kName, kStaff},
      {RejectPetition::kName, kStaff},
      {AssignPetition::kName, kStaff},
      {AnswerPetition::kName, {R::Chair, R::ViceChair, R::Secretary, R::Operator, R::Responder}},
      {PublishPetition::kName, kStaff},
      {MergePetition::kName, kStaff},
      {LinkPetition::kName, kStaff},
  };
  return t;
}

}  // namespace

bool roleMaySend(Role role, std::string_view commandName) {
  auto it = table().find(commandName);
  if (it == table().end()) return false;
  for (Role r : it->second)
    if (r == role) return true;
  return false;
}

std::optional<Error> authorize(Role role, const Command& command) {
  const auto name = nameOf(command);
  if (roleMaySend(role, name)) return std::nullopt;
  return Error{"forbidden", "Vai trò " + std::string(roleName(role)) + " không được thực hiện " +
                                std::string(name) + " / role " + std::string(roleName(role)) +
                                " may not send " + std::string(name)};
}

bool publiclyAttached(const State& st, const std::string& sha) {
  for (const auto& [id, sitting] : st.sittings) {
    if (!sitting.isPublic) continue;
    for (const auto& item : sitting.agenda)
      for (const auto& d : item.documents)
        if (d.sha256 == sha && !d.classified) return true;
  }
  return false;
}

bool mayReadDocument(const State& state, Role role, const std::string& sha256, bool classified,
                     const std::function<bool()>& published) {
  if (classified) return roleIn(role, Audience::Cleared);
  if (role != Role::Public) return true;
  return publiclyAttached(state, sha256) || published();
}

}  // namespace chamber::core
