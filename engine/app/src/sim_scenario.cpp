// Simulated overlay values and flow velocities from the secondary-supply model (sim_scenario.h).
#include "sim_scenario.h"

#include <algorithm>
#include <cmath>

namespace et::app {

Result<std::unique_ptr<SimScenarioSource>> SimScenarioSource::create(const Scene& scene,
                                                                      const sim::WaterModelOptions& o) {
  if (sim::modelled_water_network(scene, o) < 0) return std::unique_ptr<SimScenarioSource>();
  auto run = sim::run_water_model(scene, o);
  if (!run) return run.error();
  const sim::WaterRun& r = *run;
  const sim::SimNetwork& net = r.net;
  const Network& sn = scene.networks[size_t(r.model.network)];
  std::unique_ptr<SimScenarioSource> s(new SimScenarioSource());
  s->warnings_ = r.model.warnings;
  for (long t : r.times) s->times_.push_back(double(t));

  // Model node pressures, with the municipal connection's measured from its ground (EPANET
  // reports 0 at a reservoir).
  const int res = net.node_index.count(r.model.reservoir) ? net.node_index.at(r.model.reservoir) : -1;
  auto pressure = [&](size_t i, int n) {
    return n == res ? r.head[i][size_t(n)] - r.model.reservoir_ground_m : r.pressure[i][size_t(n)];
  };
  std::vector<int> nodes, links;
  for (const NetNode& n : sn.nodes) {
    auto it = net.node_index.find(n.id);
    if (it == net.node_index.end()) continue;
    nodes.push_back(it->second);
    s->node_keys_.push_back(value_key(Utility::kWater, n.id));
  }
  for (const NetLink& l : sn.links) {
    auto it = net.link_index.find(l.id);
    if (it == net.link_index.end()) continue;
    links.push_back(it->second);
    s->link_keys_.push_back(value_key(Utility::kWater, l.id));
  }
  for (size_t i = 0; i < r.times.size(); ++i) {
    auto& p = s->pressure_.emplace_back();
    for (int n : nodes) p.push_back(pressure(i, n));
    auto& lp = s->link_pressure_.emplace_back();
    auto& v = s->velocity_.emplace_back();
    auto& q = s->flow_.emplace_back();
    auto& hl = s->headloss_.emplace_back();
    for (int k : links) {
      const sim::Link& l = net.links[size_t(k)];
      lp.push_back(0.5 * (pressure(i, l.n1) + pressure(i, l.n2)));
      v.push_back(r.velocity[i][size_t(k)]);
      q.push_back(r.flow[i][size_t(k)]);
      const double length_m = l.length * net.ucf.head;
      const double dh = std::fabs(r.head[i][size_t(l.n1)] - r.head[i][size_t(l.n2)]);
      hl.push_back(q.back() != 0.0 && length_m > 0.0 ? dh / length_m * 1000.0 : 0.0);
    }
  }
  return s;
}

void SimScenarioSource::bracket(double t, size_t& i0, size_t& i1, double& w) const {
  double tt = std::fmod(t, 86400.0);
  if (tt < 0.0) tt += 86400.0;
  auto it = std::upper_bound(times_.begin(), times_.end(), tt);
  i0 = it == times_.begin() ? 0 : size_t(it - times_.begin()) - 1;
  i1 = std::min(i0 + 1, times_.size() - 1);
  const double span = times_[i1] - times_[i0];
  w = span > 0.0 ? std::clamp((tt - times_[i0]) / span, 0.0, 1.0) : 0.0;
}

void SimScenarioSource::fill(const std::vector<std::string>& keys,
                             const std::vector<std::vector<double>>& v, size_t i0, size_t i1,
                             double w, bool magnitude, ValueMap& out) {
  for (size_t j = 0; j < keys.size(); ++j) {
    double x = (1.0 - w) * v[i0][j] + w * v[i1][j];
    out[keys[j]] = magnitude ? std::fabs(x) : x;
  }
}

bool SimScenarioSource::values(OverlayMode mode, double t, OverlayData& out) {
  if (times_.empty()) return false;
  size_t i0 = 0, i1 = 0;
  double w = 0.0;
  bracket(t, i0, i1, w);
  out.link_values.clear();
  out.node_values.clear();
  const char* unit = nullptr;
  switch (mode) {
    case OverlayMode::kPressure:
      fill(node_keys_, pressure_, i0, i1, w, false, out.node_values);
      fill(link_keys_, link_pressure_, i0, i1, w, false, out.link_values);
      unit = "m";
      break;
    case OverlayMode::kVelocity:
      fill(link_keys_, velocity_, i0, i1, w, true, out.link_values);
      unit = "m/s";
      break;
    case OverlayMode::kFlow:
      fill(link_keys_, flow_, i0, i1, w, true, out.link_values);
      unit = "L/s";
      break;
    case OverlayMode::kHeadloss:
      fill(link_keys_, headloss_, i0, i1, w, false, out.link_values);
      unit = "m/km";
      break;
    default: return false;
  }
  out.unit = std::string(unit);  // (a move: GCC 12 -Wrestrict misfires on assigning literals)
  return true;
}

ValueMap SimScenarioSource::velocities(double t) {
  ValueMap out;
  if (times_.empty()) return out;
  size_t i0 = 0, i1 = 0;
  double w = 0.0;
  bracket(t, i0, i1, w);
  fill(link_keys_, velocity_, i0, i1, w, false, out);
  return out;
}

}  // namespace et::app
