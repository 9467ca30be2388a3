// The window's side of relocation plans: the B (split on/off) and P (next plan) keys, the
// Plans and Schedule panels filled from the plan library, and the scenario clock run in
// days while a staged plan plays.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "et/app/plan_view.h"
#include "et/app/script.h"
#include "et/plan/rules.h"
#include "et/plan/schedule.h"
#include "et/ui/compare_panel.h"
#include "et/ui/plan_panel.h"

namespace et::app {

class PlanControls {
 public:
  explicit PlanControls(const PlanView& pv);
  // B toggles the split (back to the last plan B, or the next plan after A); P cycles plan
  // A through as found and every plan; C opens or closes the Compare panel. Only on the
  // frame a key goes down.
  void keys(const InputState& in, const InputState& prev, ViewState& view);
  // The Plans, Schedule and Compare panels (inside an ImGui frame); `playing` is the
  // Clock's. Returns true when it moved the camera (a violation clicked in Compare).
  bool draw(ViewState& view, bool& playing);
  // While a staged plan plays, the clock runs in days and loops over the schedule: advances
  // view.time_s and returns true; false when the ordinary clock should run.
  bool advance_clock(ViewState& view, bool playing, double dt) const;

 private:
  // Schedule range (absolute days) of the plans the view shows; last < first: none.
  void range(const ViewState& view, int& first, int& last) const;
  const std::vector<plan::Clash>& clashes(const plan::Plan& p);
  // The Compare panel's requests: metrics of the ticked plans, one plan's violations.
  void compute_metrics();
  void list_violations();
  const plan::Plan* compare_plan(size_t i) const;  // null for "as_found"

  const PlanView& pv_;
  ui::PlansModel model_;
  std::string last_b_;  // plan B before the split was toggled off
  std::map<std::string, std::vector<plan::Clash>> clashes_;  // by plan id, computed once
  ui::CompareModel compare_;
  bool compared_ = false;                     // the Compare panel has been filled once
  plan::Plan as_found_;                       // the empty plan: the as-found column
  std::vector<plan::Violation> violations_;   // of compare_.violations_of
  std::string rules_error_;                   // the rules table failed to load
};

}  // namespace et::app
