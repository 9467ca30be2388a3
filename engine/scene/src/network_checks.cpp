// Network checks for `validate`: totals per utility and the problems found in the data.
#include "et/scene/network_checks.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <unordered_set>

namespace et {
namespace {

constexpr double kZeroLength = 0.01;     // m: shorter links are "zero length"
constexpr double kInsideLimit = 0.3;     // m: how far a link may run inside a footprint
constexpr double kWallAllowance = 0.5;   // m: ignored at an end connected to that building
constexpr double kBoundaryEps = 1e-3;    // m: points this close to a wall are not inside
constexpr double kHeightEps = 1e-6;      // m: rounding slack for cover and height tests

std::string fmt(const char* f, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}

double cross(glm::dvec2 a, glm::dvec2 b) { return a.x * b.y - a.y * b.x; }

// ---- Footprints and the grid over them ------------------------------------------------

struct Footprint {
  std::vector<glm::dvec2> pts;  // open ring (no repeated closing vertex), >= 3 points
  glm::dvec2 lo{0.0}, hi{0.0};
};

Footprint make_footprint(const std::vector<glm::dvec2>& ring) {
  Footprint f;
  f.pts = ring;
  if (f.pts.size() > 1 && glm::all(glm::equal(f.pts.front(), f.pts.back()))) f.pts.pop_back();
  bool finite = std::all_of(f.pts.begin(), f.pts.end(), [](glm::dvec2 p) {
    return std::isfinite(p.x) && std::isfinite(p.y);
  });
  if (f.pts.size() < 3 || !finite) {
    f.pts.clear();
    return f;
  }
  f.lo = f.hi = f.pts[0];
  for (const glm::dvec2& p : f.pts) {
    f.lo = glm::min(f.lo, p);
    f.hi = glm::max(f.hi, p);
  }
  return f;
}

bool point_in(const Footprint& f, glm::dvec2 p) {  // even-odd rule
  bool in = false;
  for (size_t i = 0, j = f.pts.size() - 1; i < f.pts.size(); j = i++) {
    glm::dvec2 a = f.pts[i], b = f.pts[j];
    if ((a.y > p.y) != (b.y > p.y) && p.x < a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y))
      in = !in;
  }
  return in;
}

double dist_to_boundary(const Footprint& f, glm::dvec2 p) {
  double best = 1e300;
  for (size_t i = 0, j = f.pts.size() - 1; i < f.pts.size(); j = i++) {
    glm::dvec2 a = f.pts[j], e = f.pts[i] - a;
    double len2 = glm::dot(e, e);
    double t = len2 > 0.0 ? std::clamp(glm::dot(p - a, e) / len2, 0.0, 1.0) : 0.0;
    best = std::min(best, glm::length(p - (a + t * e)));
  }
  return best;
}

// Parameter intervals [t0, t1] of segment a→b that lie strictly inside the footprint.
void inside_intervals(const Footprint& f, glm::dvec2 a, glm::dvec2 b,
                      std::vector<double>& ts, std::vector<glm::dvec2>& out) {
  glm::dvec2 d = b - a;
  double dd = glm::dot(d, d);
  ts.assign({0.0, 1.0});
  for (size_t i = 0, j = f.pts.size() - 1; i < f.pts.size(); j = i++) {
    glm::dvec2 p = f.pts[j], e = f.pts[i] - p;
    double denom = cross(d, e);
    if (std::abs(denom) <= 1e-12 * std::sqrt(dd * glm::dot(e, e))) {
      // Parallel: where a collinear edge starts and ends along the segment.
      if (dd > 0.0) {
        ts.push_back(std::clamp(glm::dot(p - a, d) / dd, 0.0, 1.0));
        ts.push_back(std::clamp(glm::dot(f.pts[i] - a, d) / dd, 0.0, 1.0));
      }
      continue;
    }
    double t = cross(p - a, e) / denom;
    double u = cross(p - a, d) / denom;
    if (t > 0.0 && t < 1.0 && u >= -1e-9 && u <= 1.0 + 1e-9) ts.push_back(t);
  }
  std::sort(ts.begin(), ts.end());
  out.clear();
  for (size_t k = 1; k < ts.size(); ++k) {
    double t0 = ts[k - 1], t1 = ts[k];
    if (t1 - t0 <= 1e-12) continue;
    glm::dvec2 m = a + 0.5 * (t0 + t1) * d;
    if (!point_in(f, m) || dist_to_boundary(f, m) < kBoundaryEps) continue;
    if (!out.empty() && std::abs(out.back().y - t0) <= 1e-12)
      out.back().y = t1;
    else
      out.push_back({t0, t1});
  }
}

// Uniform grid over footprint bounding boxes, cells in compressed rows.
class FootprintGrid {
 public:
  explicit FootprintGrid(const std::vector<Footprint>& fps) : fps_(fps), stamp_(fps.size(), 0) {
    bool any = false;
    double size_sum = 0.0;
    int n = 0;
    for (const Footprint& f : fps) {
      if (f.pts.empty()) continue;
      lo_ = any ? glm::min(lo_, f.lo) : f.lo;
      hi_ = any ? glm::max(hi_, f.hi) : f.hi;
      any = true;
      size_sum += std::max(f.hi.x - f.lo.x, f.hi.y - f.lo.y);
      ++n;
    }
    if (!any) return;
    // Cells about twice a typical building, never more than ~4M of them.
    cell_ = std::max(2.0 * size_sum / n, 1.0);
    glm::dvec2 ext = hi_ - lo_;
    while ((ext.x / cell_ + 1) * (ext.y / cell_ + 1) > 4e6) cell_ *= 2.0;
    nx_ = int(ext.x / cell_) + 1;
    ny_ = int(ext.y / cell_) + 1;
    start_.assign(size_t(nx_) * size_t(ny_) + 1, 0);
    auto each_cell = [&](const Footprint& f, auto&& fn) {
      int x0 = cx(f.lo.x), x1 = cx(f.hi.x), y0 = cy(f.lo.y), y1 = cy(f.hi.y);
      for (int y = y0; y <= y1; ++y)
        for (int x = x0; x <= x1; ++x) fn(size_t(y) * size_t(nx_) + size_t(x));
    };
    for (const Footprint& f : fps)
      if (!f.pts.empty()) each_cell(f, [&](size_t c) { ++start_[c + 1]; });
    std::partial_sum(start_.begin(), start_.end(), start_.begin());
    items_.resize(start_.back());
    std::vector<int> fill(start_.begin(), start_.end() - 1);
    for (size_t i = 0; i < fps.size(); ++i)
      if (!fps[i].pts.empty()) each_cell(fps[i], [&](size_t c) { items_[size_t(fill[c]++)] = int(i); });
  }

  // Footprints whose box shares a cell with segment a→b, each once.
  void query(glm::dvec2 a, glm::dvec2 b, std::vector<int>& out) {
    out.clear();
    if (nx_ == 0) return;
    glm::dvec2 smin = glm::min(a, b), smax = glm::max(a, b);
    if (smax.x < lo_.x || smax.y < lo_.y || smin.x > hi_.x || smin.y > hi_.y) return;
    ++tick_;
    int x0 = cx(smin.x), x1 = cx(smax.x);
    double dx = b.x - a.x, dy = b.y - a.y;
    for (int x = x0; x <= x1; ++x) {
      // The part of the segment over this column of cells.
      double xa = std::max(smin.x, lo_.x + x * cell_), xb = std::min(smax.x, lo_.x + (x + 1) * cell_);
      double ya = smin.y, yb = smax.y;
      if (std::abs(dx) > 1e-12) {
        ya = a.y + (xa - a.x) * dy / dx;
        yb = a.y + (xb - a.x) * dy / dx;
        if (ya > yb) std::swap(ya, yb);
      }
      int y0 = cy(ya - 1e-9), y1 = cy(yb + 1e-9);
      for (int y = y0; y <= y1; ++y) {
        size_t c = size_t(y) * size_t(nx_) + size_t(x);
        for (int k = start_[c]; k < start_[c + 1]; ++k) {
          int i = items_[size_t(k)];
          if (stamp_[size_t(i)] == tick_) continue;
          stamp_[size_t(i)] = tick_;
          const Footprint& f = fps_[size_t(i)];
          if (f.hi.x < smin.x || f.hi.y < smin.y || f.lo.x > smax.x || f.lo.y > smax.y) continue;
          out.push_back(i);
        }
      }
    }
  }

 private:
  int cx(double x) const { return std::clamp(int(std::floor((x - lo_.x) / cell_)), 0, nx_ - 1); }
  int cy(double y) const { return std::clamp(int(std::floor((y - lo_.y) / cell_)), 0, ny_ - 1); }

  const std::vector<Footprint>& fps_;
  glm::dvec2 lo_{0.0}, hi_{0.0};
  double cell_ = 1.0;
  int nx_ = 0, ny_ = 0;
  std::vector<int> start_, items_;
  std::vector<unsigned> stamp_;
  unsigned tick_ = 0;
};

// ---- Per-link checks ------------------------------------------------------------------

struct Ctx {
  const Scene& scene;
  const std::vector<Footprint>& fps;
  FootprintGrid& grid;
  std::vector<Problem>& problems;
  // scratch
  std::vector<int> cand;
  std::vector<double> ts;
  std::vector<glm::dvec2> iv;
};

bool is_connection_of(const Network& net, int node, const std::string& building) {
  if (node < 0 || size_t(node) >= net.nodes.size()) return false;
  const NetNode& n = net.nodes[size_t(node)];
  return n.kind == NodeKind::kBuildingConnection && n.building == building;
}

void check_through_buildings(Ctx& c, const Network& net, const NetLink& link, const char* util) {
  const auto& path = link.path;
  if (path.size() < 2) return;
  // 2D arc length at each vertex.
  std::vector<double> s(path.size(), 0.0);
  for (size_t k = 1; k < path.size(); ++k)
    s[k] = s[k - 1] + glm::length(glm::dvec2(path[k]) - glm::dvec2(path[k - 1]));
  double total = s.back();
  struct Hit {
    int building;
    double inside = 0.0, best = 0.0;
    glm::dvec3 where{0.0};
  };
  std::vector<Hit> hits;
  for (size_t k = 1; k < path.size(); ++k) {
    glm::dvec2 a(path[k - 1]), b(path[k]);
    double seg = s[k] - s[k - 1];
    if (seg <= 0.0) continue;
    c.grid.query(a, b, c.cand);
    for (int bi : c.cand) {
      const Footprint& f = c.fps[size_t(bi)];
      inside_intervals(f, a, b, c.ts, c.iv);
      if (c.iv.empty()) continue;
      const std::string& bid = c.scene.buildings[size_t(bi)].id;
      double keep0 = is_connection_of(net, link.from, bid) ? kWallAllowance : 0.0;
      double keep1 = total - (is_connection_of(net, link.to, bid) ? kWallAllowance : 0.0);
      auto it = std::find_if(hits.begin(), hits.end(), [&](const Hit& h) { return h.building == bi; });
      for (glm::dvec2 t : c.iv) {
        double s0 = std::max(s[k - 1] + t.x * seg, keep0);
        double s1 = std::min(s[k - 1] + t.y * seg, keep1);
        if (s1 <= s0) continue;
        if (it == hits.end()) {
          hits.push_back({bi});
          it = hits.end() - 1;
        }
        it->inside += s1 - s0;
        if (s1 - s0 > it->best) {
          it->best = s1 - s0;
          double tm = ((s0 + s1) * 0.5 - s[k - 1]) / seg;
          it->where = path[k - 1] + tm * (path[k] - path[k - 1]);
        }
      }
    }
  }
  for (const Hit& h : hits) {
    if (h.inside <= kInsideLimit) continue;
    const Building& bld = c.scene.buildings[size_t(h.building)];
    c.problems.push_back({"through_building", util, link.id, bld.id,
                          "link " + link.id + " runs " + fmt("%.2f", h.inside) +
                              " m inside building " + bld.id,
                          h.where});
  }
}

// Returns the link's length.
double check_link(Ctx& c, const Network& net, const NetLink& link, const char* util) {
  double length = link.length_m();
  if (length < kZeroLength)
    c.problems.push_back({"zero_length", util, link.id, "",
                          "link " + link.id + " is " + fmt("%.3f", length) + " m long",
                          link.path.empty() ? glm::dvec3(0.0) : link.path.front()});

  auto bad_end = [&](int n) { return n < 0 || size_t(n) >= net.nodes.size(); };
  if (bad_end(link.from))
    c.problems.push_back({"dangling_end", util, link.id, "",
                          "link " + link.id + " starts at no node",
                          link.path.empty() ? glm::dvec3(0.0) : link.path.front()});
  if (bad_end(link.to))
    c.problems.push_back({"dangling_end", util, link.id, "",
                          "link " + link.id + " ends at no node",
                          link.path.empty() ? glm::dvec3(0.0) : link.path.back()});
  if (link.path.empty()) return length;

  // Height and cover, from the geometry (the ground is z = 0).
  // The section is the same all along, so the highest axis has the least cover.
  size_t hi = 0;
  for (size_t k = 1; k < link.path.size(); ++k)
    if (link.path[k].z > link.path[hi].z) hi = k;
  double axis = link.path[hi].z;
  double top = axis + 0.5 * link.section_height_m();
  if (top > kHeightEps) {
    std::string msg = "link " + link.id + " is above ground: ";
    if (axis > 0.0)
      msg += "axis " + fmt("%.2f", axis) + " m above ground";
    else
      msg += "top of section " + fmt("%.2f", top) + " m above ground";
    c.problems.push_back({"above_ground", util, link.id, "", msg, link.path[hi]});
    return length;  // neither shallow nor through a building: it is not buried at all
  }

  Utility u = net.utility;
  double need = minimum_cover_m(u, link);
  double cover = -top;
  if (need > 0.0 && cover < need - kHeightEps)
    c.problems.push_back({"shallow_cover", util, link.id, "",
                          "link " + link.id + " has " + fmt("%.2f", cover) + " m cover, minimum " +
                              fmt("%.2f", need) + " m",
                          link.path[hi]});

  check_through_buildings(c, net, link, util);
  return length;
}

// Union-find over one network's nodes.
int count_pieces(const Network& net) {
  std::vector<int> parent(net.nodes.size());
  std::iota(parent.begin(), parent.end(), 0);
  auto find = [&](int x) {
    while (parent[size_t(x)] != x) x = parent[size_t(x)] = parent[size_t(parent[size_t(x)])];
    return x;
  };
  int pieces = int(net.nodes.size());
  int n = int(net.nodes.size());
  for (const NetLink& l : net.links) {
    bool a = l.from >= 0 && l.from < n, b = l.to >= 0 && l.to < n;
    if (!a && !b) {
      ++pieces;  // a link on its own
    } else if (a && b) {
      int ra = find(l.from), rb = find(l.to);
      if (ra != rb) {
        parent[size_t(ra)] = rb;
        --pieces;
      }
    }
  }
  return pieces;
}

}  // namespace

double minimum_cover_m(Utility u, const NetLink& link) {
  switch (u) {
    case Utility::kWater:
    case Utility::kDrainage:
    case Utility::kGas:
    case Utility::kTelecom:
      return 0.6;
    case Utility::kPower:
      if (link.subtype == "conduit" || link.subtype == "duct_bank" || link.kind == LinkKind::kDuct)
        return 0.5;
      return 0.7;
    default:
      return 0.0;
  }
}

ValidationReport validate_scene(const Scene& scene) {
  ValidationReport r;
  r.buildings = int(scene.buildings.size());
  r.households = scene.total_households();

  std::vector<Footprint> fps;
  fps.reserve(scene.buildings.size());
  for (const Building& b : scene.buildings) fps.push_back(make_footprint(b.footprint));
  FootprintGrid grid(fps);
  Ctx ctx{scene, fps, grid, r.problems, {}, {}, {}};

  for (int ui = 0; ui <= int(Utility::kHeat); ++ui) {
    Utility u = Utility(ui);
    const char* util = utility_name(u);
    UtilityStats st;
    st.utility = u;
    bool present = false;
    double length_m = 0.0;  // summed in metres: whole metres give exact kilometres
    std::unordered_set<std::string> connected;
    for (const Network& net : scene.networks) {
      if (net.utility != u) continue;
      present = true;
      st.nodes += int(net.nodes.size());
      st.links += int(net.links.size());
      st.pieces += count_pieces(net);
      for (const NetNode& n : net.nodes)
        if (n.kind == NodeKind::kBuildingConnection && !n.building.empty())
          connected.insert(n.building);
      for (const NetLink& l : net.links) length_m += check_link(ctx, net, l, util);
    }
    if (!present) continue;
    st.length_km = length_m / 1000.0;
    r.utilities.push_back(st);
    for (const Building& b : scene.buildings) {
      if (b.kind != "residential" || connected.count(b.id)) continue;
      r.problems.push_back({"unconnected_building", util, "", b.id,
                            "residential building " + b.id + " has no " + util + " connection",
                            b.position});
    }
  }
  return r;
}

}  // namespace et
