// A whole replay log digested once for overlays at any scenario time: per sensor, its
// accepted readings and the times its alarm level changed. Querying time T is then a
// binary search per sensor, so scrubbing the clock in the window costs little per frame.
// (A timeline holds the whole log: it is for recorded days, not for an endless feed.)
#pragma once

#include <vector>

#include "et/core/error.h"
#include "et/live/alarm_rules.h"
#include "et/live/live_state.h"
#include "et/live/replay.h"
#include "et/live/sensors.h"

namespace et::live {

struct SensorAt {
  bool has_value = false;
  double value = 0.0;      // latest reading at or before T
  double age_s = 0.0;      // T - time of that reading (T - log start when none yet)
  Level level = Level::kNormal;
  bool in_range = false;   // T is not before the log's first reading
};

class Timeline {
 public:
  // Replays `log_path` through a LiveState built from these sensors and rules.
  static Result<Timeline> build(const SensorSet& sensors, const AlarmRuleSet& rules,
                                const std::string& log_path);

  SensorAt at(int sensor, double t) const;
  std::size_t sensors() const { return samples_.size(); }
  std::size_t readings() const { return readings_; }
  const Counters& counters() const { return counters_; }
  double start() const { return start_; }

 private:
  struct LevelAt {
    double t;
    Level level;
  };
  std::vector<std::vector<Sample>> samples_;
  std::vector<std::vector<LevelAt>> levels_;
  std::size_t readings_ = 0;
  Counters counters_;
  double start_ = 0.0;
};

}  // namespace et::live
