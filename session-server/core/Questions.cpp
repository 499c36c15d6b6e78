// Interpellation (chất vấn): question slips to a responder, grouping, answers in person or
// in writing (tracked until answered), follow-ups.
#include "core/Decide.h"

namespace chamber::core::detail {

namespace {

const Question* findQuestion(const Ctx& c, const std::string& id) {
  auto it = c.sitting->questions.find(id);
  return it == c.sitting->questions.end() ? nullptr : &it->second;
}

}  // namespace

Decision decideQuestion(const Ctx& c, const SubmitQuestion& cmd) {
  if (auto f = requireSitting(
          c, {SittingStatus::Scheduled, SittingStatus::Open, SittingStatus::Suspended}))
    return *f;
  if (!c.sitting->responder(cmd.to))
    return fail("not_found", "Không có người trả lời " + cmd.to + " / no responder " + cmd.to);
  if (cmd.text.empty() || cmd.text.size() > 4000)
    return fail("bad_args", "Nội dung câu hỏi 1–4000 ký tự / question text must be 1–4000 bytes");
  const std::string id = "q" + std::to_string(c.sitting->nextQuestion);
  return emit(c, QuestionSubmitted{id, c.actor.id, cmd.to, cmd.text});
}

Decision decideQuestion(const Ctx& c, const GroupQuestions& cmd) {
  if (auto f = requireSitting(
          c, {SittingStatus::Scheduled, SittingStatus::Open, SittingStatus::Suspended}))
    return *f;
  if (cmd.questions.empty() || cmd.group.empty())
    return fail("bad_args",
                "Cần danh sách câu hỏi và tên nhóm / questions and a group are required");
  for (const auto& q : cmd.questions)
    if (!findQuestion(c, q))
      return fail("not_found", "Không có câu hỏi " + q + " / no question " + q);
  return emit(c, QuestionsGrouped{cmd.questions, cmd.group});
}

Decision decideQuestion(const Ctx& c, const AnswerQuestion& cmd) {
  // Written answers arrive after the sitting too: any state but none.
  if (auto f = requireSitting(c, {SittingStatus::Scheduled, SittingStatus::Open,
                                  SittingStatus::Suspended, SittingStatus::Closed}))
    return *f;
  const Question* q = findQuestion(c, cmd.question);
  if (!q)
    return fail("not_found", "Không có câu hỏi " + cmd.question + " / no question " + cmd.question);
  if (c.actor.role == Role::Responder && q->to != c.actor.id)
    return fail("forbidden", "Câu hỏi gửi người khác / the question is addressed to someone else");
  QuestionAnswered e{cmd.question, cmd.mode, cmd.text, 0};
  if (cmd.mode == "in_person") {
    if (c.sitting->status != SittingStatus::Open)
      return fail(
          "wrong_state",
          "Trả lời trực tiếp chỉ trong phiên họp / in person only while the sitting is open");
    if (q->status == QuestionStatus::Answered || q->status == QuestionStatus::AnsweredWritten)
      return fail("unchanged", "Câu hỏi đã được trả lời / already answered");
  } else if (cmd.mode == "written") {
    if (q->status == QuestionStatus::AnsweredWritten || q->status == QuestionStatus::WrittenPending)
      return fail("unchanged",
                  "Đã chuyển trả lời bằng văn bản / already to be answered in writing");
    e.due_ms = c.now_ms + std::int64_t{c.sitting->rules.writtenAnswerDays} * 24 * 3600 * 1000;
  } else if (cmd.mode == "written_answer") {
    if (q->status != QuestionStatus::WrittenPending)
      return fail("wrong_state",
                  "Câu hỏi không chờ trả lời bằng văn bản / no written answer is due");
    if (cmd.text.empty())
      return fail("bad_args", "Cần nội dung trả lời / the answer text is required");
  } else {
    return fail("bad_args", "Hình thức trả lời không hợp lệ / unknown mode " + cmd.mode);
  }
  return emit(c, std::move(e));
}

Decision decideQuestion(const Ctx& c, const FollowUpQuestion& cmd) {
  if (auto f = requireSitting(c, {SittingStatus::Open})) return *f;
  const Question* q = findQuestion(c, cmd.question);
  if (!q)
    return fail("not_found", "Không có câu hỏi " + cmd.question + " / no question " + cmd.question);
  if (q->from != c.actor.id)
    return fail("forbidden", "Chỉ người hỏi được hỏi lại / only the asker may follow up");
  if (q->status != QuestionStatus::Answered)
    return fail("wrong_state", "Chỉ hỏi lại sau khi được trả lời / follow up after an answer");
  if (cmd.text.empty()) return fail("bad_args", "Cần nội dung / text is required");
  return emit(c, QuestionFollowedUp{cmd.question, cmd.text});
}

}  // namespace chamber::core::detail
