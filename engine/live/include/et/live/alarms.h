// Evaluates alarm rules on accepted readings and on the passing of time. Alarms are edge
// triggered: an event is raised when a rule's condition starts to hold for a sensor, and
// the sensor's level stays up until the condition ends, so a leak is one alarm, not one
// per reading.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "et/live/alarm_rules.h"
#include "et/live/history.h"
#include "et/live/sensors.h"

namespace et::live {

struct AlarmEvent {
  double t = 0.0;  // when the condition began (stale: last reading + limit; night flow: window end)
  int sensor = -1;
  int rule = -1;
  double value = 0.0;  // the value that broke the limit (rate: per minute; stale: seconds)
  double limit = 0.0;
};

// A sensor's overall level changed (kept only when asked for: timelines need it).
struct LevelChange {
  int sensor = -1;
  double t = 0.0;
  Level level = Level::kNormal;
};

class AlarmEngine {
 public:
  AlarmEngine(const SensorSet& sensors, const AlarmRuleSet& rules);

  // After `series` (the sensor's history) took the reading (t, value).
  void on_reading(int sensor, double t, double value, const TimeSeries& series);
  // The clock reached `now`: stale data and night-flow windows that have closed.
  void advance(double now);

  Level level(int sensor) const { return level_[size_t(sensor)]; }
  const std::vector<AlarmEvent>& events() const { return events_; }
  std::uint64_t events_dropped() const { return events_dropped_; }
  void record_level_changes(bool on) { record_changes_ = on; }
  const std::vector<LevelChange>& level_changes() const { return changes_; }

  // Events beyond this many are counted, not kept: memory stays bounded whatever the feed.
  static constexpr std::size_t kMaxEvents = 1'000'000;

 private:
  struct Binding {
    int rule = -1;
    int sensor = -1;
    bool active = false;
    // night_flow: the window being collected.
    std::int64_t day = -1;
    double night_min = 0.0;
    bool night_seen = false;
  };
  void set_active(Binding& b, bool active, double t, double value);
  void close_night(Binding& b, std::int64_t day);
  void update_level(int sensor, double t);

  const AlarmRuleSet& rules_;
  std::vector<Binding> bindings_;
  std::vector<std::vector<int>> by_sensor_;  // sensor -> bindings on readings
  std::vector<std::vector<int>> stale_by_sensor_;  // sensor -> its stale-data bindings
  std::vector<int> timed_;                   // bindings advance() looks at
  std::vector<double> last_t_;               // last reading per sensor (NaN: none yet)
  std::vector<Level> level_;
  std::vector<AlarmEvent> events_;
  std::uint64_t events_dropped_ = 0;
  std::vector<LevelChange> changes_;
  bool record_changes_ = false;
  double start_t_ = 0.0;
  bool started_ = false;
};

// The CSV `estatetwin live` writes: time_s,time,sensor,element,utility,rule,value,limit.
std::string alarms_csv(const std::vector<AlarmEvent>& events, const SensorSet& sensors,
                       const AlarmRuleSet& rules);
// Seconds -> "HH:MM:SS" (hours continue past 24 on later days).
std::string clock_string(double t);

}  // namespace et::live
