#include "ui_models.h"

namespace et::app {

std::vector<ui::LegendEntry> legend_entries(const Scene& scene, Palette p) {
  std::vector<ui::LegendEntry> out;
  for (int u = 0; u < int(Utility::kCount); ++u) {
    double km = 0.0;
    bool present = false;
    for (const Network& n : scene.networks)
      if (int(n.utility) == u) present = true, km += n.length_km();
    if (present) out.push_back({utility_name(Utility(u)), utility_color(p, Utility(u)), km});
  }
  return out;
}

std::string legend_title(Palette p) {
  return p == Palette::kApwa ? "APWA colour code" : "CJJ 61-2017 colours";
}

ui::InspectorModel inspector_model(const nlohmann::json& j) {
  ui::InspectorModel m;
  m.title = j.value("kind", std::string("none")) + " " + j.value("id", std::string());
  for (const auto& [k, v] : j["attributes"].items())
    m.rows.emplace_back(k, v.is_string() ? v.get<std::string>() : v.dump());
  return m;
}

}  // namespace et::app
