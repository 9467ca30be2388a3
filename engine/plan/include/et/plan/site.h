// The estate's lanes cut into segments: the unit of "how many times was this lane dug up"
// and of road area, and what decides footpath or carriageway cover. File format in README
// "Plans" (scenes/NAME/lanes.json, format estatetwin-lanes/1).
#pragma once

#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "et/core/error.h"

namespace et::plan {

enum class Surface { kCarriageway, kFootpath };

struct LaneSegment {
  std::string id;    // "R1-03"
  std::string lane;  // the lane it belongs to, for people ("row lane 1")
  Surface surface = Surface::kCarriageway;
  std::vector<glm::dvec2> polygon;  // closed implicitly, counter-clockwise or not
};

Result<std::vector<LaneSegment>> load_lanes(const std::string& path);

// Index of the segment containing p, or -1.
int lane_segment_at(const std::vector<LaneSegment>& lanes, glm::dvec2 p);

}  // namespace et::plan
