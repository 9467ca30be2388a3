// The window's plan panels (README "In the window"): the Plans panel (plan A, plan B for
// the split screen, staged 4D view, schedule date and playback), the Schedule panel (a
// Gantt chart of the plans' construction tasks), and the plan names over each half of a
// split frame. Plain models in, edits to the ViewState out; nothing here knows the plan
// library's types.
#pragma once

#include <climits>
#include <glm/glm.hpp>
#include <string>
#include <vector>

#include "et/scene/view_state.h"

namespace et::ui {

// Plan names at the top of each half of a split frame, against the divider; the short
// names (ids) stand in when a name is too long for its half.
void draw_split_labels(const std::string& left, const std::string& right,
                       const std::string& left_short = "", const std::string& right_short = "");

struct PlanChoice {
  std::string id;
  std::string title;
};

struct PlansModel {
  std::vector<PlanChoice> plans;     // the scene's plans
  ViewState* view = nullptr;         // plan, plan_b, staged and time_s are edited
  int epoch_day = 0;                 // day 0 of the clock (days since 1970-01-01)
  int first_day = 0, last_day = -1;  // the shown plans' schedule; last < first: none
  bool* playing = nullptr;           // the scenario clock's play state (the Clock panel's)
  float days_per_s = 5.0f;           // staged playback speed
  bool show_schedule = true;         // the Schedule (Gantt) panel, shown while staged
  bool* compare_open = nullptr;      // the Compare panel (ui/compare_panel.h) is shown
};
void draw_plans(PlansModel& m);

struct GanttBar {
  std::string label;                 // "K3 Gas main reroute"
  std::string detail;                // tooltip: owner, crew, dates, trench
  int start_day = 0, end_day = 0;    // inclusive, days since 1970-01-01
  glm::u8vec3 color{128, 128, 128};  // the owner company's, sRGB
  bool clash = false;                // in a schedule clash (outlined red)
};
struct GanttClash {
  int day = 0;
  int bar = -1, other = -1;  // indices into the group's bars (other -1: one task alone)
  std::string text;
};
struct GanttGroup {
  std::string title;  // the plan
  std::vector<GanttBar> bars;
  std::vector<GanttClash> clashes;
};
struct GanttModel {
  std::vector<GanttGroup> groups;
  int first_day = 0, last_day = 0;  // the time axis
  int cursor_day = INT_MIN;         // the clock's day (drawn as a line), INT_MIN: none
  std::vector<std::pair<std::string, glm::u8vec3>> owners;  // colour key
};
// The Schedule panel. Returns the start day of the bar clicked this frame, or INT_MIN.
int draw_gantt(const GanttModel& m);

}  // namespace et::ui
