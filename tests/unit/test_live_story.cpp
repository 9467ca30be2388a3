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

namespace et::live {
namespace {

namespace fs = std::filesystem;

std::string make_scene(const std::string& name) {
  const std::string dir = (fs::temp_directory_path() / ("et-story-" + std::to_string(::getpid()) + "-" + name)).string();
  fs::remove_all(dir);
  EXPECT_TRUE(gen::generate_estate({}, dir).ok());
  Status s = gen::generate_live_story(dir);
  EXPECT_TRUE(s.ok()) << (s.ok() ? "" : s.error().message);
  return dir;
}

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
