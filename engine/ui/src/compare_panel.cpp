#include "et/ui/compare_panel.h"

#include <imgui.h>

#include "et/ui/i18n.h"

#include <algorithm>
#include <cstdlib>

namespace et::ui {

CompareRequest draw_compare(CompareModel& m) {
  CompareRequest req;
  if (!m.open) return req;
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + 40.0f),
                          ImGuiCond_FirstUseEver, ImVec2(0.5f, 0.0f));
  ImGui::SetNextWindowSize(ImVec2(std::min(760.0f, vp->WorkSize.x * 0.8f),
                                  std::min(560.0f, vp->WorkSize.y * 0.8f)),
                           ImGuiCond_FirstUseEver);
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
                        ImVec2(0.0f, ImGui::GetTextLineHeightWithSpacing() * 16.0f))) {
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
