// Checks over a scene's utility networks as plain data: per-utility totals and the
// problems `validate` reports. Nothing here knows about Vulkan or ImGui.
#pragma once

#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "et/scene/network.h"
#include "et/scene/scene.h"

namespace et {

struct UtilityStats {
  Utility utility = Utility::kWater;
  double length_km = 0.0;  // 3D length of every link
  int nodes = 0;
  int links = 0;
  // Connected components of the node graph (links join their end nodes). Isolated nodes
  // count as pieces, and so does a link with no end node at all.
  int pieces = 0;
};

// One thing wrong with the networks.
struct Problem {
  // "above_ground", "zero_length", "through_building", "dangling_end",
  // "unconnected_building", "shallow_cover" (validate adds its own kinds).
  std::string kind;
  std::string utility;  // utility_name(), empty when none
  std::string element;  // link or node id; empty for a building's problem
  std::string other;    // the building involved, if any
  std::string message;  // one line, names the element and the measure
  glm::dvec3 where{0.0};
};

struct ValidationReport {
  // One per utility kWater..kHeat that has at least one network, in enum order; several
  // files of one utility are merged (their node graphs stay separate).
  std::vector<UtilityStats> utilities;
  // By utility; within one, each link's problems in link order, then unconnected
  // buildings in building order.
  std::vector<Problem> problems;
  int buildings = 0;
  int households = 0;
};

// Minimum cover over the top of a link (GB 50289-2016 table 4.1.1, footpath column):
// water, drainage, gas and telecom 0.6 m; power 0.7 m direct-buried, 0.5 m in conduit,
// duct bank or duct. 0 for heat (no figure yet).
double minimum_cover_m(Utility u, const NetLink& link);

// Runs every check:
//  - above_ground: some vertex has its section's top above the ground (z = 0): overhead
//    lines included; the message gives the highest axis height.
//  - zero_length: shorter than 1 cm.
//  - through_building: the 2D path runs more than 0.3 m inside a building footprint; the
//    first or last 0.5 m of a link that ends at a building_connection node of that
//    building are not counted. Not checked for above-ground links.
//  - dangling_end: from or to is -1 (one problem per end).
//  - unconnected_building: a residential building with no building_connection node
//    (NetNode::building) in a utility the scene has.
//  - shallow_cover: least cover along the path below minimum_cover_m() (buried links
//    only: an above-ground link is reported once, as above_ground).
// Footprints are indexed in a uniform grid, so the cost grows with links + buildings.
ValidationReport validate_scene(const Scene& scene);

}  // namespace et
