// Time-dependent values a view shows, behind one small interface so that the window, the
// headless render and (later) video recording ask the same question: "what are the values
// of overlay MODE at scenario time T?". Sources: the hydraulic simulation (engine/sim) and
// the sensor feeds (engine/live); each answers only for the modes it knows.
#pragma once

#include <memory>
#include <vector>

#include "et/app/frame_setup.h"
#include "et/app/overlay.h"

namespace et::app {

class ScenarioSource {
 public:
  virtual ~ScenarioSource() = default;
  // Fills out.link_values / node_values / unit for `mode` at time t (s since midnight of
  // day 0); returns false when this source has nothing for that mode.
  virtual bool values(OverlayMode mode, double t, OverlayData& out) = 0;
  // Signed link velocities (m/s, positive from -> to) at t, keyed by value_key; empty
  // when this source simulates no flow.
  virtual ValueMap velocities(double /*t*/) { return {}; }
};

class Scenario {
 public:
  void add(std::unique_ptr<ScenarioSource> s) { sources_.push_back(std::move(s)); }
  bool empty() const { return sources_.empty(); }
  // The first source that knows `mode` fills `out` (break rates in `out` are kept).
  bool values(OverlayMode mode, double t, OverlayData& out) {
    for (auto& s : sources_)
      if (s->values(mode, t, out)) return true;
    return false;
  }
  ValueMap velocities(double t) {
    for (auto& s : sources_) {
      ValueMap v = s->velocities(t);
      if (!v.empty()) return v;
    }
    return {};
  }

 private:
  std::vector<std::unique_ptr<ScenarioSource>> sources_;
};

}  // namespace et::app
