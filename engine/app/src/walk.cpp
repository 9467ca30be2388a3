#include "et/app/walk.h"

#include <algorithm>
#include <cmath>

namespace et::app {
namespace {

constexpr double kMaxFallSpeed = 50.0;  // m/s: caps a drop from high above (roughly terminal)

}  // namespace

double walk_floor(const WalkWorld& w, glm::dvec2 p, double feet_z) {
  return w.floor_at(p, feet_z).value_or(w.bottom_z());
}

void walk_land(const WalkWorld& w, Camera& c) {
  const glm::dvec3 look = c.target - c.eye;
  const glm::dvec2 p(c.eye);
  const double feet = c.eye.z - kWalkEyeHeight;
  std::optional<double> floor = w.floor_at(p, feet);
  // An eye low in a tunnel or a trench: its feet would be under the floor.
  if (!floor) floor = w.floor_at(p, c.eye.z - kWalkStepHeight);
  // From under the ground (a view of the pipes) the walker stands on the surface.
  if (!floor) floor = w.floor_at(p, std::max(feet, w.ground_z));
  c.eye.z = floor.value_or(w.bottom_z()) + kWalkEyeHeight;
  c.target = c.eye + look;
}

void walk_move(const WalkWorld& w, WalkState& s, Camera& c, const WalkInput& in, double dt) {
  const glm::dvec3 look = c.target - c.eye;
  glm::dvec2 fwd(look.x, look.y);
  if (glm::length(fwd) < 1e-9) fwd = glm::dvec2(1.0, 0.0);  // looking straight down
  fwd = glm::normalize(fwd);
  const glm::dvec2 right(fwd.y, -fwd.x);
  glm::dvec2 move(0.0);
  if (in.forward) move += fwd;
  if (in.back) move -= fwd;
  if (in.right) move += right;
  if (in.left) move -= right;
  double feet = c.eye.z - kWalkEyeHeight;
  glm::dvec2 p(c.eye);
  if (glm::length(move) > 1e-9) {
    const glm::dvec2 step = glm::normalize(move) * (in.run ? kRunSpeed : kWalkSpeed) * dt;
    // Substeps shorter than the body's radius, so a wall is never stepped over in one go.
    const int n = std::max(1, int(std::ceil(glm::length(step) / (kWalkBodyRadius * 0.5))));
    for (int i = 0; i < n; ++i) {
      p = w.push_out(p + step / double(n), feet);
      // Climb at once what is within a step, so the next substep sees the new feet.
      feet = std::max(feet, walk_floor(w, p, feet));
    }
  }
  const double floor = walk_floor(w, p, feet);
  if (feet <= floor) {  // on the floor, or stepping up onto it
    feet = floor;
    s.vz = 0.0;
  } else {
    s.vz = std::max(s.vz - kGravity * dt, -kMaxFallSpeed);
    feet = std::max(feet + s.vz * dt, floor);
    if (feet == floor) s.vz = 0.0;
  }
  // Dropping into a trench brings its walls into the body's height: stand clear of them.
  if (s.vz != 0.0 || feet != c.eye.z - kWalkEyeHeight) p = w.push_out(p, feet);
  c.eye = glm::dvec3(p, feet + kWalkEyeHeight);
  c.target = c.eye + look;
}

}  // namespace et::app
