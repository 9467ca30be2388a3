// Scene -> RenderWorld: the one place that knows both the scene's types and the renderer's
// flat arrays. Element ids map back to scene objects through `elements`; picking uses the
// same table.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "et/app/palette.h"
#include "et/plan/plan.h"
#include "et/render/render_world.h"
#include "et/scene/scene.h"

namespace et::app {

struct ElementRef {
  // overlay: pit, subsoil; trench: a plan's trench or tunnel (index into plan->trenches)
  enum class Kind { kGround, kBuilding, kLink, kNode, kOverlay, kTrench };
  Kind kind;
  int index;        // into Scene::buildings, Network::links or Network::nodes
  int network = -1; // into SceneWorld::networks, for links and nodes (Scene::networks if removed)
  // Plan worlds: how the link or node differs from the as-found networks (the diff overlay).
  plan::Change change = plan::Change::kUnchanged;
  // A link the plan takes out of the ground, drawn thin from the as-found networks; only
  // the diff overlay shows it (and only then can it be picked).
  bool removed = false;
  bool built = false;  // trench: a finished utility tunnel rather than an open cut
};

// Meshes every world has, for networks and overlays (unit sizes; instances scale them).
struct PrimitiveMeshes {
  std::uint32_t cylinder = 0;  // radius 1, along +x from 0 to 1, open ends
  std::uint32_t shaft = 0;     // the same with caps (manholes, wells, hydrants)
  std::uint32_t box = 0;       // 1 x 1 x 1, along +x from 0 to 1, centred in y and z
  std::uint32_t sphere = 0;    // radius 1
  std::uint32_t pit = 0;       // unit box, z from -1 to 0: excavation walls and floor
};

struct SceneWorld {
  render::RenderWorld world;
  std::vector<ElementRef> elements;
  PrimitiveMeshes primitives;
  double far_m = 2000.0;  // far plane that keeps the whole scene in view
  // The networks drawn: the scene's as found, or as a plan leaves them on `day` (element
  // refs index these). A copy, so that a plan's world stands on its own.
  std::vector<Network> networks;
  const plan::Plan* plan = nullptr;  // null: as found
  int day = plan::kComplete;
};

// Fixed elements after the ground (0): the excavation pit, the soil block, flow arrows.
constexpr std::uint32_t kPitElement = 1, kSoilElement = 2, kFlowArrowElement = 3;
// Render layer of plan structures (utility tunnels): no ViewState layer hides them.
constexpr std::uint32_t kStructureLayer = kLayerCount;

SceneWorld build_world(const Scene& scene);
// The scene's buildings and ground with `networks` in place of the scene's own (same order
// and utilities as Scene::networks: a plan's apply_plan result).
SceneWorld build_world(const Scene& scene, std::vector<Network> networks);
// The network a link or node element belongs to (removed links: the as-found one).
const Network& element_network(const Scene& scene, const SceneWorld& sw, const ElementRef& e);
render::MeshData to_mesh_data(const Mesh& mesh);

// Per-element colours for a palette (networks tinted by utility; abandoned lines greyed).
std::vector<render::Element> element_colors(const Scene& scene, const SceneWorld& sw,
                                            Palette palette);

// Adds the instances and elements of sw.networks (network_geometry.cpp).
void add_networks(SceneWorld& sw);
// The instances of one link (segments, joints, drop lines), its cross-section scaled by
// `section_scale` (removed links are drawn thinner).
void add_link_instances(const NetLink& l, Layer layer, std::uint32_t element,
                        double section_scale, SceneWorld& sw);
// The excavation pit's instances for the renderer's dynamic list (empty when disabled).
std::vector<render::Instance> excavation_instances(const SceneWorld& sw, const Excavation& e);

// Arrows moving along links in the direction of flow, at a speed that follows the velocity.
// `velocity`: signed m/s per link (value_key(utility, id)); positive runs from -> to.
// `anim_s`: animation time in seconds; `speedup`: how much faster than the water they move.
std::vector<render::Instance> flow_arrows(const Scene& scene, const SceneWorld& sw,
                                          const std::map<std::string, double>& velocity,
                                          double anim_s, double speedup, size_t max_arrows);

}  // namespace et::app
