// Live overlays (live, alarm, staleness): the scene's live log replayed up to a scenario
// time, as per-element values for OverlayData. The window, the headless render and the
// benchmark all go through here, so they show the same state at the same time.
#pragma once

#include <string>

#include "et/app/overlay.h"
#include "et/core/error.h"
#include "et/live/scene_live.h"
#include "et/live/timeline.h"
#include "et/scene/scene.h"

namespace et::app {

// live, alarm or staleness (measured_minus_simulated waits for the solver: see the .cpp).
bool is_live_overlay(const std::string& overlay);

struct LiveValues {
  ValueMap link_values, node_values;
  std::string unit;
};

// The scene's sensors, rules and log, digested once; values_at() is the per-frame part.
class LiveOverlaySource {
 public:
  static Result<LiveOverlaySource> load(const Scene& scene);
  // overlay: live (latest value on each sensor's element), alarm (0 normal, 1 warning,
  // 2 alarm) or staleness (seconds since the last reading). Where several sensors share an
  // element: live shows the first listed, alarm and staleness the worst. A sensor on a node
  // also colours the links at that node (unless they have sensors of their own): a node is
  // a few pixels on screen, the pipes into it are what a planner sees.
  LiveValues values_at(const std::string& overlay, double time_s) const;
  const live::SceneLive& files() const { return files_; }
  const live::Timeline& timeline() const { return timeline_; }

 private:
  live::SceneLive files_;
  live::Timeline timeline_;
  std::vector<std::string> keys_;               // per sensor: value_key of its element
  std::vector<std::vector<std::string>> spill_;  // per node sensor: keys of links at the node
};

// One-shot: load, replay up to time_s, return the values (the render verb's path).
Result<LiveValues> live_values_at(const Scene& scene, const std::string& overlay, double time_s);

}  // namespace et::app
