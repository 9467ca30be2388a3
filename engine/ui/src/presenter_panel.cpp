#include "et/ui/presenter_panel.h"

#include <imgui.h>

#include "et/ui/color.h"
#include "et/ui/i18n.h"
#include "et/ui/ui_context.h"

namespace et::ui {
namespace {

constexpr ImGuiWindowFlags kBare = ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoCollapse |
                                   ImGuiWindowFlags_NoInputs | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoSavedSettings;

}  // namespace

void draw_presenter(const std::vector<std::string>& caption, const Legend& lg) {
  const ImGuiIO& io = ImGui::GetIO();
  ImFont* large = imgui_large_font();
  if (large) ImGui::PushFont(large);
  const float pad = 0.5f * ImGui::GetFontSize();
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad, pad * 0.6f));
  ImGui::SetNextWindowPos(ImVec2(pad, pad), ImGuiCond_Always);
  ImGui::SetNextWindowBgAlpha(0.6f);
  ImGui::Begin("##presenter_caption", nullptr, kBare);
  for (size_t i = 0; i < caption.size(); ++i) {
    if (i == 0) ImGui::TextUnformatted(caption[i].c_str());
    else ImGui::TextColored(linear_color(ImVec4(0.85f, 0.85f, 0.85f, 1.0f)), "%s", caption[i].c_str());
  }
  ImGui::End();

  if (!lg.entries.empty() || lg.ramp) {
    ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - pad, io.DisplaySize.y - pad), ImGuiCond_Always,
                            ImVec2(1, 1));
    ImGui::SetNextWindowBgAlpha(0.6f);
    ImGui::Begin("##presenter_legend", nullptr, kBare);
    ImGui::TextUnformatted(lg.title.c_str());
    const float sw = ImGui::GetFontSize() * 0.8f;  // swatches as tall as the text
    for (const LegendEntry& e : lg.entries) {
      ImVec4 c = linear_color(ImVec4(e.color.r / 255.0f, e.color.g / 255.0f, e.color.b / 255.0f, 1.0f));
      ImGui::ColorButton(("##p" + e.name).c_str(), c, ImGuiColorEditFlags_NoTooltip, ImVec2(sw, sw));
      ImGui::SameLine();
      ImGui::Text("%s  %s", e.name.c_str(), e.note.c_str());
    }
    if (lg.ramp && lg.stops.size() >= 2) {
      const float w = 10.0f * ImGui::GetFontSize(), h = 0.8f * ImGui::GetFontSize();
      ImVec2 p = ImGui::GetCursorScreenPos();
      ImDrawList* dl = ImGui::GetWindowDrawList();
      const size_t n = lg.stops.size() - 1;
      for (size_t i = 0; i < n; ++i) {
        float x0 = p.x + w * float(i) / float(n), x1 = p.x + w * float(i + 1) / float(n);
        dl->AddRectFilledMultiColor(ImVec2(x0, p.y), ImVec2(x1, p.y + h), linear_u32(lg.stops[i]),
                                    linear_u32(lg.stops[i + 1]), linear_u32(lg.stops[i + 1]),
                                    linear_u32(lg.stops[i]));
      }
      ImGui::Dummy(ImVec2(w, h));
      ImGui::Text("%.3g - %.3g %s", lg.lo, lg.hi, lg.unit.c_str());
    }
    ImGui::End();
  }
  ImGui::PopStyleVar();
  if (large) ImGui::PopFont();
}

}  // namespace et::ui
