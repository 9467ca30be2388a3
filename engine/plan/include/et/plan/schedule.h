// The 4D schedule: what each day of a plan's construction looks like, and the clashes
// checked at every date of it.
#pragma once

#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "et/plan/plan.h"
#include "et/plan/site.h"
#include "et/scene/scene.h"

namespace et::plan {

// The lane segments a trench digs up: those its centreline passes through (sampled every
// 0.5 m; a tunnel digs them too while it is built). Indices into `lanes`, ascending.
std::vector<int> segments_dug(const Trench& trench, const std::vector<LaneSegment>& lanes);

// How many separate times each lane segment is dug (index: lanes). A lane is resurfaced when
// work in it stops, so tasks on a segment whose dates overlap or follow on without a day's
// gap are one dig; a gap means it was closed, resurfaced and opened again.
std::vector<int> digs_per_segment(const Plan& plan, const std::vector<LaneSegment>& lanes);

struct Clash {
  // "same_lane_same_day": two crews (tasks with different crews) dig one lane segment on
  //   the same day (one crew working two trenches of a lane is planned, not a clash);
  // "open_trench_live_line": an open trench crosses or exposes a link in service that the
  //   task does not itself edit (gas and power first: those are the dangerous ones);
  // "dug_after_resurfacing": a segment dug again after an earlier task resurfaced it (work
  //   in it had stopped for at least a day, as digs_per_segment counts).
  std::string kind;
  int day = 0;             // first day it happens
  std::string task_a, task_b;  // task_b empty for open_trench_live_line
  std::string element;     // the live link (open_trench_live_line), else ""
  std::string lane_segment;  // "" for open_trench_live_line
  glm::dvec3 where{0.0};
  std::string message;  // one line for people
};

// Every clash over every day of the plan, one per (kind, tasks, element or segment),
// sorted by day, then kind.
std::vector<Clash> schedule_clashes(const Scene& scene, const Plan& plan,
                                    const std::vector<LaneSegment>& lanes);

}  // namespace et::plan
