// The walk world's geometry: triangles in xy buckets, holes in the ground, and the two
// questions walking asks of them (what is under the body, what is in its way).
#include <algorithm>
#include <cmath>
#include <limits>

#include "et/app/walk.h"

namespace et::app {
namespace {

constexpr double kCell = 2.0;          // m: bucket size; a query looks at up to 4 buckets
constexpr int kMaxCellsPerTri = 256;   // beyond this a triangle goes to the always-checked list
constexpr double kLevelNormalZ = 0.7;  // |normal.z| from which a surface is stood on (~45 deg)

std::int64_t cell_key(int ix, int iy) {
  return (std::int64_t(ix) << 32) ^ std::int64_t(std::uint32_t(iy));
}
int cell_of(double v) { return int(std::floor(v / kCell)); }

double cross(glm::dvec2 a, glm::dvec2 b) { return a.x * b.y - a.y * b.x; }

glm::dvec2 nearest_on_segment(glm::dvec2 a, glm::dvec2 b, glm::dvec2 p) {
  const glm::dvec2 ab = b - a;
  const double len2 = glm::dot(ab, ab);
  const double t = len2 > 0.0 ? std::clamp(glm::dot(p - a, ab) / len2, 0.0, 1.0) : 0.0;
  return a + t * ab;
}

// Whether `p` lies inside the triangle's xy projection (false for a vertical triangle, whose
// projection is a line).
bool inside_2d(const glm::dvec3 v[3], glm::dvec2 p) {
  const glm::dvec2 a(v[0]), b(v[1]), c(v[2]);
  const double area = cross(b - a, c - a);
  if (std::abs(area) < 1e-12) return false;
  const double s = area > 0 ? 1.0 : -1.0;
  return s * cross(b - a, p - a) >= 0 && s * cross(c - b, p - b) >= 0 &&
         s * cross(a - c, p - c) >= 0;
}

// The nearest point of the projection's outline to `p`.
glm::dvec2 nearest_on_outline(const glm::dvec3 v[3], glm::dvec2 p) {
  glm::dvec2 best(v[0]);
  double best_d2 = std::numeric_limits<double>::max();
  for (int i = 0; i < 3; ++i) {
    const glm::dvec2 q = nearest_on_segment(glm::dvec2(v[i]), glm::dvec2(v[(i + 1) % 3]), p);
    const double d2 = glm::dot(p - q, p - q);
    if (d2 < best_d2) best_d2 = d2, best = q;
  }
  return best;
}

// Squared xy distance from `p` to the triangle's projection (0 inside it).
double distance2_2d(const glm::dvec3 v[3], glm::dvec2 p) {
  if (inside_2d(v, p)) return 0.0;
  const glm::dvec2 q = nearest_on_outline(v, p);
  return glm::dot(p - q, p - q);
}

// The z range of the part of the triangle above the square p +- r (clipped to it); false
// when no part of it is.
bool z_range_over(const glm::dvec3 v[3], glm::dvec2 p, double r, double& zlo, double& zhi) {
  glm::dvec3 poly[9], next[9];
  int n = 3;
  std::copy(v, v + 3, poly);
  for (int plane = 0; plane < 4; ++plane) {
    const int axis = plane / 2;
    const double sign = plane % 2 ? -1.0 : 1.0;  // keep sign * (x - bound) >= 0
    const double bound = p[axis] - sign * r;
    int m = 0;
    for (int i = 0; i < n; ++i) {
      const glm::dvec3 &a = poly[i], &b = poly[(i + 1) % n];
      const double da = sign * (a[axis] - bound), db = sign * (b[axis] - bound);
      if (da >= 0) next[m++] = a;
      if ((da >= 0) != (db >= 0)) next[m++] = a + (b - a) * (da / (da - db));
    }
    n = m;
    if (n == 0) return false;
    std::copy(next, next + n, poly);
  }
  zlo = std::numeric_limits<double>::max();
  zhi = -zlo;
  for (int i = 0; i < n; ++i) zlo = std::min(zlo, poly[i].z), zhi = std::max(zhi, poly[i].z);
  return true;
}

bool in_convex(const std::vector<glm::dvec2>& ring, glm::dvec2 p) {
  int sign = 0;
  for (size_t i = 0; i < ring.size(); ++i) {
    const double c = cross(ring[(i + 1) % ring.size()] - ring[i], p - ring[i]);
    if (c == 0.0) continue;
    const int s = c > 0 ? 1 : -1;
    if (sign != 0 && s != sign) return false;
    sign = s;
  }
  return true;
}

}  // namespace

void WalkWorld::add_triangle(const glm::dvec3& a, const glm::dvec3& b, const glm::dvec3& c,
                             bool ground) {
  const glm::dvec3 n = glm::cross(b - a, c - a);
  const double len = glm::length(n);
  if (len < 1e-12) return;  // degenerate: neither floor nor wall
  Tri t{{a, b, c},
        glm::min(glm::dvec2(a), glm::min(glm::dvec2(b), glm::dvec2(c))),
        glm::max(glm::dvec2(a), glm::max(glm::dvec2(b), glm::dvec2(c))),
        std::min({a.z, b.z, c.z}),
        std::max({a.z, b.z, c.z}),
        std::abs(n.z) / len >= kLevelNormalZ,
        ground};
  const auto index = std::uint32_t(tris_.size());
  bottom_z_ = tris_.empty() ? t.zmin : std::min(bottom_z_, t.zmin);
  const int x0 = cell_of(t.lo.x), x1 = cell_of(t.hi.x), y0 = cell_of(t.lo.y), y1 = cell_of(t.hi.y);
  tris_.push_back(t);
  if (double(x1 - x0 + 1) * double(y1 - y0 + 1) > kMaxCellsPerTri) {
    large_.push_back(index);
    return;
  }
  for (int ix = x0; ix <= x1; ++ix)
    for (int iy = y0; iy <= y1; ++iy) cells_[cell_key(ix, iy)].push_back(index);
}

void WalkWorld::add_mesh(const render::MeshData& mesh, const glm::dmat4& model, bool ground) {
  auto at = [&](std::uint32_t i) {
    return glm::dvec3(model * glm::dvec4(glm::dvec3(mesh.vertices[i].position), 1.0));
  };
  for (size_t i = 0; i + 2 < mesh.indices.size(); i += 3)
    add_triangle(at(mesh.indices[i]), at(mesh.indices[i + 1]), at(mesh.indices[i + 2]), ground);
}

void WalkWorld::add_prism(const std::vector<glm::dvec2>& ring, double base_z, double top_z) {
  for (size_t i = 0; i < ring.size(); ++i) {
    const glm::dvec2 a = ring[i], b = ring[(i + 1) % ring.size()];
    add_triangle({a, base_z}, {b, base_z}, {b, top_z});
    add_triangle({a, base_z}, {b, top_z}, {a, top_z});
  }
  for (size_t i = 1; i + 1 < ring.size(); ++i) {  // a fan: the ring is convex
    add_triangle({ring[0], top_z}, {ring[i], top_z}, {ring[i + 1], top_z});
    add_triangle({ring[0], base_z}, {ring[i + 1], base_z}, {ring[i], base_z});
  }
}

void WalkWorld::add_hole(const std::vector<glm::dvec2>& ring) {
  if (ring.size() >= 3) holes_.push_back(ring);
}

bool WalkWorld::in_hole(glm::dvec2 p) const {
  for (const auto& h : holes_)
    if (in_convex(h, p)) return true;
  return false;
}

template <class F>
void WalkWorld::for_near(glm::dvec2 p, F&& f) const {
  const double r = kWalkBodyRadius;
  auto visit = [&](std::uint32_t i) {
    const Tri& t = tris_[i];
    if (t.hi.x >= p.x - r && t.lo.x <= p.x + r && t.hi.y >= p.y - r && t.lo.y <= p.y + r) f(t);
  };
  for (std::uint32_t i : large_) visit(i);
  // A triangle in two buckets is visited twice; both questions give the same answer again.
  for (int ix = cell_of(p.x - r); ix <= cell_of(p.x + r); ++ix)
    for (int iy = cell_of(p.y - r); iy <= cell_of(p.y + r); ++iy) {
      auto it = cells_.find(cell_key(ix, iy));
      if (it != cells_.end())
        for (std::uint32_t i : it->second) visit(i);
    }
}

std::optional<double> WalkWorld::floor_at(glm::dvec2 p, double feet_z) const {
  const double r = kWalkBodyRadius, limit = feet_z + kWalkStepHeight;
  const bool hole = in_hole(p);
  std::optional<double> best;
  bool on_ground_model = false;  // then the flat ground_z does not apply here
  for_near(p, [&](const Tri& t) {
    if (!t.level || (t.ground && hole)) return;
    if (!t.ground && t.zmin > limit) return;
    if (distance2_2d(t.v, p) >= r * r) return;
    double lo = 0, hi = 0;
    if (!z_range_over(t.v, p, r, lo, hi)) return;
    on_ground_model = on_ground_model || t.ground;
    if (hi <= limit && (!best || hi > *best)) best = hi;
  });
  if (!hole && !on_ground_model && ground_z <= limit && (!best || ground_z > *best)) best = ground_z;
  return best;
}

glm::dvec2 WalkWorld::push_out(glm::dvec2 p, double feet_z) const {
  constexpr int kPasses = 4;  // corners need more than one push
  const double r = kWalkBodyRadius, lo_band = feet_z + kWalkStepHeight,
               hi_band = feet_z + kWalkHeadHeight;
  for (int pass = 0; pass < kPasses; ++pass) {
    bool moved = false;
    const glm::dvec2 start = p;
    for_near(start, [&](const Tri& t) {
      if (t.ground || t.zmax <= lo_band || t.zmin >= hi_band) return;
      if (distance2_2d(t.v, p) >= r * r) return;
      double lo = 0, hi = 0;
      if (!z_range_over(t.v, p, r, lo, hi) || hi <= lo_band || lo >= hi_band) return;
      const glm::dvec2 q = nearest_on_outline(t.v, p);
      glm::dvec2 n = p - q;
      const double d = glm::length(n);
      if (d < 1e-12) return;  // exactly on the edge: no direction to push; the next step has one
      n /= d;
      if (inside_2d(t.v, p)) n = -n;  // the centre is under it: out through the nearest edge
      p = q + n * (r + 1e-6);
      moved = true;
    });
    if (!moved) break;
  }
  return p;
}

}  // namespace et::app
