#include "geometry.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace et::plan::geom {
namespace {

constexpr double kMaxCells = 4e6;

double cross(glm::dvec2 a, glm::dvec2 b) { return a.x * b.y - a.y * b.x; }

// Closest parameter on segment a + t*d to point p.
double closest_t(glm::dvec2 a, glm::dvec2 d, glm::dvec2 p) {
  double dd = glm::dot(d, d);
  return dd > 0.0 ? std::clamp(glm::dot(p - a, d) / dd, 0.0, 1.0) : 0.0;
}

}  // namespace

Box box_of(glm::dvec2 a, glm::dvec2 b, double pad) {
  return {glm::min(a, b) - pad, glm::max(a, b) + pad};
}

Box box_of(const std::vector<glm::dvec2>& pts, double pad) {
  Box b{pts.empty() ? glm::dvec2(0.0) : pts[0], pts.empty() ? glm::dvec2(0.0) : pts[0]};
  for (glm::dvec2 p : pts) {
    b.lo = glm::min(b.lo, p);
    b.hi = glm::max(b.hi, p);
  }
  b.lo -= pad;
  b.hi += pad;
  return b;
}

bool segment_crossing(glm::dvec2 p0, glm::dvec2 p1, glm::dvec2 q0, glm::dvec2 q1, double& s,
                      double& t) {
  glm::dvec2 d = p1 - p0, e = q1 - q0;
  double denom = cross(d, e);
  if (std::abs(denom) <= 1e-12 * std::sqrt(glm::dot(d, d) * glm::dot(e, e))) return false;
  s = cross(q0 - p0, e) / denom;
  t = cross(q0 - p0, d) / denom;
  constexpr double kEps = 1e-12;
  if (s < -kEps || s > 1.0 + kEps || t < -kEps || t > 1.0 + kEps) return false;
  s = std::clamp(s, 0.0, 1.0);
  t = std::clamp(t, 0.0, 1.0);
  return true;
}

double segment_distance(glm::dvec2 p0, glm::dvec2 p1, glm::dvec2 q0, glm::dvec2 q1, double& s,
                        double& t) {
  if (segment_crossing(p0, p1, q0, q1, s, t)) return 0.0;
  // Not crossing: the closest pair has an endpoint of one segment.
  glm::dvec2 d = p1 - p0, e = q1 - q0;
  double best = 1e300;
  auto take = [&](double ss, double tt) {
    double dist = glm::length((p0 + ss * d) - (q0 + tt * e));
    if (dist < best) {
      best = dist;
      s = ss;
      t = tt;
    }
  };
  take(0.0, closest_t(q0, e, p0));
  take(1.0, closest_t(q0, e, p1));
  take(closest_t(p0, d, q0), 0.0);
  take(closest_t(p0, d, q1), 1.0);
  return best;
}

bool point_in_polygon(const std::vector<glm::dvec2>& poly, glm::dvec2 p) {
  bool in = false;
  for (size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
    glm::dvec2 a = poly[i], b = poly[j];
    if ((a.y > p.y) != (b.y > p.y) && p.x < a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y)) in = !in;
  }
  return in;
}

double segment_polygon_distance(const std::vector<glm::dvec2>& poly, glm::dvec2 a, glm::dvec2 b,
                                double& s) {
  s = 0.0;
  if (poly.size() < 3) return 1e300;
  if (point_in_polygon(poly, a)) return 0.0;
  double best = 1e300;
  for (size_t i = 0, j = poly.size() - 1; i < poly.size(); j = i++) {
    double ss = 0.0, tt = 0.0;
    double dist = segment_distance(a, b, poly[j], poly[i], ss, tt);
    if (dist < best) {
      best = dist;
      s = ss;
    }
  }
  return best;  // a segment wholly inside has its start inside: handled above
}

BoxGrid::BoxGrid(const std::vector<Box>& boxes, const std::vector<int>& item_of_box, int items,
                 double cell)
    : cell_(std::max(cell, 1e-3)), stamp_(size_t(std::max(items, 0)), 0) {
  if (boxes.empty()) return;
  lo_ = boxes[0].lo;
  hi_ = boxes[0].hi;
  for (const Box& b : boxes) {
    lo_ = glm::min(lo_, b.lo);
    hi_ = glm::max(hi_, b.hi);
  }
  glm::dvec2 ext = hi_ - lo_;
  while ((ext.x / cell_ + 1) * (ext.y / cell_ + 1) > kMaxCells) cell_ *= 2.0;
  nx_ = int(ext.x / cell_) + 1;
  ny_ = int(ext.y / cell_) + 1;
  start_.assign(size_t(nx_) * size_t(ny_) + 1, 0);
  auto each_cell = [&](const Box& b, auto&& fn) {
    for (int y = cy(b.lo.y); y <= cy(b.hi.y); ++y)
      for (int x = cx(b.lo.x); x <= cx(b.hi.x); ++x) fn(size_t(y) * size_t(nx_) + size_t(x));
  };
  for (const Box& b : boxes) each_cell(b, [&](size_t c) { ++start_[c + 1]; });
  std::partial_sum(start_.begin(), start_.end(), start_.begin());
  items_.resize(size_t(start_.back()));
  std::vector<int> fill(start_.begin(), start_.end() - 1);
  for (size_t i = 0; i < boxes.size(); ++i)
    each_cell(boxes[i], [&](size_t c) { items_[size_t(fill[c]++)] = item_of_box[i]; });
}

int BoxGrid::cx(double x) const {
  return std::clamp(int(std::floor((x - lo_.x) / cell_)), 0, nx_ - 1);
}
int BoxGrid::cy(double y) const {
  return std::clamp(int(std::floor((y - lo_.y) / cell_)), 0, ny_ - 1);
}

void BoxGrid::query(const Box& q, std::vector<int>& out) {
  begin_query();
  query_more(q, out);
}

void BoxGrid::query_more(const Box& q, std::vector<int>& out) {
  if (nx_ == 0) return;
  if (q.hi.x < lo_.x || q.hi.y < lo_.y || q.lo.x > hi_.x || q.lo.y > hi_.y) return;
  for (int y = cy(q.lo.y); y <= cy(q.hi.y); ++y)
    for (int x = cx(q.lo.x); x <= cx(q.hi.x); ++x) {
      size_t c = size_t(y) * size_t(nx_) + size_t(x);
      for (int k = start_[c]; k < start_[c + 1]; ++k) {
        int i = items_[size_t(k)];
        if (stamp_[size_t(i)] == tick_) continue;
        stamp_[size_t(i)] = tick_;
        out.push_back(i);
      }
    }
}

void piece_boxes(glm::dvec2 a, glm::dvec2 b, double piece, double pad, std::vector<Box>& out) {
  double len = glm::length(b - a);
  int n = std::max(1, int(std::ceil(len / std::max(piece, 1e-3))));
  n = std::min(n, 100000);  // absurd lengths still end
  for (int k = 0; k < n; ++k)
    out.push_back(box_of(a + (b - a) * (double(k) / n), a + (b - a) * (double(k + 1) / n), pad));
}

}  // namespace et::plan::geom
