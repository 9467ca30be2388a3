// The world shown as a walk world (walk.h): what the renderer draws, less what a walker
// should not trip on (buried networks, overlays, the soil block under the site).
#include <algorithm>
#include <chrono>
#include <cstdio>

#include "et/app/walk.h"
#include "et/app/world_builder.h"

namespace et::app {
namespace {

constexpr double kJoin = 1e-3;  // m: segments of one trench overlap this much at a joint

// A trench segment's rectangle, counter-clockwise, widened and lengthened by `grow`.
std::vector<glm::dvec2> segment_rect(glm::dvec2 p0, glm::dvec2 p1, double half_width,
                                     double grow) {
  const glm::dvec2 d = glm::normalize(p1 - p0), n(-d.y, d.x);
  const double h = half_width + grow;
  p0 -= d * grow;
  p1 += d * grow;
  return {p0 - n * h, p1 - n * h, p1 + n * h, p0 + n * h};
}

// The part of segment a-b inside a counter-clockwise convex ring, as [t0, t1] along it.
bool inside_span(glm::dvec2 a, glm::dvec2 b, const std::vector<glm::dvec2>& ring, double& t0,
                 double& t1) {
  t0 = 0.0, t1 = 1.0;
  for (size_t i = 0; i < ring.size(); ++i) {
    const glm::dvec2 e = ring[(i + 1) % ring.size()] - ring[i], in(-e.y, e.x);
    const double f0 = glm::dot(a - ring[i], in), df = glm::dot(b - a, in);
    if (std::abs(df) < 1e-15) {
      if (f0 < 0) return false;
      continue;
    }
    const double t = -f0 / df;
    if (df > 0) t0 = std::max(t0, t);
    else t1 = std::min(t1, t);
  }
  return t0 < t1;
}

// A trench or tunnel as its walker sees it: a floor and walls along the outline of its
// segments' union (the drawn per-segment boxes overlap at bends, and their inner walls
// would stand across the way).
void add_corridor(WalkWorld& w, const plan::Trench& t, double floor_z, double top_z, bool open) {
  std::vector<std::vector<glm::dvec2>> rects, grown;
  for (size_t k = 0; k + 1 < t.path.size(); ++k) {
    if (glm::length(t.path[k + 1] - t.path[k]) < 1e-6) continue;
    rects.push_back(segment_rect(t.path[k], t.path[k + 1], t.width_m / 2, 0.0));
    grown.push_back(segment_rect(t.path[k], t.path[k + 1], t.width_m / 2, kJoin));
  }
  for (size_t k = 0; k < rects.size(); ++k) {
    const auto& r = rects[k];
    w.add_triangle({r[0], floor_z}, {r[1], floor_z}, {r[2], floor_z});
    w.add_triangle({r[0], floor_z}, {r[2], floor_z}, {r[3], floor_z});
    if (open) w.add_hole(r);
    for (size_t e = 0; e < 4; ++e) {
      const glm::dvec2 a = r[e], b = r[(e + 1) % 4];
      std::vector<std::pair<double, double>> pieces{{0.0, 1.0}}, left;
      for (size_t o = 0; o < grown.size(); ++o) {
        double t0 = 0, t1 = 0;
        if (o == k || !inside_span(a, b, grown[o], t0, t1)) continue;
        left.clear();
        for (auto [s0, s1] : pieces) {
          if (t0 > s0) left.push_back({s0, std::min(s1, t0)});
          if (t1 < s1) left.push_back({std::max(s0, t1), s1});
        }
        pieces.swap(left);
      }
      for (auto [s0, s1] : pieces) {
        if (s1 - s0 < 1e-9) continue;
        const glm::dvec2 q0 = a + (b - a) * s0, q1 = a + (b - a) * s1;
        w.add_triangle({q0, floor_z}, {q1, floor_z}, {q1, top_z});
        w.add_triangle({q0, floor_z}, {q1, top_z}, {q0, top_z});
      }
    }
  }
}

// The highest point drawn for an element (a tunnel's wall tops).
double element_top(const SceneWorld& sw, std::uint32_t element, double fallback) {
  double top = -1e300;
  for (const render::Instance& in : sw.world.instances) {
    if (in.element != element) continue;
    for (const render::Vertex& v : sw.world.meshes[in.mesh].vertices)
      top = std::max(top, double((in.model * glm::vec4(v.position, 1.0f)).z));
  }
  return top > -1e299 ? top : fallback;
}

}  // namespace

WalkWorld walk_world(const SceneWorld& sw, const Excavation& excavation) {
  WalkWorld w;
  for (const render::Instance& in : sw.world.instances) {
    const bool building = in.layer == std::uint32_t(Layer::kBuildings);
    const bool ground = in.element == 0 && sw.elements[0].kind == ElementRef::Kind::kGround;
    if (building || ground) w.add_mesh(sw.world.meshes[in.mesh], glm::dmat4(in.model), ground);
  }
  for (size_t e = 0; e < sw.elements.size(); ++e) {
    const ElementRef& ref = sw.elements[e];
    if (ref.kind != ElementRef::Kind::kTrench || !sw.plan) continue;
    const plan::Trench& t = sw.plan->trenches[size_t(ref.index)];
    // The ground is at z 0 (as add_trench draws it); a tunnel's walls stop under the ground.
    const double floor_z = -t.depth_m;
    add_corridor(w, t, floor_z, ref.built ? element_top(sw, std::uint32_t(e), 0.0) : 0.0,
                 !ref.built);
  }
  if (excavation.enabled) {
    const glm::dvec3 a = excavation.min, b = excavation.max;
    w.add_hole({{a.x, a.y}, {b.x, a.y}, {b.x, b.y}, {a.x, b.y}});
    for (const render::Instance& in : excavation_instances(sw, excavation))
      w.add_mesh(sw.world.meshes[in.mesh], glm::dmat4(in.model));
  }
  return w;
}

const WalkWorld& WalkWorldCache::get(const SceneWorld& sw, const Excavation& excavation) {
  const Excavation& e = excavation;
  if (valid_ && e.enabled == excavation_.enabled && e.min == excavation_.min &&
      e.max == excavation_.max)
    return world_;
  const auto t0 = std::chrono::steady_clock::now();
  world_ = walk_world(sw, e);
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::printf("walk world: %zu triangles in %.0f ms\n", world_.triangle_count(), ms);
  excavation_ = e;
  valid_ = true;
  return world_;
}

}  // namespace et::app
