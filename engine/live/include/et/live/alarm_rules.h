// Alarm rules as data (the scene's alarms file, format estatetwin-alarms/1; README "Live
// data"): thresholds, rate of change, minimum night flow, stale data. Utilities tune their
// own limits per sensor without a rebuild.
#pragma once

#include <string>
#include <vector>

#include "et/core/error.h"
#include "et/live/sensors.h"

namespace et::live {

enum class Level { kNormal = 0, kWarning = 1, kAlarm = 2 };
const char* level_name(Level l);

enum class RuleKind { kAbove, kBelow, kRate, kNightFlow, kStale, kCount };
const char* rule_kind_name(RuleKind k);
RuleKind rule_kind_from_name(const std::string& n);  // kCount when unknown

struct AlarmRule {
  std::string id;
  RuleKind kind = RuleKind::kAbove;
  Level level = Level::kAlarm;
  // Which sensors: one id, or (when empty) every sensor of `sensor_type` (kCount: all).
  std::string sensor;
  SensorType sensor_type = SensorType::kCount;
  // above/below: the value; rate: change per minute; night_flow: the minimum flow;
  // stale: seconds without a reading.
  double limit = 0.0;
  // above/below: a raised alarm clears only once the value is back by this much, so a value
  // hovering at the limit does not raise an alarm every reading.
  double deadband = 0.0;
  double window_s = 60.0;  // rate: change measured over this span
  int direction = 0;       // rate: +1 rises only, -1 falls only, 0 both
  double from_s = 2 * 3600.0, to_s = 4 * 3600.0;  // night_flow window within each day
};

struct AlarmRuleSet {
  std::string file;
  std::vector<AlarmRule> rules;
};

// Rules naming a sensor must name one of `sensors`. Errors name the file and JSON pointer.
Result<AlarmRuleSet> parse_alarm_rules(const std::string& text, const std::string& file,
                                       const SensorSet& sensors);
Result<AlarmRuleSet> load_alarm_rules(const std::string& path, const SensorSet& sensors);

}  // namespace et::live
