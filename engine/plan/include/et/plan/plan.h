// Coordinated relocation plans as plain data (DESIGN.md "plan/"): a plan is a named set of
// edits on the scene's as-found networks, the trenches and tunnels they are laid in, the
// construction tasks that carry them out on dates, and cost items. README "Plans" is the
// file format (scenes/NAME/plans/*.json, format estatetwin-plan/1). Nothing here knows
// about Vulkan or ImGui.
#pragma once

#include <limits>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "et/core/error.h"
#include "et/scene/network.h"
#include "et/scene/scene.h"

namespace et::plan {

// The companies at the table. Every edit, task and cost item names one.
// "water", "power", "gas", "telecom" (the utility companies) and "district" (the estate's
// renovation office: drainage, private lines, resurfacing).
bool is_company(const std::string& owner);

enum class EditOp {
  kRemove,   // the link is taken out of the ground
  kAbandon,  // the link stays in the ground, out of service (LinkState::kAbandoned)
  kAdd,      // a new link (and any new nodes it needs)
  kReroute,  // an existing link on a new path (its end nodes stay)
  kDepth,    // an existing link lowered or raised: new cover at each end
  kMove,     // an existing link moved into a shared trench or a utility tunnel: new path
  kCount
};
const char* edit_op_name(EditOp op);  // "remove", "abandon", "add", "reroute", "depth", "move"
EditOp edit_op_from_name(const std::string& name);  // kCount when unknown

struct Edit {
  std::string id;  // unique in the plan ("E12")
  EditOp op = EditOp::kRemove;
  std::string owner;  // company
  Utility utility = Utility::kWater;
  // remove/abandon: one or more existing link ids; reroute/depth/move: exactly one.
  std::vector<std::string> links;
  // add: the new link, complete (id unique across the utility's networks, from/to resolved
  // against the network's nodes and `nodes`); path z from the covers as the loader does.
  NetLink link;
  std::vector<NetNode> nodes;  // add: new nodes the link needs (may be empty)
  // add: index into scene.networks of the network the link joins (the one holding its
  // existing end node, else the utility's first). link.from/to index that network's nodes,
  // then `nodes` (index network size + k), as loaded.
  int network = -1;
  // reroute/move: the new centreline in plan (x, y), first and last points at the link's
  // end nodes; z from the covers (the link's own when the edit gives none).
  std::vector<glm::dvec2> path;
  bool has_cover = false;  // reroute/move/depth: new cover over the top at each end
  double cover_start_m = 0.0, cover_end_m = 0.0;
  std::string trench;  // add/reroute/move: the trench or tunnel it is laid in ("" = none)
};

enum class TrenchKind { kTrench, kTunnel };

// A strip of ground dug open (trench) or a utility tunnel (built once, lines laid inside).
struct Trench {
  std::string id;
  TrenchKind kind = TrenchKind::kTrench;
  std::vector<glm::dvec2> path;  // centreline, >= 2 points
  double width_m = 1.0;
  double depth_m = 1.5;  // ground to the trench floor (tunnel: to its floor slab)
  double length_m() const;  // along the path, in plan
};

// A construction task: a crew works on [start_day, end_day] (inclusive, days since
// 1970-01-01) and the task's edits take effect at the end of its last day.
struct Task {
  std::string id;
  std::string name;
  std::string owner;  // company
  std::string crew;
  std::string trench;               // the trench it digs (or the tunnel it builds/fits); ""
                                    // for work that digs nothing (overhead line removal)
  std::vector<std::string> edits;   // edit ids; every edit is in exactly one task
  int start_day = 0, end_day = 0;
  // Supply interruption at the switchover, hours: the links the task edits are out of
  // service this long (0 = live switchover). Household-hours in the metrics come from it.
  double outage_h = 0.0;
};

struct CostItem {
  std::string item;   // "DN150 ductile iron main, supply and lay"
  std::string owner;  // company paying
  std::string edit;   // edit id it belongs to, or "" (site-wide items: resurfacing)
  double quantity = 0.0;
  std::string unit;   // "m", "m2", "m3", "item"
  double unit_cost_cny = 0.0;
  double total_cny() const { return quantity * unit_cost_cny; }
};

struct Plan {
  std::string id;    // short name used on the command line ("coordinated")
  std::string name;  // title for the UI and the report
  std::string description;
  std::string file;  // where it was loaded from
  std::vector<Trench> trenches;
  std::vector<Edit> edits;
  std::vector<Task> tasks;
  std::vector<CostItem> costs;

  const Trench* find_trench(const std::string& id) const;
  const Edit* find_edit(const std::string& id) const;
  const Task* task_of_edit(const std::string& edit_id) const;
  int first_day() const;  // earliest task start (0 when no tasks)
  int last_day() const;   // latest task end
};

// Reads one plan file and checks it against the scene's as-found networks. Errors name the
// file, the JSON pointer, the plan and the edit or task, and what was expected:
//   "plans/x.json: /edits/3/links/0: plan 'coordinated', edit 'E4': unknown water link 'W-P9'"
// Checked: unknown links/nodes/trenches/edits, op-specific fields, invalid dates (end before
// start too), tasks overlapping in one trench, an edit in no task or in two, companies.
Result<Plan> load_plan(const std::string& path, const Scene& scene);
// Every file in scene.plan_files, in order; plan ids must be unique.
Result<std::vector<Plan>> load_plans(const Scene& scene);

// A day after every task: apply_plan(..., kComplete) is the plan finished.
constexpr int kComplete = std::numeric_limits<int>::max();

// The networks as they stand on `day` under the plan: the edits of every task with
// end_day < day are applied (a task ending on `day` is still open that day). Removed links are gone, abandoned links stay with
// LinkState::kAbandoned, added links get LinkState::kPlanned. Same order as scene.networks.
std::vector<Network> apply_plan(const Scene& scene, const Plan& plan, int day = kComplete);

// The trenches dug open on `day` (a task on that day digs them); tunnels count as open
// while the task that builds them runs.
std::vector<const Trench*> open_trenches(const Plan& plan, int day);

enum class Change { kUnchanged, kAdded, kRemoved, kMoved, kCount };
const char* change_name(Change c);  // "unchanged", "added", "removed", "moved"

struct LinkChange {
  Utility utility = Utility::kWater;
  std::string link;  // id
  Change change = Change::kUnchanged;
};

// Link by link, keyed by (utility, id): added (only in `after`), removed (gone from `after`
// or abandoned there while in service before), moved (path or cover changed by more than
// 1 cm), unchanged. Links of `before` first, in network order, then the added ones.
std::vector<LinkChange> diff_networks(const std::vector<Network>& before,
                                      const std::vector<Network>& after);

}  // namespace et::plan
