// The alarms file (format estatetwin-alarms/1).
#include "et/live/alarm_rules.h"

#include <iterator>
#include <set>

#include "et/core/file_io.h"
#include "json_util.h"

namespace et::live {
namespace {

using detail::fail_at;
using detail::json;

constexpr const char* kKindNames[] = {"above", "below", "rate", "night_flow", "stale"};
static_assert(std::size(kKindNames) == size_t(RuleKind::kCount));

double clock_at(const json& j, const char* key, const std::string& file, const std::string& ptr) {
  double s = 0.0;
  if (!j[key].is_string() || !detail::parse_clock_text(j[key].get<std::string>(), s) || s > 24 * 3600.0)
    fail_at(file, ptr + "/" + key, "expected a time of day \"HH:MM\"");
  return s;
}

AlarmRule read_rule(const json& j, const std::string& file, const std::string& ptr,
                    const SensorSet& sensors) {
  AlarmRule r;
  r.id = detail::str_at(j, "id", file, ptr);
  std::string kind = detail::str_at(j, "rule", file, ptr);
  r.kind = rule_kind_from_name(kind);
  if (r.kind == RuleKind::kCount)
    fail_at(file, ptr + "/rule", "unknown rule '" + kind + "' (have: above, below, rate, night_flow, stale)");
  if (j.contains("level")) {
    std::string level = detail::str_at(j, "level", file, ptr);
    if (level == "warning") r.level = Level::kWarning;
    else if (level == "alarm") r.level = Level::kAlarm;
    else fail_at(file, ptr + "/level", "expected \"warning\" or \"alarm\"");
  }
  if (j.contains("sensor")) {
    r.sensor = detail::str_at(j, "sensor", file, ptr);
    if (sensors.find(r.sensor) < 0) fail_at(file, ptr + "/sensor", "unknown sensor '" + r.sensor + "'");
  } else if (j.contains("sensor_type")) {
    std::string type = detail::str_at(j, "sensor_type", file, ptr);
    r.sensor_type = sensor_type_from_name(type);
    if (r.sensor_type == SensorType::kCount && type != "*")
      fail_at(file, ptr + "/sensor_type", "unknown sensor type '" + type + "' (have: * or " + sensor_type_names() + ")");
  }
  r.limit = detail::num_at(j, "limit", file, ptr);
  if (j.contains("deadband")) {
    r.deadband = detail::num_at(j, "deadband", file, ptr);
    if (r.deadband < 0.0) fail_at(file, ptr + "/deadband", "expected a number >= 0");
  }
  if (r.kind == RuleKind::kStale && r.limit <= 0.0)
    fail_at(file, ptr + "/limit", "expected seconds > 0");
  if (r.kind == RuleKind::kRate) {
    if (r.limit <= 0.0) fail_at(file, ptr + "/limit", "expected a change per minute > 0");
    if (j.contains("window_s")) {
      r.window_s = detail::num_at(j, "window_s", file, ptr);
      if (r.window_s <= 0.0) fail_at(file, ptr + "/window_s", "expected seconds > 0");
    }
    if (j.contains("direction")) {
      std::string d = detail::str_at(j, "direction", file, ptr);
      if (d == "rise") r.direction = 1;
      else if (d == "fall") r.direction = -1;
      else if (d == "both") r.direction = 0;
      else fail_at(file, ptr + "/direction", "expected \"rise\", \"fall\" or \"both\"");
    }
  }
  if (r.kind == RuleKind::kNightFlow) {
    if (j.contains("from")) r.from_s = clock_at(j, "from", file, ptr);
    if (j.contains("to")) r.to_s = clock_at(j, "to", file, ptr);
    if (r.to_s <= r.from_s) fail_at(file, ptr + "/to", "expected \"to\" after \"from\" (same day)");
  }
  return r;
}

}  // namespace

const char* level_name(Level l) {
  return l == Level::kAlarm ? "alarm" : l == Level::kWarning ? "warning" : "normal";
}

const char* rule_kind_name(RuleKind k) {
  return size_t(k) < std::size(kKindNames) ? kKindNames[size_t(k)] : "unknown";
}

RuleKind rule_kind_from_name(const std::string& n) {
  for (size_t i = 0; i < std::size(kKindNames); ++i)
    if (n == kKindNames[i]) return RuleKind(i);
  return RuleKind::kCount;
}

Result<AlarmRuleSet> parse_alarm_rules(const std::string& text, const std::string& file,
                                       const SensorSet& sensors) {
  auto root = detail::parse_json_text(text, file);
  if (!root) return root.error();
  AlarmRuleSet set;
  set.file = file;
  try {
    std::string format = detail::str_at(*root, "format", file, "");
    if (format != "estatetwin-alarms/1")
      fail_at(file, "/format", "expected \"estatetwin-alarms/1\", got \"" + format + "\"");
    const json& list = detail::member(*root, "rules", file, "");
    if (!list.is_array()) fail_at(file, "/rules", "expected an array");
    std::set<std::string> ids;
    for (size_t i = 0; i < list.size(); ++i) {
      std::string ptr = "/rules/" + std::to_string(i);
      AlarmRule r = read_rule(list[i], file, ptr, sensors);
      if (!ids.insert(r.id).second) fail_at(file, ptr + "/id", "duplicate rule id '" + r.id + "'");
      set.rules.push_back(std::move(r));
    }
  } catch (const detail::JsonFailure& f) {
    return f.error;
  }
  return set;
}

Result<AlarmRuleSet> load_alarm_rules(const std::string& path, const SensorSet& sensors) {
  auto text = read_text_file(path);
  if (!text) return text.error();
  return parse_alarm_rules(*text, path, sensors);
}

}  // namespace et::live
