// Muyanghu's 24 hours (live_story.h): reads the generated scene's GeoJSON networks, puts
// sensors on the elements the story needs, and writes sensors, alarm rules and a day of
// readings. Reads the files like any other consumer would (it does not link et_scene).
#include "et/gen/live_story.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>

#include <nlohmann/json.hpp>

#include "et/core/file_io.h"
#include "et/core/geo.h"
#include "live_story_signals.h"

namespace et::gen {
namespace {

using Json = nlohmann::ordered_json;
namespace fs = std::filesystem;
using story::Signal;

constexpr int kMaxStoryEstates = 20;  // keeps --estates 214 quick; enough for benchmarks

struct Node {
  std::string id, kind, building;
  glm::dvec3 pos{0.0};
  double depth = 0.0;
};
struct Link {
  std::string id, from, to, material, subtype;
  double diameter = 0.0;
  int year = 0;
  glm::dvec3 mid{0.0};
};
struct Net {
  std::vector<Node> nodes;
  std::vector<Link> links;
  const Node* node(const std::string& id) const {
    for (const Node& n : nodes) if (n.id == id) return &n;
    return nullptr;
  }
  const Node* first(const std::string& kind) const {
    for (const Node& n : nodes) if (n.kind == kind) return &n;
    return nullptr;
  }
};
struct Building {
  std::string id, kind;
  glm::dvec3 pos{0.0};
  int floors = 0;
};
struct Estate {
  std::map<std::string, Net> nets;  // by utility
  std::vector<Building> buildings;
};
struct Plan {
  std::string id, name, type, utility, element;
  glm::dvec3 pos{0.0};
  Signal signal = Signal::kInflow;
  double depth = 0.0;
};

// "E001-" of "E001-W-M01"; "" for a single estate's ids.
std::string prefix_of(const std::string& id) {
  if (id.size() < 3 || id[0] != 'E' || !std::isdigit(static_cast<unsigned char>(id[1]))) return "";
  const size_t dash = id.find('-');
  if (dash == std::string::npos) return "";
  for (size_t i = 1; i < dash; ++i)
    if (!std::isdigit(static_cast<unsigned char>(id[i]))) return "";
  return id.substr(0, dash + 1);
}

glm::dvec3 enu(const GeoOrigin& o, const Json& c) {
  return lonlat_to_enu(o, c.at(0).get<double>(), c.at(1).get<double>(), o.height_m) * glm::dvec3(1, 1, 0);
}

std::string prop(const Json& p, const char* key) {
  auto it = p.find(key);
  return it != p.end() && it->is_string() ? it->get<std::string>() : "";
}

void read_network(const Json& fc, const std::string& utility, const GeoOrigin& o,
                  std::map<std::string, Estate>& estates) {
  for (const Json& f : fc.at("features")) {
    const Json& p = f.at("properties");
    const Json& g = f.at("geometry");
    const std::string id = prop(p, "id"), type = g.at("type").get<std::string>();
    Net& net = estates[prefix_of(id)].nets[utility];
    if (type == "Point") {
      Node n{id, prop(p, "kind"), prop(p, "building"), enu(o, g.at("coordinates")), 0.0};
      if (p.contains("depth_m") && p["depth_m"].is_number()) n.depth = p["depth_m"].get<double>();
      net.nodes.push_back(n);
    } else if (type == "LineString") {
      const Json& c = g.at("coordinates");
      Link l{id, prop(p, "from"), prop(p, "to"), prop(p, "material"), prop(p, "subtype")};
      if (p.contains("diameter_mm") && p["diameter_mm"].is_number()) l.diameter = p["diameter_mm"].get<double>();
      if (p.contains("install_year") && p["install_year"].is_number()) l.year = p["install_year"].get<int>();
      l.mid = enu(o, c.at(c.size() / 2));
      net.links.push_back(l);
    }
  }
}

const Net& net_of(const Estate& e, const char* utility) {
  static const Net kNone;
  auto it = e.nets.find(utility);
  return it == e.nets.end() ? kNone : it->second;
}

// Places the estate's sensors; elements the networks lack are simply left without one.
std::vector<Plan> plan_sensors(const Estate& e, const std::string& px) {
  std::vector<Plan> out;
  auto add = [&](const char* id, std::string name, const char* type, const char* utility,
                 const std::string& element, glm::dvec3 pos, Signal sig, double depth = 0.0) {
    out.push_back({px + id, std::move(name), type, utility, element, pos, sig, depth});
  };
  const Net& w = net_of(e, "water");
  const Node* ph = w.first("pump_house");
  if (const Node* m = w.first("meter")) add("S-F01", "estate inflow meter", "water_flow", "water", m->id, m->pos, Signal::kInflow);
  if (ph)
    for (const Link& l : w.links)
      if (l.from == ph->id) {
        add("S-P01", "pump house outlet pressure", "water_pressure", "water", l.id, l.mid, Signal::kOutletPressure);
        break;
      }
  if (const Node* t = w.first("tank")) add("S-L01", "ground tank level", "tank_level", "water", t->id, t->pos, Signal::kTankLevel);
  if (ph) {
    add("S-Q01", "turbidity at the pump house", "turbidity", "water", ph->id, ph->pos, Signal::kTurbidity);
    add("S-Q02", "residual chlorine at the pump house", "residual_chlorine", "water", ph->id, ph->pos, Signal::kChlorine);
  }
  // The farthest residential block from the pump house, and its farthest entrance.
  const Building* far = nullptr, *near = nullptr;
  if (ph)
    for (const Building& b : e.buildings) {
      if (b.kind != "residential") continue;
      const double d = glm::length(glm::dvec2(b.pos - ph->pos));
      if (!far || d > glm::length(glm::dvec2(far->pos - ph->pos))) far = &b;
      if (!near || d < glm::length(glm::dvec2(near->pos - ph->pos))) near = &b;
    }
  const Node* top = nullptr, *ref = nullptr;
  for (const Node& n : w.nodes) {
    if (n.kind != "building_connection") continue;
    if (far && n.building == far->id && (!top || glm::length(n.pos - ph->pos) > glm::length(top->pos - ph->pos))) top = &n;
    if (near && n.building == near->id && !ref) ref = &n;
  }
  if (top)
    add("S-P02", "top floor of " + far->id + " (farthest block), " + std::to_string(far->floors) + " storeys",
        "water_pressure", "water", top->id, top->pos + glm::dvec3(0, 0, far->floors * 2.9), Signal::kTopFloorPressure);
  // The leak: the oldest galvanized-steel branch main (not a service line, not informal).
  const Link* leak = nullptr;
  for (const Link& l : w.links)
    if (l.material == "galvanized_steel" && l.subtype.empty() && l.diameter >= 80 && w.node(l.to) &&
        (!top || l.to != top->id) && (!ref || l.to != ref->id) && (!leak || l.year < leak->year))
      leak = &l;
  if (leak)
    add("S-P03", "pressure past galvanized-steel branch " + leak->id + " (" + std::to_string(leak->year) + ")",
        "water_pressure", "water", leak->to, w.node(leak->to)->pos, Signal::kLeakPressure);
  if (ref && (!top || ref != top)) add("S-P04", "pressure at " + near->id + " (near the pump house)", "water_pressure", "water", ref->id, ref->pos, Signal::kRefPressure);

  const Net& pw = net_of(e, "power");
  if (const Node* tr = pw.first("transformer")) {
    add("S-E01", "transformer load", "transformer_load", "power", tr->id, tr->pos, Signal::kTransformerLoad);
    const Link* cable = nullptr;
    for (const Link& l : pw.links)
      if ((l.from == tr->id || l.to == tr->id) && (!cable || (l.subtype == "direct_buried" && cable->subtype != "direct_buried"))) cable = &l;
    if (cable) add("S-E02", "cable temperature out of the transformer", "cable_temperature", "power", cable->id, cable->mid, Signal::kCableTemperature);
  }
  const Net& g = net_of(e, "gas");
  if (const Node* reg = g.first("gas_regulator"))
    for (const Link& l : g.links)
      if (l.from == reg->id) {
        add("S-G01", "gas pressure after the regulator", "gas_pressure", "gas", l.id, l.mid, Signal::kGasPressure);
        break;
      }
  const Node* det = g.first("valve") ? g.first("valve") : g.first("building_connection");
  if (det) add("S-G02", "gas leak detector", "gas_leak", "gas", det->id, det->pos, Signal::kGasLeak);

  // Storm manholes: the first deep enough to surcharge, and the next for comparison.
  const Net& dr = net_of(e, "drainage");
  std::vector<const Node*> storm;
  for (const Node& n : dr.nodes) {
    if (n.kind != "manhole" || n.depth < 1.5) continue;
    for (const Link& l : dr.links)
      if (l.subtype == "storm" && (l.from == n.id || l.to == n.id)) {
        storm.push_back(&n);
        break;
      }
  }
  if (!storm.empty()) add("S-D01", "storm manhole level", "manhole_level", "drainage", storm[0]->id, storm[0]->pos, Signal::kManholeSurcharge, storm[0]->depth);
  if (storm.size() > 1) add("S-D02", "storm manhole level", "manhole_level", "drainage", storm[1]->id, storm[1]->pos, Signal::kManholeLevel, storm[1]->depth);
  return out;
}

// The estate's rules: each story sensor gets the limits a utility would set, so the story
// raises alarms and everything else stays quiet (a planner should see four problems).
void add_rules(const std::vector<Plan>& plans, const std::string& px, Json& rules) {
  auto rule = [&](const std::string& id, const char* kind, const std::string& sensor, double limit,
                  const char* level, double deadband = 0.0) {
    Json r = {{"id", px + id}, {"rule", kind}, {"sensor", sensor}, {"limit", limit}, {"level", level}};
    if (deadband > 0.0) r["deadband"] = deadband;
    rules.push_back(r);
    return &rules.back();
  };
  for (const Plan& p : plans) {
    const std::string s = p.id;
    switch (p.signal) {
      case Signal::kInflow: {
        Json* r = rule("night-flow-leak", "night_flow", s, 5.0, "alarm");
        (*r)["from"] = "02:00";
        (*r)["to"] = "04:00";
        break;
      }
      case Signal::kOutletPressure: rule("outlet-pressure-low", "below", s, 0.25, "alarm", 0.01); break;
      case Signal::kTopFloorPressure:
        rule("top-floor-pressure-warning", "below", s, 0.12, "warning", 0.01);
        rule("top-floor-low-pressure", "below", s, 0.10, "alarm", 0.01);
        break;
      case Signal::kLeakPressure: {
        Json* r = rule("leak-pressure-drop", "rate", s, 0.02, "warning");
        (*r)["direction"] = "fall";
        (*r)["window_s"] = 60;
        rule("leak-branch-low-pressure", "below", s, 0.30, "alarm", 0.01);
        break;
      }
      case Signal::kRefPressure: rule("reference-pressure-low", "below", s, 0.20, "alarm", 0.01); break;
      case Signal::kTankLevel: rule("tank-low", "below", s, 0.8, "alarm", 0.05); break;
      case Signal::kTurbidity: rule("turbidity-high", "above", s, 1.0, "alarm", 0.1); break;
      case Signal::kChlorine: rule("chlorine-low", "below", s, 0.05, "alarm", 0.01); break;
      case Signal::kTransformerLoad:
        rule("transformer-high-load", "above", s, 90.0, "warning", 3.0);
        rule("transformer-overload", "above", s, 100.0, "alarm", 3.0);
        break;
      case Signal::kCableTemperature: rule("cable-hot", "above", s, 65.0, "warning", 2.0); break;
      case Signal::kGasPressure:
        rule("gas-pressure-low", "below", s, 1.5, "alarm", 0.05);
        rule("gas-pressure-high", "above", s, 3.0, "alarm", 0.05);
        break;
      case Signal::kGasLeak:
        rule("gas-leak-warning", "above", s, 10.0, "warning", 1.0);
        rule("gas-leak", "above", s, 20.0, "alarm", 1.0);
        break;
      case Signal::kManholeSurcharge:
      case Signal::kManholeLevel: {
        const std::string m = p.id.substr(px.size());  // S-D01
        rule("manhole-high-" + m, "above", s, std::round(p.depth * 60.0) / 100.0, "warning", 0.05);
        rule("manhole-surcharge-" + m, "above", s, std::round((p.depth - 0.5) * 100.0) / 100.0, "alarm", 0.05);
        break;
      }
    }
  }
}

// Deterministic noise in [-1, 1] (splitmix64 of the indices): independent of call order.
double noise(std::uint64_t estate, std::uint64_t sensor, std::uint64_t minute) {
  std::uint64_t z = (estate << 40) ^ (sensor << 20) ^ minute;
  z += 0x9e3779b97f4a7c15ull;
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  z ^= z >> 31;
  return double(z >> 11) / double(1ull << 53) * 2.0 - 1.0;
}

Json round_pos(const glm::dvec3& p) {
  auto r = [](double v) { return std::round(v * 100.0) / 100.0; };
  return Json::array({r(p.x), r(p.y), r(p.z)});
}

}  // namespace

Status generate_live_story(const std::string& scene_dir) {
  const std::string scene_path = scene_dir + "/scene.json";
  auto text = read_text_file(scene_path);
  if (!text) return text.error();
  Json scene = Json::parse(*text, nullptr, false);
  if (scene.is_discarded() || !scene.is_object()) return make_error(scene_path, "", "invalid JSON");
  std::map<std::string, Estate> estates;
  try {
    const Json& geo = scene.at("georeference");
    const GeoOrigin origin{geo.at("lon").get<double>(), geo.at("lat").get<double>(), geo.at("height").get<double>()};
    for (const Json& b : scene.at("buildings")) {
      const std::string id = b.at("id").get<std::string>();
      const Json& p = b.at("position");
      estates[prefix_of(id)].buildings.push_back({id, b.value("kind", "residential"),
                                                  {p.at(0).get<double>(), p.at(1).get<double>(), 0.0}, b.value("floors", 6)});
    }
    if (scene.contains("networks"))
      for (const Json& n : scene.at("networks")) {
        const std::string file = scene_dir + "/" + n.at("file").get<std::string>();
        if (fs::path(file).extension() != ".geojson") continue;  // the generator writes GeoJSON
        auto net_text = read_text_file(file);
        if (!net_text) return net_text.error();
        Json fc = Json::parse(*net_text, nullptr, false);
        if (fc.is_discarded()) return make_error(file, "", "invalid JSON");
        read_network(fc, n.at("utility").get<std::string>(), origin, estates);
      }
  } catch (const Json::exception& e) {
    return make_error(scene_path, "", std::string("unexpected structure: ") + e.what());
  }

  Json sensors = Json::array(), rules = Json::array();
  std::string day;
  std::vector<std::pair<std::vector<Plan>, std::uint64_t>> all;  // plans, estate index
  std::uint64_t index = 0;
  for (const auto& [px, estate] : estates) {
    if (int(index) >= kMaxStoryEstates) break;
    std::vector<Plan> plans = plan_sensors(estate, px);
    if (plans.empty()) continue;
    for (const Plan& p : plans)
      sensors.push_back({{"id", p.id}, {"name", p.name}, {"type", p.type}, {"utility", p.utility},
                         {"element", p.element}, {"position", round_pos(p.pos)}});
    add_rules(plans, px, rules);
    all.emplace_back(std::move(plans), index++);
  }
  if (all.empty()) return make_error(scene_path, "/networks", "no network elements to put sensors on");
  rules.push_back({{"id", "stale-data"}, {"rule", "stale"}, {"sensor_type", "*"}, {"limit", 600}, {"level", "warning"}});

  // One reading per sensor per minute, in time order (as a recorder would write them).
  char line[160];
  for (int minute = 0; minute < 24 * 60; ++minute)
    for (const auto& [plans, estate] : all)
      for (size_t i = 0; i < plans.size(); ++i) {
        const Plan& p = plans[i];
        if (story::signal_gap(p.signal, minute)) continue;
        const double v = story::signal_value(p.signal, minute, p.depth, noise(estate, i, std::uint64_t(minute)));
        std::snprintf(line, sizeof line, "{\"t\":%d,\"sensor\":\"%s\",\"value\":%.5g}\n", minute * 60,
                      p.id.c_str(), std::max(v, 0.0));
        day += line;
      }

  std::error_code ec;
  fs::create_directories(scene_dir + "/live", ec);
  if (ec) return make_error(scene_dir + "/live", "", "cannot create: " + ec.message());
  Json sj = {{"format", "estatetwin-sensors/1"},
             {"note", "Muyanghu's 24 hours: generated by estatetwin generate (live_story)"},
             {"sensors", sensors}};
  Json aj = {{"format", "estatetwin-alarms/1"}, {"rules", rules}};
  if (Status s = write_text_atomic(scene_dir + "/live/sensors.json", sj.dump(2) + "\n"); !s) return s;
  if (Status s = write_text_atomic(scene_dir + "/live/alarms.json", aj.dump(2) + "\n"); !s) return s;
  if (Status s = write_text_atomic(scene_dir + "/live/day.jsonl", day); !s) return s;
  scene["sensors"] = "live/sensors.json";
  scene["alarm_rules"] = "live/alarms.json";
  scene["live_log"] = "live/day.jsonl";
  return write_text_atomic(scene_path, scene.dump(2) + "\n");
}

}  // namespace et::gen
