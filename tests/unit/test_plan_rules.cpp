// Clearance rules as data (assets/clearance_rules.json) and the checks that apply them, on
// hand-built networks whose distances are known.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <tuple>

#include "et/plan/rules.h"

namespace et::plan {
namespace {

namespace fs = std::filesystem;

// A round link along `pts` with the same cover at every vertex (axis z from the cover).
NetLink link(const std::string& id, std::vector<glm::dvec2> pts, double d_mm, double cover) {
  NetLink l;
  l.id = id;
  l.diameter_mm = d_mm;
  l.cover_start_m = l.cover_end_m = cover;
  for (glm::dvec2 p : pts) l.path.push_back({p.x, p.y, -(cover + d_mm / 2000.0)});
  return l;
}

Network net(Utility u, std::vector<NetLink> links, std::vector<NetNode> nodes = {}) {
  Network n;
  n.utility = u;
  n.links = std::move(links);
  n.nodes = std::move(nodes);
  return n;
}

const RuleTable& shipped() {
  static RuleTable t = [] {
    auto r = load_rules(default_rules_path());
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? r.value() : RuleTable{};
  }();
  return t;
}

std::vector<Violation> check(const std::vector<Network>& nets, const std::vector<Building>& b = {},
                             const std::vector<LaneSegment>& lanes = {},
                             const Plan* plan = nullptr) {
  return check_clearances(nets, b, shipped(), lanes, plan);
}

// Water d`d` along y = 0 and a d300 sewer whose edge is `edge` m away, 30 m side by side.
std::vector<Network> water_beside_sewer(double d, double edge) {
  double y = edge + d / 2000.0 + 0.15;
  NetLink sewer = link("S1", {{0, y}, {30, y}}, 300, 1.5);
  sewer.subtype = "sewer";
  return {net(Utility::kWater, {link("W1", {{0, 0}, {30, 0}}, d, 1.0)}),
          net(Utility::kDrainage, {sewer})};
}

TEST(PlanRulesHorizontal, SmallWaterMainTooCloseToSewer) {
  auto v = check(water_beside_sewer(150, 0.9));
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].rule, "H-water-drainage-d200");
  EXPECT_EQ(v[0].kind, RuleKind::kHorizontal);
  EXPECT_EQ(v[0].a, "W1");
  EXPECT_EQ(v[0].b, "S1");
  EXPECT_DOUBLE_EQ(v[0].required_m, 1.0);
  EXPECT_NEAR(v[0].actual_m, 0.9, 1e-9);
  EXPECT_TRUE(v[0].verified);
  EXPECT_NEAR(v[0].where.y, 0.0, 1e-9);  // on the water main
}

TEST(PlanRulesHorizontal, LargeWaterMainNeedsMore) {
  auto v = check(water_beside_sewer(300, 0.9));
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].rule, "H-water-drainage-d200+");
  EXPECT_DOUBLE_EQ(v[0].required_m, 1.5);
  EXPECT_NEAR(v[0].actual_m, 0.9, 1e-9);
  // 1.2 m is enough for d150 but not for d300.
  EXPECT_TRUE(check(water_beside_sewer(150, 1.2)).empty());
  EXPECT_EQ(check(water_beside_sewer(300, 1.2)).size(), 1u);
}

TEST(PlanRulesHorizontal, FarEnoughIsClean) {
  EXPECT_TRUE(check(water_beside_sewer(150, 1.1)).empty());
  EXPECT_TRUE(check(water_beside_sewer(150, 1.0)).empty());  // exactly the minimum passes
}

TEST(PlanRulesHorizontal, GasPressureClassAgainstDrainage) {
  auto gas_beside = [](const std::string& cls, double edge) {
    NetLink g = link("G1", {{0, 0}, {20, 0}}, 100, 0.9);
    g.pressure_class = cls;
    double y = edge + 0.05 + 0.1;
    return std::vector<Network>{
        net(Utility::kGas, {g}),
        net(Utility::kDrainage, {link("D1", {{-5, y}, {15, y}}, 200, 1.2)})};
  };
  EXPECT_TRUE(check(gas_beside("low", 1.1)).empty());
  auto low = check(gas_beside("low", 0.9));
  ASSERT_EQ(low.size(), 1u);
  EXPECT_EQ(low[0].rule, "H-gas-drainage-low");
  EXPECT_DOUBLE_EQ(low[0].required_m, 1.0);
  auto medium = check(gas_beside("medium", 1.1));
  ASSERT_EQ(medium.size(), 1u);
  EXPECT_EQ(medium[0].rule, "H-gas-drainage-medium");
  EXPECT_EQ(medium[0].a, "G1");
  EXPECT_DOUBLE_EQ(medium[0].required_m, 1.2);
  EXPECT_NEAR(medium[0].actual_m, 1.1, 1e-9);
  EXPECT_TRUE(medium[0].verified);
  // Only the 15 m shared run counts: the drain's far end is not closer.
  EXPECT_GE(medium[0].where.x, 0.0);
}

TEST(PlanRulesHorizontal, UnverifiedRowIsFlagged) {
  NetLink g = link("G1", {{0, 0.5}, {20, 0.5}}, 100, 0.9);
  g.pressure_class = "low";
  auto v = check(
      {net(Utility::kWater, {link("W1", {{0, 0}, {20, 0}}, 100, 1.0)}), net(Utility::kGas, {g})});
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].rule, "H-water-gas");
  EXPECT_NEAR(v[0].actual_m, 0.4, 1e-9);
  EXPECT_FALSE(v[0].verified);
}

TEST(PlanRulesHorizontal, WorstPlaceOncePerPair) {
  // The sewer comes closer along the main's second segment.
  NetLink w = link("W1", {{0, 0}, {20, 0}, {40, 0}}, 150, 1.0);
  NetLink s = link("S1", {{0, 1.125}, {20, 1.125}, {20, 1.0}, {40, 1.0}}, 300, 1.5);
  auto v = check({net(Utility::kWater, {w}), net(Utility::kDrainage, {s})});
  ASSERT_EQ(v.size(), 1u);
  EXPECT_NEAR(v[0].actual_m, 1.0 - 0.225, 1e-9);
  EXPECT_GT(v[0].where.x, 20.0 - 1e-9);
}

TEST(PlanRulesHorizontal, CrossingIsNotARun) {
  // Crossing at 45 degrees: a vertical matter (none for water-telecom), not a horizontal one.
  auto water = net(Utility::kWater, {link("W1", {{0, 0}, {20, 0}}, 100, 1.0)});
  EXPECT_TRUE(
      check({water, net(Utility::kTelecom, {link("T1", {{0, -10}, {20, 10}}, 100, 0.7)})}).empty());
  // At 20 degrees the two run alongside each other: horizontal, and 0 apart where they cross.
  auto v = check({water, net(Utility::kTelecom, {link("T1", {{0, -3.64}, {20, 3.64}}, 100, 0.7)})});
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].rule, "H-water-telecom");
  EXPECT_NEAR(v[0].actual_m, -0.1, 1e-9);
}

TEST(PlanRulesHorizontal, AbandonedAndOverheadIgnored) {
  auto nets = water_beside_sewer(150, 0.5);
  ASSERT_EQ(check(nets).size(), 1u);
  nets[1].links[0].state = LinkState::kAbandoned;
  EXPECT_TRUE(check(nets).empty());
  nets[1].links[0].state = LinkState::kPlanned;  // planned links are in service
  EXPECT_EQ(check(nets).size(), 1u);

  NetLink overhead = link("P1", {{0, 0.3}, {30, 0.3}}, 30, -6.0);
  overhead.subtype = "overhead";
  EXPECT_TRUE(check({nets[0], net(Utility::kPower, {overhead})}).empty());
}

TEST(PlanRulesHorizontal, TunnelLinksExemptFromEachOther) {
  auto nets = water_beside_sewer(150, 0.5);
  Plan plan;
  plan.trenches.push_back({"T1", TrenchKind::kTunnel, {{0, 0}, {30, 0}}, 3.0, 4.0});
  Edit add;
  add.id = "E1";
  add.op = EditOp::kAdd;
  add.utility = Utility::kWater;
  add.link = nets[0].links[0];
  add.trench = "T1";
  Edit move;
  move.id = "E2";
  move.op = EditOp::kMove;
  move.utility = Utility::kDrainage;
  move.links = {"S1"};
  move.trench = "T1";
  plan.edits = {add, move};
  EXPECT_TRUE(check(nets, {}, {}, &plan).empty());
  plan.edits.pop_back();  // only one of them in the tunnel
  EXPECT_EQ(check(nets, {}, {}, &plan).size(), 1u);
  plan.edits.push_back(move);
  plan.trenches[0].kind = TrenchKind::kTrench;  // a shared trench gives no exemption
  EXPECT_EQ(check(nets, {}, {}, &plan).size(), 1u);
}

TEST(PlanRulesBuilding, SewerBesideBuildingAndServiceExempt) {
  Building b1;
  b1.id = "B1";
  b1.footprint = {{0, 0}, {10, 0}, {10, 10}, {0, 10}};
  Building b2 = b1;
  b2.id = "B2";
  b2.footprint = {{30, 0}, {40, 0}, {40, 10}, {30, 10}};
  NetNode conn;
  conn.id = "DC1";
  conn.kind = NodeKind::kBuildingConnection;
  conn.building = "B1";
  conn.position = {0, 5, 0};
  NetNode tee;
  tee.id = "DJ1";
  tee.position = {-2.1, 5, 0};
  NetLink sewer = link("S1", {{-2.1, -5}, {-2.1, 15}}, 200, 1.5);  // edge 2.0 m from B1's wall
  NetLink service = link("S2", {{0, 5}, {-2.1, 5}}, 150, 1.2);
  service.from = 0;
  service.to = 1;
  auto v = check({net(Utility::kDrainage, {sewer, service}, {conn, tee})}, {b1, b2});
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].rule, "H-drainage-building");
  EXPECT_EQ(v[0].a, "S1");
  EXPECT_EQ(v[0].b, "B1");
  EXPECT_DOUBLE_EQ(v[0].required_m, 2.5);
  EXPECT_NEAR(v[0].actual_m, 2.0, 1e-9);
  EXPECT_TRUE(v[0].verified);

  // The same service, connected to another building (its node 1 m off B1's wall), is
  // checked against B1.
  conn.building = "B2";
  conn.position = {-1.0, 5, 0};
  v = check({net(Utility::kDrainage, {sewer, service}, {conn, tee})}, {b1, b2});
  ASSERT_EQ(v.size(), 2u);
  EXPECT_EQ(v[1].a, "S2");
  EXPECT_NEAR(v[1].actual_m, -0.075, 1e-9);  // touches the wall: negative edge distance

  // A line ending at a node inside a building (a pump house's main, a transformer's cable)
  // is meant to enter it, whatever the node's kind.
  conn.kind = NodeKind::kPumpHouse;
  conn.building.clear();
  conn.position = {0.3, 5, 0};
  v = check({net(Utility::kDrainage, {sewer, service}, {conn, tee})}, {b1, b2});
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].a, "S1");
}

TEST(PlanRulesVertical, WaterOverSewerCrossing) {
  // Water d100 axis -1.05 (bottom -1.10); sewer d300 cover 1.4 (top -1.40): 0.30 m gap.
  auto v = check({net(Utility::kWater, {link("W1", {{0, 0}, {20, 0}}, 100, 1.0)}),
                  net(Utility::kDrainage, {link("S1", {{10, -10}, {10, 10}}, 300, 1.4)})});
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].kind, RuleKind::kVertical);
  EXPECT_EQ(v[0].rule, "V-drainage-water");
  EXPECT_EQ(v[0].a, "S1");
  EXPECT_EQ(v[0].b, "W1");
  EXPECT_DOUBLE_EQ(v[0].required_m, 0.40);
  EXPECT_NEAR(v[0].actual_m, 0.30, 1e-9);
  EXPECT_FALSE(v[0].verified);
  EXPECT_NEAR(v[0].where.x, 10.0, 1e-9);
  EXPECT_NEAR(v[0].where.y, 0.0, 1e-9);
  // Half a metre apart is enough.
  EXPECT_TRUE(check({net(Utility::kWater, {link("W1", {{0, 0}, {20, 0}}, 100, 1.0)}),
                     net(Utility::kDrainage, {link("S1", {{10, -10}, {10, 10}}, 300, 1.6)})})
                  .empty());
}

TEST(PlanRulesVertical, SameUtilityCrossingButNotJoint) {
  // Two water mains of one network crossing 0.10 m apart, and a third joined to W1 at a node.
  NetNode a, b, c;
  a.id = "J1";
  b.id = "J2";
  c.id = "J3";
  NetLink w1 = link("W1", {{0, 0}, {20, 0}}, 100, 1.0);
  w1.from = 0;
  w1.to = 1;
  NetLink w2 = link("W0", {{10, -10}, {10, 10}}, 100, 1.2);
  NetLink w3 = link("W3", {{20, 0}, {20, 10}}, 100, 1.0);
  w3.from = 1;
  w3.to = 2;
  auto v = check({net(Utility::kWater, {w1, w2, w3}, {a, b, c})});
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].rule, "V-water-water");
  EXPECT_EQ(v[0].a, "W0");  // same-type pairs are named in id order
  EXPECT_EQ(v[0].b, "W1");
  EXPECT_DOUBLE_EQ(v[0].required_m, 0.15);
  EXPECT_NEAR(v[0].actual_m, 0.10, 1e-9);
}

TEST(PlanRulesCover, CarriagewayNeedsMoreThanFootpath) {
  LaneSegment road{"R1", "lane 1", Surface::kCarriageway, {{10, -3}, {20, -3}, {20, 3}, {10, 3}}};
  LaneSegment path{"F1", "lane 1", Surface::kFootpath, {{25, -3}, {35, -3}, {35, 3}, {25, 3}}};
  std::vector<Network> water = {net(Utility::kWater, {link("W1", {{0, 0}, {40, 0}}, 100, 0.65)})};
  EXPECT_TRUE(check(water, {}, {path}).empty());  // 0.65 >= 0.6 under a footpath
  auto v = check(water, {}, {path, road});
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].kind, RuleKind::kCover);
  EXPECT_EQ(v[0].rule, "C-water");
  EXPECT_EQ(v[0].a, "W1");
  EXPECT_EQ(v[0].b, "");
  EXPECT_DOUBLE_EQ(v[0].required_m, 0.7);
  EXPECT_NEAR(v[0].actual_m, 0.65, 1e-9);
  EXPECT_GE(v[0].where.x, 10.0);
  EXPECT_LE(v[0].where.x, 20.0);

  // Shallower still: the worst shortfall wins, wherever it is.
  water[0].links[0] = link("W1", {{0, 0}, {40, 0}}, 100, 0.5);
  v = check(water, {}, {path, road});
  ASSERT_EQ(v.size(), 1u);
  EXPECT_DOUBLE_EQ(v[0].required_m, 0.7);
  EXPECT_NEAR(v[0].actual_m, 0.5, 1e-9);

  // Power: conduit 0.5 anywhere, direct-buried 1.0 under the carriageway.
  NetLink conduit = link("P1", {{0, 1}, {40, 1}}, 100, 0.55);
  conduit.subtype = "conduit";
  NetLink buried = link("P2", {{0, -1}, {40, -1}}, 50, 0.8);
  buried.subtype = "direct_buried";
  v = check({net(Utility::kPower, {conduit, buried})}, {}, {road});
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].rule, "C-power");
  EXPECT_EQ(v[0].a, "P2");
  EXPECT_DOUBLE_EQ(v[0].required_m, 1.0);
}

// "W12" (appending, not "W" + to_string(): GCC 12 warns about that falsely, -Wrestrict).
std::string id(char prefix, int i) {
  std::string s(1, prefix);
  s += std::to_string(i);
  return s;
}

TEST(PlanRulesChecks, SortedAndLinearOnALargeGrid) {
  // 400 water mains, each with a sewer 0.8 m away and a crossing drain every 50 m.
  std::vector<NetLink> water, drains;
  for (int i = 0; i < 400; ++i) {
    double y = i * 20.0;
    water.push_back(link(id('W', i), {{0, y}, {100, y}}, 150, 1.0));
    drains.push_back(link(id('S', i), {{0, y + 1.025}, {100, y + 1.025}}, 300, 1.5));
  }
  for (int k = 0; k < 2; ++k)
    drains.push_back(link(id('X', k), {{25.0 + 50 * k, -5}, {25.0 + 50 * k, 8000}}, 300, 2.5));
  auto v = check({net(Utility::kWater, water), net(Utility::kDrainage, drains)});
  int horizontal = 0;
  for (const Violation& x : v) horizontal += x.kind == RuleKind::kHorizontal;
  EXPECT_EQ(horizontal, 400);
  EXPECT_EQ(v.size(), 400u);  // the crossing drains are deep enough
  EXPECT_TRUE(std::is_sorted(v.begin(), v.end(), [](const Violation& p, const Violation& q) {
    return std::tie(p.kind, p.rule, p.a, p.b) < std::tie(q.kind, q.rule, q.a, q.b);
  }));
}

// ---- Loading ---------------------------------------------------------------------------

std::string write_table(const std::string& name, const std::string& text) {
  fs::path p = fs::path(testing::TempDir()) / ("plan_rules_" + name + ".json");
  std::ofstream(p) << text;
  return p.string();
}

std::string table(const std::string& types, const std::string& rules,
                  const std::string& format = "estatetwin-rules/1") {
  return "{\"format\": \"" + format + "\", \"types\": [" + types + "], \"rules\": [" + rules + "]}";
}

const char* kWaterDrain =
    R"({"id": "H1", "kind": "horizontal", "a": "water", "b": "drainage", "min_m": 1.0, "verified": true})";

TEST(PlanRulesLoad, MinimalTableLoads) {
  auto r = load_rules(write_table("ok", table(R"("water", "drainage")", kWaterDrain)));
  ASSERT_TRUE(r.ok()) << r.error().message;
  ASSERT_EQ(r->rules.size(), 1u);
  EXPECT_TRUE(r->rules[0].verified);
  EXPECT_DOUBLE_EQ(r->rules[0].min_m, 1.0);
}

TEST(PlanRulesLoad, MissingPairIsAnError) {
  std::string path = write_table(
      "pair",
      table(
          R"("water", "drainage", "telecom")",
          std::string(kWaterDrain) +
              R"(, {"id": "H2", "kind": "horizontal", "a": "telecom", "b": "drainage", "min_m": 1})"));
  auto r = load_rules(path);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().message,
            path +
                ": /rules: no horizontal rule for water-telecom (every pair of \"types\" needs "
                "one; min_m 0 for none)");
}

void expect_error(const std::string& name, const std::string& text, const std::string& pointer,
                  const std::string& words) {
  std::string path = write_table(name, text);
  auto r = load_rules(path);
  ASSERT_FALSE(r.ok()) << name;
  EXPECT_NE(r.error().message.find(path + ": " + pointer + ": "), std::string::npos)
      << r.error().message;
  EXPECT_NE(r.error().message.find(words), std::string::npos) << r.error().message;
}

TEST(PlanRulesLoad, BadValuesNameThePlace) {
  expect_error("type", table(R"("water", "sewage")", kWaterDrain), "/types/1",
               "unknown type 'sewage'");
  expect_error("rule_type",
               table(R"("water", "drainage")",
                     R"({"id": "H1", "kind": "horizontal", "a": "water", "b": "gas", "min_m": 1})"),
               "/rules/0/b", "unknown type 'gas'");
  expect_error(
      "kind",
      table(R"("water", "drainage")",
            R"({"id": "H1", "kind": "diagonal", "a": "water", "b": "drainage", "min_m": 1})"),
      "/rules/0/kind", "unknown kind 'diagonal'");
  expect_error("dup",
               table(R"("water", "drainage")", std::string(kWaterDrain) + ", " + kWaterDrain),
               "/rules/1/id", "duplicate rule id 'H1'");
  expect_error(
      "negative",
      table(R"("water", "drainage")",
            R"({"id": "H1", "kind": "horizontal", "a": "water", "b": "drainage", "min_m": -1})"),
      "/rules/0/min_m", "expected a number in [0, 100]");
  expect_error("format", table(R"("water", "drainage")", kWaterDrain, "estatetwin-rules/2"),
               "/format", "expected \"estatetwin-rules/1\"");
  expect_error(
      "vertical_building",
      table(R"("water", "building")",
            R"({"id": "H1", "kind": "horizontal", "a": "water", "b": "building", "min_m": 1},
                        {"id": "V1", "kind": "vertical", "a": "water", "b": "building", "min_m": 1})"),
      "/rules/1/b", "utilities only");
  expect_error(
      "class",
      table(R"("water", "drainage")",
            R"({"id": "H1", "kind": "horizontal", "a": "water", "b": "drainage", "min_m": 1,
                                  "a_pressure_class": "huge"})"),
      "/rules/0/a_pressure_class", "unknown pressure class");
  expect_error(
      "building_condition",
      table(R"("water", "building")",
            R"({"id": "H1", "kind": "horizontal", "a": "water", "b": "building", "min_m": 1,
                         "b_subtype": "brick"})"),
      "/rules/0/b_subtype", "not to a building");
}

TEST(PlanRulesLoad, ShippedTableCoversEveryPair) {
  const RuleTable& t = shipped();
  std::vector<std::string> want = {"building", "water",   "drainage", "gas",
                                   "power",    "telecom", "heat"};
  EXPECT_EQ(t.types, want);
  std::set<std::pair<std::string, std::string>> pairs;
  for (const Rule& r : t.rules) {
    EXPECT_FALSE(r.source.empty()) << r.id;
    if (r.kind == RuleKind::kHorizontal) pairs.insert(std::minmax(r.a, r.b));
    // Only table 4.1.9's checked figures are verified.
    if (r.kind != RuleKind::kHorizontal || r.min_m == 0.0) {
      EXPECT_FALSE(r.verified) << r.id;
    }
  }
  for (size_t i = 0; i < want.size(); ++i)
    for (size_t j = i + 1; j < want.size(); ++j)
      EXPECT_TRUE(pairs.count(std::minmax(want[i], want[j]))) << want[i] << "-" << want[j];
  auto find = [&](const std::string& id) {
    auto it =
        std::find_if(t.rules.begin(), t.rules.end(), [&](const Rule& r) { return r.id == id; });
    return it == t.rules.end() ? Rule{} : *it;
  };
  EXPECT_DOUBLE_EQ(find("H-drainage-building").min_m, 2.5);
  EXPECT_TRUE(find("H-drainage-building").verified);
  EXPECT_DOUBLE_EQ(find("H-gas-drainage-sub_high_a").min_m, 2.0);
  EXPECT_DOUBLE_EQ(find("H-water-telecom").min_m, 1.0);
  EXPECT_FALSE(find("H-water-telecom").verified);
  EXPECT_DOUBLE_EQ(find("C-gas").min_carriageway_m, 0.9);
}

TEST(PlanRulesLoad, SceneTableAndDefaultPath) {
  std::string path = write_table("scene", table(R"("water", "drainage")", kWaterDrain));
  Scene scene;
  scene.dir = fs::path(path).parent_path().string();
  scene.clearance_rules_file = fs::path(path).filename().string();
  auto r = load_scene_rules(scene);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->rules.size(), 1u);
  scene.clearance_rules_file.clear();
  r = load_scene_rules(scene);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_GT(r->rules.size(), 20u);

  const char* old = std::getenv("ESTATETWIN_ASSETS");
  std::string saved = old ? old : "";
  setenv("ESTATETWIN_ASSETS", "/elsewhere/assets", 1);
  EXPECT_EQ(default_rules_path(), "/elsewhere/assets/clearance_rules.json");
  if (old)
    setenv("ESTATETWIN_ASSETS", saved.c_str(), 1);
  else
    unsetenv("ESTATETWIN_ASSETS");
}

}  // namespace
}  // namespace et::plan
