// The live files a scene names in scene.json ("sensors", "alarm_rules", "live_log"),
// loaded and bound to the scene's networks.
#pragma once

#include <string>

#include "et/core/error.h"
#include "et/live/alarm_rules.h"
#include "et/live/sensors.h"

namespace et {
struct Scene;
}

namespace et::live {

struct SceneLive {
  SensorSet sensors;
  AlarmRuleSet rules;    // empty when the scene names no alarms file
  std::string log_path;  // empty when the scene names no live log
};

// Fails (naming scene.json) when the scene has no sensors file, or when a file is bad.
Result<SceneLive> load_scene_live(const Scene& scene);

}  // namespace et::live
