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

 private:
  LiveOverlaySource src_;
};

}  // namespace

std::unique_ptr<Scenario> make_scenario(const Scene& scene, std::vector<std::string>& warnings) {
  auto s = std::make_unique<Scenario>();
  if (!scene.live_log_file.empty()) {
    auto live = LiveOverlaySource::load(scene);
    if (live)
      s->add(std::make_unique<LiveScenarioSource>(std::move(*live)));
    else
      warnings.push_back("live data not loaded: " + live.error().message);
  }
  // The hydraulic simulation of the water network (null when there is nothing to simulate).
  if (auto sim = SimScenarioSource::create(scene); !sim)
    warnings.push_back("hydraulic simulation not started: " + sim.error().message);
  else if (*sim)
    s->add(std::move(*sim));
  return s;
}

}  // namespace et::app
