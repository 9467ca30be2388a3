// estatetwin compare: the relocation plans side by side as numbers: metrics per plan,
// every clearance violation, the schedule clashes, and a self-contained HTML report with
// each plan rendered from the scene's bookmarks (README "Plans").
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <set>

#include "et/core/date.h"
#include "et/core/file_io.h"
#include "et/core/image.h"
#include "et/plan/metrics.h"
#include "et/plan/plan.h"
#include "et/plan/rules.h"
#include "et/plan/schedule.h"
#include "et/plan/site.h"
#include "plan_render.h"
#include "report_html.h"
#include "verbs.h"

namespace et::app {
namespace {

const char* kCompareHelp =
    "usage: estatetwin compare SCENE --plans A,B[,C...]|all [--report DIR]\n"
    "                          [--views B1,B2,...] [--size WxH]\n"
    "Compares the scene's relocation plans (README \"Plans\"); prints the metrics table.\n"
    "  --plans IDS      plan ids, comma-separated, or all\n"
    "  --report DIR     write DIR/metrics.csv (one row per plan, as found first),\n"
    "                   DIR/violations.csv, DIR/clashes.csv and DIR/report.html (images\n"
    "                   inline: print it for the meeting); DIR is created if missing\n"
    "  --views NAMES    bookmarks to render each plan from (default: every bookmark that\n"
    "                   does not set its own plan or date)\n"
    "  --size WxH       size of those images (default 640x360)\n";

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string num(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

const char* kind_name(plan::RuleKind k) {
  return k == plan::RuleKind::kHorizontal ? "horizontal"
         : k == plan::RuleKind::kVertical ? "vertical"
                                          : "cover";
}

std::string metrics_csv(const std::vector<ReportPlan>& rows) {
  std::string out;
  std::vector<std::string> cols = plan::metric_columns();
  for (size_t i = 0; i < cols.size(); ++i) {
    if (i) out += ',';  // piecewise: GCC 12 -Wrestrict misfires on "," + std::string
    out += csv_field(cols[i]);
  }
  out += "\n";
  for (const ReportPlan& r : rows) {
    std::vector<std::string> v = plan::metric_values(r.metrics);
    for (size_t i = 0; i < v.size(); ++i) {
      if (i) out += ',';
      out += csv_field(v[i]);
    }
    out += "\n";
  }
  return out;
}

std::string violations_csv(const std::vector<ReportPlan>& rows) {
  std::string out = "plan,rule,kind,element_a,element_b,required_m,actual_m,x,y,z,verified\n";
  for (const ReportPlan& r : rows)
    for (const plan::Violation& v : r.violations) {
      out += csv_field(r.metrics.plan) + "," + csv_field(v.rule) + "," + kind_name(v.kind) +
             "," + csv_field(v.a) + "," + csv_field(v.b) + "," + num(v.required_m, 3) + "," +
             num(v.actual_m, 3) + "," + num(v.where.x, 2) + "," + num(v.where.y, 2) + "," +
             num(v.where.z, 2) + "," + (v.verified ? "true" : "false") + "\n";
    }
  return out;
}

std::string clashes_csv(const std::vector<ReportPlan>& rows) {
  std::string out = "plan,date,kind,task_a,task_b,element,lane_segment,x,y,z,message\n";
  for (const ReportPlan& r : rows)
    for (const plan::Clash& c : r.clashes)
      out += csv_field(r.metrics.plan) + "," + format_date(c.day) + "," + c.kind + "," +
             csv_field(c.task_a) + "," + csv_field(c.task_b) + "," + csv_field(c.element) + "," +
             csv_field(c.lane_segment) + "," + num(c.where.x, 2) + "," + num(c.where.y, 2) +
             "," + num(c.where.z, 2) + "," + csv_field(c.message) + "\n";
  return out;
}

void print_table(const std::vector<ReportPlan>& rows) {
  std::vector<std::string> cols = plan::metric_columns();
  std::vector<std::vector<std::string>> vals;
  for (const ReportPlan& r : rows) vals.push_back(plan::metric_values(r.metrics));
  for (size_t c = 0; c < cols.size(); ++c) {
    std::printf("%-28s", cols[c].c_str());
    for (const auto& v : vals) std::printf(" %14s", c < v.size() ? v[c].c_str() : "");
    std::printf("\n");
  }
}

// The bookmarks a plan is shown from: those named, or every bookmark that does not pin its
// own plan, pair or date (those belong to one plan; the report shows each plan the same way).
Result<std::vector<const Bookmark*>> report_views(const Scene& scene, const Args& args) {
  std::vector<const Bookmark*> out;
  if (args.has("views")) {
    for (const std::string& name : split_list(args.get("views"))) {
      const Bookmark* b = scene.find_bookmark(name);
      if (!b) return Error{"--views: no bookmark '" + name + "' in " + scene.path};
      out.push_back(b);
    }
    return out;
  }
  for (const Bookmark& b : scene.bookmarks)
    if (b.view.plan.empty() && b.view.plan_b.empty() && !b.view.staged) out.push_back(&b);
  return out;
}

}  // namespace

int verb_compare(const Argv& argv) {
  auto args = parse_args(argv, {"plans", "report", "views", "size"}, {});
  if (!args) return fail(args.error(), 2);
  if (args->has("help")) return std::printf("%s", kCompareHelp), 0;
  if (args->positional.size() != 1 || !args->has("plans"))
    return fail("compare: expected SCENE and --plans A,B|all (see --help)", 2);
  glm::ivec2 size{640, 360};
  if (args->has("size")) {
    auto s = parse_size(args->get("size"), "--size");
    if (!s) return fail(s.error(), 2);
    size = *s;
  }

  auto scene = load_scene(args->positional[0]);
  if (!scene) return fail(scene.error());
  auto loaded = load_plan_set(*scene);
  if (!loaded) return fail(loaded.error());
  const std::vector<plan::Plan>* plans = &loaded->plans;
  if (plans->empty()) return fail(scene->path + ": the scene has no plans (\"plans\" in scene.json)");
  std::vector<const plan::Plan*> chosen;
  if (args->get("plans") == "all") {
    for (const plan::Plan& p : *plans) chosen.push_back(&p);
  } else {
    std::set<std::string> seen;
    for (const std::string& id : split_list(args->get("plans"))) {
      const plan::Plan* found = nullptr;
      for (const plan::Plan& p : *plans)
        if (p.id == id) found = &p;
      if (!found) {
        std::string known;
        for (const plan::Plan& p : *plans) known += (known.empty() ? "" : ", ") + p.id;
        return fail("--plans: no plan '" + id + "' in " + scene->path + " (it has " + known + ")");
      }
      if (seen.insert(id).second) chosen.push_back(found);
    }
  }
  const std::vector<plan::LaneSegment>& lanes = loaded->lanes;
  auto rules = plan::load_scene_rules(*scene);
  if (!rules) return fail(rules.error());
  auto views = report_views(*scene, *args);
  if (!views) return fail(views.error(), 2);

  // Everything is computed before anything is written, so a failure leaves DIR as it was.
  std::vector<ReportPlan> rows;
  plan::Plan as_found;
  as_found.id = "as_found";
  as_found.name = "As found";
  std::vector<const plan::Plan*> all = {&as_found};
  all.insert(all.end(), chosen.begin(), chosen.end());
  for (const plan::Plan* p : all) {
    ReportPlan row;
    row.plan = p == &as_found ? nullptr : p;
    row.violations = plan::check_clearances(plan::apply_plan(*scene, *p), scene->buildings,
                                            *rules, lanes, p);
    row.clashes = plan::schedule_clashes(*scene, *p, lanes);
    row.metrics = plan::metrics_from(*scene, *p, lanes, row.violations, row.clashes);
    rows.push_back(std::move(row));
  }
  print_table(rows);
  if (!args->has("report")) return 0;

  const std::string dir = args->get("report");
  ReportInput report;
  report.scene_name = scene->name;
  report.scene_description = scene->description;
  report.rules_file = rules->file;
  auto renderer = PlanRenderer::create(*scene, *loaded, size.x, size.y);
  if (!renderer) return fail(renderer.error());
  for (ReportPlan& row : rows) {
    for (const Bookmark* b : *views) {
      ViewState v = b->view;
      v.plan = row.plan ? row.plan->id : "";
      v.plan_b.clear();
      v.staged = false;
      v.overlay = row.plan ? "diff" : v.overlay;
      // The report is about what lies underground: a see-through ground in every view.
      v.ground_opacity = std::min(v.ground_opacity, 0.3);
      auto image = (*renderer)->render(v);
      if (!image) return fail(image.error());
      auto png = encode_png(*image, b->name);
      if (!png) return fail(png.error());
      row.views.push_back({b->name, std::move(*png)});
    }
  }
  report.plans = std::move(rows);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return fail(dir + ": cannot create the report folder: " + ec.message());
  const std::string files[4][2] = {
      {dir + "/metrics.csv", metrics_csv(report.plans)},
      {dir + "/violations.csv", violations_csv(report.plans)},
      {dir + "/clashes.csv", clashes_csv(report.plans)},
      {dir + "/report.html", report_html(report)}};
  for (const auto& f : files)
    if (Status s = write_text_atomic(f[0], f[1]); !s) return fail(s.error());
  std::printf("wrote %s/{metrics.csv,violations.csv,clashes.csv,report.html} (%zu plans, %zu views each)\n",
              dir.c_str(), chosen.size(), views->size());
  return 0;
}

}  // namespace et::app
