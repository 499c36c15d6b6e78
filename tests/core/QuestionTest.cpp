#include "Harness.h"

using namespace chamber::core;
using namespace chamber::core::test;

TEST(Interpellation, QuestionAnswerFollowUpAndWrittenAnswersStayTracked) {
  Harness h(10);
  h.openWith(10);
  Decision d = h.run(Harness::del(3), SubmitQuestion{"r1", "Tiến độ xây dựng trường mầm non?"});
  h.expectOk(d);
  const auto q1 = std::get<QuestionSubmitted>(d.events[0]).question;
  d = h.run(Harness::del(4), SubmitQuestion{"r1", "Kinh phí chuyển đổi số năm 2026?"});
  const auto q2 = std::get<QuestionSubmitted>(d.events[0]).question;
  EXPECT_NE(q1, q2);
  h.expectError(h.run(Harness::del(4), SubmitQuestion{"nobody", "?"}), "not_found");
  h.expectOk(h.run(h.secretary(), GroupQuestions{{q1, q2}, "Giáo dục và chuyển đổi số"}));
  EXPECT_EQ(h.sitting().questions[q1].group, "Giáo dục và chuyển đổi số");

  h.expectError(h.run(Harness::del(3), AnswerQuestion{q1, "in_person", "…"}), "forbidden");
  h.expectOk(h.run(Harness::responder(), AnswerQuestion{q1, "in_person", "Quý III/2027."}));
  EXPECT_EQ(h.sitting().questions[q1].status, QuestionStatus::Answered);
  h.expectError(h.run(Harness::del(4), FollowUpQuestion{q1, "?"}), "forbidden");
  h.expectOk(h.run(Harness::del(3), FollowUpQuestion{q1, "Nguồn vốn từ đâu?"}));
  EXPECT_EQ(h.sitting().questions[q1].status, QuestionStatus::FollowUp);

  h.expectOk(h.run(h.chair(), AnswerQuestion{q2, "written", ""}));
  const auto& q = h.sitting().questions[q2];
  EXPECT_EQ(q.status, QuestionStatus::WrittenPending);
  EXPECT_EQ(q.due_ms - (h.now - 1000), 20LL * 24 * 3600 * 1000);
  // Still tracked after the sitting closes, until answered.
  h.expectOk(h.run(h.chair(), CloseSitting{}));
  h.expectError(h.run(Harness::responder(), AnswerQuestion{q2, "written_answer", ""}), "bad_args");
  h.expectOk(
      h.run(Harness::responder(), AnswerQuestion{q2, "written_answer", "Công văn số 15/UBND."}));
  EXPECT_EQ(h.sitting().questions[q2].status, QuestionStatus::AnsweredWritten);
}
