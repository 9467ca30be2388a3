// Overlays: values per network element -> colours and a legend, in one place (DESIGN.md
// data flow). Static attributes (condition, age, material, break risk) are read from the
// scene; simulated and live values come in through OverlayInputs as plain per-id maps, so
// this file knows nothing of the solver or the feeds.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "et/app/world_builder.h"
#include "et/core/error.h"
#include "et/scene/view_state.h"
#include "et/ui/overlay_panel.h"

namespace et::app {

enum class OverlayMode {
  kUtility,    // the utility palette (default)
  kCondition,  // CJJ 181 grade I..IV, or good/fair/poor/critical
  kAge,        // years since installation
  kMaterial,
  kRisk,       // expected breaks per year, N(t) * length (break_rates.json)
  kDiff,       // a plan against the as-found networks: added, removed, moved, unchanged
  kPressure, kVelocity, kFlow, kHeadloss,  // from the hydraulic solver
  kLive, kAlarm, kStaleness, kMeasuredMinusSimulated,  // from sensor feeds
  kCount
};
const char* overlay_name(OverlayMode m);
bool overlay_from_name(const std::string& name, OverlayMode& out);
std::string overlay_names();  // "utility, condition, ..." for help and errors

// Break-rate parameters per material: N(t) = n0 * exp(a * (t - t0)) breaks/km/year.
struct BreakRate {
  double n0_per_km_year = 0.08;
  double a_per_year = 0.08;
};
struct BreakModel {
  std::map<std::string, BreakRate> materials;  // "default" is the fallback
  BreakRate rate(const std::string& material) const;
  double breaks_per_year(const std::string& material, int install_year, double year,
                         double length_km) const;
};
Result<BreakModel> load_break_model(const std::string& path);
// The scene's break_rates.json if it has one, else the project's assets/break_rates.json.
Result<BreakModel> default_break_model(const std::string& scene_dir);

// Values keyed by element id ("utility/id", e.g. "water/W-P-012").
using ValueMap = std::map<std::string, double>;
std::string value_key(Utility u, const std::string& id);

struct OverlayInputs {
  double year = 2026.0;  // for age and risk
  const BreakModel* breaks = nullptr;
  const ValueMap* link_values = nullptr;  // simulated or live, per link
  const ValueMap* node_values = nullptr;  // per node
  std::string value_unit;                 // for the legend
};

struct OverlayResult {
  std::vector<render::Element> elements;
  ui::Legend legend;
};

OverlayResult compute_overlay(const Scene& scene, const SceneWorld& sw, OverlayMode mode,
                              Palette palette, const OverlayInputs& in);

// Colour along the ramp for t in [0, 1].
glm::u8vec3 ramp_color(double t);
const std::vector<glm::u8vec3>& ramp_stops();

}  // namespace et::app
