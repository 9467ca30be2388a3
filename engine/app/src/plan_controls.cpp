#include "plan_controls.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>

#include "et/core/date.h"
#include "et/plan/metrics.h"
#include "et/ui/i18n.h"
#include "report_html.h"

namespace et::app {
namespace {

// Company colours for the Gantt bars: the utilities' hues, muted so that white text and
// the red clash outlines stay readable over them.
glm::u8vec3 owner_color(const std::string& owner) {
  if (owner == "water") return {40, 150, 210};
  if (owner == "power") return {200, 60, 55};
  if (owner == "gas") return {190, 80, 190};
  if (owner == "telecom") return {60, 160, 70};
  if (owner == "district") return {150, 115, 70};
  return {120, 120, 120};
}

bool pressed(const InputState& in, const InputState& prev, int key) {
  return in.keys.count(key) && !prev.keys.count(key);
}

}  // namespace

PlanControls::PlanControls(const PlanView& pv) : pv_(pv) {
  for (const plan::Plan& p : pv.plans().plans) model_.plans.push_back({p.id, p.name});
  model_.epoch_day = pv.scene().epoch_day;
  model_.compare_open = &compare_.open;
  as_found_.id = "as_found";
  compare_.plans.push_back("as_found");
  for (const plan::Plan& p : pv.plans().plans) compare_.plans.push_back(p.id);
  compare_.ticked.assign(compare_.plans.size(), 1);
}

const plan::Plan* PlanControls::compare_plan(size_t i) const {
  return i == 0 ? &as_found_ : pv_.plans().find(compare_.plans[i]);
}

void PlanControls::compute_metrics() {
  auto rules = plan::load_scene_rules(pv_.scene());
  if (!rules) {
    rules_error_ = rules.error().message;
    std::fprintf(stderr, "estatetwin: %s\n", rules_error_.c_str());
    return;
  }
  compare_.columns.clear();
  compare_.values.clear();
  std::vector<std::vector<std::string>> cols;  // per ticked plan: metric_values
  for (size_t i = 0; i < compare_.plans.size(); ++i) {
    if (!compare_.ticked[i]) continue;
    auto m = plan::compute_metrics(pv_.scene(), *compare_plan(i), pv_.plans().lanes, *rules);
    if (!m) {
      std::fprintf(stderr, "estatetwin: %s\n", m.error().message.c_str());
      continue;
    }
    compare_.columns.push_back(compare_.plans[i]);
    cols.push_back(plan::metric_values(*m));
  }
  std::vector<std::string> names = plan::metric_columns();
  compare_.row_labels.clear();
  compare_.better.clear();
  for (size_t r = 1; r < names.size(); ++r) {  // 0 is the plan id: the column header
    compare_.row_labels.push_back(metric_label(names[r]));
    compare_.better.push_back(better_direction(names[r]));
    std::vector<std::string> row;
    for (const auto& c : cols) row.push_back(r < c.size() ? c[r] : "");
    compare_.values.push_back(std::move(row));
  }
  std::printf("compared %zu plans\n", compare_.columns.size());
}

void PlanControls::list_violations() {
  compare_.violation_lines.clear();
  violations_.clear();
  auto rules = plan::load_scene_rules(pv_.scene());
  if (!rules) return;
  const plan::Plan* p = compare_plan(size_t(compare_.violations_of));
  if (!p) return;
  violations_ = plan::check_clearances(plan::apply_plan(pv_.scene(), *p), pv_.scene().buildings,
                                       *rules, pv_.plans().lanes, p);
  for (const plan::Violation& v : violations_) {
    char buf[256];
    std::snprintf(buf, sizeof buf, ui::tr("%s%s  %s%s%s  required %.2f m, actual %.2f m"), v.verified ? "" : "*",
                  v.rule.c_str(), v.a.c_str(), v.b.empty() ? "" : " / ", v.b.c_str(), v.required_m,
                  v.actual_m);
    compare_.violation_lines.push_back(buf);
  }
}

void PlanControls::keys(const InputState& in, const InputState& prev, ViewState& view) {
  const std::vector<plan::Plan>& plans = pv_.plans().plans;
  if (plans.empty()) return;
  if (pressed(in, prev, GLFW_KEY_B)) {
    if (!view.plan_b.empty()) {
      last_b_ = view.plan_b;
      view.plan_b.clear();
    } else if (!last_b_.empty()) {
      view.plan_b = last_b_;
    } else {
      // The plan after A (the first plan when A is as found): A and B then differ.
      size_t next = 0;
      for (size_t i = 0; i < plans.size(); ++i)
        if (plans[i].id == view.plan) next = (i + 1) % plans.size();
      view.plan_b = plans[next].id;
    }
    std::string a = view.plan.empty() ? "as found" : view.plan;
    std::printf("split %s\n",
                view.plan_b.empty() ? "off" : ("on: " + a + " | " + view.plan_b).c_str());
  }
  if (pressed(in, prev, GLFW_KEY_C)) {
    compare_.open = !compare_.open;
    std::printf("compare panel %s\n", compare_.open ? "open" : "closed");
  }
  if (pressed(in, prev, GLFW_KEY_P)) {
    size_t at = 0;  // 0: as found, i + 1: plans[i]
    for (size_t i = 0; i < plans.size(); ++i)
      if (plans[i].id == view.plan) at = i + 1;
    at = (at + 1) % (plans.size() + 1);
    view.plan = at == 0 ? std::string() : plans[at - 1].id;
    std::printf("plan %s\n", view.plan.empty() ? "as found" : view.plan.c_str());
  }
}

void PlanControls::range(const ViewState& view, int& first, int& last) const {
  first = INT_MAX;
  last = INT_MIN;
  for (const std::string* id : {&view.plan, &view.plan_b}) {
    const plan::Plan* p = pv_.plans().find(*id);
    if (!p || p->tasks.empty()) continue;
    first = std::min(first, p->first_day());
    last = std::max(last, p->last_day());
  }
  if (first > last) first = 0, last = -1;
}

const std::vector<plan::Clash>& PlanControls::clashes(const plan::Plan& p) {
  auto it = clashes_.find(p.id);
  if (it == clashes_.end())
    it = clashes_.emplace(p.id, plan::schedule_clashes(pv_.scene(), p, pv_.plans().lanes)).first;
  return it->second;
}

bool PlanControls::draw(ViewState& view, bool& playing) {
  if (model_.plans.empty()) return false;
  model_.view = &view;
  model_.playing = &playing;
  range(view, model_.first_day, model_.last_day);
  ui::draw_plans(model_);
  bool moved = false;
  ui::CompareRequest req = ui::draw_compare(compare_);
  if (compare_.open && !compared_) {  // first opened: fill it (about a second for Muyanghu)
    req.compute = req.violations = true;
    compared_ = true;
  }
  if (req.compute) compute_metrics();
  if (req.violations) list_violations();
  if (req.fly_to >= 0 && size_t(req.fly_to) < violations_.size()) {
    // Look at the place from the south-east, close enough to see both elements.
    const glm::dvec3 where = violations_[size_t(req.fly_to)].where;
    view.camera.target = where;
    view.camera.eye = where + glm::dvec3(8.0, -12.0, 10.0);
    view.ground_opacity = std::min(view.ground_opacity, 0.3);
    moved = true;
    std::printf("look at violation %s\n", violations_[size_t(req.fly_to)].rule.c_str());
  }
  // The schedule belongs to the 4D view; complete plans keep the screen for the picture.
  if (!model_.show_schedule || !view.staged || model_.last_day < model_.first_day) return moved;

  ui::GanttModel g;
  g.first_day = model_.first_day - 1;
  g.last_day = model_.last_day + 1;
  if (view.staged) g.cursor_day = view_day(pv_.scene(), view);
  for (const char* owner : {"water", "power", "gas", "telecom", "district"})
    g.owners.push_back({owner, owner_color(owner)});
  for (const std::string* id : {&view.plan, &view.plan_b}) {
    const plan::Plan* p = pv_.plans().find(*id);
    if (!p || p->tasks.empty() || (id == &view.plan_b && view.plan_b == view.plan)) continue;
    ui::GanttGroup group;
    group.title = p->id + ": " + ui::tr(p->name);
    for (const plan::Task& t : p->tasks) {
      ui::GanttBar b;
      b.label = t.id + " " + ui::tr(t.name);
      b.detail = ui::tr(t.owner) + (t.crew.empty() ? "" : ", " + t.crew) + ", " + format_date(t.start_day) +
                 ui::tr(" to ") + format_date(t.end_day) +
                 (t.trench.empty() ? "" : ui::tr(", in ") + t.trench);
      b.start_day = t.start_day;
      b.end_day = t.end_day;
      b.color = owner_color(t.owner);
      group.bars.push_back(b);
    }
    auto index = [&](const std::string& task) {
      for (size_t i = 0; i < p->tasks.size(); ++i)
        if (p->tasks[i].id == task) return int(i);
      return -1;
    };
    for (const plan::Clash& c : clashes(*p)) {
      ui::GanttClash k{c.day, index(c.task_a), index(c.task_b),
                       format_date(c.day) + ": " + c.message};
      if (c.kind == "dug_after_resurfacing") {  // marked on the task that digs again
        k.bar = index(c.task_b);
        k.other = -1;
      }
      for (int i : {k.bar, k.other})
        if (i >= 0) group.bars[size_t(i)].clash = true;
      group.clashes.push_back(k);
    }
    g.groups.push_back(std::move(group));
  }
  int day = ui::draw_gantt(g);
  if (day != INT_MIN) {
    // Jump the clock to the task's first day, keeping the time of day.
    double tod = view.time_s - std::floor(view.time_s / 86400.0) * 86400.0;
    view.time_s = double(day - pv_.scene().epoch_day) * 86400.0 + tod;
    view.staged = true;
    std::printf("date %s\n", format_date(day).c_str());
  }
  return moved;
}

bool PlanControls::advance_clock(ViewState& view, bool playing, double dt) const {
  if (!playing || !view.staged || (view.plan.empty() && view.plan_b.empty())) return false;
  int first = 0, last = -1;
  range(view, first, last);
  if (last < first) return false;
  const double lo = double(first - 1 - pv_.scene().epoch_day) * 86400.0;
  const double hi = double(last + 2 - pv_.scene().epoch_day) * 86400.0;
  view.time_s += dt * double(model_.days_per_s) * 86400.0;
  if (view.time_s >= hi || view.time_s < lo) view.time_s = lo;  // loop over the schedule
  return true;
}

}  // namespace et::app
