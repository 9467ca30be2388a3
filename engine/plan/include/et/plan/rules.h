// Clearance rules as data (DESIGN.md: GB 50289-2016 tables 4.1.9, 4.1.14, 4.1.1) and the
// checks that apply them. The default table is assets/clearance_rules.json (format
// estatetwin-rules/1, README "Plans"); a scene may name its own ("clearance_rules").
// Values not yet checked against the standard carry "verified": false and every
// violation of them says so.
#pragma once

#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "et/core/error.h"
#include "et/plan/plan.h"
#include "et/plan/site.h"
#include "et/scene/network.h"
#include "et/scene/scene.h"

namespace et::plan {

enum class RuleKind { kHorizontal, kVertical, kCover };

// One row of the table. `a`/`b` are "building" or a utility name (cover rules: `a` only).
// Optional conditions narrow a row to some links; the first matching row of a pair wins,
// so rows go from the most specific to the most general.
struct Rule {
  std::string id;  // "H-water-drainage-d200"
  RuleKind kind = RuleKind::kHorizontal;
  std::string a, b;
  // Conditions on the link of type `a` (and `b_...` on the other), empty/0 = any:
  double a_max_diameter_mm = 0.0, a_min_diameter_mm = 0.0;
  std::string a_pressure_class, b_pressure_class;  // gas
  std::string a_subtype, b_subtype;                // power: direct_buried, conduit, ...
  double min_m = 0.0;               // horizontal/vertical; cover: footpath
  double min_carriageway_m = 0.0;   // cover under a carriageway (0 = same as min_m)
  bool verified = false;
  std::string source;  // "GB 50289-2016 table 4.1.9"
};

struct RuleTable {
  std::string file;
  std::vector<std::string> types;  // every pair of these needs a horizontal row
  std::vector<Rule> rules;
};

// Errors name the file, the JSON pointer and the field; a pair of `types` with no
// horizontal row is an error ("no horizontal rule for water-telecom"). A pair with no
// requirement is written with "min_m": 0.
Result<RuleTable> load_rules(const std::string& path);
// The scene's table (scene.clearance_rules_file) or the default one.
Result<RuleTable> load_scene_rules(const Scene& scene);
std::string default_rules_path();  // assets/clearance_rules.json

// The first row of `kind` for elements of types tx and ty ("building" or a utility name;
// x, y: their links, null for a building); `swapped` when x plays the row's b. Cover rows
// look at x only. Null when no row matches. The checks below and the measure tool use it.
const Rule* find_rule(const RuleTable& t, RuleKind kind, const std::string& tx, const NetLink* x,
                      const std::string& ty, const NetLink* y, bool& swapped);

struct Violation {
  std::string rule;  // Rule::id
  RuleKind kind = RuleKind::kHorizontal;
  std::string a, b;  // element ids (link ids; a building id); b empty for cover
  double required_m = 0.0;
  double actual_m = 0.0;
  glm::dvec3 where{0.0};  // the closest point (crossing, shallowest point)
  bool verified = false;
};

// Checks every in-service link (abandoned ones are not checked) of `networks` against the
// table: horizontal edge-to-edge distance between near-parallel runs of two utilities and
// from links to building footprints (a service is not checked against the building it
// enters), vertical gap where two links cross, cover along each buried link (carriageway
// where it lies in a carriageway lane segment). Links that `plan` lays in one utility
// tunnel (edits whose trench is a tunnel) are exempt from each other. One violation per element pair and rule, at the
// worst place. Sorted by kind, rule, a, b.
std::vector<Violation> check_clearances(const std::vector<Network>& networks,
                                        const std::vector<Building>& buildings,
                                        const RuleTable& rules,
                                        const std::vector<LaneSegment>& lanes,
                                        const Plan* plan = nullptr);

}  // namespace et::plan
