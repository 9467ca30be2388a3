// Marks an outage in the element colours: buildings that lost supply in red, dry lines in
// white, closed valves and cut links in yellow, everything else as the overlay had it.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "et/app/plan_view.h"
#include "et/app/world_builder.h"
#include "et/sim/outage.h"
#include "et/ui/overlay_panel.h"

namespace et::app {

std::vector<render::Element> outage_elements(const Scene& scene, const SceneWorld& sw,
                                             const sim::OutageResult& r,
                                             std::vector<render::Element> base);

// The window's water outage: valves closed and links cut from the inspector's buttons, the
// households that lose supply (sim::water_outage), the Outage panel, and its colours.
// Only the as-found world, whose networks are the scene's, takes actions.
class OutageControls {
 public:
  explicit OutageControls(const Scene& scene) : scene_(scene) {}
  // The inspector's buttons for an element: a water link can be cut or isolated, a valve
  // closed; none in a plan's world.
  static std::vector<std::string> actions(const PlanView& pv, int element);
  // The inspector's action `what` ("Close valve", "Cut link", "Isolate") on element `selected`.
  void act(const PlanView& pv, int selected, const std::string& what);
  // The Outage panel (when anything is closed); its Clear button empties the outage.
  void draw_panel();
  // Recomputes after a change; true when the colours need redoing.
  bool update();
  // The overlay's colours with the outage marked (as-found single view only).
  std::vector<render::Element> colour(const PlanView& pv, std::vector<render::Element> els) const;

 private:
  const Scene& scene_;
  std::vector<std::string> ids_;  // valves closed and links cut
  std::unique_ptr<sim::OutageResult> result_;
  ui::OutageModel model_;
  bool changed_ = false;
};

}  // namespace et::app
