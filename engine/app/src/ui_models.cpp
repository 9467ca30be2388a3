#include "ui_models.h"

#include <algorithm>
#include <cstdio>

#include "et/app/frame_setup.h"

namespace et::app {

ui::InspectorModel inspector_model(const nlohmann::json& j) {
  ui::InspectorModel m;
  m.title = j.value("kind", std::string("none")) + " " + j.value("id", std::string());
  for (const auto& [k, v] : j["attributes"].items())
    m.rows.emplace_back(k, v.is_string() ? v.get<std::string>() : v.dump());
  return m;
}

// Cover depth at the middle of the nearest links, for reading depths off the screen.
std::vector<ui::ScreenLabel> depth_labels(const std::vector<Network>& networks, const ViewState& v,
                                          int w, int h, double far_m) {
  render::FrameParams f = frame_params(v, w, h, far_m);
  glm::mat4 vp = f.proj * f.view;
  struct Cand { double dist; ui::ScreenLabel label; };
  std::vector<Cand> cands;
  for (const Network& net : networks) {
    if (!v.layer_visible(utility_layer(net.utility))) continue;
    for (const NetLink& l : net.links) {
      if (l.path.size() < 2) continue;
      glm::dvec3 mid = (l.path.front() + l.path.back()) * 0.5;
      double d = glm::length(mid - v.camera.eye);
      if (d > 80.0) continue;
      glm::vec4 c = vp * glm::vec4(glm::vec3(mid), 1.0f);
      if (c.w <= 0.1f) continue;
      float sx = (c.x / c.w * 0.5f + 0.5f) * float(w), sy = (c.y / c.w * 0.5f + 0.5f) * float(h);
      if (sx < 0 || sy < 0 || sx > w || sy > h) continue;
      double cover = 0.5 * (l.cover_start_m + l.cover_end_m);
      char text[48];
      std::snprintf(text, sizeof text, "%s %.2f m", utility_name(net.utility), cover);
      cands.push_back({d, {sx, sy, text}});
    }
  }
  std::sort(cands.begin(), cands.end(), [](const Cand& a, const Cand& b) { return a.dist < b.dist; });
  std::vector<ui::ScreenLabel> out;
  for (size_t i = 0; i < cands.size() && i < 30; ++i) out.push_back(cands[i].label);
  return out;
}

}  // namespace et::app
