// Live overlay values from the scene's live log (engine/live Timeline).
#include "live_overlay.h"

#include <algorithm>

namespace et::app {

// TODO(measured_minus_simulated): needs the hydraulic solver (engine/sim) to run on the
// scene's own water network at the view's time; engine/sim reads EPANET .inp files only so
// far. When it can take a scene network, subtract its node pressures / link flows from
// values_at("live") here and add the mode to is_live_overlay().
bool is_live_overlay(const std::string& overlay) {
  return overlay == "live" || overlay == "alarm" || overlay == "staleness";
}

Result<LiveOverlaySource> LiveOverlaySource::load(const Scene& scene) {
  auto files = live::load_scene_live(scene);
  if (!files) return files.error();
  if (files->log_path.empty())
    return make_error(scene.path, "/live_log", "the scene names no live log (add \"live_log\": \"live/day.jsonl\")");
  auto tl = live::Timeline::build(files->sensors, files->rules, files->log_path);
  if (!tl) return tl.error();
  LiveOverlaySource src;
  src.files_ = std::move(*files);
  src.timeline_ = std::move(*tl);
  for (const live::Sensor& s : src.files_.sensors.sensors) {
    src.keys_.push_back(value_key(s.utility, s.element));
    std::vector<std::string>& spill = src.spill_.emplace_back();
    if (s.element_is_link) continue;
    for (const Network& net : scene.networks) {
      const int n = net.utility == s.utility ? net.find_node(s.element) : -1;
      if (n < 0) continue;
      for (const NetLink& l : net.links)
        if (l.from == n || l.to == n) spill.push_back(value_key(net.utility, l.id));
    }
  }
  return src;
}

LiveValues LiveOverlaySource::values_at(const std::string& overlay, double time_s) const {
  LiveValues out;
  const bool live = overlay == "live", alarm = overlay == "alarm";
  std::string unit;
  bool mixed = false;
  const auto& sensors = files_.sensors.sensors;
  std::vector<live::SensorAt> at(sensors.size());
  for (size_t i = 0; i < sensors.size(); ++i) at[i] = timeline_.at(int(i), time_s);
  // Pass 0: each sensor's own element; pass 1: links at sensor nodes, where still free.
  ValueMap spilled;
  for (int pass = 0; pass < 2; ++pass)
    for (size_t i = 0; i < sensors.size(); ++i) {
      const live::Sensor& s = sensors[i];
      const live::SensorAt& a = at[i];
      if (!a.in_range || (live && !a.has_value)) continue;  // nothing to show yet
      const double v = live ? a.value : alarm ? double(int(a.level)) : a.age_s;
      if (pass == 0) {
        ValueMap& m = s.element_is_link ? out.link_values : out.node_values;
        auto [it, fresh] = m.emplace(keys_[i], v);
        if (!fresh && !live) it->second = std::max(it->second, v);
        if (live && fresh) {
          if (unit.empty()) unit = s.unit;
          else if (unit != s.unit) mixed = true;
        }
        continue;
      }
      for (const std::string& key : spill_[i]) {
        if (out.link_values.count(key)) continue;  // the link has a sensor of its own
        auto [it, fresh] = spilled.emplace(key, v);
        if (!fresh && !live) it->second = std::max(it->second, v);
      }
    }
  for (const auto& [key, v] : spilled) out.link_values[key] = v;
  if (live) out.unit = mixed ? "sensor units" : unit;
  else out.unit = alarm ? "0 normal, 1 warning, 2 alarm" : "s";
  return out;
}

Result<LiveValues> live_values_at(const Scene& scene, const std::string& overlay, double time_s) {
  auto src = LiveOverlaySource::load(scene);
  if (!src) return src.error();
  return src->values_at(overlay, time_s);
}

}  // namespace et::app
