// Muyanghu's 24 hours: the story generator's files load and bind to the generated estate,
// are deterministic, and the day raises the story's alarms at the story's hours.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "et/core/file_io.h"
#include "et/gen/estate.h"
#include "et/gen/live_story.h"
#include "et/live/live_state.h"
#include "et/live/replay.h"
#include "et/live/scene_live.h"
#include "et/scene/scene.h"
#include "live_overlay.h"

namespace et::live {
namespace {

namespace fs = std::filesystem;

}  // namespace

std::string make_scene(const std::string& name) {
  const std::string dir = (fs::temp_directory_path() / ("et-story-" + std::to_string(::getpid()) + "-" + name)).string();
  fs::remove_all(dir);
  EXPECT_TRUE(gen::generate_estate({}, dir).ok());
  Status s = gen::generate_live_story(dir);
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
  return dir;
}

namespace {

TEST(LiveStory, FilesLoadBindAndAreDeterministic) {
  const std::string a = make_scene("a"), b = make_scene("b");
  auto scene = load_scene(a);
  ASSERT_TRUE(scene.ok()) << scene.error().message;
  EXPECT_EQ(scene->sensors_file, "live/sensors.json");
  EXPECT_EQ(scene->name, "Muyanghu");  // the rest of scene.json is kept
  EXPECT_FALSE(scene->networks.empty());
  auto files = load_scene_live(*scene);
  ASSERT_TRUE(files.ok()) << files.error().message;
  EXPECT_GE(files->sensors.size(), 12u);
  std::map<SensorType, int> types;
  for (const Sensor& s : files->sensors.sensors) ++types[s.type];
  EXPECT_EQ(types.size(), size_t(SensorType::kCount)) << "every sensor type is in the story";
  for (const char* f : {"/live/day.jsonl", "/live/sensors.json", "/live/alarms.json", "/scene.json"})
    EXPECT_EQ(*read_text_file(a + f), *read_text_file(b + f)) << f;
  fs::remove_all(b);
}

TEST(LiveStory, DayRaisesTheStoryAlarmsAtTheirHours) {
  const std::string dir = make_scene("day");
  auto scene = load_scene(dir);
  ASSERT_TRUE(scene.ok());
  auto files = load_scene_live(*scene);
  ASSERT_TRUE(files.ok());
  LiveState state(files->sensors, files->rules);
  auto st = replay_file(files->log_path, 1e9, [&](const RawReading& r) { state.push(r); },
                        [&](Reject w) { state.reject(w); });
  ASSERT_TRUE(st.ok());
  state.settle();
  EXPECT_EQ(state.counters().rejected_total(), 0u);
  EXPECT_EQ(state.counters().accepted, files->sensors.size() * 1440 - 25);  // the detector's gap
  std::map<std::string, double> first;  // rule id -> first raised
  for (const AlarmEvent& e : state.alarms().events())
    first.emplace(state.rules().rules[size_t(e.rule)].id, e.t);
  auto hour = [&](const std::string& rule) { return first.count(rule) ? int(first[rule] / 3600) : -1; };
  EXPECT_EQ(hour("leak-branch-low-pressure"), 1);  // 01:5x, the leak opens at 01:50
  EXPECT_EQ(hour("night-flow-leak"), 4);           // the 02:00-04:00 minimum, known at 04:00
  EXPECT_EQ(hour("top-floor-low-pressure"), 7);
  EXPECT_EQ(hour("manhole-surcharge-S-D01"), 16);
  EXPECT_EQ(hour("transformer-overload"), 19);
  EXPECT_EQ(hour("stale-data"), 13);  // the gas leak detector's battery swap
  for (const char* quiet : {"outlet-pressure-low", "tank-low", "turbidity-high", "chlorine-low", "gas-leak",
                            "gas-pressure-low", "reference-pressure-low", "cable-hot", "manhole-surcharge-S-D02"})
    EXPECT_EQ(first.count(quiet), 0u) << quiet;
  fs::remove_all(dir);
}

}  // namespace
}  // namespace et::live

namespace et::app {
namespace {

namespace fs = std::filesystem;

// The overlay values a render at 07:30 shows: the top floor in alarm, on its node and on
// the pipes into it; staleness in seconds; nothing before the log starts.
TEST(LiveStory, OverlayValuesAtATime) {
  const std::string dir = live::make_scene("overlay");
  auto scene = load_scene(dir);
  ASSERT_TRUE(scene.ok());
  auto src = LiveOverlaySource::load(*scene);
  ASSERT_TRUE(src.ok()) << src.error().message;
  const live::SensorSet& ss = src->files().sensors;
  const live::Sensor& top = ss.sensors[size_t(ss.find("S-P02"))];
  const std::string key = value_key(top.utility, top.element);
  LiveValues a = src->values_at("alarm", 7.5 * 3600);
  EXPECT_DOUBLE_EQ(a.node_values.at(key), 2.0);
  int spilled = 0;
  const Network& water = scene->networks[0];
  const int node = water.find_node(top.element);
  for (const NetLink& l : water.links) {
    if (l.from != node && l.to != node) continue;
    EXPECT_DOUBLE_EQ(a.link_values.at(value_key(Utility::kWater, l.id)), 2.0) << l.id;
    ++spilled;
  }
  EXPECT_GE(spilled, 1);
  EXPECT_DOUBLE_EQ(src->values_at("alarm", 6.0 * 3600).node_values.at(key), 0.0);
  LiveValues live = src->values_at("live", 7.5 * 3600 + 30);
  EXPECT_NEAR(live.node_values.at(key), 0.08, 0.01);
  EXPECT_EQ(live.unit, "sensor units");  // MPa, m3/h, ... on one map
  EXPECT_DOUBLE_EQ(src->values_at("staleness", 7.5 * 3600 + 30).node_values.at(key), 30.0);
  auto once = live_values_at(*scene, "alarm", 7.5 * 3600);
  ASSERT_TRUE(once.ok());
  EXPECT_EQ(once->node_values, a.node_values);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace et::app
