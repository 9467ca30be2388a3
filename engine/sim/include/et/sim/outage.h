// Outages on a water network as a graph question (no hydraulics): which nodes, buildings
// and households lose supply when valves are closed or links cut, and which valves isolate
// a link. Valves are nodes (as in the scene's network model): closing one stops flow
// through it. Sources are reservoirs, tanks and nodes with the attribute supply=...
#pragma once

#include <string>
#include <vector>

#include "et/core/error.h"
#include "et/scene/scene.h"

namespace et::sim {

struct OutageResult {
  int network = -1;
  std::vector<int> closed_valves;  // node indices
  std::vector<int> cut_links;      // link indices
  std::vector<int> dry_nodes;      // nodes cut off from every source
  std::vector<int> dry_links;      // links with no supplied end
  std::vector<std::string> buildings;  // buildings with no supplied connection left
  int households = 0;              // households behind the dry building connections
};

// `ids`: valve node ids to close and link ids to cut, in the scene's water networks.
// Errors name the unknown id, or a node that is not a valve.
Result<OutageResult> water_outage(const Scene& scene, const std::vector<std::string>& ids);

// The smallest set of valves whose closing isolates link `link` of `network`: the valves on
// the boundary of the valve-free segment that holds the link. Empty if no valve bounds it
// (the segment reaches a source or the network's edge unvalved).
std::vector<int> isolation_valves(const Network& network, int link);

}  // namespace et::sim
