// The live state of an estate: its sensors, a bounded history per sensor, the alarm rules'
// state and counters of what was accepted and rejected. One owner (the main thread) feeds
// it; feeds that run on other threads hand readings over through a BoundedQueue.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "et/live/alarm_rules.h"
#include "et/live/alarms.h"
#include "et/live/history.h"
#include "et/live/readings.h"
#include "et/live/sensors.h"

namespace et::live {

struct LiveOptions {
  HistoryConfig history;
  // A reading older than the clock (the latest accepted time of any sensor) by more than
  // this is stale: a device dumping yesterday's buffer must not rewrite today's picture.
  double max_lag_s = 3600.0;
  // Stale-data rules are checked when the clock has moved at least this far (cheap floods).
  double advance_step_s = 1.0;
};

class LiveState {
 public:
  LiveState(SensorSet sensors, AlarmRuleSet rules, const LiveOptions& options = {});
  LiveState(const LiveState&) = delete;
  LiveState& operator=(const LiveState&) = delete;

  // Checks and takes one reading; returns Reject::kCount when accepted, else the reason
  // (already counted).
  Reject push(const RawReading& r);
  // Counts `n` readings rejected before they got here (parse errors, a full queue).
  void reject(Reject reason, std::uint64_t n = 1);
  // Moves the clock to `now` (if later) and runs the time-based rules.
  void advance(double now);
  // Runs the time-based rules at the current clock now, whatever the step (end of a feed).
  void settle();

  double clock() const { return clock_; }  // NaN until the first reading
  const Counters& counters() const { return counters_; }
  const SensorSet& sensors() const { return sensors_; }
  const AlarmRuleSet& rules() const { return rules_; }
  const TimeSeries& history(int sensor) const { return series_[size_t(sensor)]; }
  Level level(int sensor) const { return alarms_->level(sensor); }
  AlarmEngine& alarms() { return *alarms_; }
  const AlarmEngine& alarms() const { return *alarms_; }
  std::size_t memory_bytes() const;  // histories; fixed at construction

 private:
  SensorSet sensors_;
  AlarmRuleSet rules_;
  LiveOptions options_;
  std::vector<TimeSeries> series_;
  std::unique_ptr<AlarmEngine> alarms_;  // holds references into rules_
  Counters counters_;
  double clock_;
  double last_advance_;
};

}  // namespace et::live
