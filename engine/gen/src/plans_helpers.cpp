// Helpers shared by the Muyanghu plans (plans_common.h): lanes, the kiosk's metered
// service, the tangle's overhead lines, the coordinated calendar. Unit costs illustrative.
#include <cstdio>
#include <set>

#include "plans_common.h"

namespace et::gen {

namespace {
constexpr double kOverheadDown = 300, kPrivateOut = 40;  // CNY, illustrative
}  // namespace

// The first row lane north of a point off the lanes (a line along a block's entrance wall).
int lane_north_of(const EstateLayout& e, const NetLink& l) {
  for (std::size_t r = 0; r < e.row_lanes.size(); ++r) {
    if (e.row_lanes[r].y0 > l.path.front().y) return static_cast<int>(r);
  }
  return -1;
}

std::string lane_code(int r) {
  char code[16];  // not "R" + std::to_string(): GCC 12 -Wrestrict false positive at -O3
  std::snprintf(code, sizeof code, "R%d", r + 1);
  return code;
}

Links join(Links a, const Links& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

Links where(const Links& links, bool (*keep)(const NetLink&, double), double at) {
  Links out;
  for (const NetLink* l : links) {
    if (keep(*l, at)) out.push_back(l);
  }
  return out;
}
bool south_of(const NetLink& l, double y) {
  for (const glm::dvec2& p : l.path) {
    if (p.y > y + 1e-6) return false;
  }
  return true;
}
bool north_part(const NetLink& l, double y) { return !south_of(l, y); }

double lane_area(const EstateLayout& e) {
  double a = 0.0;
  for (const LaneSegmentDoc& s : lane_segments(e)) {
    if (s.surface == "carriageway") a += (s.rect.x1 - s.rect.x0) * (s.rect.y1 - s.rect.y0);
  }
  return a;
}

void kiosk_service(PlanBuilder& b, const Scope& s, const std::string& trench) {
  remove(b, {s.kiosk_water}, "water", "water", "Unmetered tap taken out", kPrivateOut);
  const std::vector<glm::dvec2> path = kiosk_trench(s);
  // The kiosk's own sub-meter, a new node beside the old tap's end (the loader resolves a
  // new link's ends against the networks and the nodes of its own edit).
  NetNode meter;
  meter.id = "W-M02";
  meter.kind = "meter";
  meter.p = path.back();
  meter.owner = "Water company";
  meter.install_year = 2027;
  meter.note = "kiosk sub-meter";
  PlanEdit& a = b.edit("add", "water", "water");
  a.trench = trench;
  a.link = line_style("pipe", 32, "PE", 2027, "Water company", 0.7);
  a.link.condition = "new";
  a.link.id = b.new_link_id("W");
  a.link.from = "W-M01";
  a.link.to = meter.id;
  a.link.path = path;
  a.link.note = "metered supply to the kiosk";
  a.nodes.push_back(meter);
  b.cost("Sub-meter DN25 with chamber", "water", a.id, 1, "item", 1800);
  b.cost("PE DN32 service, supply and lay", "water", a.id, a.link.plan_length_m(), "m", 120);
}

// From the estate meter west along the site's south edge, then north to the kiosk, stopping
// 0.5 m short of the old tap's end (the sub-meter stands there, in front of the kiosk).
std::vector<glm::dvec2> kiosk_trench(const Scope& s) {
  const glm::dvec2 kiosk = s.kiosk_water->path.back();
  glm::dvec2 bulk{0.0};
  for (const NetNode& n : s.n->water.nodes) {
    if (n.id == "W-M01") bulk = n.p;
  }
  return {bulk, {kiosk.x, bulk.y}, {kiosk.x, kiosk.y - 0.5}};
}

void take_down_overhead(PlanBuilder& b, const Scope& s) {
  for (const char* u : {"power", "telecom"}) {
    Links mine;
    for (const NetLink* l : s.overhead) {
      if ((l->id[0] == 'P') == (std::string(u) == "power")) mine.push_back(l);
    }
    if (mine.empty()) continue;
    PlanEdit& e = b.edit("remove", "district", u);
    e.links = ids(mine);
    b.cost(std::string("Private overhead ") + u + " line taken down", "district", e.id,
           static_cast<double>(mine.size()), "item", kOverheadDown);
  }
}

void remove_private(PlanBuilder& b, const NetLink* l, const std::string& owner,
                    const std::string& utility) {
  remove(b, {l}, owner, utility, "Private line dug out", kPrivateOut);
}

Calendar::Calendar(const EstateLayout& e) : lanes_(lane_segments(e)) {}

int Calendar::book(const std::vector<glm::dvec2>& path, const std::string& crew, int from,
                   int days) {
  const std::set<int> segs = segments(path);
  int start = std::max(from, free_[crew]);
  for (bool moved = true; moved;) {
    moved = false;
    for (const Booking& b : booked_) {
      const bool overlap = start <= b.end && b.start <= start + days - 1;
      bool shared = false;
      for (int s : segs) shared = shared || b.segs.count(s) > 0;
      if (overlap && shared) {
        start = b.end + 1;
        moved = true;
      }
    }
  }
  booked_.push_back({segs, start, start + days - 1});
  free_[crew] = start + days;
  return start;
}

std::set<int> Calendar::segments(const std::vector<glm::dvec2>& path) const {
  std::set<int> out;
  for (std::size_t i = 1; i < path.size(); ++i) {
    const double len = glm::length(path[i] - path[i - 1]);
    for (double s = 0.0; s <= len; s += 0.5) {
      const glm::dvec2 p = path[i - 1] + (path[i] - path[i - 1]) * (len > 0 ? s / len : 0.0);
      for (std::size_t k = 0; k < lanes_.size(); ++k) {
        if (lanes_[k].rect.contains(p.x, p.y)) out.insert(static_cast<int>(k));
      }
    }
  }
  return out;
}

}  // namespace et::gen
