// Scene -> RenderWorld: the one place that knows both the scene's types and the renderer's
// flat arrays. Element ids map back to scene objects through `elements`.
#pragma once

#include <vector>

#include "et/render/render_world.h"
#include "et/scene/scene.h"

namespace et::app {

struct ElementRef {
  enum class Kind { kBuilding, kGround };
  Kind kind;
  int index;  // into Scene::buildings (kBuilding); 0 for the ground
};

struct SceneWorld {
  render::RenderWorld world;
  std::vector<ElementRef> elements;
  double far_m = 2000.0;  // far plane that keeps the whole scene in view
};

SceneWorld build_world(const Scene& scene);
render::MeshData to_mesh_data(const Mesh& mesh);

}  // namespace et::app
