#include "et/ui/compare_panel.h"

#include <imgui.h>
#include <imgui_internal.h>

#include "et/ui/i18n.h"

#include <algorithm>
#include <cstdlib>

namespace et::ui {

CompareRequest draw_compare(CompareModel& m) {
  CompareRequest req;
  if (!m.open) return req;
  // Placed each time it opens, in the free space: right of the main panel (290 wide at
  // x = 10), under the folded Notes, left of the Tools, above the Schedule and the alarms
  // (over the alarms when they leave too little room).
  const ImGuiIO& io = ImGui::GetIO();
  const float sc = io.FontGlobalScale;
  auto rect = [](const char* name, ImRect& r) {
    ImGuiWindow* w = ImGui::FindWindowByName(name);
    if (!w || !(w->WasActive || w->Active)) return false;
    r = w->Rect();
    return true;
  };
  const float left = 20.0f + 290.0f * sc;
  const float top = 18.0f + ImGui::GetFrameHeight();
  ImRect near;
  const float right = io.DisplaySize.x - 10.0f - (rect("###tools", near) ? near.GetWidth() + 10.0f : 0.0f);
  float bottom = io.DisplaySize.y - 10.0f;
  if (rect("###schedule", near)) bottom = std::min(bottom, near.Min.y - 8.0f);
  if (rect("###alarms", near) && near.Min.y - 8.0f - top > 300.0f * sc) bottom = std::min(bottom, near.Min.y - 8.0f);
  const float w = std::max(std::min(760.0f * sc, right - left), std::min(300.0f * sc, io.DisplaySize.x - 20.0f));
  const float h = std::max(std::min(560.0f * sc, bottom - top), std::min(240.0f * sc, io.DisplaySize.y - 20.0f));
  ImGui::SetNextWindowPos(ImVec2(std::min(left, io.DisplaySize.x - 10.0f - w), top), ImGuiCond_Appearing);
  ImGui::SetNextWindowSize(ImVec2(w, h), ImGuiCond_Appearing);
  ImGui::SetNextWindowBgAlpha(0.96f);  // a table to read, not a see-through overlay
  if (!ImGui::Begin(tr_id("Compare plans", "compare").c_str(), &m.open)) {
    ImGui::End();
    return req;
  }
  for (size_t i = 0; i < m.plans.size(); ++i) {
    bool on = m.ticked[i] != 0;
    if (i) ImGui::SameLine();
    if (ImGui::Checkbox((tr(m.plans[i]) + "##" + m.plans[i]).c_str(), &on)) m.ticked[i] = on;
  }
  ImGui::SameLine();
  if (ImGui::Button(m.columns.empty() ? tr_id("Compute", "compute").c_str() : tr_id("Recompute", "compute").c_str())) req.compute = true;

  if (!m.columns.empty() &&
      ImGui::BeginTable("metrics", int(m.columns.size()) + 1,
                        ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                            ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit,
                        ImVec2(0.0f, std::clamp(ImGui::GetContentRegionAvail().y * 0.55f, ImGui::GetTextLineHeightWithSpacing() * 6.0f,
                                                    ImGui::GetTextLineHeightWithSpacing() * 16.0f)))) {
    ImGui::TableSetupScrollFreeze(1, 1);
    ImGui::TableSetupColumn(tr("metric"));
    for (const std::string& c : m.columns) ImGui::TableSetupColumn(tr(c.c_str()));
    ImGui::TableHeadersRow();
    for (size_t r = 0; r < m.row_labels.size(); ++r) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextUnformatted(tr(m.row_labels[r].c_str()));
      // The best plan per row (as found excluded: it digs nothing) in green.
      double best = 0.0;
      bool any = false;
      for (size_t c = 0; c < m.columns.size(); ++c) {
        if (m.columns[c] == "as_found" || m.better[r] == 0) continue;
        double v = std::atof(m.values[r][c].c_str());
        if (!any || (m.better[r] < 0 ? v < best : v > best)) best = v;
        any = true;
      }
      for (size_t c = 0; c < m.columns.size(); ++c) {
        ImGui::TableSetColumnIndex(int(c) + 1);
        bool hi = any && m.columns[c] != "as_found" && std::atof(m.values[r][c].c_str()) == best;
        if (hi) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.45f, 0.95f, 0.45f, 1.0f));
        ImGui::TextUnformatted(m.values[r][c].c_str());
        if (hi) ImGui::PopStyleColor();
      }
    }
    ImGui::EndTable();
  }

  ImGui::Separator();
  ImGui::SetNextItemWidth(180.0f);
  if (ImGui::BeginCombo(tr("violations of"), m.plans.empty() ? "" : tr(m.plans[size_t(m.violations_of)].c_str()))) {
    for (size_t i = 0; i < m.plans.size(); ++i)
      if (ImGui::Selectable((tr(m.plans[i]) + "##" + m.plans[i]).c_str(), int(i) == m.violations_of)) {
        m.violations_of = int(i);
        req.violations = true;
      }
    ImGui::EndCombo();
  }
  ImGui::SameLine();
  ImGui::Text(tr("%zu (click one to look at it; * = rule not yet verified)"), m.violation_lines.size());
  ImGui::BeginChild("violations", ImVec2(0, 0), true);
  ImGuiListClipper clip;
  clip.Begin(int(m.violation_lines.size()));
  while (clip.Step())
    for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
      ImGui::PushID(i);
      if (ImGui::Selectable(m.violation_lines[size_t(i)].c_str())) req.fly_to = i;
      ImGui::PopID();
    }
  ImGui::EndChild();
  ImGui::End();
  return req;
}

}  // namespace et::ui
