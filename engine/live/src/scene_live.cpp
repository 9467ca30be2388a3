// Loading a scene's live files, paths relative to the scene folder.
#include "et/live/scene_live.h"

#include <filesystem>

#include "et/scene/scene.h"

namespace et::live {

Result<SceneLive> load_scene_live(const Scene& scene) {
  namespace fs = std::filesystem;
  auto in_scene = [&](const std::string& rel) { return (fs::path(scene.dir) / rel).string(); };
  if (scene.sensors_file.empty())
    return make_error(scene.path, "/sensors", "the scene names no sensors file (add \"sensors\": \"live/sensors.json\")");
  SceneLive out;
  auto sensors = load_sensors(in_scene(scene.sensors_file));
  if (!sensors) return sensors.error();
  if (Status s = bind_sensors(*sensors, scene); !s) return s.error();
  out.sensors = std::move(*sensors);
  if (!scene.alarm_rules_file.empty()) {
    auto rules = load_alarm_rules(in_scene(scene.alarm_rules_file), out.sensors);
    if (!rules) return rules.error();
    out.rules = std::move(*rules);
  }
  if (!scene.live_log_file.empty()) out.log_path = in_scene(scene.live_log_file);
  return out;
}

}  // namespace et::live
