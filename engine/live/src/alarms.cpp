// Alarm evaluation: one binding per (rule, sensor) pair, with the little state each needs.
#include "et/live/alarms.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace et::live {
namespace {

// Ids are plain in practice; quote the odd one with a comma or quote so the CSV stays valid.
void append_field(std::string& out, const std::string& f) {
  if (f.find_first_of(",\"\n") == std::string::npos) {
    out += f;
    return;
  }
  out += '"';
  for (char c : f) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
}

bool applies(const AlarmRule& r, const Sensor& s) {
  if (!r.sensor.empty()) return r.sensor == s.id;
  return r.sensor_type == SensorType::kCount || r.sensor_type == s.type;
}

// Change per minute between the reading (t, v) and the series `window_s` earlier: the
// recent ring when it reaches that far back, else the coarse bucket covering that time.
bool rate_per_minute(const TimeSeries& ts, double t, double v, double window_s, double& out) {
  const double back = t - window_s;
  if (const Sample* ref = ts.at_or_before(back)) {
    if (t - ref->t <= 0.0) return false;
    out = (v - ref->value) / (t - ref->t) * 60.0;
    return true;
  }
  for (std::size_t i = ts.coarse_size(); i-- > 0;) {
    const Bucket& b = ts.coarse(i);
    if (b.t0 <= back) {
      const double tm = std::min(b.t0 + 30.0, back);
      if (t - tm <= 0.0) return false;
      out = (v - double(b.mean)) / (t - tm) * 60.0;
      return true;
    }
  }
  return false;
}

}  // namespace

AlarmEngine::AlarmEngine(const SensorSet& sensors, const AlarmRuleSet& rules)
    : rules_(rules),
      by_sensor_(sensors.size()),
      stale_by_sensor_(sensors.size()),
      last_t_(sensors.size(), std::nan("")),
      level_(sensors.size(), Level::kNormal) {
  for (size_t r = 0; r < rules.rules.size(); ++r)
    for (size_t s = 0; s < sensors.size(); ++s) {
      if (!applies(rules.rules[r], sensors.sensors[s])) continue;
      const int b = int(bindings_.size());
      bindings_.push_back({int(r), int(s)});
      RuleKind k = rules.rules[r].kind;
      (k == RuleKind::kStale ? stale_by_sensor_ : by_sensor_)[s].push_back(b);
      if (k == RuleKind::kStale || k == RuleKind::kNightFlow) timed_.push_back(b);
    }
}

void AlarmEngine::set_active(Binding& b, bool active, double t, double value) {
  if (b.active == active) return;
  b.active = active;
  if (active) {
    if (events_.size() < kMaxEvents) events_.push_back({t, b.sensor, b.rule, value, rules_.rules[size_t(b.rule)].limit});
    else ++events_dropped_;
  }
  update_level(b.sensor, t);
}

void AlarmEngine::update_level(int sensor, double t) {
  Level l = Level::kNormal;
  for (const auto* list : {&by_sensor_[size_t(sensor)], &stale_by_sensor_[size_t(sensor)]})
    for (int bi : *list)
      if (bindings_[size_t(bi)].active) l = std::max(l, rules_.rules[size_t(bindings_[size_t(bi)].rule)].level);
  if (l == level_[size_t(sensor)]) return;
  level_[size_t(sensor)] = l;
  if (record_changes_) changes_.push_back({sensor, t, l});
}

void AlarmEngine::close_night(Binding& b, std::int64_t day) {
  const AlarmRule& r = rules_.rules[size_t(b.rule)];
  if (b.night_seen) set_active(b, b.night_min > r.limit, double(day) * 86400.0 + r.to_s, b.night_min);
  b.night_seen = false;
  b.day = -1;
}

void AlarmEngine::on_reading(int sensor, double t, double value, const TimeSeries& series) {
  if (!started_) started_ = true, start_t_ = t;
  last_t_[size_t(sensor)] = t;
  for (int bi : by_sensor_[size_t(sensor)]) {
    Binding& b = bindings_[size_t(bi)];
    const AlarmRule& r = rules_.rules[size_t(b.rule)];
    switch (r.kind) {
      case RuleKind::kAbove:
        if (!b.active) set_active(b, value > r.limit, t, value);
        else if (value <= r.limit - r.deadband) set_active(b, false, t, value);
        break;
      case RuleKind::kBelow:
        if (!b.active) set_active(b, value < r.limit, t, value);
        else if (value >= r.limit + r.deadband) set_active(b, false, t, value);
        break;
      case RuleKind::kRate: {
        double rate = 0.0;
        if (!rate_per_minute(series, t, value, r.window_s, rate)) break;
        const double signed_rate = r.direction == 0 ? std::abs(rate) : rate * r.direction;
        set_active(b, signed_rate > r.limit, t, rate);
        break;
      }
      case RuleKind::kNightFlow: {
        const auto day = std::int64_t(std::floor(t / 86400.0));
        const double tod = t - double(day) * 86400.0;
        if (b.day >= 0 && (day > b.day || tod >= r.to_s)) close_night(b, b.day);
        if (tod >= r.from_s && tod < r.to_s) {
          if (b.day != day) b.day = day, b.night_seen = false;
          b.night_min = b.night_seen ? std::min(b.night_min, value) : value;
          b.night_seen = true;
        }
        break;
      }
      case RuleKind::kStale:
      case RuleKind::kCount: break;
    }
  }
  // A reading ends this sensor's stale alarms.
  for (int bi : stale_by_sensor_[size_t(sensor)])
    if (bindings_[size_t(bi)].active) set_active(bindings_[size_t(bi)], false, t, 0.0);
}

void AlarmEngine::advance(double now) {
  if (!started_) started_ = true, start_t_ = now;
  for (int bi : timed_) {
    Binding& b = bindings_[size_t(bi)];
    const AlarmRule& r = rules_.rules[size_t(b.rule)];
    if (r.kind == RuleKind::kStale) {
      const double last = last_t_[size_t(b.sensor)];
      const double since = std::isnan(last) ? start_t_ : last;
      if (!b.active && now - since > r.limit) set_active(b, true, since + r.limit, now - since);
    } else if (b.day >= 0) {
      const auto day = std::int64_t(std::floor(now / 86400.0));
      if (day > b.day || now - double(day) * 86400.0 >= r.to_s) close_night(b, b.day);
    }
  }
}

std::string clock_string(double t) {
  const long long s = std::llround(std::max(t, 0.0));
  char buf[48];
  std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld", s / 3600, (s / 60) % 60, s % 60);
  return buf;
}

std::string alarms_csv(const std::vector<AlarmEvent>& events, const SensorSet& sensors,
                       const AlarmRuleSet& rules) {
  std::string out = "time_s,time,sensor,element,utility,rule,value,limit\n";
  char num[96];
  for (const AlarmEvent& e : events) {
    const Sensor& s = sensors.sensors[size_t(e.sensor)];
    std::snprintf(num, sizeof num, "%.3f,", e.t);
    out += num;
    out += clock_string(e.t);
    out += ',';
    append_field(out, s.id);
    out += ',';
    append_field(out, s.element);
    out += ',';
    out += utility_name(s.utility);
    out += ',';
    append_field(out, rules.rules[size_t(e.rule)].id);
    std::snprintf(num, sizeof num, ",%.6g,%.6g\n", e.value, e.limit);
    out += num;
  }
  return out;
}

}  // namespace et::live
