// The 4D schedule's clashes. Nothing changes between two "breakpoints" (a task starting, or
// the day after one ends: its edits take effect, its trench closes), so checking each
// breakpoint day is checking every day of the plan, at a fraction of the cost.
#include "et/plan/schedule.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <tuple>

#include "et/core/date.h"

namespace et::plan {
namespace {

constexpr double kSampleStepM = 0.5;

struct Near {
  double distance = 1e300;
  glm::dvec2 at{0.0};  // on the link
  double t = 0.0;      // along the link segment
};

double cross2(glm::dvec2 a, glm::dvec2 b) { return a.x * b.y - a.y * b.x; }

// Closest point of segment ab to p: parameter in [0, 1].
double closest_t(glm::dvec2 a, glm::dvec2 b, glm::dvec2 p) {
  glm::dvec2 d = b - a;
  double len2 = glm::dot(d, d);
  return len2 > 0.0 ? std::clamp(glm::dot(p - a, d) / len2, 0.0, 1.0) : 0.0;
}

// Nearest approach of link segment ab to centreline segment cd, and where on ab it is.
Near segment_near(glm::dvec2 a, glm::dvec2 b, glm::dvec2 c, glm::dvec2 d) {
  Near n;
  glm::dvec2 r = b - a, s = d - c;
  double den = cross2(r, s);
  if (std::abs(den) > 1e-12) {
    double t = cross2(c - a, s) / den, u = cross2(c - a, r) / den;
    if (t >= 0.0 && t <= 1.0 && u >= 0.0 && u <= 1.0) return {0.0, a + r * t, t};
  }
  auto consider = [&](double t, glm::dvec2 on_link, glm::dvec2 other) {
    double dist = glm::length(on_link - other);
    if (dist < n.distance) n = {dist, on_link, t};
  };
  for (glm::dvec2 p : {c, d}) {
    double t = closest_t(a, b, p);
    consider(t, a + r * t, p);
  }
  for (glm::dvec2 p : {a, b}) {
    double u = closest_t(c, d, p);
    consider(p == a ? 0.0 : 1.0, p, c + s * u);
  }
  return n;
}

// Where the link comes within the trench's footprint (centreline +- width / 2) while buried,
// or nothing. The nearest such place on the link wins.
bool crossing(const NetLink& l, const Trench& tr, glm::dvec3& where) {
  double half = tr.width_m / 2.0, best = 1e300;
  for (size_t i = 1; i < l.path.size(); ++i)
    for (size_t k = 1; k < tr.path.size(); ++k) {
      Near n = segment_near(glm::dvec2(l.path[i - 1]), glm::dvec2(l.path[i]), tr.path[k - 1],
                            tr.path[k]);
      if (n.distance > half || n.distance >= best) continue;
      double z = l.path[i - 1].z + (l.path[i].z - l.path[i - 1].z) * n.t;
      if (z + l.section_height_m() / 2.0 >= 0.0) continue;  // overhead: no trench exposes it
      best = n.distance;
      where = glm::dvec3(n.at, z);
    }
  return best < 1e300;
}

int danger_rank(Utility u) {
  return u == Utility::kGas ? 0 : u == Utility::kPower ? 1 : 2;  // the dangerous ones first
}

glm::dvec3 centroid(const LaneSegment& s) {
  glm::dvec2 c(0.0);
  for (glm::dvec2 p : s.polygon) c += p;
  return glm::dvec3(s.polygon.empty() ? c : c / double(s.polygon.size()), 0.0);
}

struct Ranked {
  Clash clash;
  int rank = 2;
};

}  // namespace

std::vector<int> segments_dug(const Trench& trench, const std::vector<LaneSegment>& lanes) {
  std::set<int> hit;
  for (size_t k = 1; k < trench.path.size(); ++k) {
    glm::dvec2 a = trench.path[k - 1], b = trench.path[k];
    int steps = std::max(1, static_cast<int>(std::ceil(glm::length(b - a) / kSampleStepM)));
    for (int i = 0; i <= steps; ++i) {
      int s = lane_segment_at(lanes, a + (b - a) * (double(i) / steps));
      if (s >= 0) hit.insert(s);
    }
  }
  return std::vector<int>(hit.begin(), hit.end());
}

std::vector<int> digs_per_segment(const Plan& plan, const std::vector<LaneSegment>& lanes) {
  std::vector<std::vector<std::pair<int, int>>> spans(lanes.size());  // (start, end) per task
  for (const Task& task : plan.tasks)
    if (const Trench* t = plan.find_trench(task.trench))
      for (int s : segments_dug(*t, lanes)) spans[size_t(s)].push_back({task.start_day, task.end_day});
  std::vector<int> digs(lanes.size(), 0);
  for (size_t s = 0; s < lanes.size(); ++s) {
    std::sort(spans[s].begin(), spans[s].end());
    int open_until = 0;
    for (size_t i = 0; i < spans[s].size(); ++i) {
      if (i == 0 || spans[s][i].first > open_until + 1) ++digs[s];
      open_until = i == 0 ? spans[s][i].second : std::max(open_until, spans[s][i].second);
    }
  }
  return digs;
}

std::vector<Clash> schedule_clashes(const Scene& scene, const Plan& plan,
                                    const std::vector<LaneSegment>& lanes) {
  size_t n = plan.tasks.size();
  std::vector<const Trench*> trench(n, nullptr);
  std::vector<std::vector<int>> segs(n);
  for (size_t i = 0; i < n; ++i)
    if ((trench[i] = plan.find_trench(plan.tasks[i].trench)))
      segs[i] = segments_dug(*trench[i], lanes);

  std::vector<Ranked> out;
  std::set<std::tuple<std::string, size_t, size_t, std::string>> reported;
  auto report = [&](Clash c, size_t a, size_t b, const std::string& what, int rank) {
    if (reported.insert({c.kind, a, b, what}).second) out.push_back({std::move(c), rank});
  };

  std::set<int> days;
  for (const Task& t : plan.tasks) {
    days.insert(t.start_day);
    if (t.end_day + 1 <= plan.last_day()) days.insert(t.end_day + 1);
  }
  for (int day : days) {
    std::vector<size_t> active;
    for (size_t i = 0; i < n; ++i)
      if (trench[i] && plan.tasks[i].start_day <= day && day <= plan.tasks[i].end_day)
        active.push_back(i);
    if (active.empty()) continue;
    for (size_t x = 0; x < active.size(); ++x)
      for (size_t y = x + 1; y < active.size(); ++y) {
        size_t a = active[x], b = active[y];
        if (plan.tasks[a].crew == plan.tasks[b].crew) continue;  // one crew, two trenches
        for (int s : segs[a]) {
          if (!std::binary_search(segs[b].begin(), segs[b].end(), s)) continue;
          const LaneSegment& seg = lanes[size_t(s)];
          Clash c{"same_lane_same_day", day, plan.tasks[a].id, plan.tasks[b].id, "", seg.id,
                  centroid(seg),        ""};
          c.message = format_date(day) + ": tasks " + c.task_a + " and " + c.task_b +
                      " both dig lane segment " + seg.id +
                      (seg.lane.empty() ? "" : " (" + seg.lane + ")");
          report(std::move(c), a, b, seg.id, 2);
        }
      }
    std::vector<Network> nets = apply_plan(scene, plan, day);
    for (size_t a : active) {
      const Task& task = plan.tasks[a];
      std::set<std::pair<int, std::string>> own;  // (utility, link) the task edits
      for (const std::string& eid : task.edits)
        if (const Edit* e = plan.find_edit(eid)) {
          for (const std::string& l : e->links) own.insert({int(e->utility), l});
          if (e->op == EditOp::kAdd) own.insert({int(e->utility), e->link.id});
        }
      for (const Network& net : nets)
        for (const NetLink& l : net.links) {
          if (l.state == LinkState::kAbandoned || own.count({int(net.utility), l.id})) continue;
          std::string key = std::string(utility_name(net.utility)) + "/" + l.id;
          if (reported.count({"open_trench_live_line", a, a, key})) continue;
          glm::dvec3 where;
          if (!crossing(l, *trench[a], where)) continue;
          Clash c{"open_trench_live_line", day, task.id, "", l.id, "", where, ""};
          char at[64];
          std::snprintf(at, sizeof at, " at (%.1f, %.1f)", where.x, where.y);
          c.message = format_date(day) + ": task " + task.id + "'s open " +
                      (trench[a]->kind == TrenchKind::kTunnel ? "tunnel works " : "trench ") +
                      trench[a]->id + " exposes live " + utility_name(net.utility) + " link " +
                      l.id + at;
          report(std::move(c), a, a, key, danger_rank(net.utility));
        }
    }
  }

  // Dug again after resurfacing: a task that opens a segment after earlier work in it had
  // stopped for at least a day (then it was resurfaced), against the last such task.
  for (size_t b = 0; b < n; ++b)
    for (int s : segs[b]) {
      const Task& tb = plan.tasks[b];
      int prev = -1;
      bool open = false;  // work in the segment runs up to or into tb's first day
      for (size_t a = 0; a < n; ++a) {
        const Task& ta = plan.tasks[a];
        if (a == b || ta.start_day >= tb.start_day) continue;  // same first day: dug together
        if (!std::binary_search(segs[a].begin(), segs[a].end(), s)) continue;
        if (ta.end_day + 1 >= tb.start_day) {
          open = true;
          break;
        }
        if (prev < 0 || ta.end_day > plan.tasks[size_t(prev)].end_day) prev = int(a);
      }
      if (open || prev < 0) continue;
      const Task& ta = plan.tasks[size_t(prev)];
      const LaneSegment& seg = lanes[size_t(s)];
      Clash c{"dug_after_resurfacing", tb.start_day, ta.id, tb.id, "", seg.id, centroid(seg), ""};
      c.message = format_date(tb.start_day) + ": task " + tb.id + " digs lane segment " + seg.id +
                  " again after task " + ta.id + " resurfaced it (finished " +
                  format_date(ta.end_day) + ")";
      report(std::move(c), size_t(prev), b, seg.id, 2);
    }

  std::stable_sort(out.begin(), out.end(), [](const Ranked& x, const Ranked& y) {
    return std::tie(x.clash.day, x.clash.kind, x.rank) <
           std::tie(y.clash.day, y.clash.kind, y.rank);
  });
  std::vector<Clash> clashes;
  for (Ranked& r : out) clashes.push_back(std::move(r.clash));
  return clashes;
}

}  // namespace et::plan
