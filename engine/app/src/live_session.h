// The window's live data: the scene's recorded day replayed once (alarms to list, sensor
// histories to plot), or a real MQTT feed (view --live mqtt://...) pumped once a frame.
// The UI reads it; the overlay colours come through the Scenario (scenario_setup.cpp).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "et/app/scenario.h"
#include "et/core/error.h"
#include "et/live/live_state.h"
#include "et/live/mqtt_feed.h"
#include "et/live/scene_live.h"
#include "et/scene/scene.h"
#include "et/ui/overlay_panel.h"

namespace et::app {

class LiveSession {
 public:
  static Result<std::unique_ptr<LiveSession>> replay(const Scene& scene);
  static Result<std::unique_ptr<LiveSession>> mqtt(const Scene& scene, const std::string& url);
  ~LiveSession();

  void frame();  // MQTT: move what arrived into the state
  bool is_mqtt() const { return feed_ != nullptr; }
  // Alarms raised up to scenario time t (the replay), or so far (MQTT), newest first.
  std::vector<ui::AlarmRow> alarms_until(double t) const;
  // Histories of the sensors on an element, up to t.
  std::vector<ui::SensorPlot> plots_for(Utility u, const std::string& element, double t) const;
  std::string status() const;
  // Latest values per element for the live overlays (MQTT mode), as the replay source does.
  bool values(OverlayMode mode, OverlayData& out) const;

 private:
  LiveSession(const Scene& scene, live::SceneLive files);
  const Scene& scene_;
  live::SceneLive files_;
  std::unique_ptr<live::LiveState> state_;
  std::unique_ptr<live::MqttFeed> feed_;
  live::MqttPump pump_;
  std::uint64_t readings_ = 0;
};

// Where an element is, for flying the camera to it (node position or link midpoint).
bool element_position(const Scene& scene, Utility u, const std::string& id, glm::dvec3& out);

}  // namespace et::app
