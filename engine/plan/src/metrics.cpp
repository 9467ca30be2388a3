// The comparison row of one plan (metrics.h). Households cut off: each task's switchover
// cuts the as-found links its edits touch (the networks as they stand on the task's first
// day); water goes through the sim outage analysis (the valves that isolate each cut link
// are closed too), gas, power and telecom through connectivity from their sources.
// Connections already dry before the cut (a network with no source) are not counted.
#include "et/plan/metrics.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <queue>
#include <set>

#include "et/core/date.h"
#include "et/plan/schedule.h"
#include "et/sim/outage.h"

namespace et::plan {
namespace {

constexpr double kRoadStepM = 0.05;  // sampling step for the length inside lane segments

bool is_source(const NetNode& n) {
  switch (n.kind) {
    case NodeKind::kTransformer:
    case NodeKind::kGasRegulator:
    case NodeKind::kTelecomCabinet:
    case NodeKind::kPumpHouse:
    case NodeKind::kTank:
    case NodeKind::kReservoir:
      return true;
    default:
      return n.attributes.count("supply") > 0;
  }
}

// As sim/outage.cpp counts them: the node's own figure, else the building's households
// shared among its connections in this network.
int households_at(const std::vector<Building>& buildings, const Network& net, const NetNode& n) {
  auto it = n.attributes.find("households");
  if (it != n.attributes.end()) return std::atoi(it->second.c_str());
  int connections = 0, households = 0;
  for (const NetNode& m : net.nodes)
    if (m.kind == NodeKind::kBuildingConnection && m.building == n.building) ++connections;
  for (const Building& b : buildings)
    if (b.id == n.building) households = b.households;
  return connections > 0 ? households / connections : 0;
}

// Dry nodes (reachable from no source) with `cut` links out: breadth-first over the rest.
std::vector<bool> dry_by_connectivity(const Network& net, const std::set<std::string>& cut) {
  std::vector<std::vector<int>> inc(net.nodes.size());
  for (size_t k = 0; k < net.links.size(); ++k) {
    const NetLink& l = net.links[k];
    if (cut.count(l.id) || l.from < 0 || l.to < 0) continue;
    inc[size_t(l.from)].push_back(l.to);
    inc[size_t(l.to)].push_back(l.from);
  }
  std::vector<bool> wet(net.nodes.size(), false);
  std::queue<int> q;
  for (size_t i = 0; i < net.nodes.size(); ++i)
    if (is_source(net.nodes[i])) wet[i] = true, q.push(int(i));
  while (!q.empty()) {
    int i = q.front();
    q.pop();
    for (int m : inc[size_t(i)])
      if (!wet[size_t(m)]) wet[size_t(m)] = true, q.push(m);
  }
  std::vector<bool> dry(wet.size());
  for (size_t i = 0; i < wet.size(); ++i) dry[i] = !wet[i];
  return dry;
}

std::vector<bool> dry_water(const Scene& scene, const Network& net,
                            const std::set<std::string>& cut) {
  Scene one;  // the outage analysis reads the scene's first water network and its buildings
  one.path = scene.path;
  one.buildings = scene.buildings;
  one.networks.push_back(net);
  std::vector<std::string> ids;  // only links of this network: unknown ids are errors there
  for (size_t k = 0; k < net.links.size(); ++k)
    if (cut.count(net.links[k].id)) {
      ids.push_back(net.links[k].id);
      for (int v : sim::isolation_valves(net, int(k))) ids.push_back(net.nodes[size_t(v)].id);
    }
  std::vector<bool> dry(net.nodes.size(), false);
  Result<sim::OutageResult> r = sim::water_outage(one, ids);
  if (r)
    for (int i : r->dry_nodes) dry[size_t(i)] = true;
  return dry;
}

// Households cut per building when `cut` links of `net` go out.
std::map<std::string, int> cut_households(const Scene& scene, const Network& net,
                                          const std::set<std::string>& cut) {
  bool water = net.utility == Utility::kWater;
  std::vector<bool> before = water ? dry_water(scene, net, {}) : dry_by_connectivity(net, {});
  std::vector<bool> after = water ? dry_water(scene, net, cut) : dry_by_connectivity(net, cut);
  std::map<std::string, int> out;
  for (size_t i = 0; i < net.nodes.size(); ++i) {
    const NetNode& node = net.nodes[i];
    if (node.kind != NodeKind::kBuildingConnection || !after[i] || before[i]) continue;
    out[node.building] += households_at(scene.buildings, net, node);
  }
  return out;
}

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

}  // namespace

Result<Metrics> compute_metrics(const Scene& scene, const Plan& plan,
                                const std::vector<LaneSegment>& lanes, const RuleTable& rules) {
  return metrics_from(
      scene, plan, lanes,
      check_clearances(apply_plan(scene, plan, kComplete), scene.buildings, rules, lanes, &plan),
      schedule_clashes(scene, plan, lanes));
}

Metrics metrics_from(const Scene& scene, const Plan& plan, const std::vector<LaneSegment>& lanes,
                     const std::vector<Violation>& violations,
                     const std::vector<Clash>& clashes) {
  Metrics m;
  m.plan = plan.id;
  std::vector<Network> after = apply_plan(scene, plan, kComplete);
  for (const Network& net : after)
    for (const NetLink& l : net.links)
      if (l.state != LinkState::kAbandoned)
        m.length_km[size_t(net.utility)] += l.length_m() / 1000.0;
  for (const Edit& e : plan.edits) {
    if (e.op != EditOp::kAdd && e.op != EditOp::kReroute && e.op != EditOp::kMove) continue;
    std::string id = e.op == EditOp::kAdd ? e.link.id : e.links.front();
    for (const Network& net : after)
      if (net.utility == e.utility)
        for (const NetLink& l : net.links)
          if (l.id == id) m.new_length_m += l.length_m();
  }

  // Trenches: which utilities each carries decides "shared": the edits laid in it, and the
  // edits of the tasks that dig it (a line lowered in an open trench is in it too).
  std::map<std::string, std::set<Utility>> carried;
  for (const Edit& e : plan.edits)
    if (!e.trench.empty()) carried[e.trench].insert(e.utility);
  for (const Task& task : plan.tasks)
    if (!task.trench.empty())
      for (const std::string& eid : task.edits)
        if (const Edit* e = plan.find_edit(eid)) carried[task.trench].insert(e->utility);
  double shared_m = 0.0;
  for (const Trench& t : plan.trenches) {
    double len = t.length_m();
    if (t.kind == TrenchKind::kTunnel) {
      m.tunnel_length_m += len;
    } else {
      m.trench_length_m += len;
      if (carried[t.id].size() >= 2) shared_m += len;
    }
    m.excavation_m3 += len * t.width_m * t.depth_m;
    double inside = 0.0;
    for (size_t k = 1; k < t.path.size(); ++k) {
      glm::dvec2 a = t.path[k - 1], b = t.path[k];
      double seg = glm::length(b - a);
      int steps = std::max(1, static_cast<int>(std::ceil(seg / kRoadStepM)));
      for (int i = 0; i < steps; ++i)  // midpoints of equal pieces
        if (lane_segment_at(lanes, a + (b - a) * ((i + 0.5) / steps)) >= 0) inside += seg / steps;
    }
    m.road_area_m2 += inside * t.width_m;
  }
  m.shared_trench_share = m.trench_length_m > 0.0 ? shared_m / m.trench_length_m : 0.0;

  for (int d : digs_per_segment(plan, lanes)) {
    m.lane_segments_dug += d > 0;
    m.lane_segments_dug_repeatedly += d > 1;
    m.max_digs_per_segment = std::max(m.max_digs_per_segment, d);
  }

  for (const Violation& v : violations)
    (v.kind == RuleKind::kCover ? m.cover_violations : m.clearance_violations)++;
  for (const Clash& c : clashes) {
    ++m.clashes;
    if (c.kind == "same_lane_same_day") ++m.clashes_same_lane_day;
    else if (c.kind == "open_trench_live_line") ++m.clashes_live_line;
    else if (c.kind == "dug_after_resurfacing") ++m.clashes_dug_after_resurfacing;
  }

  std::map<std::string, int> worst;  // building -> most households cut there at once
  for (const Task& task : plan.tasks) {
    if (task.outage_h <= 0.0) continue;        // a live switchover cuts nobody
    std::map<int, std::set<std::string>> cut;  // utility -> links
    for (const std::string& eid : task.edits)
      if (const Edit* e = plan.find_edit(eid); e && e->op != EditOp::kAdd)
        cut[int(e->utility)].insert(e->links.begin(), e->links.end());
    if (cut.empty()) continue;
    std::vector<Network> nets = apply_plan(scene, plan, task.start_day);
    int task_households = 0;
    for (Network& net : nets) {
      if (net.utility == Utility::kDrainage || !cut.count(int(net.utility))) continue;
      const std::set<std::string>& ids = cut[int(net.utility)];
      bool touched = std::any_of(net.links.begin(), net.links.end(),
                                 [&](const NetLink& l) { return ids.count(l.id) > 0; });
      if (!touched) continue;
      // Abandoned lines carry nothing: out of the graph before the cut is made.
      std::erase_if(net.links, [](const NetLink& l) { return l.state == LinkState::kAbandoned; });
      for (const auto& [building, households] : cut_households(scene, net, ids)) {
        task_households += households;
        int& w = worst[building];
        w = std::max(w, households);
      }
    }
    m.household_hours += task_households * task.outage_h;
    if (task_households > 0) m.longest_outage_h = std::max(m.longest_outage_h, task.outage_h);
  }
  for (const auto& [building, households] : worst) {
    int cap = households;
    for (const Building& b : scene.buildings)
      if (b.id == building && b.households > 0) cap = std::min(cap, b.households);
    m.households_cut_off += cap;
  }

  for (const CostItem& c : plan.costs) m.cost_cny += c.total_cny();
  m.first_day = plan.first_day();
  m.last_day = plan.last_day();
  m.duration_days = plan.tasks.empty() ? 0 : m.last_day - m.first_day + 1;
  return m;
}

std::vector<std::string> metric_columns() {
  std::vector<std::string> c = {"plan"};
  for (int u = 0; u < static_cast<int>(Utility::kCount); ++u)
    c.push_back(std::string(utility_name(static_cast<Utility>(u))) + "_km");
  for (const char* name :
       {"new_length_m", "trench_length_m", "shared_trench_pct", "tunnel_length_m", "excavation_m3",
        "road_area_m2", "lane_segments_dug", "lane_segments_dug_repeatedly", "max_digs_per_segment",
        "clearance_violations", "cover_violations", "clashes", "clashes_same_lane_day", "clashes_live_line",
        "clashes_dug_after_resurfacing", "households_cut_off",
        "household_hours", "longest_outage_h", "start_date", "end_date", "cost_cny",
        "duration_days"})
    c.push_back(name);
  return c;
}

std::vector<std::string> metric_values(const Metrics& m) {
  std::vector<std::string> v = {m.plan};
  for (double km : m.length_km) v.push_back(fixed(km, 3));
  bool dated = m.duration_days > 0;
  for (const std::string& s :
       {fixed(m.new_length_m, 1), fixed(m.trench_length_m, 1),
        fixed(m.shared_trench_share * 100.0, 1), fixed(m.tunnel_length_m, 1),
        fixed(m.excavation_m3, 1), fixed(m.road_area_m2, 1), std::to_string(m.lane_segments_dug),
        std::to_string(m.lane_segments_dug_repeatedly), std::to_string(m.max_digs_per_segment),
        std::to_string(m.clearance_violations), std::to_string(m.cover_violations),
        std::to_string(m.clashes), std::to_string(m.clashes_same_lane_day),
        std::to_string(m.clashes_live_line), std::to_string(m.clashes_dug_after_resurfacing),
        std::to_string(m.households_cut_off),
        fixed(m.household_hours, 1), fixed(m.longest_outage_h, 1),
        dated ? format_date(m.first_day) : std::string(),
        dated ? format_date(m.last_day) : std::string(), fixed(m.cost_cny, 0),
        std::to_string(m.duration_days)})
    v.push_back(s);
  return v;
}

}  // namespace et::plan
