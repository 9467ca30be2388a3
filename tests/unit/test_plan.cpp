// Relocation plans: loading tests/data/plan_tiny/plans/tiny.json against its scene, every
// kind of bad input (the message names the file, the pointer, the plan, the edit or task and
// what was expected), the networks on different days, and the diff categories.
//
// The tiny scene: water R(0,1)-W1-V1(valve, 4,1)-W2-J1(10,1)-W3-J2(30,1), J1-W4-BC1 (B1, 12
// households), J2-W5-BC2 (B2, 8 households); gas S(0,-2)-G1-GJ1-G2-GJ2 with services G3 to B1
// and G4 to B2; power TX-P1-PBC2 (B2, "households": 5). The plan: K1 (04-01..04-10) abandons
// W3 and lays W-N1 in trench T1; K2 (04-15..04-20) moves G2 into T1; K3 (04-15..04-16) lowers
// P1 from trench T2.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>

#include "et/core/date.h"
#include "et/plan/plan.h"
#include "et/scene/scene.h"

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using namespace et::plan;

const std::string kDir = std::string(ET_TEST_DATA) + "/plan_tiny";

int day(const char* d) { return *et::parse_date(d); }

const et::Scene& tiny_scene() {
  static et::Scene s = [] {
    auto r = et::load_scene(kDir);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    EXPECT_TRUE(r->warnings.empty());
    return std::move(*r);
  }();
  return s;
}

Plan tiny_plan() {
  auto r = load_plan(kDir + "/plans/tiny.json", tiny_scene());
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
  return r.ok() ? *r : Plan{};
}

json tiny_json() {
  std::ifstream in(kDir + "/plans/tiny.json");
  return json::parse(in);
}

// Writes a changed copy of tiny.json and loads it.
et::Result<Plan> load_changed(const std::function<void(json&)>& change) {
  json j = tiny_json();
  change(j);
  fs::path dir = fs::temp_directory_path() / "et_test_plan";
  fs::create_directories(dir);
  // One file per test and process: ctest runs tests in parallel.
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string path = (dir / (std::string(info ? info->name() : "plan") + "-" +
                             std::to_string(::getpid()) + ".json")).string();
  std::ofstream(path) << j.dump(1);
  return load_plan(path, tiny_scene());
}

// The one-line error of a changed copy, which must fail.
std::string error_of(const std::function<void(json&)>& change) {
  auto r = load_changed(change);
  EXPECT_FALSE(r.ok());
  if (r.ok()) return "";
  EXPECT_EQ(r.error().message.find('\n'), std::string::npos);
  EXPECT_EQ(r.error().message.rfind((fs::temp_directory_path() / "et_test_plan").string(), 0), 0u)
      << r.error().message;
  return r.error().message;
}

const et::NetLink* find_link(const std::vector<et::Network>& nets, const std::string& id,
                             const et::Network** owner = nullptr) {
  for (const et::Network& n : nets)
    for (const et::NetLink& l : n.links)
      if (l.id == id) {
        if (owner) *owner = &n;
        return &l;
      }
  return nullptr;
}

#define EXPECT_HAS(text, part) EXPECT_NE((text).find(part), std::string::npos) << (text)

TEST(PlanLoad, ReadsEverything) {
  Plan p = tiny_plan();
  EXPECT_EQ(p.id, "tiny");
  ASSERT_EQ(p.trenches.size(), 2u);
  EXPECT_DOUBLE_EQ(p.trenches[0].length_m(), 40.0);
  EXPECT_DOUBLE_EQ(p.trenches[1].width_m, 0.8);
  ASSERT_EQ(p.edits.size(), 4u);
  EXPECT_EQ(p.edits[0].op, EditOp::kAbandon);
  EXPECT_EQ(p.edits[1].op, EditOp::kAdd);
  const Edit& add = p.edits[1];
  EXPECT_EQ(add.link.id, "W-N1");
  EXPECT_EQ(add.link.state, et::LinkState::kPlanned);
  EXPECT_EQ(add.link.material, "PE");
  EXPECT_EQ(add.link.attributes.at("note"), "DN100 PE");
  EXPECT_EQ(add.network, 0);
  EXPECT_EQ(add.link.from, 2);  // J1
  EXPECT_EQ(add.link.to, 3);    // J2
  ASSERT_EQ(add.link.path.size(), 4u);
  EXPECT_NEAR(add.link.path[2].z, -(1.0 + 0.05), 1e-12);  // cover + radius
  ASSERT_EQ(add.nodes.size(), 1u);
  EXPECT_EQ(add.nodes[0].kind, et::NodeKind::kValve);
  EXPECT_EQ(p.edits[2].op, EditOp::kMove);
  EXPECT_EQ(p.edits[2].trench, "T1");
  EXPECT_TRUE(p.edits[2].has_cover);
  EXPECT_EQ(p.edits[2].path.size(), 4u);
  EXPECT_EQ(p.edits[3].op, EditOp::kDepth);
  EXPECT_DOUBLE_EQ(p.edits[3].cover_end_m, 1.0);
  ASSERT_EQ(p.tasks.size(), 3u);
  EXPECT_EQ(p.tasks[0].start_day, day("2027-04-01"));
  EXPECT_EQ(p.tasks[0].end_day, day("2027-04-10"));
  EXPECT_DOUBLE_EQ(p.tasks[0].outage_h, 4.0);
  EXPECT_EQ(p.task_of_edit("E3")->id, "K2");
  EXPECT_EQ(p.task_of_edit("E9"), nullptr);
  EXPECT_EQ(p.find_edit("E4")->utility, et::Utility::kPower);
  EXPECT_EQ(p.find_trench("T9"), nullptr);
  EXPECT_EQ(p.first_day(), day("2027-04-01"));
  EXPECT_EQ(p.last_day(), day("2027-04-20"));
  ASSERT_EQ(p.costs.size(), 2u);
  EXPECT_DOUBLE_EQ(p.costs[0].total_cny(), 10700.0);
}

TEST(PlanLoad, NamesAndCompanies) {
  for (int i = 0; i < static_cast<int>(EditOp::kCount); ++i)
    EXPECT_EQ(edit_op_from_name(edit_op_name(static_cast<EditOp>(i))), static_cast<EditOp>(i));
  EXPECT_EQ(edit_op_from_name("demolish"), EditOp::kCount);
  EXPECT_TRUE(is_company("district"));
  EXPECT_TRUE(is_company("telecom"));
  EXPECT_FALSE(is_company("private"));
  EXPECT_FALSE(is_company("Water"));
}

TEST(PlanLoad, SceneListsPlans) {
  auto plans = load_plans(tiny_scene());
  ASSERT_TRUE(plans.ok()) << plans.error().message;
  ASSERT_EQ(plans->size(), 1u);
  EXPECT_EQ(plans->front().id, "tiny");
  et::Scene twice = tiny_scene();
  twice.plan_files.push_back(twice.plan_files.front());
  auto dup = load_plans(twice);
  ASSERT_FALSE(dup.ok());
  EXPECT_HAS(dup.error().message, "plan id 'tiny' is also the id of");
}

TEST(PlanLoad, NewNodeAsLinkEnd) {
  auto r = load_changed([](json& j) { j["edits"][1]["link"]["to"] = "V9"; });
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->edits[1].link.to, 6);  // after the 6 as-found water nodes
  auto nets = apply_plan(tiny_scene(), *r);
  const et::Network* water = nullptr;
  const et::NetLink* l = find_link(nets, "W-N1", &water);
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(water->nodes[size_t(l->to)].id, "V9");
  EXPECT_EQ(water->nodes[size_t(l->from)].id, "J1");
}

TEST(PlanLoadErrors, UnknownLink) {
  std::string m = error_of([](json& j) { j["edits"][0]["links"][0] = "W-P9"; });
  EXPECT_HAS(m, ": /edits/0/links/0: plan 'tiny', edit 'E1': unknown water link 'W-P9'");
  // A gas id is not a water link.
  m = error_of([](json& j) { j["edits"][0]["links"][0] = "G2"; });
  EXPECT_HAS(m, "unknown water link 'G2'");
}

TEST(PlanLoadErrors, UnknownNode) {
  std::string m = error_of([](json& j) { j["edits"][1]["link"]["to"] = "J77"; });
  EXPECT_HAS(m, "/edits/1/link/to: plan 'tiny', edit 'E2': unknown water node 'J77'");
}

TEST(PlanLoadErrors, UnknownTrench) {
  std::string m = error_of([](json& j) { j["edits"][2]["trench"] = "T9"; });
  EXPECT_HAS(m, "/edits/2/trench: plan 'tiny', edit 'E3': unknown trench 'T9'");
  m = error_of([](json& j) { j["tasks"][2]["trench"] = "T9"; });
  EXPECT_HAS(m, "/tasks/2/trench: plan 'tiny', task 'K3': unknown trench 'T9'");
}

TEST(PlanLoadErrors, OverlappingTasksInOneTrench) {
  std::string m = error_of([](json& j) { j["tasks"][1]["start"] = "2027-04-10"; });
  EXPECT_HAS(m, "/tasks/1/start: plan 'tiny', task 'K2': overlaps task 'K1' in trench 'T1'");
  // Another trench on the same dates is fine.
  auto ok = load_changed([](json& j) { j["tasks"][2]["start"] = "2027-04-01"; });
  EXPECT_TRUE(ok.ok()) << ok.error().message;
}

TEST(PlanLoadErrors, Dates) {
  std::string m = error_of([](json& j) { j["tasks"][0]["start"] = "2027-02-30"; });
  EXPECT_HAS(m, "/tasks/0/start: plan 'tiny', task 'K1': expected a date YYYY-MM-DD");
  m = error_of([](json& j) { j["tasks"][0]["end"] = "10 April"; });
  EXPECT_HAS(m, "/tasks/0/end: plan 'tiny', task 'K1': expected a date");
  m = error_of([](json& j) { j["tasks"][2]["end"] = "2027-04-14"; });
  EXPECT_HAS(m, "/tasks/2/end: plan 'tiny', task 'K3': ends before it starts");
}

TEST(PlanLoadErrors, ConflictingAndImpossibleEdits) {
  // Two edits of one link contradict each other.
  std::string m = error_of([](json& j) { j["edits"][3]["links"] = {"P1"}; j["edits"][0]["utility"] = "power"; j["edits"][0]["links"] = {"P1"}; });
  EXPECT_HAS(m, "plan 'tiny', edit 'E4': power link 'P1' is already edited by edit 'E1'");
  // A rerouted or moved link keeps its end nodes: the path must start and end there.
  m = error_of([](json& j) { j["edits"][2]["path"][0] = {500, 500}; });
  EXPECT_HAS(m, "/edits/2/path/0: plan 'tiny', edit 'E3': expected the link's start at");
  // Cover is laid in the ground, within reason.
  m = error_of([](json& j) { j["edits"][3]["cover_m"] = {-0.5, 0.8}; });
  EXPECT_HAS(m, "/edits/3/cover_m/0: plan 'tiny', edit 'E4': expected a number in [0, 10]");
  m = error_of([](json& j) { j["edits"][3]["cover_m"] = {40, 40}; });
  EXPECT_HAS(m, "/edits/3/cover_m/0: plan 'tiny', edit 'E4': expected a number in [0, 10]");
  // Work before the scene's epoch could never be shown on the clock.
  m = error_of([](json& j) { j["tasks"][0]["start"] = "2020-01-01"; });
  EXPECT_HAS(m, "/tasks/0/start: plan 'tiny', task 'K1': starts before the scene's epoch");
}

TEST(PlanLoadErrors, EditTaskMembership) {
  std::string m = error_of([](json& j) { j["tasks"][2]["edits"] = json::array(); });
  EXPECT_HAS(m, "/edits/3: plan 'tiny', edit 'E4': is in no task");
  m = error_of([](json& j) { j["tasks"][2]["edits"].push_back("E1"); });
  EXPECT_HAS(m, "/tasks/2/edits/1: plan 'tiny', task 'K3': edit 'E1' is already in task 'K1'");
  m = error_of([](json& j) { j["tasks"][0]["edits"][1] = "E99"; });
  EXPECT_HAS(m, "/tasks/0/edits/1: plan 'tiny', task 'K1': unknown edit 'E99'");
}

TEST(PlanLoadErrors, Owners) {
  std::string m = error_of([](json& j) { j["edits"][3]["owner"] = "sinopec"; });
  EXPECT_HAS(m, "/edits/3/owner: plan 'tiny', edit 'E4': expected a company");
  EXPECT_HAS(m, "'sinopec'");
  m = error_of([](json& j) { j["tasks"][1]["owner"] = "private"; });
  EXPECT_HAS(m, "/tasks/1/owner: plan 'tiny', task 'K2': expected a company");
  m = error_of([](json& j) { j["costs"][1]["owner"] = "city"; });
  EXPECT_HAS(m, "/costs/1/owner: plan 'tiny', cost 1: expected a company");
}

TEST(PlanLoadErrors, OpSpecificFields) {
  std::string m = error_of([](json& j) { j["edits"][3]["links"].push_back("P1"); });
  EXPECT_HAS(m, "/edits/3/links: plan 'tiny', edit 'E4': expected exactly one link id for depth");
  m = error_of([](json& j) { j["edits"][0]["links"] = json::array(); });
  EXPECT_HAS(m, "/edits/0/links: plan 'tiny', edit 'E1': expected one or more link ids");
  m = error_of([](json& j) { j["edits"][2]["path"] = json::parse("[[10, -2]]"); });
  EXPECT_HAS(m, "/edits/2/path: plan 'tiny', edit 'E3': expected a path of at least 2 points");
  m = error_of([](json& j) { j["edits"][3].erase("cover_m"); });
  EXPECT_HAS(m, "/edits/3/cover_m: plan 'tiny', edit 'E4': missing required field");
  m = error_of([](json& j) { j["edits"][3]["cover_m"] = json::parse("[1.0]"); });
  EXPECT_HAS(m, "/edits/3/cover_m: plan 'tiny', edit 'E4': expected [start, end]");
  m = error_of([](json& j) { j["edits"][3]["cover_m"] = json::parse("[1.0, \"deep\"]"); });
  EXPECT_HAS(m, "/edits/3/cover_m/1: plan 'tiny', edit 'E4': expected a number");
  m = error_of([](json& j) { j["edits"][2].erase("trench"); });
  EXPECT_HAS(m, "/edits/2/trench: plan 'tiny', edit 'E3': a move needs the trench");
  m = error_of([](json& j) { j["edits"][1]["link"].erase("diameter_mm"); });
  EXPECT_HAS(m, "/edits/1/link: plan 'tiny', edit 'E2': missing section");
  m = error_of([](json& j) { j["edits"][1]["link"].erase("cover_end_m"); });
  EXPECT_HAS(m, "/edits/1/link/cover_end_m: plan 'tiny', edit 'E2': missing required field");
  m = error_of([](json& j) { j["edits"][1]["link"]["id"] = "W3"; });
  EXPECT_HAS(m, "/edits/1/link/id: plan 'tiny', edit 'E2': link id 'W3' already exists");
  m = error_of([](json& j) { j["edits"][0]["op"] = "demolish"; });
  EXPECT_HAS(m, "/edits/0/op: plan 'tiny', edit 'E1': unknown op 'demolish'");
  m = error_of([](json& j) { j["edits"][0]["utility"] = "sewage"; });
  EXPECT_HAS(m, "/edits/0/utility: plan 'tiny', edit 'E1': expected water, drainage");
}

TEST(PlanLoadErrors, IdsFormatAndTypes) {
  std::string m = error_of([](json& j) { j["edits"][1]["id"] = "E1"; });
  EXPECT_HAS(m, "/edits/1/id: plan 'tiny': duplicate edit id 'E1'");
  m = error_of([](json& j) { j["format"] = "estatetwin-plan/2"; });
  EXPECT_HAS(m, ": /format: expected \"estatetwin-plan/1\"");
  // Field's own messages carry the plan and the edit too.
  m = error_of([](json& j) { j["edits"][0]["links"][0] = 5; });
  EXPECT_HAS(m, "/edits/0/links/0: plan 'tiny', edit 'E1': expected a string");
  m = error_of([](json& j) { j["trenches"][1]["width_m"] = -1; });
  EXPECT_HAS(m, "/trenches/1/width_m: plan 'tiny', trench 'T2': expected a number in");
  m = error_of([](json& j) { j["trenches"][0]["kind"] = "culvert"; });
  EXPECT_HAS(m, "/trenches/0/kind: plan 'tiny', trench 'T1': expected \"trench\" or \"tunnel\"");
}

TEST(PlanApply, NetworksDayByDay) {
  const et::Scene& s = tiny_scene();
  Plan p = tiny_plan();
  // Before any task ends: the as-found networks.
  auto before = apply_plan(s, p, day("2027-03-15"));
  ASSERT_EQ(before.size(), s.networks.size());
  EXPECT_EQ(find_link(before, "W-N1"), nullptr);
  // K1 ends on 04-10: still open that day, its edits count from 04-11.
  auto on_end = apply_plan(s, p, day("2027-04-10"));
  EXPECT_EQ(find_link(on_end, "W3")->state, et::LinkState::kAsFound);
  EXPECT_EQ(find_link(on_end, "W-N1"), nullptr);
  auto after_k1 = apply_plan(s, p, day("2027-04-11"));
  EXPECT_EQ(find_link(after_k1, "W3")->state, et::LinkState::kAbandoned);
  const et::Network* water = nullptr;
  const et::NetLink* added = find_link(after_k1, "W-N1", &water);
  ASSERT_NE(added, nullptr);
  EXPECT_EQ(added->state, et::LinkState::kPlanned);
  EXPECT_EQ(water->utility, et::Utility::kWater);
  EXPECT_EQ(water->nodes.size(), 7u);  // V9 added
  EXPECT_EQ(water->nodes[size_t(added->to)].id, "J2");
  EXPECT_NEAR(added->length_m(), 21.4, 1e-9);
  // G2 moves when K2 ends (04-20).
  EXPECT_DOUBLE_EQ(find_link(after_k1, "G2")->path[0].y, -2.0);
  auto done = apply_plan(s, p);
  const et::NetLink* g2 = find_link(done, "G2");
  ASSERT_EQ(g2->path.size(), 4u);
  EXPECT_DOUBLE_EQ(g2->path[1].y, -0.4);
  EXPECT_NEAR(g2->path[2].z, -(1.0 + 0.04), 1e-12);
  EXPECT_NEAR(g2->length_m(), 23.2, 1e-9);
  // P1 lowered from 0.7 m to 1.0 m of cover, same route.
  const et::NetLink* p1 = find_link(done, "P1");
  EXPECT_DOUBLE_EQ(p1->cover_start_m, 1.0);
  EXPECT_NEAR(p1->path[1].z, -(1.0 + 0.025), 1e-12);
  EXPECT_DOUBLE_EQ(p1->path[1].x, 28.0);
  EXPECT_NEAR(find_link(apply_plan(s, p, day("2027-04-16")), "P1")->path[1].z, -0.725, 1e-12);
  EXPECT_NEAR(find_link(apply_plan(s, p, day("2027-04-17")), "P1")->path[1].z, -1.025, 1e-12);
}

TEST(PlanApply, RemoveAndReroute) {
  auto r = load_changed([](json& j) {
    j["edits"][0]["op"] = "remove";
    j["edits"][2]["op"] = "reroute";
    j["edits"][2].erase("cover_m");  // keeps the link's own 0.9 m
  });
  ASSERT_TRUE(r.ok()) << r.error().message;
  auto done = apply_plan(tiny_scene(), *r);
  EXPECT_EQ(find_link(done, "W3"), nullptr);
  const et::NetLink* g2 = find_link(done, "G2");
  EXPECT_NEAR(g2->path[3].z, -(0.9 + 0.04), 1e-12);
  EXPECT_DOUBLE_EQ(g2->path[1].y, -0.4);
}

TEST(PlanApply, OpenTrenches) {
  Plan p = tiny_plan();
  auto ids = [&](const char* d) {
    std::string s;
    for (const Trench* t : open_trenches(p, day(d))) s += t->id + " ";
    return s;
  };
  EXPECT_EQ(ids("2027-03-31"), "");
  EXPECT_EQ(ids("2027-04-01"), "T1 ");
  EXPECT_EQ(ids("2027-04-10"), "T1 ");
  EXPECT_EQ(ids("2027-04-12"), "");
  EXPECT_EQ(ids("2027-04-15"), "T1 T2 ");
  EXPECT_EQ(ids("2027-04-17"), "T1 ");
  EXPECT_EQ(ids("2027-04-21"), "");
}

TEST(PlanDiff, Categories) {
  const et::Scene& s = tiny_scene();
  auto changes = diff_networks(s.networks, apply_plan(s, tiny_plan()));
  ASSERT_EQ(changes.size(), 11u);  // 10 as found + W-N1
  std::map<std::string, Change> by_id;
  for (const LinkChange& c : changes) by_id[c.link] = c.change;
  EXPECT_EQ(by_id["W1"], Change::kUnchanged);
  EXPECT_EQ(by_id["W3"], Change::kRemoved);  // abandoned: out of service
  EXPECT_EQ(by_id["G2"], Change::kMoved);
  EXPECT_EQ(by_id["P1"], Change::kMoved);  // cover only
  EXPECT_EQ(by_id["G3"], Change::kUnchanged);
  EXPECT_EQ(changes.back().link, "W-N1");
  EXPECT_EQ(changes.back().change, Change::kAdded);
  EXPECT_EQ(changes.back().utility, et::Utility::kWater);
  EXPECT_EQ(changes.front().link, "W1");
  EXPECT_STREQ(change_name(Change::kMoved), "moved");
  EXPECT_STREQ(change_name(Change::kAdded), "added");
  // A removed link, and a move below the 1 cm tolerance.
  std::vector<et::Network> after = s.networks;
  after[0].links.erase(after[0].links.begin());
  after[1].links[0].path[1].x += 0.005;
  auto c2 = diff_networks(s.networks, after);
  EXPECT_EQ(c2[0].change, Change::kRemoved);
  EXPECT_EQ(c2[5].link, "G1");
  EXPECT_EQ(c2[5].change, Change::kUnchanged);
  after[1].links[0].path[1].x += 0.05;
  EXPECT_EQ(diff_networks(s.networks, after)[5].change, Change::kMoved);
}

}  // namespace
