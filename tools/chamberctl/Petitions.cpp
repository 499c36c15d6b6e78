#include "chamberctl/Petitions.h"

#include <toml++/toml.h>

#include <chrono>
#include <iostream>

#include "core/Minutes.h"
#include "core/PetitionReport.h"

namespace chamber::ctl {

struct PetitionOptions {
  CLI::App* configure = nullptr;
  CLI::App* report = nullptr;
  std::filesystem::path file;
  std::string from, to;
};

namespace {
std::int64_t nowMs() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}
}  // namespace

core::PetitionCatalogue readPetitionCatalogue(const std::filesystem::path& file) {
  const auto t = toml::parse_file(file.string());
  core::PetitionCatalogue c;
  c.answerDays = static_cast<int>(t["answer_days"].value_or(int64_t{30}));
  if (const auto* areas = t["areas"].as_array())
    for (const auto& a : *areas)
      if (const auto v = a.value<std::string>()) c.areas.push_back(*v);
  if (const auto* topics = t["topic"].as_array())
    for (const auto& node : *topics) {
      const auto* tt = node.as_table();
      if (!tt) throw std::runtime_error("[[topic]] must be a table");
      c.topics.push_back({(*tt)["key"].value_or(std::string()),
                          (*tt)["label"].value_or(std::string()),
                          (*tt)["responder"].value_or(std::string())});
    }
  return c;
}

PetitionCommands::PetitionCommands(CLI::App& app) : o_(std::make_unique<PetitionOptions>()) {
  auto* p = app.add_subcommand("petitions", "kiến nghị cử tri / citizens' petitions");
  o_->configure = p->add_subcommand(
      "configure", "set the register up from TOML: topics and their offices, areas, answer days");
  o_->configure->add_option("file", o_->file, "TOML file")->required()->check(CLI::ExistingFile);
  o_->report = p->add_subcommand(
      "report", "Báo cáo tổng hợp ý kiến, kiến nghị của cử tri for a period (text)");
  o_->report->add_option("--from", o_->from, "first day, YYYY-MM-DD (default: all)");
  o_->report->add_option("--to", o_->to, "last day, YYYY-MM-DD (default: today)");
}

PetitionCommands::~PetitionCommands() = default;

int PetitionCommands::runOnStore(store::Store& st, core::State& state) {
  if (o_->configure->parsed()) {
    const auto cat = readPetitionCatalogue(o_->file);
    const auto d = st.run(state, core::Actor{core::Role::Operator, "chamberctl"},
                          core::ConfigurePetitions{cat}, nowMs());
    if (!d.ok() && d.error->code != "unchanged") {
      std::cerr << "chamberctl: " << d.error->code << ": " << d.error->message << "\n";
      return 2;
    }
    std::cout << "Sổ kiến nghị / petition register: " << cat.topics.size() << " lĩnh vực, "
              << cat.areas.size() << " địa bàn, trả lời trong " << cat.answerDays << " ngày\n";
    return 0;
  }
  if (o_->report->parsed()) {
    const std::string today = core::vietnamDate(nowMs());
    const auto r =
        core::petitionReport(state.petitions, o_->from, o_->to.empty() ? today : o_->to, today);
    const core::Sitting* s = state.current();
    std::cout << core::petitionReportText(r, s ? s->rules.council : "Hội đồng nhân dân");
    return 0;
  }
  return -1;
}

}  // namespace chamber::ctl
