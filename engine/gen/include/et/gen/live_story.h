// Muyanghu's 24 hours: sensors on the generated estate's real network elements, alarm rules,
// and a day of readings (one per sensor per minute) that tell a story a planner can read off
// the screen: a night leak on an old galvanized-steel branch (minimum night flow up from
// about 02:00, pressure down past it), low pressure on the top floor of the farthest block
// at the 07:00-08:30 peak, a transformer overload from 19:00 to 21:00, and a storm manhole
// surcharging in an hour of rain (16:00-17:00). Deterministic: same scene, same files.
#pragma once

#include <string>

#include "et/core/error.h"

namespace et::gen {

// Reads SCENE_DIR/scene.json and its GeoJSON networks, writes SCENE_DIR/live/sensors.json,
// live/alarms.json and live/day.jsonl, and adds "sensors", "alarm_rules" and "live_log" to
// scene.json (everything else kept; written atomically). A district gets the story in each
// of its first 20 estates (ids prefixed like the estate's, "E001-S-F01").
Status generate_live_story(const std::string& scene_dir);

}  // namespace et::gen
