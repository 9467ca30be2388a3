// Alarm rules on hand-made readings: thresholds with deadband, rate of change, minimum
// night flow, stale data; levels; the rules file's errors; the CSV.
#include <gtest/gtest.h>

#include "et/live/live_state.h"
#include "live_test_util.h"

namespace et::live {
namespace {

using test::numbered_sensors;
using test::rules_from;

void feed(LiveState& s, const std::string& sensor, std::initializer_list<std::pair<double, double>> tv) {
  for (auto [t, v] : tv) ASSERT_EQ(s.push({sensor, t, v}), Reject::kCount) << sensor << " t=" << t;
}

TEST(LiveAlarms, AboveWithDeadbandIsOneAlarmPerEpisode) {
  SensorSet ss = numbered_sensors(1, "transformer_load");
  LiveState s(ss, rules_from(R"([{"id": "hot", "rule": "above", "sensor": "S-1", "limit": 100, "deadband": 5}])", ss));
  feed(s, "S-1", {{0, 90}, {60, 101}, {120, 99}, {180, 102}, {240, 94}, {300, 101}});
  const auto& ev = s.alarms().events();
  ASSERT_EQ(ev.size(), 2u);  // 99 and 102 stay within the deadband; 94 clears it
  EXPECT_DOUBLE_EQ(ev[0].t, 60.0);
  EXPECT_DOUBLE_EQ(ev[0].value, 101.0);
  EXPECT_DOUBLE_EQ(ev[0].limit, 100.0);
  EXPECT_DOUBLE_EQ(ev[1].t, 300.0);
  EXPECT_EQ(s.level(0), Level::kAlarm);
}

TEST(LiveAlarms, BelowAndLevels) {
  SensorSet ss = numbered_sensors(1);
  LiveState s(ss, rules_from(R"([{"id": "w", "rule": "below", "sensor": "S-1", "limit": 0.12, "level": "warning"},
                                  {"id": "a", "rule": "below", "sensor": "S-1", "limit": 0.10}])", ss));
  feed(s, "S-1", {{0, 0.2}});
  EXPECT_EQ(s.level(0), Level::kNormal);
  feed(s, "S-1", {{60, 0.11}});
  EXPECT_EQ(s.level(0), Level::kWarning);
  feed(s, "S-1", {{120, 0.05}});
  EXPECT_EQ(s.level(0), Level::kAlarm);
  feed(s, "S-1", {{180, 0.3}});
  EXPECT_EQ(s.level(0), Level::kNormal);
  EXPECT_EQ(s.alarms().events().size(), 2u);
}

TEST(LiveAlarms, RateOfChangePerMinute) {
  SensorSet ss = numbered_sensors(1);
  LiveState s(ss, rules_from(R"([{"id": "drop", "rule": "rate", "sensor": "S-1", "limit": 0.02,
                                   "direction": "fall", "window_s": 60}])", ss));
  // Slow fall (0.01/min), then 0.05 in one minute, then a fast rise (ignored: fall only).
  feed(s, "S-1", {{0, 0.40}, {60, 0.39}, {120, 0.38}, {180, 0.33}, {240, 0.33}, {300, 0.45}});
  const auto& ev = s.alarms().events();
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_DOUBLE_EQ(ev[0].t, 180.0);
  EXPECT_NEAR(ev[0].value, -0.05, 1e-9);
  EXPECT_EQ(s.level(0), Level::kNormal);  // cleared once the fall stopped
}

TEST(LiveAlarms, NightFlowMinimumRaisedAtWindowEnd) {
  SensorSet ss = numbered_sensors(1, "water_flow");
  LiveState s(ss, rules_from(R"([{"id": "leak", "rule": "night_flow", "sensor": "S-1", "limit": 5,
                                   "from": "02:00", "to": "04:00"}])", ss));
  // Day 0: night minimum 2.5 (no alarm). Day 1: the minimum rises to 6.
  for (int m = 0; m < 2 * 24 * 60; m += 10) {
    const bool night = (m % 1440) >= 120 && (m % 1440) < 240;
    const double v = night ? (m < 1440 ? 2.5 : 6.0) : 12.0;
    ASSERT_EQ(s.push({"S-1", m * 60.0, v}), Reject::kCount);
  }
  const auto& ev = s.alarms().events();
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_DOUBLE_EQ(ev[0].t, 86400.0 + 4 * 3600.0);
  EXPECT_DOUBLE_EQ(ev[0].value, 6.0);
}

TEST(LiveAlarms, StaleDataFromTheClockAndClearedByAReading) {
  SensorSet ss = numbered_sensors(2);
  LiveState s(ss, rules_from(R"([{"id": "stale", "rule": "stale", "sensor_type": "*", "limit": 300}])", ss));
  feed(s, "S-2", {{0, 0.3}});
  for (int m = 0; m <= 20; ++m) ASSERT_EQ(s.push({"S-1", m * 60.0, 0.3}), Reject::kCount);
  // S-2 went quiet at t = 0: stale from t = 300, found when the clock passed it.
  const auto& ev = s.alarms().events();
  ASSERT_EQ(ev.size(), 1u);
  EXPECT_EQ(ev[0].sensor, 1);
  EXPECT_DOUBLE_EQ(ev[0].t, 300.0);
  EXPECT_EQ(s.level(1), Level::kAlarm);
  feed(s, "S-2", {{1300, 0.3}});
  EXPECT_EQ(s.level(1), Level::kNormal);
}

TEST(LiveAlarms, RuleFileErrorsNameThePlace) {
  SensorSet ss = numbered_sensors(1);
  auto bad = [&](const std::string& rules) {
    auto r = parse_alarm_rules("{\"format\": \"estatetwin-alarms/1\", \"rules\": " + rules + "}", "a.json", ss);
    return r.ok() ? std::string() : r.error().message;
  };
  EXPECT_EQ(bad(R"([{"id": "x", "rule": "sideways", "limit": 1}])"),
            "a.json: /rules/0/rule: unknown rule 'sideways' (have: above, below, rate, night_flow, stale)");
  EXPECT_EQ(bad(R"([{"id": "x", "rule": "above", "sensor": "S-9", "limit": 1}])"),
            "a.json: /rules/0/sensor: unknown sensor 'S-9'");
  EXPECT_EQ(bad(R"([{"id": "x", "rule": "above"}])"), "a.json: /rules/0/limit: missing required field");
  EXPECT_EQ(bad(R"([{"id": "x", "rule": "night_flow", "limit": 1, "from": "04:00", "to": "02:00"}])"),
            "a.json: /rules/0/to: expected \"to\" after \"from\" (same day)");
  EXPECT_EQ(bad(R"([{"id": "x", "rule": "stale", "limit": 1}, {"id": "x", "rule": "stale", "limit": 2}])"),
            "a.json: /rules/1/id: duplicate rule id 'x'");
  EXPECT_NE(bad("[{]").find("a.json: line 1"), std::string::npos);
}

TEST(LiveAlarms, CsvColumns) {
  SensorSet ss = numbered_sensors(1);
  LiveState s(ss, rules_from(R"([{"id": "low", "rule": "below", "sensor": "S-1", "limit": 0.1}])", ss));
  feed(s, "S-1", {{7 * 3600 + 5 * 60, 0.08}});
  EXPECT_EQ(alarms_csv(s.alarms().events(), s.sensors(), s.rules()),
            "time_s,time,sensor,element,utility,rule,value,limit\n"
            "25500.000,07:05:00,S-1,W-1,water,low,0.08,0.1\n");
  EXPECT_EQ(clock_string(86400.0 + 61.0), "24:01:01");
}

}  // namespace
}  // namespace et::live
