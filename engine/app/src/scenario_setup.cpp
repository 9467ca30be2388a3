#include "scenario_setup.h"

#include "live_overlay.h"
#include "sim_scenario.h"

namespace et::app {
namespace {

// The sensor feeds replayed from the scene's live log (live_overlay.h).
class LiveScenarioSource final : public ScenarioSource {
 public:
  explicit LiveScenarioSource(LiveOverlaySource src) : src_(std::move(src)) {}
  bool values(OverlayMode mode, double t, OverlayData& out) override {
    if (mode != OverlayMode::kLive && mode != OverlayMode::kAlarm &&
        mode != OverlayMode::kStaleness)
      return false;
    LiveValues v = src_.values_at(overlay_name(mode), t);
    out.link_values = std::move(v.link_values);
    out.node_values = std::move(v.node_values);
    out.unit = v.unit;
    return true;
  }
  const LiveOverlaySource& live() const { return src_; }

 private:
  LiveOverlaySource src_;
};

// Measured minus simulated pressure, at each water-pressure sensor's element: where the
// network departs from the model (a leak, a closed valve nobody recorded, a wrong diameter).
class DeviationSource final : public ScenarioSource {
 public:
  DeviationSource(const LiveScenarioSource& live, ScenarioSource& sim) : live_(live), sim_(sim) {}
  bool values(OverlayMode mode, double t, OverlayData& out) override {
    if (mode != OverlayMode::kMeasuredMinusSimulated) return false;
    OverlayData simulated;
    if (!sim_.values(OverlayMode::kPressure, t, simulated)) return false;
    const auto& sensors = live_.live().files().sensors.sensors;
    for (size_t i = 0; i < sensors.size(); ++i) {
      const live::Sensor& s = sensors[i];
      if (s.type != live::SensorType::kWaterPressure) continue;
      live::SensorAt m = live_.live().timeline().at(int(i), t);
      if (!m.has_value) continue;
      const std::string key = value_key(s.utility, s.element);
      const ValueMap& sim_map = s.element_is_link ? simulated.link_values : simulated.node_values;
      auto it = sim_map.find(key);
      if (it == sim_map.end()) continue;
      // Sensors report MPa (Chinese utility practice); the model's pressure is m of water.
      constexpr double kMetresPerMPa = 1.0e6 / (1000.0 * 9.80665);
      (s.element_is_link ? out.link_values : out.node_values)[key] = m.value * kMetresPerMPa - it->second;
    }
    out.unit = "m of water, measured - simulated";
    return true;
  }

 private:
  const LiveScenarioSource& live_;
  ScenarioSource& sim_;
};

}  // namespace

std::unique_ptr<Scenario> make_scenario(const Scene& scene, std::vector<std::string>& warnings) {
  auto s = std::make_unique<Scenario>();
  LiveScenarioSource* live_src = nullptr;
  ScenarioSource* sim_src = nullptr;
  if (!scene.live_log_file.empty()) {
    auto live = LiveOverlaySource::load(scene);
    if (live) {
      auto src = std::make_unique<LiveScenarioSource>(std::move(*live));
      live_src = src.get();
      s->add(std::move(src));
    } else {
      warnings.push_back("live data not loaded: " + live.error().message);
    }
  }
  // The hydraulic simulation of the water network (null when there is nothing to simulate).
  if (auto sim = SimScenarioSource::create(scene); !sim) {
    warnings.push_back("hydraulic simulation not started: " + sim.error().message);
  } else if (*sim) {
    sim_src = sim->get();
    s->add(std::move(*sim));
  }
  // Sources live as long as the Scenario, which owns them all.
  if (live_src && sim_src) s->add(std::make_unique<DeviationSource>(*live_src, *sim_src));
  return s;
}

}  // namespace et::app
