// Timeline: one replay through the same LiveState the live verb uses, so the overlay at
// time T shows exactly the alarms `estatetwin live` raises up to T.
#include "et/live/timeline.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace et::live {

Result<Timeline> Timeline::build(const SensorSet& sensors, const AlarmRuleSet& rules,
                                 const std::string& log_path) {
  Timeline tl;
  tl.samples_.resize(sensors.size());
  tl.levels_.resize(sensors.size());
  LiveState state(sensors, rules);
  state.alarms().record_level_changes(true);
  auto stats = replay_file(
      log_path, std::numeric_limits<double>::infinity(),
      [&](const RawReading& r) {
        if (state.push(r) != Reject::kCount) return;
        tl.samples_[size_t(state.sensors().find(r.sensor))].push_back({r.t, r.value});
      },
      [&](Reject why) { state.reject(why); });
  if (!stats) return stats.error();
  state.settle();
  for (const LevelChange& c : state.alarms().level_changes())
    tl.levels_[size_t(c.sensor)].push_back({c.t, c.level});
  // Stale and night-flow changes are stamped when they began, which can precede changes
  // already recorded for the sensor: order each sensor's list by time.
  for (auto& l : tl.levels_)
    std::stable_sort(l.begin(), l.end(), [](const LevelAt& a, const LevelAt& b) { return a.t < b.t; });
  tl.counters_ = state.counters();
  tl.readings_ = size_t(state.counters().accepted);
  double first = std::numeric_limits<double>::infinity();
  for (const auto& s : tl.samples_)
    if (!s.empty()) first = std::min(first, s.front().t);
  tl.start_ = std::isfinite(first) ? first : 0.0;
  return tl;
}

SensorAt Timeline::at(int sensor, double t) const {
  SensorAt out;
  out.in_range = t >= start_ && readings_ > 0;
  const auto& s = samples_[size_t(sensor)];
  auto it = std::upper_bound(s.begin(), s.end(), t, [](double v, const Sample& x) { return v < x.t; });
  if (it != s.begin()) {
    --it;
    out.has_value = true;
    out.value = it->value;
    out.age_s = t - it->t;
  } else {
    out.age_s = t - start_;
  }
  const auto& l = levels_[size_t(sensor)];
  auto lt = std::upper_bound(l.begin(), l.end(), t, [](double v, const LevelAt& x) { return v < x.t; });
  if (lt != l.begin()) out.level = std::prev(lt)->level;
  return out;
}

}  // namespace et::live
