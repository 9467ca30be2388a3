// The secondary-supply model's tables (demand pattern, pipe roughness), its run over a day,
// and the top-floor pressure per block (scene_model.h).
#include <algorithm>
#include <cmath>
#include <map>

#include "et/sim/hydraulics.h"
#include "et/sim/inp.h"
#include "et/sim/scene_model.h"

namespace et::sim {

const std::vector<double>& residential_pattern() {
  // Hour by hour from midnight: night minimum, morning peak 07:00-08:30 (07-08 h at 2.3, the
  // half hour after in 08-09 h), midday, evening peak 19:00-21:00. Mean exactly 1.
  static const std::vector<double> f = {0.45, 0.35, 0.30, 0.30, 0.35, 0.55, 1.20, 2.30,
                                        1.70, 1.10, 0.90, 1.15, 1.20, 0.95, 0.75, 0.70,
                                        0.70, 1.10, 1.40, 2.00, 1.90, 1.30, 0.80, 0.55};
  return f;
}

double hazen_williams_c(const std::string& material, int install_year, int year) {
  const double age = install_year > 0 ? std::max(0, year - install_year) : 30.0;
  const auto falling = [&](double c_new, double per_year, double floor) {
    return std::max(floor, c_new - per_year * age);
  };
  if (material == "PE" || material == "HDPE" || material == "PVC" || material == "PPR" ||
      material == "pe" || material == "hdpe" || material == "pvc")
    return 140.0;
  if (material == "ductile_iron") return falling(130.0, 0.3, 110.0);      // cement-lined
  if (material == "steel") return falling(120.0, 0.5, 90.0);              // lined welded steel
  if (material == "stainless_steel" || material == "copper") return 130.0;
  if (material == "grey_cast_iron" || material == "cast_iron") return falling(125.0, 1.3, 70.0);
  if (material == "galvanized_steel") return falling(120.0, 1.5, 60.0);  // tuberculation
  if (material == "concrete" || material == "asbestos_cement") return falling(130.0, 0.5, 100.0);
  return 100.0;  // unknown material
}

Result<WaterRun> run_water_model(const Scene& scene, const WaterModelOptions& o) {
  auto m = build_water_model(scene, o);
  if (!m) return m.error();
  return run_water_model(scene, std::move(*m));
}

Result<WaterRun> run_water_model(const Scene& scene, WaterModel model) {
  const std::string name = scene.name + " water model (generated)";
  auto net = parse_inp(model.inp, name);
  if (!net) return Error{"the generated water model does not read back: " + net.error().message};
  WaterRun r;
  r.model = std::move(model);
  r.net = std::move(*net);
  const size_t nn = r.net.nodes.size(), nl = r.net.links.size();
  r.summary = run_simulation(r.net, [&](const Hydraulics& h) {
    r.times.push_back(h.time());
    auto& p = r.pressure.emplace_back(nn);
    auto& hd = r.head.emplace_back(nn);
    auto& q = r.flow.emplace_back(nl);
    auto& v = r.velocity.emplace_back(nl);
    for (size_t n = 0; n < nn; ++n) p[n] = h.report_pressure(int(n)), hd[n] = h.report_head(int(n));
    for (size_t k = 0; k < nl; ++k) {
      q[k] = h.report_flow(int(k));
      v[k] = q[k] < 0.0 ? -h.report_velocity(int(k)) : h.report_velocity(int(k));
    }
  });
  if (r.summary.halted || r.times.empty()) {
    std::string why = r.summary.warnings.empty() ? "no solution" : r.summary.warnings.back();
    return Error{name + ": the solver halted after " + std::to_string(r.times.size()) +
                 " report times: " + why};
  }
  return r;
}

std::vector<BlockSupply> supply_by_block(const WaterRun& run, long at_s, double min_pressure_m) {
  std::vector<BlockSupply> out;
  if (run.times.empty()) return out;
  const long at = at_s % 86400;
  size_t at_i = 0;
  for (size_t i = 0; i < run.times.size(); ++i)
    if (run.times[i] <= at) at_i = i;
  std::map<std::string, size_t> block;
  for (const FixtureNode& f : run.model.fixtures) {
    auto it = run.net.node_index.find(f.node);
    if (it == run.net.node_index.end()) continue;
    const size_t n = size_t(it->second);
    auto [bi, fresh] = block.emplace(f.building, out.size());
    if (fresh) {
      BlockSupply b;
      b.building = f.building;
      b.floors = f.floors;
      b.min_pressure_m = INFINITY;
      b.pressure_at_m = INFINITY;
      out.push_back(b);
    }
    BlockSupply& b = out[bi->second];
    b.entrances += 1;
    b.households += f.households;
    b.fixture_elevation_m = std::max(b.fixture_elevation_m, f.elevation_m);
    for (size_t i = 0; i < run.times.size(); ++i) {
      const double p = run.pressure[i][n];
      if (p < b.min_pressure_m) b.min_pressure_m = p, b.min_time_s = run.times[i], b.min_fixture = f.node;
    }
    b.pressure_at_m = std::min(b.pressure_at_m, run.pressure[at_i][n]);
  }
  for (BlockSupply& b : out) b.low = b.min_pressure_m < min_pressure_m;
  return out;
}

}  // namespace et::sim
