// Sensors bound to network elements: what a live feed's readings are about. Loaded from the
// scene's sensors file (README "Live data"); each sensor names a node or link of one
// utility's network, so live values land on the element the planner sees.
#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include <glm/glm.hpp>

#include "et/core/error.h"
#include "et/scene/network.h"

namespace et {
struct Scene;
}

namespace et::live {

enum class SensorType {
  kWaterPressure, kWaterFlow, kTankLevel, kTurbidity, kResidualChlorine, kTransformerLoad,
  kCableTemperature, kGasPressure, kGasLeak, kManholeLevel, kCount
};

// Per type: the unit readings are in, and the physically possible range. A reading outside
// that range is a broken sensor or a unit mistake, never data, so it is rejected.
struct SensorTypeInfo {
  const char* name;  // "water_pressure", ...
  const char* unit;  // "MPa", ...
  double lo, hi;
};
const SensorTypeInfo& sensor_type_info(SensorType t);
SensorType sensor_type_from_name(const std::string& name);  // kCount when unknown
std::string sensor_type_names();                             // "water_pressure, ..." for errors

struct Sensor {
  std::string id;
  std::string name;  // optional label
  SensorType type = SensorType::kWaterPressure;
  Utility utility = Utility::kWater;
  std::string element;  // node or link id in that utility's network
  std::string unit;
  bool has_position = false;
  glm::dvec3 position{0.0};  // scene metres
  // Set by bind_sensors: whether `element` is a link (else a node) of the scene.
  bool element_is_link = false;
};

struct SensorSet {
  std::string file;
  std::vector<Sensor> sensors;
  std::unordered_map<std::string, int> index;  // id -> position in `sensors`

  int find(const std::string& id) const;  // -1 when unknown
  size_t size() const { return sensors.size(); }
};

Result<SensorSet> parse_sensors(const std::string& text, const std::string& file);
Result<SensorSet> load_sensors(const std::string& path);

// Checks every sensor's element against the scene's networks and records whether it is a
// node or a link. Errors name the sensors file, the sensor and what is missing.
Status bind_sensors(SensorSet& set, const Scene& scene);

}  // namespace et::live
