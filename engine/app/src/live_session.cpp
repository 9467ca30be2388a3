#include "live_session.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "et/live/replay.h"

namespace et::app {

bool element_position(const Scene& scene, Utility u, const std::string& id, glm::dvec3& out) {
  for (const Network& n : scene.networks) {
    if (n.utility != u) continue;
    int node = n.find_node(id);
    if (node >= 0) return out = n.nodes[size_t(node)].position, true;
    for (const NetLink& l : n.links)
      if (l.id == id && !l.path.empty()) return out = (l.path.front() + l.path.back()) * 0.5, true;
  }
  return false;
}

LiveSession::LiveSession(const Scene& scene, live::SceneLive files)
    : scene_(scene), files_(std::move(files)) {
  state_ = std::make_unique<live::LiveState>(files_.sensors, files_.rules);
}

LiveSession::~LiveSession() {
  if (feed_) feed_->stop();
}

Result<std::unique_ptr<LiveSession>> LiveSession::replay(const Scene& scene) {
  auto files = live::load_scene_live(scene);
  if (!files) return files.error();
  std::unique_ptr<LiveSession> s(new LiveSession(scene, std::move(*files)));
  if (s->files_.log_path.empty()) return s;
  live::LiveState& st = *s->state_;
  auto stats = live::replay_file(
      s->files_.log_path, 1e18, [&](const live::RawReading& r) { st.push(r); },
      [&](live::Reject why) { st.reject(why); });
  if (!stats) return stats.error();
  st.settle();
  s->readings_ = stats->lines;
  return s;
}

Result<std::unique_ptr<LiveSession>> LiveSession::mqtt(const Scene& scene, const std::string& url) {
  auto files = live::load_scene_live(scene);
  if (!files) return files.error();
  auto opts = live::parse_mqtt_url(url, scene.name);
  if (!opts) return opts.error();
  std::unique_ptr<LiveSession> s(new LiveSession(scene, std::move(*files)));
  auto feed = live::MqttFeed::start(*opts);
  if (!feed) return feed.error();
  s->feed_ = std::move(*feed);
  return s;
}

void LiveSession::frame() {
  if (!feed_) return;
  // Readings without a time are stamped with the wall clock's time of day.
  auto now = std::chrono::system_clock::now().time_since_epoch();
  double tod = std::fmod(std::chrono::duration<double>(now).count(), 86400.0);
  readings_ += pump_.pump(*feed_, *state_, tod);
}

std::vector<ui::AlarmRow> LiveSession::alarms_until(double t) const {
  // The recorded day replays on every day of the clock (a staged plan's date): its time of day.
  t = std::fmod(t, 86400.0);
  std::vector<ui::AlarmRow> rows;
  for (const live::AlarmEvent& e : state_->alarms().events()) {
    if (!feed_ && e.t > t) continue;
    const live::Sensor& s = files_.sensors.sensors[size_t(e.sensor)];
    const live::AlarmRule& r = files_.rules.rules[size_t(e.rule)];
    ui::AlarmRow row;
    row.t = e.t;
    int m = int(e.t / 60.0);
    char text[200];
    std::snprintf(text, sizeof text, "%02d:%02d %s  %s  %.2f (limit %.2f)", (m / 60) % 24, m % 60,
                  r.id.c_str(), s.id.c_str(), e.value, e.limit);
    row.text = text;
    row.level = int(r.level);
    row.utility = int(s.utility);
    row.element = s.element;
    rows.push_back(row);
  }
  std::sort(rows.begin(), rows.end(), [](const ui::AlarmRow& a, const ui::AlarmRow& b) { return a.t > b.t; });
  return rows;
}

std::vector<ui::SensorPlot> LiveSession::plots_for(Utility u, const std::string& element,
                                                   double t) const {
  t = std::fmod(t, 86400.0);  // as alarms_until
  std::vector<ui::SensorPlot> out;
  const auto& sensors = files_.sensors.sensors;
  for (size_t i = 0; i < sensors.size(); ++i) {
    if (sensors[i].utility != u || sensors[i].element != element) continue;
    const live::TimeSeries& h = state_->history(int(i));
    ui::SensorPlot p;
    p.label = sensors[i].id + " (" + sensors[i].unit + ")";
    // One point a minute from the coarse history, up to the clock (all of it for MQTT).
    for (size_t k = 0; k < h.coarse_size(); ++k) {
      const live::Bucket& b = h.coarse(k);
      if (!feed_ && b.t0 > t) break;
      p.values.push_back(b.mean);
    }
    out.push_back(std::move(p));
  }
  return out;
}

std::string LiveSession::status() const {
  const live::Counters& c = state_->counters();
  char buf[200];
  if (feed_) {
    std::snprintf(buf, sizeof buf, "MQTT %s (%d connections), %llu readings, %llu accepted%s%s",
                  live::conn_state_name(feed_->state()), feed_->connections(),
                  (unsigned long long)readings_, (unsigned long long)c.accepted,
                  feed_->last_error().empty() ? "" : ", last error: ",
                  feed_->last_error().c_str());
  } else {
    std::string name = files_.log_path.substr(files_.log_path.find_last_of('/') + 1);
    std::snprintf(buf, sizeof buf, "replay of %s: %llu readings accepted, %llu rejected",
                  name.c_str(), (unsigned long long)c.accepted,
                  (unsigned long long)c.rejected_total());
  }
  return buf;
}

bool LiveSession::values(OverlayMode mode, OverlayData& out) const {
  if (mode != OverlayMode::kLive && mode != OverlayMode::kAlarm && mode != OverlayMode::kStaleness)
    return false;
  const auto& sensors = files_.sensors.sensors;
  for (size_t i = 0; i < sensors.size(); ++i) {
    const live::TimeSeries& h = state_->history(int(i));
    if (h.empty()) continue;
    double v = mode == OverlayMode::kLive    ? h.latest().value
               : mode == OverlayMode::kAlarm ? double(int(state_->level(int(i))))
                                             : std::max(0.0, state_->clock() - h.latest().t);
    ValueMap& m = sensors[i].element_is_link ? out.link_values : out.node_values;
    m[value_key(sensors[i].utility, sensors[i].element)] = v;
  }
  out.unit = mode == OverlayMode::kAlarm ? "0 normal, 1 warning, 2 alarm"
             : mode == OverlayMode::kStaleness ? "s since the last reading" : "sensor units";
  return true;
}

}  // namespace et::app
