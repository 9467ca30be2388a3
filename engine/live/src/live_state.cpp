// LiveState: the checks every reading goes through, in order, and the clock.
#include "et/live/live_state.h"

#include <cmath>

namespace et::live {

LiveState::LiveState(SensorSet sensors, AlarmRuleSet rules, const LiveOptions& options)
    : sensors_(std::move(sensors)),
      rules_(std::move(rules)),
      options_(options),
      series_(sensors_.size(), TimeSeries(options.history)),
      alarms_(std::make_unique<AlarmEngine>(sensors_, rules_)),
      clock_(std::nan("")),
      last_advance_(std::nan("")) {}

void LiveState::reject(Reject reason, std::uint64_t n) {
  if (reason != Reject::kCount) counters_.rejected[size_t(reason)] += n;
}

Reject LiveState::push(const RawReading& r) {
  Reject why = Reject::kCount;
  const int s = sensors_.find(r.sensor);
  if (s < 0) why = Reject::kUnknownSensor;
  else if (!std::isfinite(r.t) || r.t < 0.0 || r.t > kMaxTime) why = Reject::kBadTime;
  else if (!std::isfinite(r.value)) why = Reject::kNotANumber;
  else {
    const SensorTypeInfo& info = sensor_type_info(sensors_.sensors[size_t(s)].type);
    const TimeSeries& ts = series_[size_t(s)];
    if (r.value < info.lo || r.value > info.hi) why = Reject::kOutOfRange;
    else if (!ts.empty() && r.t < ts.latest().t) why = Reject::kOutOfOrder;
    else if (!ts.empty() && r.t == ts.latest().t && r.value == ts.latest().value) why = Reject::kDuplicate;
    else if (!std::isnan(clock_) && r.t < clock_ - options_.max_lag_s) why = Reject::kStale;
  }
  if (why != Reject::kCount) {
    reject(why);
    return why;
  }
  TimeSeries& ts = series_[size_t(s)];
  ts.push(r.t, r.value);
  ++counters_.accepted;
  alarms_->on_reading(s, r.t, r.value, ts);
  advance(r.t);
  return Reject::kCount;
}

void LiveState::advance(double now) {
  if (!std::isfinite(now)) return;
  if (std::isnan(clock_) || now > clock_) clock_ = now;
  if (!std::isnan(last_advance_) && clock_ - last_advance_ < options_.advance_step_s) return;
  last_advance_ = clock_;
  alarms_->advance(clock_);
}

void LiveState::settle() {
  if (std::isnan(clock_)) return;
  last_advance_ = clock_;
  alarms_->advance(clock_);
}

std::size_t LiveState::memory_bytes() const {
  std::size_t n = 0;
  for (const TimeSeries& ts : series_) n += ts.capacity_bytes();
  return n;
}

}  // namespace et::live
