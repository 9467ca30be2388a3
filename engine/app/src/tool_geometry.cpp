#include "et/app/tool_geometry.h"

#include <algorithm>
#include <cmath>

#include "et/app/frame_setup.h"

namespace et::app {
namespace {

constexpr double kMinSide = 0.2;  // m: a box never collapses to nothing under the pointer

double round_to(double v, double step) { return std::round(v / step) * step + 0.0; }

}  // namespace

Ray pixel_ray(const ViewState& v, int width, int height, double px, double py, double far_m) {
  render::FrameParams f = frame_params(v, width, height, far_m);
  glm::dmat4 inv = glm::inverse(glm::dmat4(f.proj) * glm::dmat4(f.view));
  double nx = (px + 0.5) / width * 2.0 - 1.0, ny = (py + 0.5) / height * 2.0 - 1.0;
  glm::dvec4 a = inv * glm::dvec4(nx, ny, 0.0, 1.0), b = inv * glm::dvec4(nx, ny, 1.0, 1.0);
  Ray r;
  r.origin = glm::dvec3(a) / a.w;
  r.dir = glm::dvec3(b) / b.w - r.origin;
  return r;
}

bool ray_at_height(const Ray& r, double z, glm::dvec3& hit) {
  if (std::abs(r.dir.z) < 1e-12) return false;
  double t = (z - r.origin.z) / r.dir.z;
  if (t <= 0.0) return false;
  hit = r.origin + r.dir * t;
  hit.z = z;
  return true;
}

Section section_facing(glm::dvec3 p, glm::dvec3 eye) {
  p = {round_to(p.x, 1e-3), round_to(p.y, 1e-3), round_to(p.z, 1e-3)};
  glm::dvec2 toward = glm::dvec2(eye) - glm::dvec2(p);
  if (glm::length(toward) < 1e-9) toward = {0.0, -1.0};  // looking straight down: face south
  toward = glm::normalize(toward);
  Section s;
  s.enabled = true;
  s.point = p;
  s.normal = glm::normalize(glm::dvec3(round_to(toward.x, 1e-6), round_to(toward.y, 1e-6), 0.0));
  return s;
}

Section section_rotated(const Section& s) {
  Section r = s;
  r.normal = {-s.normal.y, s.normal.x, s.normal.z};
  return r;
}

Section section_through(const Section& s, glm::dvec3 q) {
  glm::dvec2 n(s.normal);
  double along = glm::dot(glm::dvec2(q) - glm::dvec2(s.point), n) / std::max(glm::dot(n, n), 1e-12);
  Section r = s;
  r.point.x = round_to(s.point.x + n.x * along, 1e-3);
  r.point.y = round_to(s.point.y + n.y * along, 1e-3);
  return r;
}

DigDrag dig_begin(const Excavation& ex, glm::dvec2 p, double grab_m) {
  DigDrag d;
  d.start = p;
  d.box = ex;
  if (!ex.enabled) {
    d.box.min.z = -3.0;
    d.box.max.z = 0.5;
    return d;
  }
  const bool in_x = p.x > ex.min.x - grab_m && p.x < ex.max.x + grab_m;
  const bool in_y = p.y > ex.min.y - grab_m && p.y < ex.max.y + grab_m;
  if (!in_x || !in_y) return d;  // outside: a new box
  if (in_y && std::abs(p.x - ex.min.x) <= grab_m) d.edges |= 1;
  else if (in_y && std::abs(p.x - ex.max.x) <= grab_m) d.edges |= 2;
  if (in_x && std::abs(p.y - ex.min.y) <= grab_m) d.edges |= 4;
  else if (in_x && std::abs(p.y - ex.max.y) <= grab_m) d.edges |= 8;
  d.mode = d.edges ? DigDrag::Mode::kResize : DigDrag::Mode::kMove;
  return d;
}

Excavation dig_update(const DigDrag& d, glm::dvec2 p) {
  Excavation e = d.box;
  e.enabled = true;
  glm::dvec2 delta = p - d.start;
  switch (d.mode) {
    case DigDrag::Mode::kNew:
      e.min.x = std::min(d.start.x, p.x), e.max.x = std::max(d.start.x, p.x);
      e.min.y = std::min(d.start.y, p.y), e.max.y = std::max(d.start.y, p.y);
      break;
    case DigDrag::Mode::kMove:
      e.min.x += delta.x, e.max.x += delta.x;
      e.min.y += delta.y, e.max.y += delta.y;
      break;
    case DigDrag::Mode::kResize:
      if (d.edges & 1) e.min.x = std::min(d.box.min.x + delta.x, d.box.max.x - kMinSide);
      if (d.edges & 2) e.max.x = std::max(d.box.max.x + delta.x, d.box.min.x + kMinSide);
      if (d.edges & 4) e.min.y = std::min(d.box.min.y + delta.y, d.box.max.y - kMinSide);
      if (d.edges & 8) e.max.y = std::max(d.box.max.y + delta.y, d.box.min.y + kMinSide);
      break;
  }
  for (int i = 0; i < 2; ++i) {
    if (e.max[i] - e.min[i] < kMinSide) e.max[i] = e.min[i] + kMinSide;
    e.min[i] = round_to(e.min[i], 1e-3);
    e.max[i] = round_to(e.max[i], 1e-3);
  }
  return e;
}

}  // namespace et::app
