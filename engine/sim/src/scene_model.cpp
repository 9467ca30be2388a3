// The scene's water network -> an EPANET .inp of the secondary water supply (scene_model.h).
#include "et/sim/scene_model.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <queue>

namespace et::sim {
namespace {

constexpr double kPi = 3.14159265358979323846;

std::string num(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

// One .inp line: columns separated by two spaces.
void line(std::string& s, std::initializer_list<std::string> cols) {
  bool first = true;
  for (const std::string& c : cols) {
    if (!first) s += "  ";
    s += c;
    first = false;
  }
  s += '\n';
}

std::string join_ids(const std::vector<std::string>& ids, size_t max = 8) {
  std::string s;
  for (size_t i = 0; i < ids.size() && i < max; ++i) {
    if (i) s += ", ";
    s += ids[i];
  }
  if (ids.size() > max) s += ", ...";
  return s;
}

std::string attr(const std::map<std::string, std::string>& a, const std::string& key) {
  auto it = a.find(key);
  return it == a.end() ? std::string() : it->second;
}

// Why a link stays out of the model (as found, water-company pipes only), or nullptr.
const char* left_out(const NetLink& l) {
  if (l.kind != LinkKind::kPipe) return "non-pipe";
  if (l.state == LinkState::kAbandoned) return "abandoned";
  if (l.state == LinkState::kPlanned) return "planned (not built)";
  if (l.subtype == "informal" || l.owner == "private") return "informal or private";
  if (attr(l.attributes, "status") == "closed") return "closed";
  if (l.from < 0 || l.to < 0 || l.from == l.to) return "dangling";
  if (l.diameter_mm <= 0.0) return "diameter-less";
  return nullptr;
}

int municipal_node(const Network& net, const WaterModelOptions& o) {
  if (!o.municipal_node.empty()) return net.find_node(o.municipal_node);
  for (size_t n = 0; n < net.nodes.size(); ++n)
    if (net.nodes[n].kind == NodeKind::kReservoir) return int(n);
  for (size_t n = 0; n < net.nodes.size(); ++n)
    if (net.nodes[n].attributes.count("supply")) return int(n);
  for (size_t n = 0; n < net.nodes.size(); ++n)
    if (attr(net.nodes[n].attributes, "note").find("municipal") != std::string::npos) return int(n);
  return -1;
}

// "ground tank, 60 m3" -> 60; 0 when the note names no volume.
double volume_from_note(const std::string& note) {
  for (size_t i = 0; i < note.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(note[i]))) continue;
    char* end = nullptr;
    double v = std::strtod(note.c_str() + i, &end);
    size_t j = size_t(end - note.c_str());
    while (j < note.size() && note[j] == ' ') ++j;
    if (note.compare(j, 2, "m3") == 0 || note.compare(j, 3, "m\xC2\xB3") == 0) return v;
    i = j;
  }
  return 0.0;
}

bool valid_id(const std::string& id) {
  if (id.empty() || id.size() > 31) return false;
  for (char c : id)
    if (c == ';' || c == '"' || std::isspace(static_cast<unsigned char>(c))) return false;
  return true;
}

}  // namespace

int modelled_water_network(const Scene& scene, const WaterModelOptions& o) {
  for (size_t i = 0; i < scene.networks.size(); ++i) {
    const Network& n = scene.networks[i];
    if (n.utility != Utility::kWater || municipal_node(n, o) < 0) continue;
    for (const NetNode& node : n.nodes)
      if (node.kind == NodeKind::kBuildingConnection) return int(i);
  }
  return -1;
}

Result<std::string> water_model_inp(const Scene& scene, const WaterModelOptions& o) {
  auto m = build_water_model(scene, o);
  if (!m) return m.error();
  return std::move(m->inp);
}

Result<WaterModel> build_water_model(const Scene& scene, const WaterModelOptions& o) {
  WaterModel m;
  m.network = modelled_water_network(scene, o);
  if (m.network < 0)
    return Error{scene.path + ": no water network to model: one needs building connections and a " +
                 "municipal connection (a reservoir node, a node with a 'supply' property, or a note naming the municipal main)"};
  const Network& net = scene.networks[size_t(m.network)];
  const int src = municipal_node(net, o);
  const size_t nn = net.nodes.size(), nl = net.links.size();
  const double datum = scene.origin.height_m;

  // Links in the model, and those left out on purpose.
  std::vector<char> use(nl, 0);
  std::map<std::string, std::vector<std::string>> out;
  for (size_t k = 0; k < nl; ++k) {
    if (const char* why = left_out(net.links[k])) out[why].push_back(net.links[k].id);
    else use[k] = 1;
  }
  for (const auto& [why, ids] : out)
    m.notes.push_back("left out " + std::to_string(ids.size()) + " " + why + " link" +
                      (ids.size() == 1 ? "" : "s") + ": " + join_ids(ids));
  std::vector<std::vector<int>> inc(nn);
  for (size_t k = 0; k < nl; ++k)
    if (use[k]) inc[size_t(net.links[k].from)].push_back(int(k)), inc[size_t(net.links[k].to)].push_back(int(k));
  // Nodes reachable from `start` without going through `blocked` nodes (which are reached).
  auto reach = [&](int start, const std::vector<char>& blocked) {
    std::vector<char> seen(nn, 0);
    std::queue<int> q;
    seen[size_t(start)] = 1, q.push(start);
    while (!q.empty()) {
      int n = q.front();
      q.pop();
      if (n != start && blocked[size_t(n)]) continue;
      for (int k : inc[size_t(n)]) {
        const NetLink& l = net.links[size_t(k)];
        int other = l.from == n ? l.to : l.from;
        if (!seen[size_t(other)]) seen[size_t(other)] = 1, q.push(other);
      }
    }
    return seen;
  };
  std::vector<char> pump(nn, 0), tank(nn, 0), none(nn, 0);
  for (size_t n = 0; n < nn; ++n) {
    pump[n] = net.nodes[n].kind == NodeKind::kPump && int(n) != src;
    tank[n] = net.nodes[n].kind == NodeKind::kTank && int(n) != src;
  }
  const std::vector<char> wet = reach(src, none);
  std::vector<std::string> dry;
  for (size_t n = 0; n < nn; ++n)
    if (!wet[n]) dry.push_back(net.nodes[n].id);
  for (size_t k = 0; k < nl; ++k)
    if (use[k] && !wet[size_t(net.links[k].from)]) use[k] = 0;
  if (!dry.empty())
    m.warnings.push_back(net.file + ": " + std::to_string(dry.size()) + " node" + (dry.size() == 1 ? "" : "s") +
                         " not connected to the municipal connection " + net.nodes[size_t(src)].id +
                         " by the modelled pipes, skipped: " + join_ids(dry));
  const std::vector<char> before_pumps = reach(src, pump);
  std::vector<char> pump_or_tank(nn, 0);
  for (size_t n = 0; n < nn; ++n) pump_or_tank[n] = pump[n] || tank[n];
  const std::vector<char> upstream = reach(src, pump_or_tank);

  // Elevations: the ground datum (georeference height) plus the node's z, minus the pipe
  // depth (the node's own depth, else the mean axis depth of its pipes' ends there).
  std::vector<double> ground(nn), elev(nn);
  for (size_t n = 0; n < nn; ++n) {
    const NetNode& node = net.nodes[n];
    ground[n] = datum + node.position.z;
    double depth = node.depth_m, sum = 0.0;
    int count = 0;
    for (int k : inc[n]) {
      if (!use[size_t(k)]) continue;
      const NetLink& l = net.links[size_t(k)];
      sum += node.position.z - (l.from == int(n) ? l.path.front().z : l.path.back().z), ++count;
    }
    if (depth <= 0.0 && count > 0) depth = sum / count;
    elev[n] = ground[n] - std::max(0.0, depth);
  }

  // Risers and fixtures, one per building connection with a building.
  const double per_household_lps = o.persons_per_household * o.litres_per_person_day / 86400.0;
  std::string risers_txt;
  for (size_t n = 0; n < nn; ++n) {
    const NetNode& c = net.nodes[n];
    if (!wet[n] || c.kind != NodeKind::kBuildingConnection) continue;
    auto bi = std::find_if(scene.buildings.begin(), scene.buildings.end(),
                           [&](const Building& bl) { return bl.id == c.building; });
    if (bi == scene.buildings.end() || bi->floors <= 0) {
      m.warnings.push_back(net.file + ": connection " + c.id + ": no building '" + c.building +
                           "' with floors in the scene; no riser");
      continue;
    }
    FixtureNode f;
    f.connection = c.id, f.node = "F-" + c.id, f.riser = "R-" + c.id, f.building = bi->id;
    f.entrance = std::atoi(attr(c.attributes, "entrance").c_str());
    f.floors = bi->floors;
    const std::string hh = attr(c.attributes, "households");
    if (!hh.empty()) {
      f.households = std::atoi(hh.c_str());
    } else {
      int connections = 0;
      for (const NetNode& other : net.nodes)
        if (other.kind == NodeKind::kBuildingConnection && other.building == c.building) ++connections;
      f.households = bi->households / std::max(1, connections);
    }
    f.elevation_m = ground[n] + (f.floors - 1) * o.floor_height_m + o.fixture_height_m;
    f.demand_lps = f.households * per_household_lps;
    m.total_demand_lps += f.demand_lps;
    const int year = c.install_year > 0 ? c.install_year : bi->year;
    line(risers_txt, {f.riser, c.id, f.node, num(f.elevation_m - elev[n] + o.riser_run_m, 2),
                      num(o.riser_diameter_mm, 1), num(hazen_williams_c("galvanized_steel", year, o.year), 1), "0", "Open"});
    m.fixtures.push_back(f);
  }
  if (m.fixtures.empty()) return Error{net.file + ": no building connection with a building to supply"};
  m.inlet_lps = std::max(0.1, std::ceil(m.total_demand_lps * o.inlet_factor * 10.0) / 10.0);
  const std::string inlet = num(m.inlet_lps, 1);

  // Model ends of each link: pump nodes split into suction "<id>-S" and discharge "<id>";
  // a tank's inlet pipe starts at "<tank>-IN", after the float valve.
  std::vector<std::string> a(nl), b(nl);
  std::vector<std::pair<int, std::string>> extra_nodes;  // (scene node for elevation/xy, id)
  std::string pumps_txt, valves_txt, controls_txt;
  for (size_t k = 0; k < nl; ++k)
    if (use[k]) a[k] = net.nodes[size_t(net.links[k].from)].id, b[k] = net.nodes[size_t(net.links[k].to)].id;
  for (size_t p = 0; p < nn; ++p) {
    if (!pump[p] || !wet[p]) continue;
    std::vector<int> suction, discharge;
    for (int k : inc[p]) {
      const NetLink& l = net.links[size_t(k)];
      (before_pumps[size_t(l.from == int(p) ? l.to : l.from)] ? suction : discharge).push_back(k);
    }
    if (suction.empty() || discharge.empty()) {
      m.warnings.push_back(net.file + ": pump " + net.nodes[p].id + " has no " +
                           (suction.empty() ? "suction" : "delivery") + " side; modelled as a junction");
      continue;
    }
    const std::string s_id = net.nodes[p].id + "-S", pump_id = "PUMP-" + net.nodes[p].id;
    for (int k : suction) (net.links[size_t(k)].from == int(p) ? a : b)[size_t(k)] = s_id;
    extra_nodes.push_back({int(p), s_id});
    line(pumps_txt, {pump_id, s_id, net.nodes[p].id, "HEAD", "PC-" + net.nodes[p].id, "SPEED", "1"});
    m.pumps.push_back(pump_id);
  }
  for (size_t t = 0; t < nn; ++t) {
    if (!tank[t] || !wet[t]) continue;
    m.tanks.push_back(net.nodes[t].id);
    int inlets = 0;
    for (int k : inc[t]) {
      const NetLink& l = net.links[size_t(k)];
      const int far = l.from == int(t) ? l.to : l.from;
      if (!upstream[size_t(far)] || pump_or_tank[size_t(far)]) continue;
      const std::string suffix = inlets++ ? std::to_string(inlets) : "";
      const std::string in_id = net.nodes[t].id + "-IN" + suffix, fv = "FV-" + net.nodes[t].id + suffix;
      (l.from == far ? a : b)[size_t(k)] = in_id;
      extra_nodes.push_back({far, in_id});
      line(valves_txt, {fv, net.nodes[size_t(far)].id, in_id, num(l.diameter_mm, 0), "FCV", inlet, "0"});
      m.inlet_valves.push_back(fv);
      line(controls_txt, {"LINK", fv, "CLOSED", "IF", "NODE", net.nodes[t].id, "ABOVE", num(o.float_close_level_m, 2)});
      line(controls_txt, {"LINK", fv, inlet, "IF", "NODE", net.nodes[t].id, "BELOW", num(o.float_open_level_m, 2)});
    }
  }

  // Pump sizing, inlet valve, tank geometry.
  const std::vector<double>& pat = residential_pattern();
  const double peak = m.total_demand_lps * *std::max_element(pat.begin(), pat.end());
  double top = -1e9, suction = ground[size_t(src)] + o.municipal_pressure_m;
  for (const FixtureNode& f : m.fixtures) top = std::max(top, f.elevation_m);
  for (size_t t = 0; t < nn; ++t)
    if (tank[t] && wet[t]) suction = std::min(suction, ground[t] + o.tank_min_level_m);
  m.design_flow_lps = std::max(0.1, std::ceil(peak * o.design_flow_margin * 10.0) / 10.0);
  m.design_head_m = std::ceil(2.0 * (top - suction + o.design_service_m + o.design_losses_m)) / 2.0;
  m.reservoir = net.nodes[size_t(src)].id;
  m.reservoir_ground_m = ground[size_t(src)];

  // Every id the file will hold (EPANET: 1-31 characters, no spaces or ';').
  std::vector<std::string> ids = m.pumps;
  ids.insert(ids.end(), m.inlet_valves.begin(), m.inlet_valves.end());
  for (size_t n = 0; n < nn; ++n)
    if (wet[n]) ids.push_back(net.nodes[n].id);
  for (size_t k = 0; k < nl; ++k)
    if (use[k]) ids.push_back(net.links[k].id);
  for (const auto& e : extra_nodes) ids.push_back(e.second);
  for (const FixtureNode& f : m.fixtures) ids.push_back(f.node), ids.push_back(f.riser);
  for (const std::string& id : ids)
    if (!valid_id(id))
      return Error{net.file + ": '" + id + "' cannot be an EPANET id (1-31 characters, no spaces or ';')"};

  // The .inp text.
  std::string& s = m.inp;
  s += "[TITLE]\n";
  s += scene.name + ": secondary water supply model written by estatetwin (scene_model.cpp)\n\n";
  s += "[JUNCTIONS]\n;ID  Elev  Demand  Pattern\n";
  for (size_t n = 0; n < nn; ++n)
    if (wet[n] && int(n) != src && !tank[n]) line(s, {net.nodes[n].id, num(elev[n], 3), "0"});
  for (const auto& [n, id] : extra_nodes) line(s, {id, num(elev[size_t(n)], 3), "0"});
  for (const FixtureNode& f : m.fixtures) line(s, {f.node, num(f.elevation_m, 3), num(f.demand_lps, 5), "RES"});
  s += "\n[RESERVOIRS]\n;ID  Head\n";
  line(s, {m.reservoir, num(ground[size_t(src)] + o.municipal_pressure_m, 3)});
  s += "\n[TANKS]\n;ID  Elev  InitLvl  MinLvl  MaxLvl  Diam  MinVol\n";
  for (size_t t = 0; t < nn; ++t) {
    if (!tank[t] || !wet[t]) continue;
    const NetNode& node = net.nodes[t];
    double v = volume_from_note(attr(node.attributes, "note"));
    if (v <= 0.0) v = std::atof(attr(node.attributes, "volume_m3").c_str());
    if (v <= 0.0) {
      v = o.tank_volume_m3;
      m.warnings.push_back(net.file + ": tank " + node.id + " names no volume (note \"... 60 m3\"); assumed " + num(v, 0) + " m3");
    }
    const double diam = std::sqrt(4.0 * v / (kPi * o.tank_max_level_m));
    line(s, {node.id, num(ground[t], 3), num(o.tank_init_level_m, 2), num(o.tank_min_level_m, 2),
             num(o.tank_max_level_m, 2), num(diam, 3), "0"});
  }
  s += "\n[PIPES]\n;ID  Node1  Node2  Length  Diam  Roughness  MinorLoss  Status\n";
  for (size_t k = 0; k < nl; ++k) {
    if (!use[k]) continue;
    const NetLink& l = net.links[k];
    line(s, {l.id, a[k], b[k], num(std::max(0.1, l.length_m()), 2), num(l.diameter_mm, 1),
             num(hazen_williams_c(l.material, l.install_year, o.year), 1), "0", "Open"});
  }
  s += risers_txt;
  s += "\n[PUMPS]\n;ID  Node1  Node2  Parameters\n" + pumps_txt;
  s += "\n[VALVES]\n;ID  Node1  Node2  Diam  Type  Setting  MinorLoss\n" + valves_txt;
  s += "\n[CURVES]\n;ID  Flow  Head\n";
  for (const std::string& p : m.pumps) {
    const std::string id = "PC-" + p.substr(5);
    line(s, {id, "0", num(1.25 * m.design_head_m, 2)});
    line(s, {id, num(m.design_flow_lps, 2), num(m.design_head_m, 2)});
    line(s, {id, num(2.0 * m.design_flow_lps, 2), num(0.5 * m.design_head_m, 2)});
  }
  s += "\n[PATTERNS]\n;ID  Multipliers (hourly from 00:00)\n";
  for (size_t h = 0; h < pat.size(); h += 6) {
    std::string row = "RES";
    for (size_t j = h; j < h + 6 && j < pat.size(); ++j) {
      row += "  ";
      row += num(pat[j], 2);
    }
    line(s, {row});
  }
  s += "\n[CONTROLS]\n" + controls_txt;
  s += "\n[TIMES]\nDURATION  24:00\nHYDRAULIC TIMESTEP  0:05\nPATTERN TIMESTEP  1:00\n"
       "PATTERN START  0:00\nREPORT TIMESTEP  0:15\nREPORT START  0:00\nSTART CLOCKTIME  12 AM\n"
       "STATISTIC  NONE\n";
  s += "\n[OPTIONS]\nUNITS  LPS\nHEADLOSS  H-W\nSPECIFIC GRAVITY  1.0\nVISCOSITY  1.0\nTRIALS  200\n"
       "ACCURACY  0.001\nCHECKFREQ  2\nMAXCHECK  10\nUNBALANCED  CONTINUE 10\nPATTERN  RES\n"
       "DEMAND MULTIPLIER  1.0\nQUALITY  NONE\n";
  s += "\n[REPORT]\nSTATUS  NO\nSUMMARY  NO\n";
  s += "\n[COORDINATES]\n;Node  X  Y\n";
  auto xy = [&](const std::string& id, int n) {
    line(s, {id, num(net.nodes[size_t(n)].position.x, 3), num(net.nodes[size_t(n)].position.y, 3)});
  };
  for (size_t n = 0; n < nn; ++n)
    if (wet[n]) xy(net.nodes[n].id, int(n));
  for (const auto& [n, id] : extra_nodes) xy(id, n);
  for (const FixtureNode& f : m.fixtures) xy(f.node, net.find_node(f.connection));
  s += "\n[VERTICES]\n;Link  X  Y\n";
  for (size_t k = 0; k < nl; ++k)
    for (size_t v = 1; use[k] && v + 1 < net.links[k].path.size(); ++v)
      line(s, {net.links[k].id, num(net.links[k].path[v].x, 3), num(net.links[k].path[v].y, 3)});
  s += "\n[END]\n";
  return m;
}

}  // namespace et::sim
