#include "et/app/walk.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace et::app {
namespace {

constexpr double kMaxFallSpeed = 50.0;  // m/s: caps a drop from high above (roughly terminal)
constexpr int kPushPasses = 4;          // corners need more than one push-out

bool inside(const std::vector<glm::dvec2>& ring, glm::dvec2 p) {
  bool in = false;
  for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const glm::dvec2 a = ring[i], b = ring[j];
    if ((a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x) in = !in;
  }
  return in;
}

// The nearest point on the ring's edges to `p`.
glm::dvec2 nearest_on_ring(const std::vector<glm::dvec2>& ring, glm::dvec2 p) {
  glm::dvec2 best = ring[0];
  double best_d2 = std::numeric_limits<double>::max();
  for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    const glm::dvec2 a = ring[j], ab = ring[i] - a;
    const double len2 = glm::dot(ab, ab);
    const double t = len2 > 0.0 ? std::clamp(glm::dot(p - a, ab) / len2, 0.0, 1.0) : 0.0;
    const glm::dvec2 q = a + t * ab;
    const double d2 = glm::dot(p - q, p - q);
    if (d2 < best_d2) best_d2 = d2, best = q;
  }
  return best;
}

// Whether a body of kWalkBodyRadius at `p` overlaps the solid's footprint.
bool overlaps(const WalkSolid& s, glm::dvec2 p) {
  if (s.ring.size() < 3) return false;
  if (inside(s.ring, p)) return true;
  const glm::dvec2 q = nearest_on_ring(s.ring, p);
  return glm::length(p - q) < kWalkBodyRadius;
}

// A solid the body cannot step onto and that spans its height is a wall.
bool blocks(const WalkSolid& s, double feet_z) {
  return s.top_z > feet_z + kWalkStepHeight && s.base_z < feet_z + kWalkEyeHeight;
}

// Moves `p` out of every wall it overlaps, along the wall's normal: what is left of the
// motion runs along the wall, which is the slide.
glm::dvec2 push_out(const WalkWorld& w, glm::dvec2 p, double feet_z) {
  for (int pass = 0; pass < kPushPasses; ++pass) {
    bool moved = false;
    for (const WalkSolid& s : w.solids) {
      if (!blocks(s, feet_z) || !overlaps(s, p)) continue;
      const glm::dvec2 q = nearest_on_ring(s.ring, p);
      glm::dvec2 n = p - q;
      const double d = glm::length(n);
      if (d < 1e-12) continue;  // exactly on the edge: no direction to push; the next step has one
      n /= d;
      if (inside(s.ring, p)) n = -n;  // the centre went in: out through the nearest edge
      p = q + n * (kWalkBodyRadius + 1e-6);
      moved = true;
    }
    if (!moved) break;
  }
  return p;
}

}  // namespace

WalkWorld walk_world(const Scene& scene) {
  WalkWorld w;
  for (const Building& b : scene.buildings) {
    if (b.footprint.size() < 3 || b.height_m <= 0.0) continue;
    w.solids.push_back({b.footprint, b.position.z, b.position.z + b.height_m});
  }
  return w;
}

double walk_floor(const WalkWorld& w, glm::dvec2 p, double feet_z) {
  double floor = w.ground_z;
  for (const WalkSolid& s : w.solids)
    if (s.top_z <= feet_z + kWalkStepHeight && s.top_z > floor && overlaps(s, p)) floor = s.top_z;
  return floor;
}

void walk_land(const WalkWorld& w, Camera& c) {
  const glm::dvec3 look = c.target - c.eye;
  const double feet = c.eye.z - kWalkEyeHeight;
  // From below the ground (a view of the pipes) the walker stands on the ground.
  c.eye.z = walk_floor(w, glm::dvec2(c.eye), std::max(feet, w.ground_z)) + kWalkEyeHeight;
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
      p = push_out(w, p + step / double(n), feet);
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
  c.eye = glm::dvec3(p, feet + kWalkEyeHeight);
  c.target = c.eye + look;
}

}  // namespace et::app
