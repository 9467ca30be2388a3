// Picking on the CPU: a ray through a pixel against the same instances the renderer draws
// (so what you click is what you see), honouring hidden layers, ground opacity, x-ray and
// the excavation. Works headless and needs no GPU read-back.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "et/app/world_builder.h"
#include "et/scene/view_state.h"

namespace et::app {

struct PickHit {
  int element = -1;  // -1: nothing (sky)
  double distance_m = 0.0;
  glm::dvec3 point{0.0};
};

class Picker {
 public:
  explicit Picker(const SceneWorld& sw);
  // (px, py): pixel from the top-left of a width x height view.
  PickHit pick(const ViewState& v, int width, int height, double px, double py) const;

 private:
  const SceneWorld& sw_;
  std::vector<glm::vec3> mesh_min_, mesh_max_;
};

// Kind, id and every attribute of an element, as shown by the inspector and `pick`.
nlohmann::json describe_element(const Scene& scene, const SceneWorld& sw, int element);

}  // namespace et::app
