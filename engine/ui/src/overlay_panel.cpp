#include "et/ui/overlay_panel.h"

#include <imgui.h>

namespace et::ui {

void draw_overlay(OverlayModel& m) {
  ImGui::SetNextWindowPos(ImVec2(10, 10), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowBgAlpha(0.85f);
  ImGui::Begin("EstateTwin", nullptr, ImGuiWindowFlags_AlwaysAutoResize);
  ImGui::Text("%s", m.scene_name.c_str());
  ImGui::Text("%d buildings, %d households", m.buildings, m.households);
  ImGui::Text("Frame %.2f ms (%.0f fps)", m.frame_ms, m.frame_ms > 0 ? 1000.0f / m.frame_ms : 0);
  ImGui::TextDisabled("%s, %dx MSAA", m.device.c_str(), m.msaa);
  ImGui::Checkbox("VSync", &m.vsync);

  ImGui::Separator();
  ImGui::Text("Camera");
  int mode = m.fly_mode ? 1 : 0;
  ImGui::RadioButton("Orbit", &mode, 0);
  ImGui::SameLine();
  ImGui::RadioButton("Fly (WASD)", &mode, 1);
  m.fly_mode = mode == 1;
  if (m.fly_mode) ImGui::SliderFloat("Speed m/s", &m.fly_speed, 1.0f, 200.0f, "%.0f");

  ImGui::Separator();
  ImGui::Text("Layers");
  for (int i = 0; i < kLayerCount; ++i) {
    bool on = m.view->layers[i];
    if (ImGui::Checkbox(layer_name(static_cast<Layer>(i)), &on)) m.view->layers[i] = on;
    if (i % 2 == 0 && i + 1 < kLayerCount) ImGui::SameLine(130);
  }
  float opacity = float(m.view->ground_opacity);
  if (ImGui::SliderFloat("Ground opacity", &opacity, 0.0f, 1.0f, "%.2f"))
    m.view->ground_opacity = opacity;

  if (m.bookmarks && !m.bookmarks->empty()) {
    ImGui::Separator();
    ImGui::Text("Bookmarks");
    for (size_t i = 0; i < m.bookmarks->size(); ++i) {
      if (i > 0) ImGui::SameLine();
      if (ImGui::Button((*m.bookmarks)[i].name.c_str())) m.goto_bookmark = int(i);
    }
  }
  if (m.warnings && !m.warnings->empty()) {
    ImGui::Separator();
    for (const std::string& w : *m.warnings)
      ImGui::TextColored(ImVec4(1.0f, 0.45f, 0.35f, 1.0f), "%s", w.c_str());
  }
  ImGui::End();
}

}  // namespace et::ui
