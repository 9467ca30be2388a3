#include "et/ui/overlay_panel.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>

#include "et/ui/bookmark_panel.h"
#include "et/ui/color.h"
#include "et/ui/i18n.h"

namespace et::ui {

namespace {

// Where a panel was last frame (a folded one: its title bar); false when it was not shown.
// The panels place themselves around each other with it (layout: main panel and Tours on
// the left, Notes top, Tools and the inspector right, legend bottom right, Schedule and
// alarms at the bottom between them).
bool panel_rect(const char* name, ImRect& r) {
  ImGuiWindow* w = ImGui::FindWindowByName(name);
  if (!w || !(w->WasActive || w->Active)) return false;
  r = w->Rect();
  return true;
}

}  // namespace

void draw_overlay(OverlayModel& m) {
  // A narrow panel with collapsible sections, so the scene keeps most of the screen. Its
  // height leaves room for the Tours panel under it (folded: a title bar); what does not
  // fit scrolls inside.
  const ImGuiIO& io = ImGui::GetIO();
  const float width = 290.0f * io.FontGlobalScale;
  ImRect tours;
  const float tours_h = panel_rect("###tours", tours) ? tours.GetHeight() : ImGui::GetFrameHeight();
  const float max_h = std::max(120.0f * io.FontGlobalScale, io.DisplaySize.y - 20.0f - tours_h - 6.0f);
  ImGui::SetNextWindowPos(ImVec2(10, 10), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, max_h));
  ImGui::SetNextWindowBgAlpha(0.85f);
  ImGui::Begin("EstateTwin", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::PushItemWidth(width * 0.5f);
  // The language switch: each choice named in its own language, one click; first, so that it
  // stays in one place whatever the lines under it wrap to.
  int lang = int(language());
  ImGui::RadioButton("English", &lang, 0);
  ImGui::SameLine();
  ImGui::RadioButton("中文", &lang, 1);
  set_language(Language(lang));
  ImGui::Text(tr("%s: %d buildings, %d households"), tr(m.scene_name.c_str()), m.buildings, m.households);
  ImGui::Text(tr("%.2f ms (%.0f fps), %dx MSAA"), m.frame_ms, m.frame_ms > 0 ? 1000.0f / m.frame_ms : 0,
              m.msaa);
  ImGui::TextDisabled("%s", m.device.c_str());
  ImGui::Checkbox(tr("VSync"), &m.vsync);
  ImGui::SameLine();
  int mode = int(m.camera_mode);
  ImGui::RadioButton(tr("Orbit"), &mode, 0);
  ImGui::SameLine();
  ImGui::RadioButton(tr("Fly"), &mode, 1);
  ImGui::SameLine();
  ImGui::RadioButton(tr("Walk"), &mode, 2);
  m.camera_mode = OverlayModel::CameraMode(mode);
  if (m.camera_mode == OverlayModel::CameraMode::kFly)
    ImGui::SliderFloat(tr("Speed m/s"), &m.fly_speed, 1.0f, 200.0f, "%.0f");

  if (ImGui::CollapsingHeader(tr_id("Layers", "layers").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
    for (int i = 0; i < kLayerCount; ++i) {
      bool on = m.view->layers[i];
      if (ImGui::Checkbox(tr(layer_name(static_cast<Layer>(i))), &on)) m.view->layers[i] = on;
      if (i % 3 != 2 && i + 1 < kLayerCount) ImGui::SameLine(float((i % 3 + 1) * 95) * ImGui::GetIO().FontGlobalScale);
    }
  }
  if (ImGui::CollapsingHeader(tr_id("Ground and digging", "ground").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
  float opacity = float(m.view->ground_opacity);
  if (ImGui::SliderFloat(tr("Ground opacity"), &opacity, 0.0f, 1.0f, "%.2f"))
    m.view->ground_opacity = opacity;
  ImGui::Checkbox(tr("X-ray"), &m.view->xray);
  ImGui::SameLine();
  ImGui::Checkbox(tr("Labels"), &m.depth_labels);
  ImGui::SameLine();
  bool apwa = m.view->palette == "apwa";
  if (ImGui::Checkbox(tr("APWA"), &apwa)) m.view->palette = apwa ? "apwa" : "cjj61";

  if (!m.overlays.empty()) {
    int current = 0;
    for (size_t i = 0; i < m.overlays.size(); ++i)
      if (m.overlays[i] == m.view->overlay) current = int(i);
    if (ImGui::BeginCombo(tr("Colour by"), tr(m.overlays[size_t(current)].c_str()))) {
      for (size_t i = 0; i < m.overlays.size(); ++i)
        if (ImGui::Selectable(tr(m.overlays[i].c_str()), int(i) == current)) m.view->overlay = m.overlays[i];
      ImGui::EndCombo();
    }
  }
  Excavation& ex = m.view->excavation;
  if (ImGui::Checkbox(tr("Excavation"), &ex.enabled) && ex.enabled && ex.max.x <= ex.min.x) {
    glm::dvec3 c = m.view->camera.target;  // open it where the camera looks
    ex.min = {c.x - 6, c.y - 4, -3.0};
    ex.max = {c.x + 6, c.y + 4, 0.5};
  }
  if (ex.enabled) {
    float centre[2] = {float((ex.min.x + ex.max.x) / 2), float((ex.min.y + ex.max.y) / 2)};
    float size[2] = {float(ex.max.x - ex.min.x), float(ex.max.y - ex.min.y)};
    float depth = float(-ex.min.z);
    bool changed = ImGui::DragFloat2(tr("Centre x,y"), centre, 0.25f);
    changed |= ImGui::DragFloat2(tr("Size x,y"), size, 0.1f, 1.0f, 200.0f);
    changed |= ImGui::SliderFloat(tr("Depth m"), &depth, 0.5f, 8.0f, "%.1f");
    if (changed) {
      ex.min = {centre[0] - size[0] / 2, centre[1] - size[1] / 2, -depth};
      ex.max = {centre[0] + size[0] / 2, centre[1] + size[1] / 2, 0.5};
    }
  }
  }

  if (ImGui::CollapsingHeader(tr_id("Clock", "clock").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
    // The scenario clock drives simulation results, sensor replay and flow arrows.
    double t = m.view->time_s;
    int minutes = int(t / 60.0);
    char label[32];
    std::snprintf(label, sizeof label, "%02d:%02d", (minutes / 60) % 24, minutes % 60);
    // The slider sets the time of day; the day (a staged plan's date) stays.
    const double day_s = std::floor(t / 86400.0) * 86400.0;
    float hours = float((t - day_s) / 3600.0);
    if (ImGui::SliderFloat(tr("Time"), &hours, 0.0f, 24.0f, label)) m.view->time_s = day_s + double(hours) * 3600.0;
    if (ImGui::Button(m.playing ? tr_id("Pause", "play").c_str() : tr_id("Play", "play").c_str())) m.playing = !m.playing;
    ImGui::SameLine();
    ImGui::SetNextItemWidth(90.0f * ImGui::GetIO().FontGlobalScale);
    ImGui::DragFloat(tr("x speed"), &m.clock_speed, 10.0f, 1.0f, 7200.0f, "%.0f");
    ImGui::Checkbox(tr("Flow arrows"), &m.flow_arrows);
  }
  if (m.bookmark_ui) draw_bookmarks(*m.bookmark_ui);  // bookmark_panel.cpp: list and edits
  if (m.warnings && !m.warnings->empty()) {
    ImGui::Separator();
    for (const std::string& w : *m.warnings)
      ImGui::TextColored(linear_color(ImVec4(1.0f, 0.45f, 0.35f, 1.0f)), "%s", w.c_str());
  }
  ImGui::PopItemWidth();
  ImGui::PopTextWrapPos();
  ImGui::End();
}

void draw_legend(const Legend& lg) {
  if (lg.entries.empty() && !lg.ramp) return;
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 10, io.DisplaySize.y - 10), ImGuiCond_Always, ImVec2(1, 1));
  ImGui::SetNextWindowBgAlpha(0.8f);
  ImGui::Begin("###legend", nullptr,
               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoFocusOnAppearing |
                   ImGuiWindowFlags_NoTitleBar);
  ImGui::TextDisabled("%s", lg.title.c_str());
  for (const LegendEntry& e : lg.entries) {
    ImVec4 c = linear_color(ImVec4(e.color.r / 255.0f, e.color.g / 255.0f, e.color.b / 255.0f, 1.0f));
    ImGui::ColorButton(("##" + e.name).c_str(), c, ImGuiColorEditFlags_NoTooltip, ImVec2(14, 14));
    ImGui::SameLine();
    if (e.note.empty())
      ImGui::TextUnformatted(e.name.c_str());
    else
      ImGui::Text("%-9s %s", e.name.c_str(), e.note.c_str());
  }
  if (lg.ramp && lg.stops.size() >= 2) {
    // A horizontal gradient bar, one segment per pair of stops, with the range under it.
    const float w = 220.0f * io.FontGlobalScale, h = 14.0f * io.FontGlobalScale;
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const size_t n = lg.stops.size() - 1;
    for (size_t i = 0; i < n; ++i) {
      auto col = [](glm::u8vec3 c) { return linear_u32(c); };
      float x0 = p.x + w * float(i) / float(n), x1 = p.x + w * float(i + 1) / float(n);
      dl->AddRectFilledMultiColor(ImVec2(x0, p.y), ImVec2(x1, p.y + h), col(lg.stops[i]),
                                  col(lg.stops[i + 1]), col(lg.stops[i + 1]), col(lg.stops[i]));
    }
    ImGui::Dummy(ImVec2(w, h));
    ImGui::Text("%.3g", lg.lo);
    ImGui::SameLine(w - ImGui::CalcTextSize("00000").x);
    ImGui::Text("%.3g", lg.hi);
    if (!lg.unit.empty()) ImGui::TextDisabled("%s", lg.unit.c_str());
  }
  ImGui::End();
}

int draw_inspector(const InspectorModel* selected, const std::string& hover) {
  const ImGuiIO& io = ImGui::GetIO();
  if (!hover.empty() && !io.WantCaptureMouse) ImGui::SetTooltip("%s", hover.c_str());
  if (!selected) return -1;
  int pressed = -1;
  // Fixed width, actions first: the buttons stay in one place whatever the attributes are.
  const float width = 360.0f * io.FontGlobalScale;
  // Down to the first bottom panel under it (legend, alarms, Schedule), at most 70%.
  float bottom = io.DisplaySize.y * 0.7f + 10.0f;
  for (const char* below : {"###legend", "###alarms", "###schedule"}) {
    ImRect r;
    if (panel_rect(below, r) && r.Max.x > io.DisplaySize.x - 10 - width && r.Min.y > 40.0f)
      bottom = std::min(bottom, r.Min.y - 8.0f);
  }
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x - 10, 10), ImGuiCond_Always, ImVec2(1, 0));
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0),
                                      ImVec2(width, std::max(100.0f * io.FontGlobalScale, bottom - 10.0f)));
  ImGui::SetNextWindowBgAlpha(0.85f);
  ImGui::Begin(tr_id("Inspector", "inspector").c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove);
  ImGui::Text("%s", selected->title.c_str());
  for (size_t i = 0; i < selected->actions.size(); ++i) {
    if (i > 0) ImGui::SameLine();
    if (ImGui::Button(tr(selected->actions[i].c_str()))) pressed = int(i);
  }
  for (const SensorPlot& p : selected->plots) {
    if (p.values.empty()) continue;
    char overlay[64];
    std::snprintf(overlay, sizeof overlay, tr("now %.2f"), double(p.values.back()));
    ImGui::PlotLines(p.label.c_str(), p.values.data(), int(p.values.size()), 0, overlay, FLT_MAX,
                     FLT_MAX, ImVec2(width * 0.62f, 50.0f * io.FontGlobalScale));
  }
  ImGui::Separator();
  if (ImGui::BeginTable("attrs", 2, ImGuiTableFlags_RowBg)) {
    ImGui::TableSetupColumn("key", ImGuiTableColumnFlags_WidthFixed, 120.0f * io.FontGlobalScale);
    ImGui::TableSetupColumn("value", ImGuiTableColumnFlags_WidthStretch);
    for (const auto& [k, v] : selected->rows) {
      ImGui::TableNextRow();
      ImGui::TableSetColumnIndex(0);
      ImGui::TextDisabled("%s", tr(k.c_str()));
      ImGui::TableSetColumnIndex(1);
      ImGui::TextWrapped("%s", v.c_str());
    }
    ImGui::EndTable();
  }
  ImGui::End();
  return pressed;
}

int draw_alarms(const std::string& status, const std::vector<AlarmRow>& alarms) {
  if (status.empty()) return -1;
  const ImGuiIO& io = ImGui::GetIO();
  const float s = io.FontGlobalScale;
  // At the bottom, centred between the main panel and the legend; above the Schedule
  // while that shows (lower then, so that both leave some of the scene).
  const float left = 20.0f + 290.0f * s;
  ImRect legend, schedule;
  float right = io.DisplaySize.x - 10.0f - (panel_rect("###legend", legend) ? legend.GetWidth() + 10.0f : 0.0f);
  ImRect tools;  // the folded Tools on the right, at 30% of the height
  if (panel_rect("###tools", tools)) right = std::min(right, tools.Min.x - 10.0f);
  const bool staged = panel_rect("###schedule", schedule);
  const float width = std::clamp(right - left, 200.0f * s, 420.0f * s);
  const float bottom = staged ? schedule.Min.y - 8.0f : io.DisplaySize.y - 10.0f;
  const float max_h = std::max(ImGui::GetFrameHeight() * 3.0f, std::min(io.DisplaySize.y * (staged ? 0.25f : 0.35f), bottom - 50.0f * s));
  ImGui::SetNextWindowPos(ImVec2(std::max(left, (left + right) * 0.5f - width * 0.5f), bottom), ImGuiCond_Always,
                          ImVec2(0, 1));
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, max_h));
  ImGui::SetNextWindowBgAlpha(0.85f);
  ImGui::Begin(tr_id("Alarms", "alarms").c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextDisabled("%s", status.c_str());
  ImGui::PopTextWrapPos();
  int clicked = -1;
  if (alarms.empty()) ImGui::TextUnformatted(tr("No alarms."));
  for (size_t i = 0; i < alarms.size() && i < 12; ++i) {
    ImVec4 c = alarms[i].level >= 2 ? ImVec4(1.0f, 0.35f, 0.3f, 1.0f) : ImVec4(1.0f, 0.8f, 0.2f, 1.0f);
    // A row as tall as its text wrapped to the panel: nothing cut off at the edge.
    const char* text = alarms[i].text.c_str();
    const float wrap = ImGui::GetContentRegionAvail().x;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 size = ImGui::CalcTextSize(text, nullptr, false, wrap);
    if (ImGui::Selectable(("##alarm" + std::to_string(i)).c_str(), false, 0, ImVec2(0, size.y))) clicked = int(i);
    ImGui::GetWindowDrawList()->AddText(nullptr, 0.0f, p, ImGui::GetColorU32(linear_color(c)), text, nullptr, wrap);
  }
  ImGui::End();
  return clicked;
}

bool draw_outage(const OutageModel& m) {
  if (m.closed.empty() && m.error.empty()) return false;
  const ImGuiIO& io = ImGui::GetIO();
  ImGui::SetNextWindowPos(ImVec2(io.DisplaySize.x * 0.5f, 10), ImGuiCond_FirstUseEver, ImVec2(0.5f, 0));
  ImGui::SetNextWindowBgAlpha(0.85f);
  ImGui::Begin(tr_id("Water outage", "outage").c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize);
  bool clear = false;
  if (!m.error.empty()) ImGui::TextColored(linear_color(ImVec4(1.0f, 0.45f, 0.35f, 1.0f)), "%s", m.error.c_str());
  std::string closed;
  for (const std::string& c : m.closed) closed += (closed.empty() ? "" : ", ") + c;
  ImGui::TextWrapped(tr("Closed or cut: %s"), closed.c_str());
  ImGui::Text(tr("%d households in %zu buildings lose supply"), m.households, m.buildings.size());
  std::string list;
  for (const std::string& b : m.buildings) list += (list.empty() ? "" : ", ") + b;
  if (!list.empty()) ImGui::TextWrapped("%s", list.c_str());
  clear = ImGui::Button(tr("Clear"));
  ImGui::End();
  return clear;
}

void draw_labels(const std::vector<ScreenLabel>& labels) {
  ImDrawList* dl = ImGui::GetBackgroundDrawList();
  for (const ScreenLabel& l : labels) {
    ImVec2 size = ImGui::CalcTextSize(l.text.c_str());
    ImVec2 p(l.x - size.x / 2, l.y - size.y - 4);
    dl->AddRectFilled(ImVec2(p.x - 2, p.y - 1), ImVec2(p.x + size.x + 2, p.y + size.y + 1),
                      IM_COL32(0, 0, 0, 190), 2.0f);
    dl->AddText(p, IM_COL32(255, 255, 255, 255), l.text.c_str());
  }
}

}  // namespace et::ui
