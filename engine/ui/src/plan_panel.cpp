#include "et/ui/plan_panel.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "et/core/date.h"
#include "et/ui/i18n.h"

namespace et::ui {

void draw_split_labels(const std::string& left, const std::string& right,
                       const std::string& left_short, const std::string& right_short) {
  // On the background list: the labels belong to the picture (they are in headless
  // renders too), under every panel. Each sits against the divider, so that the pair reads
  // "A | B" and the window's side panels cover neither.
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  const ImVec2 size = ImGui::GetIO().DisplaySize;
  const float pad = 4.0f * ImGui::GetIO().FontGlobalScale;
  const float half = std::floor(size.x / 2);
  for (int side = 0; side < 2; ++side) {
    std::string text = side == 0 ? left : right;
    const std::string& short_text = side == 0 ? left_short : right_short;
    const float w = side == 0 ? half : size.x - half;
    // Longer than half its half (the side panels cover the rest): the short name, else
    // cut short with "...".
    const float room = w * 0.5f - 3 * pad;
    if (ImGui::CalcTextSize(text.c_str()).x > room && !short_text.empty()) text = short_text;
    if (ImGui::CalcTextSize(text.c_str()).x > room) {
      while (!text.empty() && ImGui::CalcTextSize((text + "...").c_str()).x > room) text.pop_back();
      text += "...";
    }
    const ImVec2 t = ImGui::CalcTextSize(text.c_str());
    const ImVec2 p(side == 0 ? half - 2 * pad - t.x : half + 2 * pad, pad + 2);
    dl->AddRectFilled(ImVec2(p.x - pad, p.y - 2), ImVec2(p.x + t.x + pad, p.y + t.y + 2),
                      IM_COL32(0, 0, 0, 170), 3.0f);
    dl->AddText(p, IM_COL32(255, 255, 255, 255), text.c_str());
  }
}

void draw_plans(PlansModel& m) {
  if (m.plans.empty() || !m.view) return;
  ViewState& v = *m.view;
  const ImGuiIO& io = ImGui::GetIO();
  // A section of the main panel (ImGui appends to a window begun again in the same frame):
  // one panel on the left keeps the picture clear. Open from the start when the view
  // already shows a plan.
  ImGui::Begin("EstateTwin");
  const float width = 290.0f * io.FontGlobalScale;
  if (!ImGui::CollapsingHeader(tr_id("Plans", "plans").c_str(), v.plan.empty() && v.plan_b.empty()
                                            ? ImGuiTreeNodeFlags_None
                                            : ImGuiTreeNodeFlags_DefaultOpen)) {
    ImGui::End();
    return;
  }
  ImGui::PushItemWidth(width * 0.5f);
  auto title_of = [&](const std::string& id, const char* none) {
    if (id.empty()) return std::string(tr(none));
    for (const PlanChoice& p : m.plans)
      if (p.id == id) return p.id;
    return id;
  };
  auto combo = [&](const char* label, std::string& id, const char* none) {
    if (!ImGui::BeginCombo(tr(label), title_of(id, none).c_str())) return;
    if (ImGui::Selectable(tr(none), id.empty())) id.clear();
    for (const PlanChoice& p : m.plans) {
      if (ImGui::Selectable(p.id.c_str(), id == p.id)) id = p.id;
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tr(p.title.c_str()));
    }
    ImGui::EndCombo();
  };
  combo(tr_id("Plan (P)", "plan_a").c_str(), v.plan, "as found");
  combo(tr_id("Plan B (B)", "plan_b").c_str(), v.plan_b, "none");
  ImGui::TextDisabled("%s", tr("B set: split screen, A left, B right"));
  ImGui::Checkbox(tr("Staged (4D)"), &v.staged);
  ImGui::SameLine();
  bool diff = v.overlay == "diff";
  if (ImGui::Checkbox(tr("Diff colours"), &diff)) v.overlay = diff ? "diff" : "utility";
  if (m.last_day >= m.first_day) {
    // The date slider runs from the day before the first task to the day after the last:
    // the plan not yet begun, and finished.
    const int lo = m.first_day - 1 - m.epoch_day, hi = m.last_day + 1 - m.epoch_day;
    const double tod = v.time_s - std::floor(v.time_s / 86400.0) * 86400.0;
    int day = std::clamp(int(std::floor(v.time_s / 86400.0)), lo, hi);
    std::string date = format_date(m.epoch_day + day);
    if (ImGui::SliderInt(tr("Date"), &day, lo, hi, date.c_str())) {
      v.time_s = double(day) * 86400.0 + tod;
      v.staged = true;
    }
    if (m.playing) {
      if (ImGui::Button(*m.playing ? tr_id("Pause", "plan_play").c_str() : tr_id("Play", "plan_play").c_str())) {
        *m.playing = !*m.playing;
        if (*m.playing) v.staged = true;
      }
      ImGui::SameLine();
      ImGui::SetNextItemWidth(90.0f * io.FontGlobalScale);
      ImGui::DragFloat(tr("days/s"), &m.days_per_s, 0.2f, 0.5f, 60.0f, "%.1f");
    }
    ImGui::Checkbox(tr("Schedule (when staged)"), &m.show_schedule);
  } else {
    ImGui::TextDisabled("%s", tr("No construction tasks in these plans."));
  }
  if (m.compare_open) ImGui::Checkbox(tr("Compare plans (metrics, violations)"), m.compare_open);
  ImGui::PopItemWidth();
  ImGui::End();
}

}  // namespace et::ui
