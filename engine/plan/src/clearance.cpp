// Clearance checks against the rules table (rules.h): horizontal runs side by side, links
// beside buildings, vertical gaps at crossings, cover along buried links. Segments and
// footprints sit in uniform grids, so the cost grows with the size of the networks, not
// with its square.
#include <algorithm>
#include <cmath>
#include <map>
#include <tuple>
#include <unordered_map>

#include "et/plan/rules.h"
#include "geometry.h"

namespace et::plan {
namespace {

using geom::Box;
using geom::BoxGrid;

constexpr double kEps = 1e-6;               // m: rounding slack in every comparison
constexpr double kParallelCos = 0.8660254;  // cos 30 deg: runs closer to parallel are "alongside"
constexpr double kMinOverlap = 0.5;         // m of side-by-side run that makes a horizontal pair
constexpr double kTouch = 1e-3;             // m: a crossing this close to a link's end is a joint
constexpr double kCoverStep = 1.0;          // m between cover samples along a segment
constexpr double kMinCell = 4.0;            // m: grid cells never smaller

struct LinkInfo {
  const Network* net = nullptr;
  const NetLink* link = nullptr;
  std::string type;  // utility name, as in the rules table
  int tunnel = -1;   // index of the plan tunnel it is laid in, or -1
  double half_w = 0.0, half_h = 0.0;
};

struct Seg {
  int link = 0;
  size_t k = 0;  // path[k] -> path[k + 1]
};

using Key = std::tuple<int, std::string, std::string, std::string>;

class Recorder {
 public:
  // Keeps the worst place (largest shortfall) per rule and element pair.
  void add(const Rule& r, std::string a, std::string b, double required, double actual,
           glm::dvec3 where) {
    if (actual >= required - kEps) return;
    if (r.kind != RuleKind::kCover && r.a == r.b && b < a) std::swap(a, b);
    Key key{int(r.kind), r.id, a, b};
    auto it = worst_.find(key);
    if (it != worst_.end() && it->second.required_m - it->second.actual_m >= required - actual)
      return;
    worst_[key] = Violation{r.id, r.kind, a, b, required, actual, where, r.verified};
  }
  std::vector<Violation> take() {
    std::vector<Violation> out;
    out.reserve(worst_.size());
    for (auto& [k, v] : worst_) out.push_back(std::move(v));  // map order: kind, rule, a, b
    return out;
  }

 private:
  std::map<Key, Violation> worst_;
};

}  // namespace

// find_rule is public (rules.h): the measure tool asks the same question for one pair.
static bool conditions_hold(const Rule& r, bool side_a, const NetLink* l) {
  if (side_a) {
    bool any = r.a_max_diameter_mm > 0.0 || r.a_min_diameter_mm > 0.0 ||
               !r.a_pressure_class.empty() || !r.a_subtype.empty();
    if (!l) return !any;
    double d = l->diameter_mm > 0.0 ? l->diameter_mm : l->width_mm;
    if (r.a_max_diameter_mm > 0.0 && d > r.a_max_diameter_mm) return false;
    if (r.a_min_diameter_mm > 0.0 && d <= r.a_min_diameter_mm) return false;  // "d > min"
    if (!r.a_pressure_class.empty() && l->pressure_class != r.a_pressure_class) return false;
    if (!r.a_subtype.empty() && l->subtype != r.a_subtype) return false;
    return true;
  }
  if (!l) return r.b_pressure_class.empty() && r.b_subtype.empty();
  if (!r.b_pressure_class.empty() && l->pressure_class != r.b_pressure_class) return false;
  if (!r.b_subtype.empty() && l->subtype != r.b_subtype) return false;
  return true;
}

// First row of `kind` for elements x and y (y may be a building: null link); `swapped` when
// x plays the row's b. Cover rows: x only.
const Rule* find_rule(const RuleTable& t, RuleKind kind, const std::string& tx, const NetLink* x,
                      const std::string& ty, const NetLink* y, bool& swapped) {
  for (const Rule& r : t.rules) {
    if (r.kind != kind) continue;
    if (kind == RuleKind::kCover) {
      if (r.a == tx && conditions_hold(r, true, x)) return swapped = false, &r;
      continue;
    }
    if (r.a == tx && r.b == ty && conditions_hold(r, true, x) && conditions_hold(r, false, y))
      return swapped = false, &r;
    if (r.a == ty && r.b == tx && conditions_hold(r, true, y) && conditions_hold(r, false, x))
      return swapped = true, &r;
  }
  return nullptr;
}

namespace {

bool above_ground(const NetLink& l) {
  if (l.subtype == "overhead" || l.cover_start_m < 0.0 || l.cover_end_m < 0.0) return true;
  double half = 0.5 * l.section_height_m();
  return std::any_of(l.path.begin(), l.path.end(),
                     [&](const glm::dvec3& p) { return p.z + half > kEps; });
}

glm::dvec3 at(const NetLink& l, size_t k, double s) {
  return glm::mix(l.path[k], l.path[k + 1], s);
}

bool is_connection_of(const Network& net, int node, const std::string& building) {
  if (node < 0 || size_t(node) >= net.nodes.size()) return false;
  const NetNode& n = net.nodes[size_t(node)];
  return n.kind == NodeKind::kBuildingConnection && n.building == building;
}

// True when node `node` lies inside the footprint or within 0.5 m of it.
bool ends_at(const Network& net, int node, const std::vector<glm::dvec2>& footprint) {
  if (node < 0 || size_t(node) >= net.nodes.size() || footprint.size() < 3) return false;
  const glm::dvec2 p(net.nodes[size_t(node)].position);
  double s = 0.0;
  return geom::segment_polygon_distance(footprint, p, p, s) <= 0.5;
}

// Lanes per grid cell, each cell's list in the file's order, so lane_segment_at() on a cell's
// list answers as it would on the whole vector.
class LaneIndex {
 public:
  explicit LaneIndex(const std::vector<LaneSegment>& lanes) {
    std::vector<Box> boxes;
    std::vector<int> owner;
    for (size_t i = 0; i < lanes.size(); ++i)
      if (lanes[i].polygon.size() >= 3) {
        boxes.push_back(geom::box_of(lanes[i].polygon, 0.01));
        owner.push_back(int(i));
      }
    if (boxes.empty()) return;
    lo_ = boxes[0].lo;
    glm::dvec2 hi = boxes[0].hi;
    for (const Box& b : boxes) {
      lo_ = glm::min(lo_, b.lo);
      hi = glm::max(hi, b.hi);
    }
    cell_ = 20.0;
    while (((hi.x - lo_.x) / cell_ + 1) * ((hi.y - lo_.y) / cell_ + 1) > 1e6) cell_ *= 2.0;
    nx_ = int((hi.x - lo_.x) / cell_) + 1;
    ny_ = int((hi.y - lo_.y) / cell_) + 1;
    cells_.resize(size_t(nx_) * size_t(ny_));
    for (size_t b = 0; b < boxes.size(); ++b)
      for (int y = cy(boxes[b].lo.y); y <= cy(boxes[b].hi.y); ++y)
        for (int x = cx(boxes[b].lo.x); x <= cx(boxes[b].hi.x); ++x) {
          Cell& c = cells_[size_t(y) * size_t(nx_) + size_t(x)];
          c.lanes.push_back(lanes[size_t(owner[b])]);
          c.index.push_back(owner[b]);
        }
    lanes_ = &lanes;
  }
  bool carriageway(glm::dvec2 p) const {
    if (!lanes_) return false;
    int x = int(std::floor((p.x - lo_.x) / cell_)), y = int(std::floor((p.y - lo_.y) / cell_));
    if (x < 0 || y < 0 || x >= nx_ || y >= ny_) return false;
    const Cell& c = cells_[size_t(y) * size_t(nx_) + size_t(x)];
    int i = lane_segment_at(c.lanes, p);
    return i >= 0 && (*lanes_)[size_t(c.index[size_t(i)])].surface == Surface::kCarriageway;
  }

 private:
  struct Cell {
    std::vector<LaneSegment> lanes;
    std::vector<int> index;
  };
  int cx(double v) const { return std::clamp(int(std::floor((v - lo_.x) / cell_)), 0, nx_ - 1); }
  int cy(double v) const { return std::clamp(int(std::floor((v - lo_.y) / cell_)), 0, ny_ - 1); }
  const std::vector<LaneSegment>* lanes_ = nullptr;
  glm::dvec2 lo_{0.0};
  double cell_ = 20.0;
  int nx_ = 0, ny_ = 0;
  std::vector<Cell> cells_;
};

// Two segments of different links found near each other: a crossing (vertical rule) or a
// side-by-side run (horizontal rule, different utilities only).
void check_pair(const RuleTable& rules, const LinkInfo& A, size_t ka, const LinkInfo& B, size_t kb,
                Recorder& rec) {
  const NetLink &la = *A.link, &lb = *B.link;
  glm::dvec2 a0(la.path[ka]), a1(la.path[ka + 1]), b0(lb.path[kb]), b1(lb.path[kb + 1]);
  bool swapped = false;
  double s = 0.0, t = 0.0;
  if (geom::segment_crossing(a0, a1, b0, b1, s, t)) {
    glm::dvec3 pa = at(la, ka, s), pb = at(lb, kb, t);
    bool joint = false;
    if (A.net == B.net) {  // links of one network meeting at a node are joined, not crossing
      joint = la.from == lb.from || la.from == lb.to || la.to == lb.from || la.to == lb.to;
      for (const NetLink* l : {&la, &lb})
        joint = joint || glm::length(glm::dvec2(pa) - glm::dvec2(l->path.front())) < kTouch ||
                glm::length(glm::dvec2(pa) - glm::dvec2(l->path.back())) < kTouch;
    }
    if (!joint) {
      if (const Rule* r = find_rule(rules, RuleKind::kVertical, A.type, &la, B.type, &lb, swapped);
          r && r->min_m > 0.0) {
        double gap = std::abs(pa.z - pb.z) - A.half_h - B.half_h;
        rec.add(*r, swapped ? lb.id : la.id, swapped ? la.id : lb.id, r->min_m, gap,
                glm::dvec3(glm::dvec2(pa), 0.5 * (pa.z + pb.z)));
      }
    }
  }
  if (A.type == B.type) return;

  glm::dvec2 da = a1 - a0, db = b1 - b0;
  double len_a = glm::length(da), len_b = glm::length(db);
  if (len_a <= kEps || len_b <= kEps) return;
  if (std::abs(glm::dot(da, db)) < kParallelCos * len_a * len_b) return;  // crossing, not a run
  glm::dvec2 ua = da / len_a;
  double pb0 = glm::dot(b0 - a0, ua), pb1 = glm::dot(b1 - a0, ua);
  double lo = std::max(0.0, std::min(pb0, pb1)), hi = std::min(len_a, std::max(pb0, pb1));
  double overlap = hi - lo;
  // Short polyline pieces count when the whole shorter one runs alongside.
  double shorter = std::min(len_a, std::abs(pb1 - pb0));
  if (overlap < std::min(kMinOverlap, shorter - kEps) || overlap <= kEps) return;
  // Measure only over the shared run, so an offset pair is not judged by its far ends.
  double ta = (lo - pb0) / (pb1 - pb0), tb = (hi - pb0) / (pb1 - pb0);
  if (ta > tb) std::swap(ta, tb);
  ta = std::clamp(ta, 0.0, 1.0);
  tb = std::clamp(tb, 0.0, 1.0);
  glm::dvec2 ca0 = a0 + ua * lo, ca1 = a0 + ua * hi, cb0 = b0 + db * ta, cb1 = b0 + db * tb;
  double dist = geom::segment_distance(ca0, ca1, cb0, cb1, s, t);
  double edge = dist - A.half_w - B.half_w;
  const Rule* r = find_rule(rules, RuleKind::kHorizontal, A.type, &la, B.type, &lb, swapped);
  if (!r || r->min_m <= 0.0) return;
  glm::dvec3 where = at(la, ka, (lo + s * (hi - lo)) / len_a);
  rec.add(*r, swapped ? lb.id : la.id, swapped ? la.id : lb.id, r->min_m, edge, where);
}

double max_width(const std::vector<LinkInfo>& links) {
  double w = 0.0;
  for (const LinkInfo& l : links) w = std::max(w, 2.0 * l.half_w);
  return w;
}

void check_links(const RuleTable& rules, const std::vector<LinkInfo>& links, Recorder& rec) {
  double reach = 0.0;  // the widest horizontal requirement between utilities
  for (const Rule& r : rules.rules)
    if (r.kind == RuleKind::kHorizontal && r.a != "building" && r.b != "building")
      reach = std::max(reach, r.min_m);
  reach += max_width(links) + kEps;
  double cell = std::max(kMinCell, 2.0 * reach);

  std::vector<Seg> segs;
  std::vector<Box> boxes;
  std::vector<int> owner;
  for (size_t i = 0; i < links.size(); ++i)
    for (size_t k = 0; k + 1 < links[i].link->path.size(); ++k) {
      geom::piece_boxes(glm::dvec2(links[i].link->path[k]), glm::dvec2(links[i].link->path[k + 1]),
                        cell, 0.0, boxes);
      owner.resize(boxes.size(), int(segs.size()));
      segs.push_back({int(i), k});
    }
  BoxGrid grid(boxes, owner, int(segs.size()), cell);
  std::vector<Box> query;
  std::vector<int> cand;
  for (size_t i = 0; i < segs.size(); ++i) {
    const LinkInfo& A = links[size_t(segs[i].link)];
    query.clear();
    geom::piece_boxes(glm::dvec2(A.link->path[segs[i].k]), glm::dvec2(A.link->path[segs[i].k + 1]),
                      cell, reach, query);
    cand.clear();
    grid.begin_query();
    for (const Box& q : query) grid.query_more(q, cand);
    for (int j : cand) {
      if (size_t(j) <= i || segs[size_t(j)].link == segs[i].link) continue;
      const LinkInfo& B = links[size_t(segs[size_t(j)].link)];
      if (A.tunnel >= 0 && A.tunnel == B.tunnel) continue;  // one tunnel: its own spacing
      check_pair(rules, A, segs[i].k, B, segs[size_t(j)].k, rec);
    }
  }
}

void check_buildings(const RuleTable& rules, const std::vector<LinkInfo>& links,
                     const std::vector<Building>& buildings, Recorder& rec) {
  double reach = 0.0;
  for (const Rule& r : rules.rules)
    if (r.kind == RuleKind::kHorizontal && (r.a == "building" || r.b == "building"))
      reach = std::max(reach, r.min_m);
  if (reach <= 0.0) return;
  reach += 0.5 * max_width(links) + kEps;

  std::vector<std::vector<glm::dvec2>> fps(buildings.size());
  std::vector<Box> boxes;
  std::vector<int> owner;
  double size_sum = 0.0;
  for (size_t i = 0; i < buildings.size(); ++i) {
    fps[i] = buildings[i].footprint;
    if (fps[i].size() > 1 && fps[i].front() == fps[i].back()) fps[i].pop_back();
    if (fps[i].size() < 3) continue;
    boxes.push_back(geom::box_of(fps[i]));
    owner.push_back(int(i));
    size_sum +=
        std::max(boxes.back().hi.x - boxes.back().lo.x, boxes.back().hi.y - boxes.back().lo.y);
  }
  if (boxes.empty()) return;
  double cell = std::max(kMinCell, 2.0 * size_sum / double(boxes.size()));
  BoxGrid grid(boxes, owner, int(buildings.size()), cell);

  std::vector<Box> query;
  std::vector<int> cand;
  for (const LinkInfo& L : links) {
    const NetLink& l = *L.link;
    for (size_t k = 0; k + 1 < l.path.size(); ++k) {
      glm::dvec2 a(l.path[k]), b(l.path[k + 1]);
      query.clear();
      geom::piece_boxes(a, b, cell, reach, query);
      cand.clear();
      grid.begin_query();
      for (const Box& q : query) grid.query_more(q, cand);
      for (int bi : cand) {
        const Building& bld = buildings[size_t(bi)];
        // A service entering its own building is meant to reach it, and so is a line ending
        // at a node in or at a building (the pump house's mains, the transformer's cables).
        if (is_connection_of(*L.net, l.from, bld.id) || is_connection_of(*L.net, l.to, bld.id) ||
            ends_at(*L.net, l.from, fps[size_t(bi)]) || ends_at(*L.net, l.to, fps[size_t(bi)]))
          continue;
        double s = 0.0;
        double edge = geom::segment_polygon_distance(fps[size_t(bi)], a, b, s) - L.half_w;
        if (edge >= reach) continue;
        bool swapped = false;
        const Rule* r =
            find_rule(rules, RuleKind::kHorizontal, L.type, &l, "building", nullptr, swapped);
        if (!r || r->min_m <= 0.0) continue;
        rec.add(*r, swapped ? bld.id : l.id, swapped ? l.id : bld.id, r->min_m, edge, at(l, k, s));
      }
    }
  }
}

void check_cover(const RuleTable& rules, const std::vector<LinkInfo>& links, const LaneIndex& lanes,
                 Recorder& rec) {
  for (const LinkInfo& L : links) {
    const NetLink& l = *L.link;
    bool swapped = false;
    const Rule* r = find_rule(rules, RuleKind::kCover, L.type, &l, "", nullptr, swapped);
    if (!r || (r->min_m <= 0.0 && r->min_carriageway_m <= 0.0)) continue;
    auto sample = [&](glm::dvec3 p) {
      bool road = lanes.carriageway(glm::dvec2(p));
      double need = road && r->min_carriageway_m > 0.0 ? r->min_carriageway_m : r->min_m;
      rec.add(*r, l.id, "", need, -(p.z + L.half_h), p);
    };
    for (size_t k = 0; k + 1 < l.path.size(); ++k) {
      double len = glm::length(glm::dvec2(l.path[k + 1]) - glm::dvec2(l.path[k]));
      int n = std::clamp(int(std::ceil(len / kCoverStep)), 1, 100000);
      for (int i = 0; i < n; ++i) sample(at(l, k, double(i) / n));
    }
    sample(l.path.back());
  }
}

}  // namespace

std::vector<Violation> check_clearances(const std::vector<Network>& networks,
                                        const std::vector<Building>& buildings,
                                        const RuleTable& rules,
                                        const std::vector<LaneSegment>& lanes, const Plan* plan) {
  // Links the plan lays in a tunnel, keyed "utility/id".
  std::unordered_map<std::string, int> tunnel_of;
  if (plan)
    for (const Edit& e : plan->edits) {
      int ti = -1;
      for (size_t i = 0; i < plan->trenches.size() && !e.trench.empty(); ++i)
        if (plan->trenches[i].id == e.trench && plan->trenches[i].kind == TrenchKind::kTunnel)
          ti = int(i);
      if (ti < 0) continue;
      std::string u = std::string(utility_name(e.utility)) + "/";
      if (e.op == EditOp::kAdd) tunnel_of[u + e.link.id] = ti;
      if (e.op == EditOp::kReroute || e.op == EditOp::kMove)
        for (const std::string& id : e.links) tunnel_of[u + id] = ti;
    }

  // In-service, buried links: the only ones an underground clearance applies to.
  std::vector<LinkInfo> links;
  for (const Network& net : networks)
    for (const NetLink& l : net.links) {
      if (l.state == LinkState::kAbandoned || l.path.size() < 2 || above_ground(l)) continue;
      LinkInfo info;
      info.net = &net;
      info.link = &l;
      info.type = utility_name(net.utility);
      auto it = tunnel_of.find(info.type + "/" + l.id);
      if (it != tunnel_of.end()) info.tunnel = it->second;
      info.half_w = 0.5 * l.section_width_m();
      info.half_h = 0.5 * l.section_height_m();
      links.push_back(std::move(info));
    }

  Recorder rec;
  check_links(rules, links, rec);
  check_buildings(rules, links, buildings, rec);
  check_cover(rules, links, LaneIndex(lanes), rec);
  return rec.take();
}

}  // namespace et::plan
