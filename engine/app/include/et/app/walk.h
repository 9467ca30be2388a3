// Walk mode: a person at eye height moving through the estate under gravity.
// The collision world is the triangles drawn (walk_scene.cpp builds it from the world shown):
// building meshes with their steps, landings and canopies, open trenches and utility tunnels,
// the excavation pit, and the ground with holes where it is dug away. A body is a vertical
// cylinder of kWalkBodyRadius from the feet to kWalkHeadHeight above them: a near-level
// surface no more than a step above the feet is stood on; anything reaching into the body
// between a step and the head is a wall to slide along; what is higher is walked under.
#pragma once

#include <algorithm>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include <glm/glm.hpp>

#include "et/render/render_world.h"
#include "et/scene/scene.h"
#include "et/scene/view_state.h"

namespace et::app {

constexpr double kWalkEyeHeight = 1.6;   // m above the ground under the feet
constexpr double kWalkHeadHeight = 1.8;  // m: what is lower than this above the feet is in the way
constexpr double kWalkBodyRadius = 0.3;  // m: how close the eye comes to a wall
constexpr double kWalkStepHeight = 0.35; // m: the highest rise stepped up (kerbs, stairs)
constexpr double kWalkSpeed = 1.4;       // m/s
constexpr double kRunSpeed = 4.0;        // m/s, with Shift
constexpr double kGravity = 9.81;        // m/s^2

class WalkWorld {
 public:
  // The ground where no ground triangle lies (a flat scene ground, beyond a ground model).
  double ground_z = 0.0;

  // Ground triangles are only stood on (never walls) and are absent over holes.
  void add_triangle(const glm::dvec3& a, const glm::dvec3& b, const glm::dvec3& c,
                    bool ground = false);
  void add_mesh(const render::MeshData& mesh, const glm::dmat4& model, bool ground = false);
  // A solid block: walls along a convex ring (either winding) from base_z to top_z, its top
  // and its bottom.
  void add_prism(const std::vector<glm::dvec2>& ring, double base_z, double top_z);
  // Where the ground is dug away (an open trench's segment, the excavation): a convex ring.
  void add_hole(const std::vector<glm::dvec2>& ring);

  size_t triangle_count() const { return tris_.size(); }
  bool in_hole(glm::dvec2 p) const;
  // The highest surface a body at `p` (xy) with its feet at `feet_z` can stand on: a near-level
  // triangle under the body no more than a step above the feet, the ground (outside holes).
  // nullopt when there is none (inside a hole with nothing under it, deep under the ground).
  std::optional<double> floor_at(glm::dvec2 p, double feet_z) const;
  // The lowest point of the world: a fall with nothing below ends here.
  double bottom_z() const { return std::min(bottom_z_, ground_z); }
  // Moves `p` out of everything that blocks a body with its feet at `feet_z`, along the
  // shortest way out: what is left of a motion into a wall runs along it (the slide).
  glm::dvec2 push_out(glm::dvec2 p, double feet_z) const;

 private:
  struct Tri {
    glm::dvec3 v[3];
    glm::dvec2 lo, hi;  // xy bounds
    double zmin, zmax;
    bool level;   // near-level (|normal.z| >= 0.7): stood on; steeper ones are walls only
    bool ground;
  };
  template <class F>
  void for_near(glm::dvec2 p, F&& f) const;  // triangles whose bounds meet the body's square

  std::vector<Tri> tris_;
  std::unordered_map<std::int64_t, std::vector<std::uint32_t>> cells_;  // xy buckets
  std::vector<std::uint32_t> large_;  // triangles spanning many buckets (ground, roofs)
  std::vector<std::vector<glm::dvec2>> holes_;
  double bottom_z_ = 0.0;
};

// The world shown (a plan's, on its date) as a walk world: building instances' meshes,
// the ground with open trenches and the excavation cut out of it, open trenches (walls and
// floor) and built tunnels (slab and walls), the excavation pit. Networks are not obstacles.
struct SceneWorld;
WalkWorld walk_world(const SceneWorld& sw, const Excavation& excavation);

// The view loop's walk world: built when first walked in, again after invalidate() (the
// drawn world changed) or when the excavation changes. Prints its size and build time.
class WalkWorldCache {
 public:
  void invalidate() { valid_ = false; }
  const WalkWorld& get(const SceneWorld& sw, const Excavation& excavation);

 private:
  WalkWorld world_;
  Excavation excavation_;
  bool valid_ = false;
};

struct WalkInput {
  bool forward = false, back = false, left = false, right = false;
  bool run = false;  // shift
};

struct WalkState {
  double vz = 0.0;  // vertical speed, m/s (negative: falling)
};

// The floor under a body at `p` with its feet at `feet_z` (floor_at), or the bottom of the
// world when nothing is under it.
double walk_floor(const WalkWorld& w, glm::dvec2 p, double feet_z);

// Puts the eye at eye height over the floor below it (entering walk mode), keeping the view
// direction: the floor under the feet, else the one under the eye (inside a tunnel or a
// trench), else, from under the ground (a view of the pipes), the ground surface.
void walk_land(const WalkWorld& w, Camera& c);

// One frame: horizontal movement along the view's heading with collision and sliding, steps
// climbed, gravity when the floor drops. Eye and target move together.
void walk_move(const WalkWorld& w, WalkState& s, Camera& c, const WalkInput& in, double dt);

}  // namespace et::app
