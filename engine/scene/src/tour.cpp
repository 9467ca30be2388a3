// Tour timeline: where the camera is and what is shown at time t.
#include "et/scene/tour.h"

#include <algorithm>
#include <cmath>

namespace et {

const char* ease_name(Ease e) {
  switch (e) {
    case Ease::kInOut: return "in_out";
    case Ease::kIn: return "in";
    case Ease::kOut: return "out";
    case Ease::kLinear: return "linear";
  }
  return "in_out";
}

double Tour::length_s() const {
  double t = 0.0;
  for (const TourKey& k : keys) t += k.duration_s;
  return t;
}

double Tour::key_time(size_t i) const {
  double t = 0.0;
  for (size_t k = 0; k < i && k < keys.size(); ++k) t += keys[k].duration_s;
  return t;
}

double ease(Ease e, double u) {
  u = std::clamp(u, 0.0, 1.0);
  switch (e) {
    case Ease::kInOut: return u * u * (3.0 - 2.0 * u);  // smoothstep: at rest at both keys
    case Ease::kIn: return u * u;
    case Ease::kOut: return u * (2.0 - u);
    case Ease::kLinear: return u;
  }
  return u;
}

glm::dvec3 catmull_rom(const glm::dvec3& p0, const glm::dvec3& p1, const glm::dvec3& p2,
                       const glm::dvec3& p3, double u) {
  if (u <= 0.0) return p1;
  if (u >= 1.0) return p2;
  // Knot spacing |dp|^0.5 (centripetal: no cusps or self-intersections within a segment).
  // The floor keeps coincident keys (a camera that holds while the clock runs) finite; the
  // weights then collapse onto the repeated point.
  auto knot = [](const glm::dvec3& a, const glm::dvec3& b) {
    return std::max(std::sqrt(glm::length(b - a)), 1e-6);
  };
  const double t0 = 0.0, t1 = t0 + knot(p0, p1), t2 = t1 + knot(p1, p2), t3 = t2 + knot(p2, p3);
  const double t = t1 + (t2 - t1) * u;
  glm::dvec3 a1 = (t1 - t) / (t1 - t0) * p0 + (t - t0) / (t1 - t0) * p1;
  glm::dvec3 a2 = (t2 - t) / (t2 - t1) * p1 + (t - t1) / (t2 - t1) * p2;
  glm::dvec3 a3 = (t3 - t) / (t3 - t2) * p2 + (t - t2) / (t3 - t2) * p3;
  glm::dvec3 b1 = (t2 - t) / (t2 - t0) * a1 + (t - t0) / (t2 - t0) * a2;
  glm::dvec3 b2 = (t3 - t) / (t3 - t1) * a2 + (t - t1) / (t3 - t1) * a3;
  return (t2 - t) / (t2 - t1) * b1 + (t - t1) / (t2 - t1) * b2;
}

namespace {

// The spline's control points around segment i -> i+1; the ends are mirrored so the first
// and last segments leave and arrive along the line to their neighbour.
glm::dvec3 spline_at(const std::vector<TourKey>& keys, size_t i, double u, bool target) {
  auto p = [&](long k) {
    const long n = long(keys.size());
    auto at = [&](long j) { return target ? keys[size_t(j)].view.camera.target : keys[size_t(j)].view.camera.eye; };
    if (k < 0) return 2.0 * at(0) - at(std::min(1L, n - 1));
    if (k >= n) return 2.0 * at(n - 1) - at(std::max(n - 2, 0L));
    return at(k);
  };
  const long k = long(i);
  return catmull_rom(p(k - 1), p(k), p(k + 1), p(k + 2), u);
}

}  // namespace

ViewState tour_view_at(const Tour& tour, double t) {
  if (tour.keys.empty()) return ViewState{};
  const size_t n = tour.keys.size();
  t = std::clamp(t, 0.0, tour.length_s());
  // The segment holding t: the last key whose time is <= t (a zero-length segment is a cut).
  size_t i = 0;
  double start = 0.0;
  while (i + 1 < n && start + tour.keys[i].duration_s <= t) start += tour.keys[i++].duration_s;
  const TourKey& a = tour.keys[i];
  if (i + 1 == n || t <= start) return a.view;  // at a key, or holding the last one
  const TourKey& b = tour.keys[i + 1];
  const double u = (t - start) / a.duration_s;
  const double e = ease(a.ease, u);
  // Discrete fields (layers, overlay, plan, palette, x-ray, staging) are the key's until the
  // next key is reached.
  ViewState v = a.view;
  v.camera.eye = spline_at(tour.keys, i, e, false);
  v.camera.target = spline_at(tour.keys, i, e, true);
  v.camera.fov_deg = a.view.camera.fov_deg + (b.view.camera.fov_deg - a.view.camera.fov_deg) * e;
  v.ground_opacity = a.view.ground_opacity + (b.view.ground_opacity - a.view.ground_opacity) * e;
  // The clock runs at a steady rate between keys, whatever the camera's easing.
  v.time_s = a.view.time_s + (b.view.time_s - a.view.time_s) * u;
  if (a.view.excavation.enabled && b.view.excavation.enabled) {
    v.excavation.min = glm::mix(a.view.excavation.min, b.view.excavation.min, e);
    v.excavation.max = glm::mix(a.view.excavation.max, b.view.excavation.max, e);
  }
  return v;
}

}  // namespace et
