#include "report_html.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>

#include "et/core/date.h"

namespace et::app {

int better_direction(const std::string& column) {
  if (column.find("shared") != std::string::npos) return +1;
  if (column.find("_km") != std::string::npos || column == "new_length_m" ||
      column == "tunnel_length_m" || column == "trench_length_m" || column == "first_day" ||
      column == "last_day" || column.find("date") != std::string::npos)
    return 0;
  return -1;
}

std::string metric_label(const std::string& column) {
  static const std::map<std::string, std::string> kLabels = {
      {"new_length_m", "New or relocated lines (m)"},
      {"trench_length_m", "Trench length (m)"},
      {"shared_trench_pct", "Trench shared by 2+ utilities (%)"},
      {"tunnel_length_m", "Utility tunnel (m)"},
      {"excavation_m3", "Excavation (m\u00b3)"},
      {"road_area_m2", "Road area dug up (m\u00b2)"},
      {"lane_segments_dug", "Lane segments dug"},
      {"lane_segments_dug_repeatedly", "Lane segments dug more than once"},
      {"max_digs_per_segment", "Most digs of one segment"},
      {"clearance_violations", "Clearance violations"},
      {"cover_violations", "Cover violations"},
      {"clashes", "Schedule clashes"},
      {"clashes_same_lane_day", "  two crews, one lane, one day"},
      {"clashes_live_line", "  open trench across a live line"},
      {"clashes_dug_after_resurfacing", "  lane dug again after resurfacing"},
      {"households_cut_off", "Households cut off at least once"},
      {"household_hours", "Household-hours without supply"},
      {"longest_outage_h", "Longest interruption (h)"},
      {"start_date", "Works start"},
      {"end_date", "Works end"},
      {"cost_cny", "Cost (CNY)"},
      {"duration_days", "Duration (days)"}};
  auto it = kLabels.find(column);
  if (it != kLabels.end()) return it->second;
  if (column.size() > 3 && column.substr(column.size() - 3) == "_km")  // water_km ...
    return column.substr(0, column.size() - 3) + " in service (km)";
  return column;
}

namespace {

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

const char* rule_kind_name(plan::RuleKind k) {
  switch (k) {
    case plan::RuleKind::kHorizontal: return "horizontal";
    case plan::RuleKind::kVertical: return "vertical";
    case plan::RuleKind::kCover: return "cover";
  }
  return "?";
}

std::string plan_title(const ReportPlan& p) {
  return p.plan ? p.plan->name : std::string("As found (today)");
}
std::string plan_id(const ReportPlan& p) { return p.plan ? p.plan->id : std::string("as_found"); }

constexpr const char* kStyle =
    "body{font-family:'Noto Sans','Noto Sans CJK SC',Arial,sans-serif;margin:24px;color:#222}"
    "h1{font-size:22px}h2{font-size:18px;border-bottom:2px solid #444;margin-top:32px}"
    "h3{font-size:15px}table{border-collapse:collapse;font-size:12px;margin:8px 0}"
    "td,th{border:1px solid #aaa;padding:3px 6px;text-align:right}"
    "th:first-child,td:first-child{text-align:left}td.best{background:#cfe8cf;font-weight:bold}"
    ".views{display:flex;flex-wrap:wrap;gap:8px}.views figure{margin:0}"
    ".views img{width:420px;border:1px solid #888}figcaption{font-size:11px}"
    ".note{font-size:11px;color:#555}section{page-break-inside:avoid}"
    "@media print{h2{page-break-before:always}}";

void metrics_table(const ReportInput& in, std::string& out) {
  std::vector<std::string> cols = plan::metric_columns();
  std::vector<std::vector<std::string>> values;
  for (const ReportPlan& p : in.plans) values.push_back(plan::metric_values(p.metrics));
  out += "<table><tr><th>metric</th>";
  for (const ReportPlan& p : in.plans) out += "<th>" + html_escape(plan_id(p)) + "</th>";
  out += "</tr>\n";
  for (size_t c = 0; c < cols.size(); ++c) {
    if (cols[c] == "plan") continue;
    // The best plan (as found excluded: it digs nothing) gets the highlight.
    int dir = better_direction(cols[c]);
    double best = dir < 0 ? HUGE_VAL : -HUGE_VAL;
    for (size_t r = 0; r < in.plans.size(); ++r) {
      if (!in.plans[r].plan || c >= values[r].size()) continue;
      double v = std::atof(values[r][c].c_str());
      best = dir < 0 ? std::min(best, v) : std::max(best, v);
    }
    out += "<tr><td title='" + html_escape(cols[c]) + "'>" + html_escape(metric_label(cols[c])) + "</td>";
    for (size_t r = 0; r < in.plans.size(); ++r) {
      std::string v = c < values[r].size() ? values[r][c] : "";
      bool hi = dir != 0 && in.plans[r].plan && std::atof(v.c_str()) == best;
      out += hi ? "<td class=best>" : "<td>";
      out += html_escape(v) + "</td>";
    }
    out += "</tr>\n";
  }
  out += "</table>\n";
}

void violations_summary(const ReportPlan& p, std::string& out) {
  std::map<std::string, int> by_rule;
  std::map<std::string, const plan::Violation*> worst;
  for (const plan::Violation& v : p.violations) {
    ++by_rule[v.rule];
    const plan::Violation*& w = worst[v.rule];
    if (!w || v.required_m - v.actual_m > w->required_m - w->actual_m) w = &v;
  }
  out += "<h3>Clearance and cover violations: " + std::to_string(p.violations.size()) + "</h3>";
  if (by_rule.empty()) return;
  out += "<table><tr><th>rule</th><th>kind</th><th>count</th><th>worst: elements</th>"
         "<th>required m</th><th>actual m</th><th>verified</th></tr>\n";
  for (const auto& [rule, n] : by_rule) {
    const plan::Violation& w = *worst[rule];
    out += "<tr><td>" + html_escape(rule) + "</td><td>" + rule_kind_name(w.kind) + "</td><td>" +
           std::to_string(n) + "</td><td>" + html_escape(w.a) + (w.b.empty() ? "" : " / ") +
           html_escape(w.b) + "</td><td>" + fixed(w.required_m, 2) + "</td><td>" +
           fixed(w.actual_m, 2) + "</td><td>" + (w.verified ? "yes" : "no (unverified)") +
           "</td></tr>\n";
  }
  out += "</table>\n";
}

void clashes_list(const ReportPlan& p, std::string& out) {
  out += "<h3>Schedule clashes: " + std::to_string(p.clashes.size()) + "</h3>";
  if (p.clashes.empty()) return;
  // Every kind gets its own rows, so the few crews-in-one-lane clashes are not buried
  // under hundreds of live-line crossings; the rest are in clashes.csv.
  constexpr size_t kPerKind = 12;
  out += "<table><tr><th>date</th><th>kind</th><th>what</th></tr>\n";
  for (const char* kind : {"same_lane_same_day", "dug_after_resurfacing", "open_trench_live_line"}) {
    size_t n = 0, shown = 0;
    for (const plan::Clash& c : p.clashes) {
      if (c.kind != kind) continue;
      if (++n > kPerKind) continue;
      ++shown;
      out += "<tr><td>" + format_date(c.day) + "</td><td>" + html_escape(c.kind) + "</td><td>" +
             html_escape(c.message) + "</td></tr>\n";
    }
    if (n > shown)
      out += "<tr><td></td><td>" + std::string(kind) + "</td><td class=note>" +
             std::to_string(n - shown) + " more of this kind in clashes.csv</td></tr>\n";
  }
  out += "</table>\n";
}

}  // namespace

const char* company_colour(const std::string& owner) {
  // CJJ 61 utility colours, darkened where the pure colour would not read as a bar on white.
  if (owner == "water") return "#00a8c8";
  if (owner == "power") return "#e02020";
  if (owner == "gas") return "#c800c8";
  if (owner == "telecom") return "#20a020";
  return "#7a5a3a";  // district: the drainage brown
}

std::string gantt_svg(const plan::Plan& p, const std::vector<plan::Clash>& clashes,
                      int first_day, int last_day) {
  const int kLabelW = 340, kRowH = 18, kChartW = 640, kTop = 22;
  const int days = std::max(1, last_day - first_day + 1);
  const double px_per_day = double(kChartW) / days;
  const int height = kTop + kRowH * int(p.tasks.size()) + 6;
  auto x_of = [&](int day) { return kLabelW + (day - first_day) * px_per_day; };
  std::string s = "<svg xmlns='http://www.w3.org/2000/svg' width='" +
                  std::to_string(kLabelW + kChartW + 10) + "' height='" + std::to_string(height) +
                  "' font-family='sans-serif' font-size='11'>\n";
  // Month ticks: the first of each month in range; the axis start only when the next month
  // is far enough away for both labels to fit.
  const double kLabelPx = 50.0;
  for (int d = first_day; d <= last_day; ++d) {
    std::string date = format_date(d);
    if (date.substr(8) != "01" && d != first_day) continue;
    if (d == first_day && date.substr(8) != "01") {
      int next = d + 1;
      while (next <= last_day && format_date(next).substr(8) != "01") ++next;
      if (next <= last_day && x_of(next) - x_of(d) < kLabelPx) continue;
    }
    if (x_of(d) + kLabelPx > kLabelW + kChartW + 10) continue;  // would be clipped
    s += "<line x1='" + fixed(x_of(d), 1) + "' y1='14' x2='" + fixed(x_of(d), 1) + "' y2='" +
         std::to_string(height) + "' stroke='#ccc'/>";
    s += "<text x='" + fixed(x_of(d) + 2, 1) + "' y='11'>" + date.substr(0, 7) + "</text>\n";
  }
  for (size_t i = 0; i < p.tasks.size(); ++i) {
    const plan::Task& t = p.tasks[i];
    const int y = kTop + kRowH * int(i);
    std::string label = t.id + " " + t.name + " (" + t.crew + ")";
    if (label.size() > 58) label = label.substr(0, 55) + "...";
    s += "<text x='2' y='" + std::to_string(y + 12) + "'>" + html_escape(label) + "</text>";
    const double x0 = x_of(t.start_day), x1 = x_of(t.end_day + 1);
    s += "<rect x='" + fixed(x0, 1) + "' y='" + std::to_string(y + 2) + "' width='" +
         fixed(std::max(2.0, x1 - x0), 1) + "' height='" + std::to_string(kRowH - 5) +
         "' fill='" + company_colour(t.owner) + "'><title>" + html_escape(t.id) + ": " +
         format_date(t.start_day) + " to " + format_date(t.end_day) + "</title></rect>\n";
    for (const plan::Clash& c : clashes) {
      // A lane dug again belongs to the task that digs it again (task_b).
      if (c.kind == "dug_after_resurfacing" ? c.task_b != t.id
                                             : c.task_a != t.id && c.task_b != t.id)
        continue;
      const double cx = x_of(c.day) + px_per_day / 2;
      s += "<path d='M" + fixed(cx - 4, 1) + "," + std::to_string(y + 1) + " h8 l-4,8 z' "
           "fill='#000'><title>" + html_escape(c.message) + "</title></path>";
    }
  }
  s += "</svg>\n";
  // The colour key, as the window's Schedule panel has it.
  s += "<p class=note>";
  for (const char* owner : {"water", "power", "gas", "telecom", "district"})
    s += std::string("<span style='display:inline-block;width:10px;height:10px;background:") +
         company_colour(owner) + "'></span> " + owner + " &nbsp; ";
  s += "&#9660; a schedule clash on that day</p>\n";
  return s;
}

std::string report_html(const ReportInput& in) {
  int first = 0, last = 0;
  bool any = false;
  for (const ReportPlan& p : in.plans) {
    if (!p.plan || p.plan->tasks.empty()) continue;
    first = any ? std::min(first, p.plan->first_day()) : p.plan->first_day();
    last = any ? std::max(last, p.plan->last_day()) : p.plan->last_day();
    any = true;
  }
  std::string out = "<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>" +
                    html_escape(in.scene_name) + ": relocation plans</title><style>" + kStyle +
                    "</style></head><body>\n";
  out += "<h1>" + html_escape(in.scene_name) + ": coordinated relocation plans</h1>\n";
  if (!in.scene_description.empty())
    out += "<p>" + html_escape(in.scene_description) + "</p>\n";
  out += "<p>Plans compared: ";
  for (size_t i = 0; i < in.plans.size(); ++i)
    out += (i ? ", " : "") + html_escape(plan_id(in.plans[i])) + " (" +
           html_escape(plan_title(in.plans[i])) + ")";
  out += ". Schedule " + (any ? format_date(first) + " to " + format_date(last) : "none") +
         ".</p>\n<h2>Metrics</h2>\n";
  metrics_table(in, out);
  out += "<p class=note>Highlighted: the best plan for that metric. Clearance rules: " +
         html_escape(in.rules_file) +
         " (GB 50289-2016 values; rows marked unverified have not been checked against the "
         "standard). Costs are the plans' own figures.</p>\n";
  for (const ReportPlan& p : in.plans) {
    out += "<section><h2>" + html_escape(plan_title(p)) + " <small>(" +
           html_escape(plan_id(p)) + ")</small></h2>\n";
    if (p.plan && !p.plan->description.empty())
      out += "<p>" + html_escape(p.plan->description) + "</p>\n";
    if (!p.views.empty()) {
      out += "<div class=views>";
      for (const ReportView& v : p.views)
        out += "<figure><img alt='" + html_escape(v.bookmark) +
               "' src='data:image/png;base64," + base64(v.png) + "'><figcaption>" +
               html_escape(v.bookmark) + "</figcaption></figure>";
      out += "</div>\n";
    }
    if (p.plan && !p.plan->tasks.empty()) {
      out += "<h3>Schedule</h3>\n" + gantt_svg(*p.plan, p.clashes, first, last);
      clashes_list(p, out);
    }
    violations_summary(p, out);
    out += "</section>\n";
  }
  out += "</body></html>\n";
  return out;
}

std::string base64(const std::vector<std::uint8_t>& bytes) {
  static const char* kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (size_t i = 0; i < bytes.size(); i += 3) {
    std::uint32_t n = std::uint32_t(bytes[i]) << 16;
    if (i + 1 < bytes.size()) n |= std::uint32_t(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) n |= bytes[i + 2];
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[n & 63] : '=';
  }
  return out;
}

std::string html_escape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '\'': out += "&#39;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace et::app
