// The secondary-water-supply model of a scene (engine/sim scene_model.h) on the generated
// Muyanghu estate: the .inp reads back, solves over 24 h, has a riser per stairwell
// entrance, behaves like a day of residential demand, and feeds the scenario overlays.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>
#include <string>

#include "et/gen/estate.h"
#include "et/scene/scene.h"
#include "et/sim/inp.h"
#include "et/sim/scene_model.h"
#include "sim_scenario.h"

namespace fs = std::filesystem;

namespace {

// The generated Muyanghu, once for the whole suite.
class SceneModel : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string templ = ::testing::TempDir() + "et_scene_model_XXXXXX";
    ASSERT_NE(mkdtemp(templ.data()), nullptr);
    dir_ = new std::string(templ);
    ASSERT_TRUE(et::gen::generate_estate({}, *dir_).ok());
    auto s = et::load_scene(*dir_);
    ASSERT_TRUE(s.ok()) << s.error().message;
    scene_ = new et::Scene(std::move(*s));
    auto r = et::sim::run_water_model(*scene_, et::sim::WaterModelOptions{});
    ASSERT_TRUE(r.ok()) << r.error().message;
    run_ = new et::sim::WaterRun(std::move(*r));
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    if (dir_) fs::remove_all(*dir_, ec);
    delete run_;
    delete scene_;
    delete dir_;
    run_ = nullptr, scene_ = nullptr, dir_ = nullptr;
  }
  void SetUp() override { ASSERT_NE(run_, nullptr); }
  static const et::Network& water() { return scene_->networks[size_t(run_->model.network)]; }
  // Pressure at model node `id` at time t (s), at the report time.
  static double pressure(const std::string& id, long t) {
    auto i = std::find(run_->times.begin(), run_->times.end(), t);
    EXPECT_NE(i, run_->times.end()) << "no report at " << t;
    return run_->pressure[size_t(i - run_->times.begin())][size_t(run_->net.node_index.at(id))];
  }

  static std::string* dir_;
  static et::Scene* scene_;
  static et::sim::WaterRun* run_;
};
std::string* SceneModel::dir_ = nullptr;
et::Scene* SceneModel::scene_ = nullptr;
et::sim::WaterRun* SceneModel::run_ = nullptr;

TEST_F(SceneModel, InpReadsBackWithTheSceneIdsAndARiserPerEntrance) {
  auto text = et::sim::water_model_inp(*scene_, {});
  ASSERT_TRUE(text.ok()) << text.error().message;
  auto net = et::sim::parse_inp(*text, "muyanghu.inp");
  ASSERT_TRUE(net.ok()) << net.error().message;
  EXPECT_EQ(net->options.flow_units, et::sim::FlowUnits::LPS);
  EXPECT_EQ(net->times.duration, 24 * 3600);
  EXPECT_LE(net->times.hyd_step, 300);
  EXPECT_EQ(net->times.report_step, 900);
  EXPECT_EQ(net->times.pattern_step, 3600);
  int connections = 0;
  for (const et::NetNode& n : water().nodes) {
    if (n.kind != et::NodeKind::kBuildingConnection) continue;
    ++connections;
    EXPECT_TRUE(net->link_index.count("R-" + n.id)) << n.id;
    EXPECT_TRUE(net->node_index.count("F-" + n.id)) << n.id;
  }
  EXPECT_EQ(connections, 40);
  EXPECT_EQ(run_->model.fixtures.size(), size_t(connections));
  int households = 0;
  for (const auto& f : run_->model.fixtures) households += f.households;
  EXPECT_EQ(households, scene_->total_households());
  // The municipal main, tank, pump and inlet float valve; the mains keep their scene ids.
  EXPECT_EQ(run_->model.reservoir, "W-MAIN");
  EXPECT_EQ(net->tanks.size(), 2u);  // the reservoir and the ground tank
  EXPECT_EQ(net->pumps.size(), 1u);
  EXPECT_TRUE(net->link_index.count("FV-W-TK01"));
  for (const char* id : {"W-P001", "W-P005", "W-P127", "W-J01", "W-M01", "W-PH01"})
    EXPECT_TRUE(net->link_index.count(id) || net->node_index.count(id)) << id;
  // Informal and abandoned pipes stay out; what they fed is skipped with a warning.
  for (const char* id : {"W-X001", "W-X002", "W-X003", "W-X004"}) EXPECT_FALSE(net->link_index.count(id)) << id;
  ASSERT_EQ(run_->model.warnings.size(), 1u);
  EXPECT_NE(run_->model.warnings[0].find("W-XN01"), std::string::npos);
}

TEST_F(SceneModel, SolvesOverTheDayWithoutWarnings) {
  EXPECT_FALSE(run_->summary.halted);
  EXPECT_EQ(run_->times.size(), 97u);  // 00:00 .. 24:00 every 15 min
  for (const std::string& w : run_->summary.warnings) ADD_FAILURE() << w;
  // The tank neither empties nor overflows: the float valve keeps it between its levels.
  for (size_t i = 0; i < run_->times.size(); ++i) {
    const double level = run_->pressure[i][size_t(run_->net.node_index.at("W-TK01"))];
    EXPECT_GT(level, 1.0);
    EXPECT_LT(level, 2.0);
  }
}

TEST_F(SceneModel, MorningPeakLowersTopFloorPressure) {
  for (const auto& f : run_->model.fixtures) {
    const double night = pressure(f.node, 3 * 3600), peak = pressure(f.node, 7 * 3600 + 1800);
    EXPECT_LT(peak, night - 1.0) << f.node;
    EXPECT_GT(peak, 0.0) << f.node;
  }
}

TEST_F(SceneModel, SupplyReportFlagsAtMostAFewBlocks) {
  const auto blocks = et::sim::supply_by_block(*run_, 7 * 3600 + 1800, 0.10 * et::sim::kMetresPerMPa);
  EXPECT_EQ(blocks.size(), 14u);
  int low = 0;
  for (const auto& b : blocks) {
    low += b.low;
    EXPECT_LE(b.min_pressure_m, b.pressure_at_m + 1e-9) << b.building;
    EXPECT_GE(b.floors, 6) << b.building;
  }
  EXPECT_LE(low, 3);
  // A stricter threshold than any block meets flags them all.
  int all = 0;
  for (const auto& b : et::sim::supply_by_block(*run_, 0, 100.0)) all += b.low;
  EXPECT_EQ(all, 14);
}

TEST_F(SceneModel, ScenarioSourceServesOverlaysAndSignedVelocities) {
  auto src = et::app::SimScenarioSource::create(*scene_);
  ASSERT_TRUE(src.ok()) << src.error().message;
  ASSERT_TRUE(*src);
  et::app::OverlayData d;
  ASSERT_TRUE((*src)->values(et::app::OverlayMode::kPressure, 7.5 * 3600, d));
  EXPECT_EQ(d.unit, "m");
  ASSERT_TRUE(d.node_values.count("water/W-J01"));
  EXPECT_NEAR(d.node_values["water/W-J01"], pressure("W-J01", 7 * 3600 + 1800), 1e-9);
  EXPECT_NEAR(d.node_values["water/W-MAIN"], 0.28 * et::sim::kMetresPerMPa, 0.5);  // not 0
  EXPECT_TRUE(d.link_values.count("water/W-P005"));
  EXPECT_FALSE(d.node_values.count("water/W-XN01"));  // skipped: no value, drawn grey
  ASSERT_TRUE((*src)->values(et::app::OverlayMode::kHeadloss, 7.5 * 3600, d));
  EXPECT_GT(d.link_values["water/W-P005"], 0.0);
  EXPECT_FALSE((*src)->values(et::app::OverlayMode::kLive, 0, d));
  // Water leaves the header W-PH01 into the estate along W-P005 (W-PH01 -> W-J01).
  auto v = (*src)->velocities(7.5 * 3600);
  ASSERT_TRUE(v.count("water/W-P005"));
  EXPECT_GT(v["water/W-P005"], 0.05);
  // Interpolated between report times, and the day repeats.
  auto a = (*src)->velocities(7.5 * 3600 + 450), b = (*src)->velocities(7.5 * 3600 + 450 + 86400);
  EXPECT_DOUBLE_EQ(a["water/W-P005"], b["water/W-P005"]);
}

TEST(SceneModelTables, RoughnessFallsWithAgeAndPatternHasMeanOne) {
  using et::sim::hazen_williams_c;
  EXPECT_EQ(hazen_williams_c("PE", 2008, 2026), 140.0);
  EXPECT_GT(hazen_williams_c("grey_cast_iron", 2010, 2026), hazen_williams_c("grey_cast_iron", 1984, 2026));
  EXPECT_GT(hazen_williams_c("galvanized_steel", 2000, 2026), hazen_williams_c("galvanized_steel", 1982, 2026));
  EXPECT_GE(hazen_williams_c("galvanized_steel", 1900, 2026), 60.0);
  const auto& p = et::sim::residential_pattern();
  ASSERT_EQ(p.size(), 24u);
  EXPECT_NEAR(std::accumulate(p.begin(), p.end(), 0.0) / 24.0, 1.0, 1e-9);
  EXPECT_EQ(std::max_element(p.begin(), p.end()) - p.begin(), 7);  // 07:00-08:00
}

TEST(SceneModelTables, SceneWithoutMunicipalConnectionHasNothingToSimulate) {
  auto scene = et::load_scene(std::string(ET_TEST_DATA) + "/tiny_net");
  ASSERT_TRUE(scene.ok()) << scene.error().message;
  EXPECT_FALSE(et::sim::build_water_model(*scene, {}).ok());
  auto src = et::app::SimScenarioSource::create(*scene);
  ASSERT_TRUE(src.ok());
  EXPECT_FALSE(*src);
}

}  // namespace
