// Replay feed and reading checks: malformed lines counted and skipped, unknown sensors,
// bad values, out-of-order and stale timestamps; the sensors file; scene.json's live keys;
// the timeline the overlays read.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <limits>

#include "et/live/live_state.h"
#include "et/live/replay.h"
#include "et/live/timeline.h"
#include "et/scene/scene.h"
#include "live_test_util.h"

namespace et::live {
namespace {

namespace fs = std::filesystem;
constexpr double kForever = std::numeric_limits<double>::infinity();

std::string temp_file(const std::string& name, const std::string& text) {
  const fs::path p = fs::temp_directory_path() / ("et-live-" + std::to_string(::getpid()) + "-" + name);
  std::ofstream(p, std::ios::binary) << text;
  return p.string();
}

Counters replay(LiveState& s, const std::string& path, double until = kForever, ReplayStats* out = nullptr) {
  auto stats = replay_file(path, until, [&](const RawReading& r) { s.push(r); }, [&](Reject w) { s.reject(w); });
  EXPECT_TRUE(stats.ok());
  if (out && stats.ok()) *out = *stats;
  return s.counters();
}

TEST(LiveReplay, ParsesLinesAndCountsEveryReason) {
  const std::string log =
      "# a comment, then a blank line\n\n"
      "{\"t\": 0, \"sensor\": \"S-1\", \"value\": 0.30}\n"
      "{\"t\": \"00:01:00\", \"sensor\": \"S-1\", \"value\": 0.31}\r\n"  // CRLF and HH:MM:SS
      "this is not json\n"                                             // malformed
      "{\"t\": 120, \"value\": 0.3}\n"                                 // malformed: no sensor
      "{\"t\": 120, \"sensor\": \"S-1\"}\n"                            // malformed: no value
      "{\"t\": 120, \"sensor\": \"S-9\", \"value\": 0.3}\n"            // unknown_sensor
      "{\"t\": \"noon\", \"sensor\": \"S-1\", \"value\": 0.3}\n"       // bad_time
      "{\"t\": 120, \"sensor\": \"S-1\", \"value\": \"NaN\"}\n"        // not_a_number
      "{\"t\": 120, \"sensor\": \"S-1\", \"value\": 7.5}\n"            // out_of_range (MPa)
      "{\"t\": 180, \"sensor\": \"S-1\", \"value\": 0.32}\n"
      "{\"t\": 150, \"sensor\": \"S-1\", \"value\": 0.32}\n"           // out_of_order
      "{\"t\": 180, \"sensor\": \"S-1\", \"value\": 0.32}\n"           // duplicate
      "{\"t\": 9000, \"sensor\": \"S-2\", \"value\": 0.3}\n"
      "{\"t\": 60, \"sensor\": \"S-3\", \"value\": 0.3}\n"             // stale: > 1 h behind the clock
      "{\"t\": 9060, \"sensor\": \"S-2\", \"value\": 0.3}\n";
  LiveState s(test::numbered_sensors(3), AlarmRuleSet{});
  ReplayStats st;
  Counters c = replay(s, temp_file("reasons.jsonl", log), kForever, &st);
  EXPECT_EQ(st.lines, 15u);
  EXPECT_NE(st.first_malformed.find("reasons.jsonl:5: malformed"), std::string::npos) << st.first_malformed;
  EXPECT_EQ(c.accepted, 5u);
  EXPECT_EQ(c.rejected[size_t(Reject::kMalformed)], 3u);
  EXPECT_EQ(c.rejected[size_t(Reject::kUnknownSensor)], 1u);
  EXPECT_EQ(c.rejected[size_t(Reject::kBadTime)], 1u);
  EXPECT_EQ(c.rejected[size_t(Reject::kNotANumber)], 1u);
  EXPECT_EQ(c.rejected[size_t(Reject::kOutOfRange)], 1u);
  EXPECT_EQ(c.rejected[size_t(Reject::kOutOfOrder)], 1u);
  EXPECT_EQ(c.rejected[size_t(Reject::kDuplicate)], 1u);
  EXPECT_EQ(c.rejected[size_t(Reject::kStale)], 1u);
  EXPECT_DOUBLE_EQ(s.history(0).latest().value, 0.32);
  EXPECT_EQ(s.history(2).size(), 0u);
}

TEST(LiveReplay, UntilStopsFeedingAndMissingFileIsAnError) {
  std::string log;
  for (int m = 0; m < 10; ++m) log += "{\"t\": " + std::to_string(m * 60) + ", \"sensor\": \"S-1\", \"value\": 0.3}\n";
  LiveState s(test::numbered_sensors(1), AlarmRuleSet{});
  ReplayStats st;
  EXPECT_EQ(replay(s, temp_file("until.jsonl", log), 240.0, &st).accepted, 5u);
  EXPECT_EQ(st.after_until, 5u);
  auto missing = replay_file("/nonexistent/day.jsonl", kForever, [](const RawReading&) {}, [](Reject) {});
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().message.rfind("/nonexistent/day.jsonl: ", 0), 0u) << missing.error().message;
}

TEST(LiveReplay, ParseReadingLine) {
  RawReading r;
  EXPECT_EQ(parse_reading_line(R"({"t": "07:30", "sensor": "S-P01", "value": 23.4})", r), Reject::kCount);
  EXPECT_DOUBLE_EQ(r.t, 27000.0);
  EXPECT_EQ(r.sensor, "S-P01");
  EXPECT_EQ(parse_reading_line(R"({"t": -1, "sensor": "S", "value": 1})", r), Reject::kBadTime);
  EXPECT_EQ(parse_reading_line(R"({"t": 1e12, "sensor": "S", "value": 1})", r), Reject::kBadTime);
  EXPECT_EQ(parse_reading_line(R"({"t": 1, "sensor": "S", "value": null})", r), Reject::kNotANumber);
  EXPECT_EQ(parse_reading_line(R"({"t": 1, "sensor": "S", "value": NaN})", r), Reject::kMalformed);
  EXPECT_EQ(parse_reading_line(R"({"t": 1, "sensor": 5, "value": 1})", r), Reject::kMalformed);
  EXPECT_EQ(parse_reading_line("", r), Reject::kMalformed);
  // The flat fast path and the full parser agree: other orders, escapes, extra members.
  EXPECT_EQ(parse_reading_line(R"({"value":1.5e-1,"sensor":"S-2","t":5})", r), Reject::kCount);
  EXPECT_EQ(r.sensor, "S-2");
  EXPECT_DOUBLE_EQ(r.value, 0.15);
  EXPECT_EQ(parse_reading_line(R"({"t": 1, "sensor": "SA", "value": 1})", r), Reject::kCount);
  EXPECT_EQ(r.sensor, "SA");
  EXPECT_EQ(parse_reading_line(R"({"t": 1, "sensor": "S", "value": 2, "unit": "MPa"})", r), Reject::kCount);
  for (const char* bad : {R"({"t": 1, "sensor": "S", "value": 1.})", R"({"t": 1, "sensor": "S", "value": 01})",
                          R"({"t": 1, "sensor": "S", "value": +1})", R"({"t": 1, "sensor": "S", "value": 2} x)",
                          R"({"t": 1, "sensor": "S", "value": 1e999})", "{\"t\": 1, \"sensor\": \"\xff\", \"value\": 1}"})
    EXPECT_EQ(parse_reading_line(bad, r), Reject::kMalformed) << bad;
  EXPECT_EQ(parse_reading_line(std::string(3, '\0'), r), Reject::kMalformed);
}

TEST(LiveReplay, SensorsFileErrors) {
  auto err = [](const std::string& sensors) {
    auto r = parse_sensors(R"({"format": "estatetwin-sensors/1", "sensors": )" + sensors + "}", "s.json");
    return r.ok() ? std::string() : r.error().message;
  };
  EXPECT_EQ(err(R"([{"id": "A", "type": "water_pressure", "utility": "water", "element": "W"}])"), "");
  EXPECT_NE(err(R"([{"id": "A", "type": "wind", "utility": "water", "element": "W"}])")
                .find("s.json: /sensors/0/type: unknown sensor type 'wind'"), std::string::npos);
  EXPECT_EQ(err(R"([{"id": "A", "type": "water_pressure", "utility": "water", "element": "W", "unit": "bar"}])"),
            "s.json: /sensors/0/unit: expected \"MPa\" for a water_pressure sensor, got \"bar\"");
  EXPECT_EQ(err(R"([{"id": "A", "type": "gas_leak", "utility": "gas", "element": "G"},
                    {"id": "A", "type": "gas_leak", "utility": "gas", "element": "G"}])"),
            "s.json: /sensors/1/id: duplicate sensor id 'A'");
  EXPECT_EQ(err(R"([{"id": "A", "type": "gas_leak", "utility": "gas"}])"),
            "s.json: /sensors/0/element: missing required field");
}

TEST(LiveReplay, BindsToSceneElementsAndManifestKeys) {
  auto scene = parse_manifest(R"({"format": "estatetwin-scene/1", "name": "t",
      "georeference": {"lon": 1, "lat": 2, "height": 3}, "ground": {}, "models": {}, "buildings": [],
      "bookmarks": [], "sensors": "live/s.json", "alarm_rules": "live/a.json", "live_log": "live/d.jsonl"})",
                              "x/scene.json");
  ASSERT_TRUE(scene.ok()) << scene.error().message;
  EXPECT_EQ(scene->sensors_file, "live/s.json");
  EXPECT_EQ(scene->alarm_rules_file, "live/a.json");
  EXPECT_EQ(scene->live_log_file, "live/d.jsonl");
  Network net;
  net.utility = Utility::kWater;
  net.nodes.push_back({.id = "W-J1"});
  net.links.push_back({.id = "W-P1"});
  scene->networks.push_back(net);
  SensorSet ss = test::sensors_from(R"({"format": "estatetwin-sensors/1", "sensors": [
      {"id": "A", "type": "water_pressure", "utility": "water", "element": "W-J1"},
      {"id": "B", "type": "water_flow", "utility": "water", "element": "W-P1"}]})");
  ASSERT_TRUE(bind_sensors(ss, *scene).ok());
  EXPECT_FALSE(ss.sensors[0].element_is_link);
  EXPECT_TRUE(ss.sensors[1].element_is_link);
  ss.sensors[1].utility = Utility::kGas;
  auto bad = bind_sensors(ss, *scene);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "sensors.json: /sensors/1/element: sensor 'B': no node or link 'W-P1' in the scene's gas network");
}

TEST(LiveReplay, TimelineAnswersAnyTime) {
  SensorSet ss = test::numbered_sensors(2);
  AlarmRuleSet rules = test::rules_from(R"([{"id": "low", "rule": "below", "sensor": "S-1", "limit": 0.1},
                                            {"id": "stale", "rule": "stale", "sensor_type": "*", "limit": 300}])", ss);
  std::string log;
  for (int m = 0; m <= 60; ++m) {
    log += "{\"t\": " + std::to_string(m * 60) + ", \"sensor\": \"S-1\", \"value\": " + (m >= 30 && m < 40 ? "0.05" : "0.3") + "}\n";
    if (m < 10) log += "{\"t\": " + std::to_string(m * 60) + ", \"sensor\": \"S-2\", \"value\": 0.3}\n";
  }
  auto tl = Timeline::build(ss, rules, temp_file("timeline.jsonl", log));
  ASSERT_TRUE(tl.ok()) << tl.error().message;
  EXPECT_EQ(tl->at(0, 29 * 60).level, Level::kNormal);
  EXPECT_EQ(tl->at(0, 35 * 60).level, Level::kAlarm);
  EXPECT_DOUBLE_EQ(tl->at(0, 35 * 60 + 30).value, 0.05);
  EXPECT_DOUBLE_EQ(tl->at(0, 35 * 60 + 30).age_s, 30.0);
  EXPECT_EQ(tl->at(0, 45 * 60).level, Level::kNormal);
  // S-2 stopped after 00:09: stale from 00:14 (last reading + 300 s).
  EXPECT_EQ(tl->at(1, 13 * 60).level, Level::kNormal);
  EXPECT_EQ(tl->at(1, 15 * 60).level, Level::kAlarm);
  EXPECT_DOUBLE_EQ(tl->at(1, 20 * 60).age_s, 11 * 60.0);
  EXPECT_FALSE(tl->at(1, -5).in_range);
}

}  // namespace
}  // namespace et::live
