// The numbers on the meeting's table, one row per plan (README "Plans" lists each with its
// unit); `estatetwin compare` writes them to metrics.csv and the report.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "et/core/error.h"
#include "et/plan/plan.h"
#include "et/plan/rules.h"
#include "et/plan/schedule.h"
#include "et/plan/site.h"
#include "et/scene/scene.h"

namespace et::plan {

struct Metrics {
  std::string plan;  // id ("" = as found)
  // In-service length per utility after the plan, km (index: Utility).
  std::array<double, static_cast<int>(Utility::kCount)> length_km{};
  double new_length_m = 0.0;      // links added, rerouted or moved (their new length)
  double trench_length_m = 0.0;   // trenches (tunnels excluded), along their centrelines
  double shared_trench_share = 0.0;  // fraction of trench length carrying >= 2 utilities
  double tunnel_length_m = 0.0;
  double excavation_m3 = 0.0;     // trenches and tunnels: length x width x depth
  double road_area_m2 = 0.0;      // trench width x length inside lane segments
  int lane_segments_dug = 0;      // distinct segments dug at least once
  int lane_segments_dug_repeatedly = 0;  // dug by two or more tasks
  int max_digs_per_segment = 0;
  int clearance_violations = 0;  // horizontal + vertical, plan complete
  int cover_violations = 0;
  int clashes = 0;               // schedule_clashes, all kinds, and by kind:
  int clashes_same_lane_day = 0;     // two crews in one lane segment on one day
  int clashes_live_line = 0;         // open trench across a line in service
  int clashes_dug_after_resurfacing = 0;
  // Service interruptions: each task's switchover cuts the links it edits for outage_h.
  // Water by the sim outage analysis (valves and sources); gas, power and telecom by
  // connectivity from their sources; drainage is gravity and not counted.
  int households_cut_off = 0;       // distinct households cut at least once (any utility)
  double household_hours = 0.0;     // sum over tasks and utilities: households x hours
  double longest_outage_h = 0.0;
  double cost_cny = 0.0;
  int duration_days = 0;            // first task start to last task end, inclusive
  int first_day = 0, last_day = 0;
};

Result<Metrics> compute_metrics(const Scene& scene, const Plan& plan,
                                const std::vector<LaneSegment>& lanes, const RuleTable& rules);
// The same from the plan's violations (check_clearances on the plan complete) and clashes
// (schedule_clashes) when the caller has them already, as `compare` does: the two
// expensive checks are not run twice.
Metrics metrics_from(const Scene& scene, const Plan& plan, const std::vector<LaneSegment>& lanes,
                     const std::vector<Violation>& violations, const std::vector<Clash>& clashes);

// Column names with units, in CSV order ("plan", "water_km", ..., "cost_cny",
// "duration_days"), and one row's values as text, in that order.
std::vector<std::string> metric_columns();
std::vector<std::string> metric_values(const Metrics& m);

}  // namespace et::plan
