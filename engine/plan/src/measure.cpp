// Measuring: point distances, link depth and cover, clearance between two elements.
#include "et/plan/measure.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "geometry.h"

namespace et::plan {
namespace {

constexpr double kInf = std::numeric_limits<double>::max();
constexpr double kSample = 0.1;  // m between samples along a link beside a building (3D)

// Closest points of 3D segments p0-p1 and q0-q1 (Ericson, Real-Time Collision Detection
// 5.1.9): parameters s, t in [0, 1].
double segment_distance_3d(glm::dvec3 p0, glm::dvec3 p1, glm::dvec3 q0, glm::dvec3 q1,
                           double& s, double& t) {
  glm::dvec3 d1 = p1 - p0, d2 = q1 - q0, r = p0 - q0;
  double a = glm::dot(d1, d1), e = glm::dot(d2, d2), f = glm::dot(d2, r);
  constexpr double kTiny = 1e-12;
  if (a <= kTiny && e <= kTiny) {
    s = t = 0.0;
  } else if (a <= kTiny) {
    s = 0.0;
    t = std::clamp(f / e, 0.0, 1.0);
  } else {
    double c = glm::dot(d1, r);
    if (e <= kTiny) {
      t = 0.0;
      s = std::clamp(-c / a, 0.0, 1.0);
    } else {
      double b = glm::dot(d1, d2), denom = a * e - b * b;
      s = denom > kTiny * a * e ? std::clamp((b * f - c * e) / denom, 0.0, 1.0) : 0.0;
      t = (b * s + f) / e;
      if (t < 0.0) {
        t = 0.0;
        s = std::clamp(-c / a, 0.0, 1.0);
      } else if (t > 1.0) {
        t = 1.0;
        s = std::clamp((b - c) / a, 0.0, 1.0);
      }
    }
  }
  return glm::length((p0 + d1 * s) - (q0 + d2 * t));
}

// How far a link's section reaches from its axis in unit direction u (perpendicular-ish to
// the segment along `along`): the radius of a round section, the support of a rectangle.
double reach(const MeasureShape& m, glm::dvec3 along, glm::dvec3 u) {
  if (m.round) return m.half_w;
  glm::dvec2 h(along);
  glm::dvec2 side = glm::length(h) > 1e-9 ? glm::normalize(glm::dvec2(-h.y, h.x)) : glm::dvec2(1, 0);
  return m.half_w * std::abs(glm::dot(glm::dvec2(u), side)) + m.half_h * std::abs(u.z);
}

size_t segments(const MeasureShape& m) { return m.path.size() < 2 ? 1 : m.path.size() - 1; }
glm::dvec3 seg_a(const MeasureShape& m, size_t k) { return m.path[k]; }
glm::dvec3 seg_b(const MeasureShape& m, size_t k) { return m.path[std::min(k + 1, m.path.size() - 1)]; }

// The point of an (open) polygon's boundary nearest to p, and whether p lies inside.
glm::dvec2 nearest_on_polygon(const std::vector<glm::dvec2>& poly, glm::dvec2 p, double& dist) {
  glm::dvec2 best = poly.empty() ? p : poly[0];
  dist = kInf;
  for (size_t i = 0; i < poly.size(); ++i) {
    glm::dvec2 a = poly[i], b = poly[(i + 1) % poly.size()], d = b - a;
    double dd = glm::dot(d, d);
    double t = dd > 0.0 ? std::clamp(glm::dot(p - a, d) / dd, 0.0, 1.0) : 0.0;
    glm::dvec2 q = a + d * t;
    if (glm::length(p - q) < dist) dist = glm::length(p - q), best = q;
  }
  return best;
}

// A link or node beside a building (prism): plan and 3D edge distances, sampled in 3D.
void line_to_building(const MeasureShape& l, const MeasureShape& b, Clearance& c) {
  c.horizontal_m = c.distance_3d_m = kInf;
  for (size_t k = 0; k < segments(l); ++k) {
    glm::dvec3 p0 = seg_a(l, k), p1 = seg_b(l, k);
    double s = 0.0;
    double h = geom::segment_polygon_distance(b.footprint, glm::dvec2(p0), glm::dvec2(p1), s) - l.half_w;
    if (h < c.horizontal_m) {
      c.horizontal_m = h;
      c.a_h = glm::mix(p0, p1, s);
      double d = 0.0;
      c.b_h = glm::dvec3(nearest_on_polygon(b.footprint, glm::dvec2(c.a_h), d), c.a_h.z);
    }
    int n = std::max(1, int(std::ceil(glm::length(p1 - p0) / kSample)));
    for (int i = 0; i <= n; ++i) {
      glm::dvec3 p = glm::mix(p0, p1, double(i) / n);
      double d = 0.0;
      glm::dvec2 q = nearest_on_polygon(b.footprint, glm::dvec2(p), d);
      double hz = (geom::point_in_polygon(b.footprint, glm::dvec2(p)) ? -d : d) - l.half_w;
      double vz = std::max(b.base_z - (p.z + l.half_h), (p.z - l.half_h) - b.top_z);
      // Beside and below (or above) the prism: to its edge; a round section's nearest
      // point then lies on its arc, so measure from the axis and take the radius off.
      double e = std::max(hz, vz);
      if (hz > 0.0 && vz > 0.0)
        e = l.round ? std::hypot(hz + l.half_w, vz + l.half_w) - l.half_w : std::hypot(hz, vz);
      if (e < c.distance_3d_m) {
        c.distance_3d_m = e;
        c.a_3d = p;
        c.b_3d = glm::dvec3(q, std::clamp(p.z, b.base_z, b.top_z));
      }
    }
  }
}

void building_to_building(const MeasureShape& x, const MeasureShape& y, Clearance& c) {
  c.horizontal_m = kInf;
  for (size_t i = 0; i < x.footprint.size(); ++i)
    for (size_t j = 0; j < y.footprint.size(); ++j) {
      glm::dvec2 a0 = x.footprint[i], a1 = x.footprint[(i + 1) % x.footprint.size()];
      glm::dvec2 b0 = y.footprint[j], b1 = y.footprint[(j + 1) % y.footprint.size()];
      double s = 0.0, t = 0.0, d = geom::segment_distance(a0, a1, b0, b1, s, t);
      if (d < c.horizontal_m) {
        c.horizontal_m = d;
        c.a_h = glm::dvec3(glm::mix(a0, a1, s), x.base_z);
        c.b_h = glm::dvec3(glm::mix(b0, b1, t), y.base_z);
      }
    }
  if (geom::point_in_polygon(y.footprint, x.footprint[0]) ||
      geom::point_in_polygon(x.footprint, y.footprint[0]))
    c.horizontal_m = 0.0;
  double vz = std::max(x.base_z - y.top_z, y.base_z - x.top_z);
  c.distance_3d_m = vz > 0.0 ? std::hypot(c.horizontal_m, vz) : c.horizontal_m;
  c.a_3d = c.a_h;
  c.b_3d = c.b_h;
}

void line_to_line(const MeasureShape& x, const MeasureShape& y, Clearance& c) {
  c.horizontal_m = c.distance_3d_m = c.vertical_m = kInf;
  for (size_t i = 0; i < segments(x); ++i)
    for (size_t j = 0; j < segments(y); ++j) {
      glm::dvec3 p0 = seg_a(x, i), p1 = seg_b(x, i), q0 = seg_a(y, j), q1 = seg_b(y, j);
      double s = 0.0, t = 0.0;
      double d = segment_distance_3d(p0, p1, q0, q1, s, t);
      glm::dvec3 pa = glm::mix(p0, p1, s), pb = glm::mix(q0, q1, t);
      glm::dvec3 u = d > 1e-9 ? (pb - pa) / d : glm::dvec3(0, 0, 1);
      double e = d - reach(x, p1 - p0, u) - reach(y, q1 - q0, u);
      if (e < c.distance_3d_m) c.distance_3d_m = e, c.a_3d = pa, c.b_3d = pb;
      double h = geom::segment_distance(glm::dvec2(p0), glm::dvec2(p1), glm::dvec2(q0),
                                        glm::dvec2(q1), s, t) -
                 x.half_w - y.half_w;
      if (h < c.horizontal_m) c.horizontal_m = h, c.a_h = glm::mix(p0, p1, s), c.b_h = glm::mix(q0, q1, t);
      if (x.path.size() >= 2 && y.path.size() >= 2 &&
          geom::segment_crossing(glm::dvec2(p0), glm::dvec2(p1), glm::dvec2(q0), glm::dvec2(q1), s, t)) {
        glm::dvec3 ca = glm::mix(p0, p1, s), cb = glm::mix(q0, q1, t);
        double gap = std::abs(ca.z - cb.z) - x.half_h - y.half_h;
        if (!c.crossing || gap < c.vertical_m)
          c.vertical_m = gap, c.crossing_at = glm::dvec3(glm::dvec2(ca), 0.5 * (ca.z + cb.z));
        c.crossing = true;
      }
    }
  if (!c.crossing) c.vertical_m = 0.0;
}

}  // namespace

PointDistance measure_distance(glm::dvec3 a, glm::dvec3 b) {
  return {a, b, glm::length(b - a), glm::length(glm::dvec2(b) - glm::dvec2(a)), b.z - a.z};
}

glm::dvec2 link_midpoint(const NetLink& link) {
  double total = 0.0;
  for (size_t k = 0; k + 1 < link.path.size(); ++k)
    total += glm::length(glm::dvec2(link.path[k + 1]) - glm::dvec2(link.path[k]));
  double half = total / 2.0;
  for (size_t k = 0; k + 1 < link.path.size(); ++k) {
    glm::dvec2 a(link.path[k]), b(link.path[k + 1]);
    double len = glm::length(b - a);
    if (half <= len && len > 0.0) return glm::mix(a, b, half / len);
    half -= len;
  }
  return glm::dvec2(link.path.back());
}

LinkDepth measure_depth(const NetLink& link, glm::dvec2 xy) {
  LinkDepth d;
  const double half_h = 0.5 * link.section_height_m();
  double best = kInf, run = 0.0;
  d.at = link.path.front();
  for (size_t k = 0; k + 1 < link.path.size(); ++k) {
    glm::dvec2 a(link.path[k]), b(link.path[k + 1]), e = b - a;
    double ee = glm::dot(e, e);
    double t = ee > 0.0 ? std::clamp(glm::dot(xy - a, e) / ee, 0.0, 1.0) : 0.0;
    double dist = glm::length(a + e * t - xy);
    if (dist < best) {
      best = dist;
      d.at = glm::mix(link.path[k], link.path[k + 1], t);
      d.chainage_m = run + std::sqrt(ee) * t;
    }
    run += std::sqrt(ee);
  }
  d.centre_depth_m = kGroundZ - d.at.z;
  d.top_depth_m = kGroundZ - (d.at.z + half_h);
  d.min_cover_m = kInf;
  d.max_cover_m = -kInf;
  for (const glm::dvec3& p : link.path) {
    double cover = kGroundZ - (p.z + half_h);
    if (cover < d.min_cover_m) d.min_cover_m = cover, d.min_cover_at = p;
    if (cover > d.max_cover_m) d.max_cover_m = cover, d.max_cover_at = p;
  }
  return d;
}

MeasureShape link_shape(const Network& net, const NetLink& link) {
  MeasureShape m;
  m.kind = MeasureShape::Kind::kLink;
  m.id = link.id;
  m.type = utility_name(net.utility);
  m.link = &link;
  m.path = link.path;
  m.half_w = 0.5 * link.section_width_m();
  m.half_h = 0.5 * link.section_height_m();
  m.round = link.width_mm <= 0.0;
  return m;
}

MeasureShape node_shape(const Network& net, const NetNode& node) {
  MeasureShape m;
  m.kind = MeasureShape::Kind::kNode;
  m.id = node.id;
  m.type = utility_name(net.utility);
  m.path = {node.position};
  return m;
}

MeasureShape building_shape(const Building& b) {
  MeasureShape m;
  m.kind = MeasureShape::Kind::kBuilding;
  m.id = b.id;
  m.type = "building";
  m.footprint = b.footprint;
  if (m.footprint.size() > 1 && m.footprint.front() == m.footprint.back()) m.footprint.pop_back();
  m.base_z = b.position.z;
  m.top_z = b.position.z + b.height_m;
  return m;
}

Clearance measure_clearance(const MeasureShape& x, const MeasureShape& y, const RuleTable* rules) {
  using K = MeasureShape::Kind;
  Clearance c;
  const bool xb = x.kind == K::kBuilding, yb = y.kind == K::kBuilding;
  if (xb && yb) {
    building_to_building(x, y, c);
  } else if (xb || yb) {
    line_to_building(yb ? x : y, yb ? y : x, c);
    if (xb) std::swap(c.a_h, c.b_h), std::swap(c.a_3d, c.b_3d);  // keep a on x
  } else {
    line_to_line(x, y, c);
  }
  // The rule the checks would apply (clearance.cpp): vertical at a crossing of two links,
  // horizontal otherwise, and no horizontal one between lines of one utility.
  if (!rules) return c;
  const bool links = x.kind == K::kLink && y.kind == K::kLink;
  const bool building = xb != yb && (xb ? y : x).kind == K::kLink;
  bool swapped = false;
  if (links && c.crossing) {
    c.rule = find_rule(*rules, RuleKind::kVertical, x.type, x.link, y.type, y.link, swapped);
    c.actual_m = c.vertical_m;
  } else if ((links && x.type != y.type) || building) {
    c.rule = find_rule(*rules, RuleKind::kHorizontal, x.type, x.link, y.type, y.link, swapped);
    c.actual_m = c.horizontal_m;
  }
  if (c.rule && c.rule->min_m <= 0.0) c.rule = nullptr;  // min_m 0: not checked
  if (c.rule) {
    c.required_m = c.rule->min_m;
    c.pass = c.actual_m >= c.required_m - 1e-6;
  }
  return c;
}

}  // namespace et::plan
