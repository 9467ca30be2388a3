// The meeting report of `estatetwin compare`: one self-contained HTML page (images and
// charts inline, no external files or scripts) to print and hand out.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "et/plan/metrics.h"
#include "et/plan/plan.h"
#include "et/plan/rules.h"
#include "et/plan/schedule.h"

namespace et::app {

struct ReportView {
  std::string bookmark;
  std::vector<std::uint8_t> png;  // encoded image
};

struct ReportPlan {
  const plan::Plan* plan = nullptr;  // null for the as-found row
  plan::Metrics metrics;
  std::vector<plan::Violation> violations;
  std::vector<plan::Clash> clashes;
  std::vector<ReportView> views;
};

struct ReportInput {
  std::string scene_name;
  std::string scene_description;
  std::string rules_file;
  std::vector<ReportPlan> plans;  // as found first when present
};

std::string report_html(const ReportInput& in);

// What a metrics.csv column is called for people ("excavation_m3" -> "Excavation (m³)").
std::string metric_label(const std::string& column);
// Which way is better, for highlighting the best plan: -1 lower, +1 higher, 0 neither
// (lengths and dates describe a plan, they do not rank it).
int better_direction(const std::string& column);

// A Gantt chart of the plan's tasks as inline SVG: one bar per task coloured by company,
// clashes marked on their day; days [first_day, last_day] span the width so that plans
// drawn with the same range compare by eye.
std::string gantt_svg(const plan::Plan& p, const std::vector<plan::Clash>& clashes, int first_day,
                      int last_day);

// sRGB colour of a company's bars ("water", "power", ... "district"), as "#rrggbb".
const char* company_colour(const std::string& owner);

std::string base64(const std::vector<std::uint8_t>& bytes);
std::string html_escape(const std::string& s);

}  // namespace et::app
