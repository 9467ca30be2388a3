// The window's Compare panel: the metrics table of `estatetwin compare` for the plans the
// user ticks, and the clearance violations of one plan, each a click away from the place
// it happens. Plain model in, the user's requests out (the app computes; metrics take
// about a second for Muyanghu's plans, so they are computed when asked, not every frame).
#pragma once

#include <string>
#include <vector>

namespace et::ui {

struct CompareModel {
  bool open = false;                  // the panel is shown (the Plans section's button)
  std::vector<std::string> plans;     // "as_found" first, then every plan id
  std::vector<char> ticked;           // per plan: in the table
  // The table of the last computation: columns = ticked plans then, rows = metrics.
  std::vector<std::string> columns;
  std::vector<std::string> row_labels;
  std::vector<int> better;            // per row: -1 lower is better, +1 higher, 0 neither
  std::vector<std::vector<std::string>> values;  // [row][column]
  // Violations of plans[violations_of]: one line each.
  int violations_of = 0;
  std::vector<std::string> violation_lines;
};

struct CompareRequest {
  bool compute = false;     // (re)compute the table for the ticked plans
  bool violations = false;  // violations_of changed: list that plan's
  int fly_to = -1;          // a violation line clicked
};

CompareRequest draw_compare(CompareModel& m);

}  // namespace et::ui
