// estatetwin supply: the secondary water supply over a day (engine/sim scene_model.h): for
// each block, the pressure at the highest fixture of its top floor, lowest over the day and
// at the asked time, flagged below the adequate service pressure. A report: exit 0 even when
// blocks are flagged; 1 when the model cannot be built or solved.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include <nlohmann/json.hpp>

#include "et/core/file_io.h"
#include "et/sim/scene_model.h"
#include "verbs.h"

namespace et::app {

static const char* kSupplyHelp =
    "usage: estatetwin supply SCENE [--min-pressure M] [--time HH:MM] [--json] [--inp OUT.inp]\n"
    "Secondary water supply (municipal main -> meter -> ground tank -> booster pumps -> the\n"
    "estate's mains -> risers): a 24-hour extended-period simulation of the scene's water\n"
    "network; per block, the pressure at the highest fixture of the top floor.\n"
    "  --min-pressure M  adequate pressure there, metres of water (or with a unit: 0.1MPa,\n"
    "                    100kPa); default 0.10 MPa = 10.2 m (assumption, configurable)\n"
    "  --time HH:MM      the time of day to report as well (default 07:30, the morning peak)\n"
    "  --json            print the result as JSON\n"
    "  --inp OUT.inp     also write the generated EPANET model (compare it with EPANET)\n";

namespace {

Result<double> parse_pressure(const std::string& text) {
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  const std::string unit = end ? std::string(end) : std::string();
  double m = NAN;
  if (unit.empty() || unit == "m") m = v;
  else if (unit == "MPa") m = v * sim::kMetresPerMPa;
  else if (unit == "kPa") m = v * sim::kMetresPerMPa / 1000.0;
  if (end == text.c_str() || !std::isfinite(m) || m < 0.0 || m > 200.0)
    return Error{"--min-pressure: expected metres of water (0..200) or a value with MPa/kPa, got '" + text + "'"};
  return m;
}

std::string clock(long t) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02ld:%02ld", (t / 3600) % 24, (t / 60) % 60);
  return buf;
}

double mpa(double m) { return m / sim::kMetresPerMPa; }

}  // namespace

int verb_supply(const Argv& argv) {
  auto args = parse_args(argv, {"min-pressure", "time", "inp"}, {"json", "help"});
  if (!args) return fail(args.error(), 2);
  if (args->has("help")) return std::printf("%s", kSupplyHelp), 0;
  if (args->positional.size() != 1) return fail("supply: expected one SCENE (see --help)", 2);
  auto threshold = parse_pressure(args->get("min-pressure", "0.10MPa"));
  if (!threshold) return fail(threshold.error(), 2);
  auto at = parse_clock(args->get("time", "07:30"));
  if (!at) return fail(at.error(), 2);
  auto scene = load_scene(args->positional[0]);
  if (!scene) return fail(scene.error());

  sim::WaterModelOptions o;
  auto model = sim::build_water_model(*scene, o);
  if (!model) return fail(model.error());
  for (const std::string& w : model->warnings) std::fprintf(stderr, "estatetwin: warning: %s\n", w.c_str());
  // Written before the run, so that a model that does not solve can be looked at in EPANET.
  if (args->has("inp")) {
    if (Status s = write_text_atomic(args->get("inp"), model->inp); !s) return fail(s.error());
  }
  auto run = sim::run_water_model(*scene, std::move(*model));
  if (!run) return fail(run.error());
  const sim::WaterModel& m = run->model;
  for (const std::string& w : run->summary.warnings) std::fprintf(stderr, "estatetwin: solver: %s\n", w.c_str());
  const auto blocks = sim::supply_by_block(*run, long(*at), *threshold);
  int low = 0;
  for (const sim::BlockSupply& b : blocks) low += b.low;

  if (args->has("json")) {
    nlohmann::json j;
    j["scene"] = scene->name;
    j["threshold_m"] = *threshold;
    j["time"] = clock(long(*at));
    j["municipal_pressure_m"] = o.municipal_pressure_m;
    j["demand_lps"] = m.total_demand_lps;
    j["pump_design"] = {{"flow_lps", m.design_flow_lps}, {"head_m", m.design_head_m}};
    j["inlet_lps"] = m.inlet_lps;
    j["blocks"] = nlohmann::json::array();
    for (const sim::BlockSupply& b : blocks)
      j["blocks"].push_back({{"building", b.building}, {"floors", b.floors}, {"entrances", b.entrances},
                             {"households", b.households}, {"fixture_elevation_m", b.fixture_elevation_m},
                             {"min_pressure_m", b.min_pressure_m}, {"min_time", clock(b.min_time_s)},
                             {"min_fixture", b.min_fixture}, {"pressure_at_m", b.pressure_at_m}, {"low", b.low}});
    j["low_blocks"] = low;
    j["warnings"] = m.warnings;
    j["notes"] = m.notes;
    if (args->has("inp")) j["inp"] = args->get("inp");
    std::printf("%s\n", j.dump(2).c_str());
    return 0;
  }
  std::printf("%s: secondary water supply, 24 h (%zu risers, %.2f L/s average day, %d report times)\n",
              scene->name.c_str(), m.fixtures.size(), m.total_demand_lps, int(run->times.size()));
  std::printf("municipal main %s at %.2f MPa; tank inlet %.1f L/s; booster design %.1f L/s at %.1f m\n",
              m.reservoir.c_str(), mpa(o.municipal_pressure_m), m.inlet_lps, m.design_flow_lps, m.design_head_m);
  for (const std::string& n : m.notes) std::printf("note: %s\n", n.c_str());
  std::printf("pressure at the highest fixture of the top floor (adequate: >= %.1f m = %.3f MPa)\n",
              *threshold, mpa(*threshold));
  std::printf("block floors entr  hh  fixture at  lowest over the day                    at %s\n",
              clock(long(*at)).c_str());
  for (const sim::BlockSupply& b : blocks)
    std::printf("%-5s %6d %4d %3d %8.1f m  %5.1f m  %.3f MPa  %s  %-11s  %5.1f m  %s\n", b.building.c_str(),
                b.floors, b.entrances, b.households, b.fixture_elevation_m, b.min_pressure_m,
                mpa(b.min_pressure_m), clock(b.min_time_s).c_str(), b.min_fixture.c_str(), b.pressure_at_m,
                b.low ? "LOW" : "ok");
  // How the pump house ran: tank levels and pump flows over the day.
  auto range = [&](const std::vector<std::vector<double>>& v, int index, const char* what, const std::string& id,
                   const char* unit) {
    double lo = INFINITY, hi = -INFINITY;
    for (const auto& row : v) lo = std::min(lo, row[size_t(index)]), hi = std::max(hi, row[size_t(index)]);
    std::printf("%s %s: %.2f-%.2f %s over the day\n", what, id.c_str(), lo, hi, unit);
  };
  for (const std::string& t : m.tanks) range(run->pressure, run->net.node_index.at(t), "tank level", t, "m");
  for (const std::string& p : m.pumps) range(run->flow, run->net.link_index.at(p), "pump flow", p, "L/s");
  std::printf("%d of %zu blocks below %.1f m\n", low, blocks.size(), *threshold);
  if (args->has("inp")) std::printf("wrote %s\n", args->get("inp").c_str());
  return 0;
}

}  // namespace et::app
