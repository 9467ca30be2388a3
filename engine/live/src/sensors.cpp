// Sensor types and the sensors file (format estatetwin-sensors/1).
#include "et/live/sensors.h"

#include <iterator>

#include "et/core/file_io.h"
#include "et/scene/scene.h"
#include "json_util.h"

namespace et::live {
namespace {

using detail::fail_at;
using detail::json;

// Units follow Chinese utility practice (pressure in MPa, gas in kPa). Ranges are what the
// instruments can physically report, wide on purpose: alarms judge plausibility, not this.
constexpr SensorTypeInfo kTypes[] = {
    {"water_pressure", "MPa", -0.1, 2.5},   {"water_flow", "m3/h", -2000.0, 10000.0},
    {"tank_level", "m", 0.0, 30.0},         {"turbidity", "NTU", 0.0, 4000.0},
    {"residual_chlorine", "mg/L", 0.0, 20.0}, {"transformer_load", "%", 0.0, 400.0},
    {"cable_temperature", "degC", -50.0, 250.0}, {"gas_pressure", "kPa", 0.0, 1600.0},
    {"gas_leak", "%LEL", 0.0, 100.0},       {"manhole_level", "m", 0.0, 30.0},
};
static_assert(std::size(kTypes) == size_t(SensorType::kCount));

}  // namespace

const SensorTypeInfo& sensor_type_info(SensorType t) { return kTypes[size_t(t)]; }

SensorType sensor_type_from_name(const std::string& name) {
  for (size_t i = 0; i < std::size(kTypes); ++i)
    if (name == kTypes[i].name) return SensorType(i);
  return SensorType::kCount;
}

std::string sensor_type_names() {
  std::string s;
  for (const SensorTypeInfo& t : kTypes) {
    if (!s.empty()) s += ", ";
    s += t.name;
  }
  return s;
}

int SensorSet::find(const std::string& id) const {
  auto it = index.find(id);
  return it == index.end() ? -1 : it->second;
}

Result<SensorSet> parse_sensors(const std::string& text, const std::string& file) {
  auto root = detail::parse_json_text(text, file);
  if (!root) return root.error();
  SensorSet set;
  set.file = file;
  try {
    std::string format = detail::str_at(*root, "format", file, "");
    if (format != "estatetwin-sensors/1")
      fail_at(file, "/format", "expected \"estatetwin-sensors/1\", got \"" + format + "\"");
    const json& list = detail::member(*root, "sensors", file, "");
    if (!list.is_array()) fail_at(file, "/sensors", "expected an array");
    for (size_t i = 0; i < list.size(); ++i) {
      std::string ptr = "/sensors/" + std::to_string(i);
      const json& j = list[i];
      Sensor s;
      s.id = detail::str_at(j, "id", file, ptr);
      if (set.index.count(s.id)) fail_at(file, ptr + "/id", "duplicate sensor id '" + s.id + "'");
      std::string type = detail::str_at(j, "type", file, ptr);
      s.type = sensor_type_from_name(type);
      if (s.type == SensorType::kCount)
        fail_at(file, ptr + "/type", "unknown sensor type '" + type + "' (have: " + sensor_type_names() + ")");
      std::string utility = detail::str_at(j, "utility", file, ptr);
      s.utility = utility_from_name(utility);
      if (s.utility == Utility::kCount)
        fail_at(file, ptr + "/utility", "expected water, drainage, gas, power, telecom or heat");
      s.element = detail::str_at(j, "element", file, ptr);
      s.unit = sensor_type_info(s.type).unit;
      if (j.contains("unit")) {
        std::string unit = detail::str_at(j, "unit", file, ptr);
        // One unit per type keeps the physical range check and the alarm limits meaningful.
        if (unit != s.unit)
          fail_at(file, ptr + "/unit", "expected \"" + s.unit + "\" for a " + type + " sensor, got \"" + unit + "\"");
      }
      if (j.contains("name")) s.name = detail::str_at(j, "name", file, ptr);
      if (j.contains("position")) {
        const json& p = j["position"];
        if (!p.is_array() || p.size() != 3)
          fail_at(file, ptr + "/position", "expected [x, y, z] in scene metres");
        for (int k = 0; k < 3; ++k) {
          if (!p[k].is_number() || !std::isfinite(p[k].get<double>()))
            fail_at(file, ptr + "/position/" + std::to_string(k), "expected a finite number");
          s.position[k] = p[k].get<double>();
        }
        s.has_position = true;
      }
      set.index[s.id] = int(set.sensors.size());
      set.sensors.push_back(std::move(s));
    }
  } catch (const detail::JsonFailure& f) {
    return f.error;
  }
  return set;
}

Result<SensorSet> load_sensors(const std::string& path) {
  auto text = read_text_file(path);
  if (!text) return text.error();
  return parse_sensors(*text, path);
}

Status bind_sensors(SensorSet& set, const Scene& scene) {
  for (size_t i = 0; i < set.sensors.size(); ++i) {
    Sensor& s = set.sensors[i];
    bool found = false;
    for (const Network& net : scene.networks) {
      if (net.utility != s.utility) continue;
      if (net.find_node(s.element) >= 0) {
        found = true, s.element_is_link = false;
        break;
      }
      for (const NetLink& l : net.links)
        if (l.id == s.element) {
          found = true, s.element_is_link = true;
          break;
        }
      if (found) break;
    }
    if (!found)
      return make_error(set.file, "/sensors/" + std::to_string(i) + "/element",
                        "sensor '" + s.id + "': no node or link '" + s.element + "' in the scene's " +
                            utility_name(s.utility) + " network");
  }
  return Ok{};
}

}  // namespace et::live
