// Lane segments, the 4D schedule's clashes and the comparison metrics, on the tiny plan scene
// (tests/data/plan_tiny; test_plan.cpp describes it) and on hand-built cases.
//
// Lanes: L1 carriageway x -10..20, y -3..3; L2 carriageway x 20..50, y -3..3; L3 footpath
// x 8..12, y 3..8. Trenches: T1 (0,0)-(40,0), 1.0 m wide, 1.5 m deep; T2 (18,-5)-(18,5),
// 0.8 m wide, 1.2 m deep. Tasks: K1 T1 04-01..04-10, K2 T1 04-15..04-20, K3 T2 04-15..04-16.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>

#include "et/core/date.h"
#include "et/plan/metrics.h"
#include "et/plan/schedule.h"
#include "et/plan/site.h"

namespace {

using namespace et::plan;
namespace fs = std::filesystem;

const std::string kDir = std::string(ET_TEST_DATA) + "/plan_tiny";

int day(const char* d) { return *et::parse_date(d); }

const et::Scene& scene() {
  static et::Scene s = [] {
    auto r = et::load_scene(kDir);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return std::move(*r);
  }();
  return s;
}

const Plan& plan() {
  static Plan p = [] {
    auto r = load_plan(kDir + "/plans/tiny.json", scene());
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? *r : Plan{};
  }();
  return p;
}

const std::vector<LaneSegment>& lanes() {
  static std::vector<LaneSegment> l = [] {
    auto r = load_lanes(kDir + "/lanes.json");
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? *r : std::vector<LaneSegment>{};
  }();
  return l;
}

std::string lanes_error(const std::string& text) {
  fs::path dir = fs::temp_directory_path() / "et_test_lanes";
  fs::create_directories(dir);
  std::string path = (dir / "lanes.json").string();
  std::ofstream(path) << text;
  auto r = load_lanes(path);
  EXPECT_FALSE(r.ok());
  return r.ok() ? "" : r.error().message;
}

std::vector<Clash> of_kind(const std::vector<Clash>& all, const std::string& kind) {
  std::vector<Clash> out;
  for (const Clash& c : all)
    if (c.kind == kind) out.push_back(c);
  return out;
}

#define EXPECT_HAS(text, part) EXPECT_NE((text).find(part), std::string::npos) << (text)

TEST(PlanScheduleLanes, LoadAndLocate) {
  const auto& l = lanes();
  ASSERT_EQ(l.size(), 3u);
  EXPECT_EQ(l[0].id, "L1");
  EXPECT_EQ(l[0].lane, "main lane west");
  EXPECT_EQ(l[0].surface, Surface::kCarriageway);
  EXPECT_EQ(l[2].surface, Surface::kFootpath);
  EXPECT_EQ(lane_segment_at(l, {0, 0}), 0);
  EXPECT_EQ(lane_segment_at(l, {25, -2.9}), 1);
  EXPECT_EQ(lane_segment_at(l, {10, 5}), 2);
  EXPECT_EQ(lane_segment_at(l, {0, 10}), -1);
  EXPECT_EQ(lane_segment_at(l, {60, 0}), -1);
  // A concave (L-shaped) segment: the notch is outside.
  std::vector<LaneSegment> ell(1);
  ell[0].polygon = {{0, 0}, {10, 0}, {10, 10}, {5, 10}, {5, 5}, {0, 5}};
  EXPECT_EQ(lane_segment_at(ell, {2, 8}), -1);
  EXPECT_EQ(lane_segment_at(ell, {7, 8}), 0);
  EXPECT_EQ(lane_segment_at(ell, {2, 2}), 0);
}

TEST(PlanScheduleLanes, Errors) {
  EXPECT_HAS(lanes_error(R"({"format": "estatetwin-lanes/2", "segments": []})"),
             ": /format: expected \"estatetwin-lanes/1\"");
  EXPECT_HAS(lanes_error(R"({"format": "estatetwin-lanes/1", "segments": [{"id": "A",
      "surface": "gravel", "polygon": [[0,0],[1,0],[1,1]]}]})"),
             "/segments/0/surface: expected \"carriageway\" or \"footpath\"");
  EXPECT_HAS(lanes_error(R"({"format": "estatetwin-lanes/1", "segments": [{"id": "A",
      "surface": "footpath", "polygon": [[0,0],[1,0]]}]})"),
             "/segments/0/polygon: expected a polygon of at least 3 points");
  EXPECT_HAS(lanes_error(R"({"format": "estatetwin-lanes/1", "segments": [
      {"id": "A", "surface": "footpath", "polygon": [[0,0],[1,0],[1,1]]},
      {"id": "A", "surface": "footpath", "polygon": [[0,0],[1,0],[1,1]]}]})"),
             "/segments/1/id: duplicate segment id 'A'");
  EXPECT_HAS(lanes_error("{\"format\": "), "malformed JSON");
}

TEST(PlanSchedule, SegmentsDug) {
  EXPECT_EQ(segments_dug(plan().trenches[0], lanes()), (std::vector<int>{0, 1}));
  EXPECT_EQ(segments_dug(plan().trenches[1], lanes()), (std::vector<int>{0}));
  Trench across;  // runs up the footpath to B1, then along the main lane a little
  across.path = {{10, 7}, {10, 0}, {15, 0}};
  EXPECT_EQ(segments_dug(across, lanes()), (std::vector<int>{0, 2}));
  Trench outside;
  outside.path = {{-20, 10}, {60, 10}};
  EXPECT_TRUE(segments_dug(outside, lanes()).empty());
}

// Hand count (see the file's header and test_plan.cpp):
//  open_trench_live_line, 7: K1's T1 (y -0.5..0.5) exposes gas services G3 at (12, 0) and G4
//    at (32, 0); K2's T1 the same two plus W-N1 (K1's new main at y 0.3, live since 04-11,
//    not K2's edit); K3's T2 (x 17.6..18.4) crosses G2 at (18, -2) (K2 moves G2 only when it
//    ends, 04-20) and W-N1 at (18, 0.3). W3 lies under T2 too, but it is abandoned by then;
//    P1 is K3's own edit.
//  dug_after_resurfacing, 3: K2 digs L1 and L2 after K1 (ended 04-10); K3 digs L1 after K1.
//  same_lane_same_day, 1: K2 and K3 both dig L1 on 04-15.
TEST(PlanSchedule, ClashesOfTheTinyPlan) {
  auto all = schedule_clashes(scene(), plan(), lanes());
  ASSERT_EQ(all.size(), 11u);
  for (size_t i = 1; i < all.size(); ++i) {
    EXPECT_LE(all[i - 1].day, all[i].day);
    if (all[i - 1].day == all[i].day) {
      EXPECT_LE(all[i - 1].kind, all[i].kind);
    }
  }
  auto live = of_kind(all, "open_trench_live_line");
  ASSERT_EQ(live.size(), 7u);
  EXPECT_EQ(live[0].day, day("2027-04-01"));
  EXPECT_EQ(live[0].task_a, "K1");
  EXPECT_EQ(live[0].element, "G3");
  EXPECT_NEAR(live[0].where.x, 12.0, 1e-9);
  EXPECT_NEAR(live[0].where.y, 0.0, 1e-9);
  EXPECT_NEAR(live[0].where.z, -0.92, 1e-9);  // 0.9 m cover + 20 mm radius
  EXPECT_TRUE(live[0].task_b.empty());
  EXPECT_HAS(live[0].message, "G3");
  EXPECT_HAS(live[0].message, "2027-04-01");
  auto find = [&](const std::string& task, const std::string& link) -> const Clash* {
    for (const Clash& c : live)
      if (c.task_a == task && c.element == link) return &c;
    return nullptr;
  };
  ASSERT_NE(find("K1", "G4"), nullptr);
  EXPECT_EQ(find("K1", "W-N1"), nullptr);  // K1 lays it
  ASSERT_NE(find("K2", "W-N1"), nullptr);
  EXPECT_EQ(find("K2", "W-N1")->day, day("2027-04-15"));
  EXPECT_EQ(find("K2", "G2"), nullptr);  // K2 moves it
  const Clash* g2 = find("K3", "G2");
  ASSERT_NE(g2, nullptr);
  EXPECT_NEAR(g2->where.x, 18.0, 1e-9);
  EXPECT_NEAR(g2->where.y, -2.0, 1e-9);
  ASSERT_NE(find("K3", "W-N1"), nullptr);
  EXPECT_EQ(find("K3", "W3"), nullptr);  // abandoned on 04-11
  EXPECT_EQ(find("K3", "P1"), nullptr);  // its own edit
  // On 04-15 the gas lines come before the water main.
  std::vector<std::string> order;
  for (const Clash& c : live)
    if (c.day == day("2027-04-15")) order.push_back(c.element);
  ASSERT_EQ(order.size(), 5u);
  EXPECT_NE(order[3], "G2");
  EXPECT_EQ(order[3], "W-N1");
  EXPECT_EQ(order[4], "W-N1");

  auto again = of_kind(all, "dug_after_resurfacing");
  ASSERT_EQ(again.size(), 3u);
  std::set<std::string> seen;
  for (const Clash& c : again) {
    EXPECT_EQ(c.task_a, "K1");
    EXPECT_EQ(c.day, day("2027-04-15"));
    seen.insert(c.task_b + "/" + c.lane_segment);
  }
  EXPECT_EQ(seen, (std::set<std::string>{"K2/L1", "K2/L2", "K3/L1"}));

  auto same = of_kind(all, "same_lane_same_day");
  ASSERT_EQ(same.size(), 1u);
  EXPECT_EQ(same[0].task_a, "K2");
  EXPECT_EQ(same[0].task_b, "K3");
  EXPECT_EQ(same[0].lane_segment, "L1");
  EXPECT_EQ(same[0].day, day("2027-04-15"));
  EXPECT_NEAR(same[0].where.x, 5.0, 1e-9);  // L1's centre
}

// Hand-built: one trench across the gas main; variations switch each clash on and off.
TEST(PlanSchedule, HandBuiltCases) {
  Plan p;
  p.id = "hand";
  Trench t;
  t.id = "X";
  t.path = {{5, -5}, {5, -1}};  // crosses G1 at (5, -2), stays inside L1
  t.width_m = 0.6;
  p.trenches = {t};
  Task a;
  a.id = "A";
  a.trench = "X";
  a.start_day = day("2027-05-01");
  a.end_day = day("2027-05-03");
  p.tasks = {a};
  auto c = schedule_clashes(scene(), p, lanes());
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].kind, "open_trench_live_line");
  EXPECT_EQ(c[0].element, "G1");
  EXPECT_EQ(c[0].day, day("2027-05-01"));

  // The task edits G1 itself: no clash.
  Edit e;
  e.id = "E";
  e.op = EditOp::kDepth;
  e.utility = et::Utility::kGas;
  e.links = {"G1"};
  e.has_cover = true;
  e.cover_start_m = e.cover_end_m = 1.2;
  p.edits = {e};
  p.tasks[0].edits = {"E"};
  EXPECT_TRUE(schedule_clashes(scene(), p, lanes()).empty());

  // A second task in another trench over L1 on an overlapping day: same lane, same day.
  Trench t2 = t;
  t2.id = "Y";
  t2.path = {{-8, 2.5}, {-8, -2.5}};  // crosses nothing live
  p.trenches.push_back(t2);
  Task b;
  b.id = "B";
  b.trench = "Y";
  b.crew = p.tasks[0].crew;  // one crew working both trenches: planned, not a clash
  b.start_day = day("2027-05-03");
  b.end_day = day("2027-05-04");
  p.tasks.push_back(b);
  EXPECT_TRUE(schedule_clashes(scene(), p, lanes()).empty());
  p.tasks[1].crew = p.tasks[0].crew + "-other";  // two crews
  c = schedule_clashes(scene(), p, lanes());
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].kind, "same_lane_same_day");
  EXPECT_EQ(c[0].day, day("2027-05-03"));
  EXPECT_EQ(c[0].lane_segment, "L1");

  // Moved to after A: dug again after resurfacing instead.
  p.tasks[1].start_day = day("2027-05-10");
  p.tasks[1].end_day = day("2027-05-11");
  c = schedule_clashes(scene(), p, lanes());
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].kind, "dug_after_resurfacing");
  EXPECT_EQ(c[0].task_a, "A");
  EXPECT_EQ(c[0].task_b, "B");
  EXPECT_EQ(c[0].day, day("2027-05-10"));

  // An overhead line over the trench is not exposed by it.
  et::Scene over = scene();
  et::NetLink wire;
  wire.id = "P-OH";
  wire.kind = et::LinkKind::kCable;
  wire.diameter_mm = 20;
  wire.path = {{-8, -4, 6.0}, {-8, 4, 6.0}};
  over.networks[2].links.push_back(wire);
  EXPECT_EQ(schedule_clashes(over, p, lanes()).size(), 1u);
  over.networks[2].links.back().path = {{-8, -4, -0.8}, {-8, 4, -0.8}};  // buried: exposed
  c = schedule_clashes(over, p, lanes());
  ASSERT_EQ(c.size(), 2u);
  EXPECT_EQ(of_kind(c, "open_trench_live_line").at(0).element, "P-OH");
  EXPECT_EQ(of_kind(c, "open_trench_live_line").at(0).task_a, "B");
}

// The tiny plan by hand:
//  trench_length_m = T1 40 + T2 10 = 50; T1 carries water (E2) and gas (E3): shared 40 / 50
//    = 80 %; no tunnel.
//  excavation_m3 = 40 x 1.0 x 1.5 + 10 x 0.8 x 1.2 = 60 + 9.6 = 69.6
//  road_area_m2 = T1 all 40 m inside L1/L2 x 1.0 + T2 6 m inside L1 (y -3..3) x 0.8 = 44.8
//  lane digs: L1 by K1 (04-01..10), then K2 and K3 together (both from 04-15): 2 digs;
//    L2 by K1, K2: 2 digs. 2 segments dug, 2 repeatedly, max 2.
//  lengths after: water W1 4 + W2 6 + W4 5 + W5 5 + W-N1 21.4 = 41.4 m (W3 abandoned);
//    gas G1 10 + G2 23.2 + G3 10 + G4 10 = 53.2 m; power P1 33 + 3.5 = 36.5 m.
//  new_length_m = W-N1 21.4 + G2 23.2 = 44.6
//  cost = 21.4 x 500 + 44.8 x 180 = 10700 + 8064 = 18764
//  duration = 2027-04-01 .. 2027-04-20 = 20 days
//  households: K1 cuts W3; valve V1 isolates its segment, so J1, J2 and both connections go
//    dry: B1 12 + B2 8 = 20 households x 4 h = 80. K2 cuts G2: GBC2 dry, B2 8 x 2 h = 16.
//    K3 cuts P1: PBC2 dry, its own "households": 5 x 3 h = 15. Household-hours 111;
//    distinct households: B1 12 + B2 max(8, 8, 5) = 20; longest outage 4 h.
TEST(PlanMetrics, TinyPlanByHand) {
  auto rules = load_scene_rules(scene());
  RuleTable table = rules.ok() ? *rules : RuleTable{};
  auto r = compute_metrics(scene(), plan(), lanes(), table);
  ASSERT_TRUE(r.ok()) << r.error().message;
  const Metrics& m = *r;
  EXPECT_EQ(m.plan, "tiny");
  EXPECT_NEAR(m.trench_length_m, 50.0, 1e-9);
  EXPECT_NEAR(m.shared_trench_share, 0.8, 1e-9);
  EXPECT_DOUBLE_EQ(m.tunnel_length_m, 0.0);
  EXPECT_NEAR(m.excavation_m3, 69.6, 1e-9);
  EXPECT_NEAR(m.road_area_m2, 44.8, 0.05);
  EXPECT_EQ(m.lane_segments_dug, 2);
  EXPECT_EQ(m.lane_segments_dug_repeatedly, 2);
  EXPECT_EQ(m.max_digs_per_segment, 2);
  EXPECT_NEAR(m.length_km[size_t(et::Utility::kWater)], 0.0414, 1e-9);
  EXPECT_NEAR(m.length_km[size_t(et::Utility::kGas)], 0.0532, 1e-9);
  EXPECT_NEAR(m.length_km[size_t(et::Utility::kPower)], 0.0365, 1e-9);
  EXPECT_DOUBLE_EQ(m.length_km[size_t(et::Utility::kDrainage)], 0.0);
  EXPECT_NEAR(m.new_length_m, 44.6, 1e-9);
  EXPECT_NEAR(m.cost_cny, 18764.0, 1e-6);
  EXPECT_EQ(m.duration_days, 20);
  EXPECT_EQ(m.first_day, day("2027-04-01"));
  EXPECT_EQ(m.last_day, day("2027-04-20"));
  EXPECT_EQ(m.clashes, 11);
  EXPECT_EQ(m.households_cut_off, 20);
  EXPECT_NEAR(m.household_hours, 111.0, 1e-9);
  EXPECT_DOUBLE_EQ(m.longest_outage_h, 4.0);
  // Clearance and cover counts are check_clearances' own, split by kind.
  auto v =
      check_clearances(apply_plan(scene(), plan()), scene().buildings, table, lanes(), &plan());
  long cover = std::count_if(v.begin(), v.end(),
                             [](const Violation& x) { return x.kind == RuleKind::kCover; });
  EXPECT_EQ(m.cover_violations, cover);
  EXPECT_EQ(m.clearance_violations, long(v.size()) - cover);
}

TEST(PlanMetrics, LiveSwitchoverAndEmptyPlan) {
  Plan p = plan();
  for (Task& t : p.tasks) t.outage_h = 0.0;  // live switchovers: nobody is cut
  auto r = compute_metrics(scene(), p, lanes(), RuleTable{});
  ASSERT_TRUE(r.ok());
  EXPECT_DOUBLE_EQ(r->household_hours, 0.0);
  EXPECT_DOUBLE_EQ(r->longest_outage_h, 0.0);
  EXPECT_EQ(r->households_cut_off, 0);
  Plan empty;
  empty.id = "none";
  auto e = compute_metrics(scene(), empty, lanes(), RuleTable{});
  ASSERT_TRUE(e.ok());
  EXPECT_EQ(e->duration_days, 0);
  EXPECT_EQ(e->households_cut_off, 0);
  EXPECT_NEAR(e->length_km[size_t(et::Utility::kWater)], 0.040, 1e-9);  // W3 still in service
}

TEST(PlanMetrics, Columns) {
  auto cols = metric_columns();
  auto r = compute_metrics(scene(), plan(), lanes(), RuleTable{});
  ASSERT_TRUE(r.ok());
  auto vals = metric_values(*r);
  ASSERT_EQ(cols.size(), vals.size());
  EXPECT_EQ(cols.front(), "plan");
  EXPECT_EQ(cols.back(), "duration_days");
  auto value = [&](const std::string& col) {
    auto it = std::find(cols.begin(), cols.end(), col);
    EXPECT_NE(it, cols.end()) << col;
    return it == cols.end() ? std::string() : vals[size_t(it - cols.begin())];
  };
  EXPECT_EQ(value("plan"), "tiny");
  EXPECT_EQ(value("water_km"), "0.041");
  EXPECT_EQ(value("trench_length_m"), "50.0");
  EXPECT_EQ(value("shared_trench_pct"), "80.0");
  EXPECT_EQ(value("excavation_m3"), "69.6");
  EXPECT_EQ(value("road_area_m2"), "44.8");
  EXPECT_EQ(value("households_cut_off"), "20");
  EXPECT_EQ(value("household_hours"), "111.0");
  EXPECT_EQ(value("cost_cny"), "18764");
  EXPECT_EQ(value("duration_days"), "20");
  EXPECT_EQ(value("start_date"), "2027-04-01");
  EXPECT_EQ(value("end_date"), "2027-04-20");
}

}  // namespace
