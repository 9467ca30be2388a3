// The hydraulic simulation of the scene's water network as a scenario source: the
// secondary-supply model (engine/sim scene_model.h) run once over 24 h, its results cached
// per report time (15 min) on the scene's own elements, keyed by value_key(kWater, id).
//   pressure  m of water at nodes; on links the mean of their two ends (a node is a few
//             pixels, the pipes are what a planner sees)
//   velocity  m/s (magnitude), flow L/s (magnitude), headloss m per km of pipe
//   velocities() signed m/s, positive from -> to as the scene's link runs (the model keeps
//             every scene link's orientation, so nothing is flipped)
// Between report times values are interpolated linearly; the day repeats (t mod 24 h).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "et/app/scenario.h"
#include "et/core/error.h"
#include "et/scene/scene.h"
#include "et/sim/scene_model.h"

namespace et::app {

class SimScenarioSource final : public ScenarioSource {
 public:
  // Builds and runs the model. A null pointer (not an error) when the scene has no water
  // network with a municipal connection to simulate; an error when the model does not solve.
  static Result<std::unique_ptr<SimScenarioSource>> create(const Scene& scene,
                                                           const sim::WaterModelOptions& o = {});
  bool values(OverlayMode mode, double t, OverlayData& out) override;
  ValueMap velocities(double t) override;
  // What the model left out or assumed (unconnected pieces, missing data).
  const std::vector<std::string>& warnings() const { return warnings_; }
  size_t report_count() const { return times_.size(); }

 private:
  SimScenarioSource() = default;
  // Report times around t and the weight of the later one.
  void bracket(double t, size_t& i0, size_t& i1, double& w) const;
  static void fill(const std::vector<std::string>& keys, const std::vector<std::vector<double>>& v,
                   size_t i0, size_t i1, double w, bool magnitude, ValueMap& out);

  std::vector<double> times_;
  std::vector<std::string> node_keys_, link_keys_;
  // [report][scene node / scene link in the model]
  std::vector<std::vector<double>> pressure_, link_pressure_, velocity_, flow_, headloss_;
  std::vector<std::string> warnings_;
};

}  // namespace et::app
