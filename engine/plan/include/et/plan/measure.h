// Measuring (README "In the window": Measure tool; `estatetwin measure`): the distance
// between two points, the depth of a link below the ground, and the clearance between two
// elements with the rule the clearance table asks of that pair. Plain maths over scene data,
// shared by the window and the verb so both print the same figures.
//
// The ground is the plane z = 0, as the cover checks take it (cover = -(z + height/2)).
#pragma once

#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "et/plan/rules.h"
#include "et/scene/network.h"
#include "et/scene/scene.h"

namespace et::plan {

constexpr double kGroundZ = 0.0;

struct PointDistance {
  glm::dvec3 a{0.0}, b{0.0};
  double distance_m = 0.0;    // straight line in 3D
  double horizontal_m = 0.0;  // in plan
  double vertical_m = 0.0;    // b.z - a.z (positive: b is higher)
};
PointDistance measure_distance(glm::dvec3 a, glm::dvec3 b);

struct LinkDepth {
  glm::dvec3 at{0.0};          // on the centreline, nearest (in plan) to the asked point
  double chainage_m = 0.0;     // plan distance along the link from its first vertex to `at`
  double centre_depth_m = 0.0; // ground to the centreline
  double top_depth_m = 0.0;    // ground to the top of the section: the cover there
  double min_cover_m = 0.0, max_cover_m = 0.0;  // over the whole link (at its vertices:
  glm::dvec3 min_cover_at{0.0}, max_cover_at{0.0};  // the axis is straight between them)
};
// `xy`: where to measure (projected onto the link in plan). Precondition: path.size() >= 1.
LinkDepth measure_depth(const NetLink& link, glm::dvec2 xy);
// The plan-length midpoint of a link: where `measure --depth` measures without --at.
glm::dvec2 link_midpoint(const NetLink& link);

// An element a clearance is measured between. A link is its centreline with its section
// (round: radius; rectangular: half width and half height); a node is its point; a building
// is its footprint as a prism from its base to its height.
struct MeasureShape {
  enum class Kind { kLink, kNode, kBuilding };
  Kind kind = Kind::kLink;
  std::string id;
  std::string type;                // rules-table type: utility name, "building"
  const NetLink* link = nullptr;   // links: the rules' conditions read it
  std::vector<glm::dvec3> path;    // link centreline, or a node's one point
  double half_w = 0.0, half_h = 0.0;
  bool round = true;
  std::vector<glm::dvec2> footprint;  // buildings (open polygon)
  double base_z = 0.0, top_z = 0.0;
};
MeasureShape link_shape(const Network& net, const NetLink& link);
MeasureShape node_shape(const Network& net, const NetNode& node);
MeasureShape building_shape(const Building& b);

struct Clearance {
  // Edge to edge (outside of section to outside of section, footprint walls); negative
  // where the two overlap. Closest places: on the centrelines / footprint walls.
  double distance_3d_m = 0.0;
  glm::dvec3 a_3d{0.0}, b_3d{0.0};
  double horizontal_m = 0.0;  // in plan, as the horizontal rules measure
  glm::dvec3 a_h{0.0}, b_h{0.0};
  bool crossing = false;     // two links whose centrelines cross in plan
  double vertical_m = 0.0;   // at the crossing: axis height difference minus half heights
  glm::dvec3 crossing_at{0.0};
  // The rule the table asks of this pair: vertical where two links cross, else horizontal
  // (between links of one utility none, as the checks do). Null, or min_m 0: no requirement.
  const Rule* rule = nullptr;
  double required_m = 0.0;
  double actual_m = 0.0;  // the figure the rule is judged on (vertical_m or horizontal_m)
  bool pass = true;
};
Clearance measure_clearance(const MeasureShape& x, const MeasureShape& y, const RuleTable* rules);

}  // namespace et::plan
