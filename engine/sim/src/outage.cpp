#include "et/sim/outage.h"

#include <algorithm>
#include <map>
#include <queue>
#include <set>

namespace et::sim {
namespace {

bool is_source(const NetNode& n) {
  return n.kind == NodeKind::kReservoir || n.kind == NodeKind::kTank ||
         n.attributes.count("supply") > 0;
}

// Links touching each node.
std::vector<std::vector<int>> incidence(const Network& net) {
  std::vector<std::vector<int>> inc(net.nodes.size());
  for (size_t k = 0; k < net.links.size(); ++k) {
    const NetLink& l = net.links[k];
    if (l.from >= 0) inc[size_t(l.from)].push_back(int(k));
    if (l.to >= 0 && l.to != l.from) inc[size_t(l.to)].push_back(int(k));
  }
  return inc;
}

int households_at(const Scene& scene, const Network& net, const NetNode& n) {
  auto it = n.attributes.find("households");
  if (it != n.attributes.end()) return std::atoi(it->second.c_str());
  // No per-connection figure: share the building's households among its connections.
  int connections = 0, households = 0;
  for (const NetNode& m : net.nodes)
    if (m.kind == NodeKind::kBuildingConnection && m.building == n.building) ++connections;
  for (const Building& b : scene.buildings)
    if (b.id == n.building) households = b.households;
  return connections > 0 ? households / connections : 0;
}

}  // namespace

Result<OutageResult> water_outage(const Scene& scene, const std::vector<std::string>& ids) {
  OutageResult r;
  for (size_t ni = 0; ni < scene.networks.size(); ++ni)
    if (scene.networks[ni].utility == Utility::kWater && r.network < 0) r.network = int(ni);
  if (r.network < 0) return Error{scene.path + ": the scene has no water network"};
  const Network& net = scene.networks[size_t(r.network)];
  std::vector<bool> closed(net.nodes.size(), false), cut(net.links.size(), false);
  for (const std::string& id : ids) {
    int node = net.find_node(id);
    if (node >= 0) {
      if (net.nodes[size_t(node)].kind != NodeKind::kValve)
        return Error{net.file + ": node " + id + " is a " + node_kind_name(net.nodes[size_t(node)].kind) +
                     ", not a valve: only valves can be closed"};
      closed[size_t(node)] = true;
      r.closed_valves.push_back(node);
      continue;
    }
    auto it = std::find_if(net.links.begin(), net.links.end(),
                           [&](const NetLink& l) { return l.id == id; });
    if (it == net.links.end())
      return Error{net.file + ": no valve or link '" + id + "' in the water network"};
    cut[size_t(it - net.links.begin())] = true;
    r.cut_links.push_back(int(it - net.links.begin()));
  }
  // Breadth-first from every source, not through closed valves or cut links.
  auto inc = incidence(net);
  std::vector<bool> wet(net.nodes.size(), false);
  std::queue<int> q;
  for (size_t n = 0; n < net.nodes.size(); ++n)
    if (is_source(net.nodes[n]) && !closed[n]) wet[n] = true, q.push(int(n));
  while (!q.empty()) {
    int n = q.front();
    q.pop();
    for (int k : inc[size_t(n)]) {
      if (cut[size_t(k)]) continue;
      const NetLink& l = net.links[size_t(k)];
      int m = l.from == n ? l.to : l.from;
      if (m < 0 || wet[size_t(m)] || closed[size_t(m)]) continue;
      wet[size_t(m)] = true;
      q.push(m);
    }
  }
  std::map<std::string, std::pair<int, int>> per_building;  // wet / all connections
  for (size_t n = 0; n < net.nodes.size(); ++n) {
    const NetNode& node = net.nodes[n];
    if (!wet[n]) r.dry_nodes.push_back(int(n));
    if (node.kind == NodeKind::kBuildingConnection && !node.building.empty()) {
      auto& c = per_building[node.building];
      c.second++;
      if (wet[n]) c.first++;
      else r.households += households_at(scene, net, node);
    }
  }
  for (const auto& [b, c] : per_building)
    if (c.first == 0) r.buildings.push_back(b);
  for (size_t k = 0; k < net.links.size(); ++k) {
    const NetLink& l = net.links[k];
    bool supplied = !cut[k] && ((l.from >= 0 && wet[size_t(l.from)]) || (l.to >= 0 && wet[size_t(l.to)]));
    if (!supplied) r.dry_links.push_back(int(k));
  }
  return r;
}

std::vector<int> isolation_valves(const Network& net, int link) {
  if (link < 0 || size_t(link) >= net.links.size()) return {};
  auto inc = incidence(net);
  std::set<int> valves;
  std::vector<bool> seen_link(net.links.size(), false), seen_node(net.nodes.size(), false);
  std::queue<int> q;  // links of the segment
  q.push(link);
  seen_link[size_t(link)] = true;
  bool open_ended = false;
  while (!q.empty()) {
    const NetLink& l = net.links[size_t(q.front())];
    q.pop();
    for (int n : {l.from, l.to}) {
      if (n < 0) {
        open_ended = true;  // runs off the network unvalved
        continue;
      }
      if (net.nodes[size_t(n)].kind == NodeKind::kValve) {
        valves.insert(n);
        continue;
      }
      if (is_source(net.nodes[size_t(n)])) open_ended = true;
      if (seen_node[size_t(n)]) continue;
      seen_node[size_t(n)] = true;
      for (int k : inc[size_t(n)])
        if (!seen_link[size_t(k)]) seen_link[size_t(k)] = true, q.push(k);
    }
  }
  if (open_ended) return {};
  return std::vector<int>(valves.begin(), valves.end());
}

}  // namespace et::sim
