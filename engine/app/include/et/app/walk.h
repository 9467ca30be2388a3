// Walk mode: a person at eye height moving through the estate under gravity.
// The collision world is plain geometry: vertical prisms (a footprint ring from base_z up to
// top_z; buildings, and any kerb, step or platform) standing on a flat ground. A prism whose
// top is within a step of the feet is stood on; a taller one is a wall to slide along.
#pragma once

#include <vector>

#include <glm/glm.hpp>

#include "et/scene/scene.h"
#include "et/scene/view_state.h"

namespace et::app {

constexpr double kWalkEyeHeight = 1.6;   // m above the ground under the feet
constexpr double kWalkBodyRadius = 0.3;  // m: how close the eye comes to a wall
constexpr double kWalkStepHeight = 0.35; // m: the highest rise stepped up (kerbs, stairs)
constexpr double kWalkSpeed = 1.4;       // m/s
constexpr double kRunSpeed = 4.0;        // m/s, with Shift
constexpr double kGravity = 9.81;        // m/s^2

struct WalkSolid {
  std::vector<glm::dvec2> ring;  // closed implicitly, either winding
  double base_z = 0.0, top_z = 0.0;
};

struct WalkWorld {
  double ground_z = 0.0;
  std::vector<WalkSolid> solids;
};

// Every building with a footprint is a prism from its base up to its height.
WalkWorld walk_world(const Scene& scene);

struct WalkInput {
  bool forward = false, back = false, left = false, right = false;
  bool run = false;  // shift
};

struct WalkState {
  double vz = 0.0;  // vertical speed, m/s (negative: falling)
};

// The highest surface under a body at `p` (xy) that feet at `feet_z` can stand on: the ground,
// or a prism top no more than a step above the feet.
double walk_floor(const WalkWorld& w, glm::dvec2 p, double feet_z);

// Puts the eye at eye height over the floor below it (entering walk mode), keeping the view
// direction.
void walk_land(const WalkWorld& w, Camera& c);

// One frame: horizontal movement along the view's heading with collision and sliding, steps
// climbed, gravity when the floor drops. Eye and target move together.
void walk_move(const WalkWorld& w, WalkState& s, Camera& c, const WalkInput& in, double dt);

}  // namespace et::app
