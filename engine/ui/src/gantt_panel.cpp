// The Schedule panel: one bar per construction task on a day axis, coloured by the company
// that owns it; tasks in a clash outlined red with a red mark on the clash day; a line at
// the clock's day. Clicking a bar jumps the clock to the task's start.
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <vector>

#include "et/core/date.h"
#include "et/ui/color.h"
#include "et/ui/i18n.h"
#include "et/ui/plan_panel.h"

namespace et::ui {

int draw_gantt(const GanttModel& m) {
  if (m.groups.empty() || m.last_day < m.first_day) return INT_MIN;
  const ImGuiIO& io = ImGui::GetIO();
  const float s = io.FontGlobalScale;
  // Bottom, right of the main panel (290 wide at x = 10) and left of the legend (bottom
  // right): the top holds the split screen's plan names and the folded Notes, the right the
  // Tools and the inspector; the alarms sit on top of it.
  const float left = 20.0f + 290.0f * s;
  float right = io.DisplaySize.x - 10.0f;
  if (ImGuiWindow* legend = ImGui::FindWindowByName("###legend"); legend && (legend->WasActive || legend->Active))
    right = legend->Pos.x - 10.0f;
  const float width = std::clamp(right - left, std::min(360.0f * s, io.DisplaySize.x - 20.0f), 1100.0f * s);
  ImGui::SetNextWindowPos(ImVec2(std::min(left, io.DisplaySize.x - 10.0f - width), io.DisplaySize.y - 10.0f),
                          ImGuiCond_Always, ImVec2(0, 1));
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, io.DisplaySize.y * 0.4f));
  ImGui::SetNextWindowBgAlpha(0.88f);
  ImGui::Begin(tr_id("Schedule", "schedule").c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove);
  int clicked = INT_MIN;
  // Colour key.
  for (size_t i = 0; i < m.owners.size(); ++i) {
    if (i > 0) ImGui::SameLine();
    const glm::u8vec3 c = m.owners[i].second;
    ImGui::ColorButton(("##own" + m.owners[i].first).c_str(),
                       ImGui::ColorConvertU32ToFloat4(linear_u32(c)), ImGuiColorEditFlags_NoTooltip,
                       ImVec2(12 * s, 12 * s));
    ImGui::SameLine();
    ImGui::TextUnformatted(tr(m.owners[i].first.c_str()));
  }
  // Task names as wide as the longest, up to 40% of the panel (cut there).
  float longest = 0.0f;
  for (const GanttGroup& group : m.groups)
    for (const GanttBar& bar : group.bars) longest = std::max(longest, ImGui::CalcTextSize(bar.label.c_str()).x);
  const float avail = ImGui::GetContentRegionAvail().x;
  const float label_w = std::clamp(longest + 8.0f * s, std::min(120.0f * s, avail * 0.4f), avail * 0.4f);
  const float row_h = ImGui::GetTextLineHeight() + 4.0f * s;
  const float axis_w = avail - label_w;
  const double span = double(m.last_day - m.first_day + 1);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  auto x_of = [&](float x0, double day) {
    return x0 + label_w + float((day - m.first_day) / span) * axis_w;
  };
  // The axis: the first of each month (or every 7th day when the span is short).
  {
    ImVec2 p = ImGui::GetCursorScreenPos();
    float text_end = -FLT_MAX;
    for (int d = m.first_day; d <= m.last_day; ++d) {
      std::string date = format_date(d);
      bool tick = span > 45 ? date.substr(8) == "01" : (d - m.first_day) % 7 == 0;
      if (!tick) continue;
      float x = x_of(p.x, d);
      dl->AddLine(ImVec2(x, p.y + row_h * 0.6f), ImVec2(x, p.y + row_h),
                  IM_COL32(160, 160, 160, 255));
      const std::string text = date.substr(span > 45 ? 0 : 5);
      if (x + 2 < text_end) continue;  // a narrow panel: the tick without its date
      dl->AddText(ImVec2(x + 2, p.y), IM_COL32(200, 200, 200, 255), text.c_str());
      text_end = x + 2 + ImGui::CalcTextSize(text.c_str()).x + 6.0f * s;
    }
    ImGui::Dummy(ImVec2(label_w + axis_w, row_h));
  }
  const ImVec2 top = ImGui::GetCursorScreenPos();
  for (size_t g = 0; g < m.groups.size(); ++g) {
    const GanttGroup& group = m.groups[g];
    ImGui::TextDisabled("%s", group.title.c_str());
    std::vector<float> row_y;  // each bar's row centre, for the clash marks
    for (size_t b = 0; b < group.bars.size(); ++b) {
      const GanttBar& bar = group.bars[b];
      ImVec2 p = ImGui::GetCursorScreenPos();
      row_y.push_back(p.y + row_h / 2);
      ImGui::PushClipRect(p, ImVec2(p.x + label_w - 4, p.y + row_h), true);
      ImGui::TextUnformatted(bar.label.c_str());
      ImGui::PopClipRect();
      float x0 = x_of(p.x, bar.start_day), x1 = x_of(p.x, bar.end_day + 1);
      x1 = std::max(x1, x0 + 3.0f);
      ImVec2 a(x0, p.y + 2 * s), c(x1, p.y + row_h - 2 * s);
      ImGui::SetCursorScreenPos(a);
      ImGui::PushID(int(g * 10000 + b));
      if (ImGui::InvisibleButton("bar", ImVec2(c.x - a.x, c.y - a.y))) clicked = bar.start_day;
      bool hovered = ImGui::IsItemHovered();
      ImGui::PopID();
      dl->AddRectFilled(a, c, linear_u32(bar.color), 2.0f);
      if (hovered)
        dl->AddRect(a, c, IM_COL32(255, 255, 255, 255), 2.0f, 0, 2.0f);
      else if (bar.clash)
        dl->AddRect(a, c, linear_u32({255, 40, 40}), 2.0f, 0, 2.0f);
      if (hovered)
        ImGui::SetTooltip(tr("%s\n%s\nclick: go to its first day"), bar.label.c_str(),
                          bar.detail.c_str());
      ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + row_h));
      ImGui::Dummy(ImVec2(0, 0));
    }
    // Clash marks: a red diamond on the clash day in each task's row.
    for (const GanttClash& k : group.clashes) {
      for (int bi : {k.bar, k.other}) {
        if (bi < 0 || size_t(bi) >= group.bars.size()) continue;
        float y = row_y[size_t(bi)];
        float x = x_of(top.x, k.day + 0.5);
        float r = row_h * 0.32f;
        dl->AddQuadFilled(ImVec2(x, y - r), ImVec2(x + r, y), ImVec2(x, y + r), ImVec2(x - r, y),
                          linear_u32({255, 30, 30}));
        dl->AddQuad(ImVec2(x, y - r), ImVec2(x + r, y), ImVec2(x, y + r), ImVec2(x - r, y),
                    IM_COL32(255, 255, 255, 255));
        if (ImGui::IsMouseHoveringRect(ImVec2(x - r, y - r), ImVec2(x + r, y + r)))
          ImGui::SetTooltip("%s", k.text.c_str());
      }
    }
    if (!group.clashes.empty())
      ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(linear_u32({255, 110, 90})), "%s",
                         (std::to_string(group.clashes.size()) + " " +
                          tr(group.clashes.size() == 1 ? "clash" : "clashes")).c_str());
  }
  // The clock's day over every row.
  if (m.cursor_day >= m.first_day && m.cursor_day <= m.last_day) {
    const ImVec2 bottom = ImGui::GetCursorScreenPos();
    float x = x_of(top.x, m.cursor_day + 0.5);
    dl->AddLine(ImVec2(x, top.y - row_h * 0.4f), ImVec2(x, bottom.y), IM_COL32(255, 255, 255, 230),
                2.0f);
  }
  ImGui::End();
  return clicked;
}

}  // namespace et::ui
