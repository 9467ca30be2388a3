// The scene's water network as a hydraulic model of the secondary water supply (二次供水,
// DESIGN.md): the municipal main as a reservoir at the estate's connection, the meter, the
// ground tank filled through a float valve, the booster pumps lifting from the tank to the
// delivery header, the estate's mains with the scene's own ids, and per stairwell entrance
// (building_connection) a riser up to the highest fixture of the top floor carrying the
// entrance's households' demand on a residential 24-hour pattern. Written as an EPANET .inp
// (SI: LPS, m, Hazen-Williams; 24 h extended period), so the same model runs in EPANET.
// The figures behind it are in WaterModelOptions and README "Secondary water supply".
#pragma once

#include <map>
#include <string>
#include <vector>

#include "et/core/error.h"
#include "et/scene/scene.h"
#include "et/sim/network.h"
#include "et/sim/simulate.h"

namespace et::sim {

constexpr double kMetresPerMPa = 101.97;  // metres of water column per MPa (rho g, 1000 kg/m3)

struct WaterModelOptions {
  // Municipal service pressure at the estate's connection, above ground: 0.28 MPa is an
  // assumption (a typical city service pressure; configurable).
  double municipal_pressure_m = 0.28 * kMetresPerMPa;
  std::string municipal_node;  // "": a reservoir node, else supply=..., else note "municipal"
  // Demand: persons per household (assumption, between the 2020 census mean of 2.62 and the
  // 3.5 design practice uses) x litres per person per day (within GB 50015-2019's range for
  // ordinary housing, 130-300 L/person/day on the highest day).
  double persons_per_household = 2.8;
  double litres_per_person_day = 180.0;
  // Buildings: storey height and the highest fixture (a shower head / tap) above its floor.
  double floor_height_m = 2.9;
  double fixture_height_m = 1.0;
  double riser_diameter_mm = 50.0;  // old walk-up risers: DN50 galvanized steel
  double riser_run_m = 6.0;         // horizontal run in the stairwell and the flat
  // Ground tank: volume from its note ("60 m3"), else this; levels above its floor.
  double tank_volume_m3 = 60.0;
  double tank_max_level_m = 2.0, tank_init_level_m = 1.7, tank_min_level_m = 0.2;
  double float_close_level_m = 1.9, float_open_level_m = 1.6;  // the float valve
  double inlet_factor = 1.5;  // inlet valve flow = factor x the day's average demand
  // Booster pumps: design head lifts from the tank's minimum level to the highest fixture
  // with `design_service_m` left and `design_losses_m` for friction; design flow is the
  // peak hour x `design_flow_margin`.
  double design_service_m = 0.10 * kMetresPerMPa;
  double design_losses_m = 5.0;
  double design_flow_margin = 1.25;
  int year = 2026;  // for pipe ages (Hazen-Williams C)
};

// The riser and fixture node of one building connection (stairwell entrance).
struct FixtureNode {
  std::string connection;  // scene node id
  std::string node;        // "F-<connection>"
  std::string riser;       // "R-<connection>"
  std::string building;
  int entrance = 0, households = 0, floors = 0;
  double elevation_m = 0.0;  // of the highest fixture on the top floor
  double demand_lps = 0.0;   // base (average-day) demand
};

struct WaterModel {
  std::string inp;
  int network = -1;  // index of the water network in scene.networks
  std::vector<FixtureNode> fixtures;
  std::string reservoir;  // the municipal connection's id
  double reservoir_ground_m = 0.0;  // ground at the connection: pressures there are above it
  std::vector<std::string> tanks, pumps, inlet_valves;  // model ids
  double design_flow_lps = 0.0, design_head_m = 0.0, inlet_lps = 0.0;
  double total_demand_lps = 0.0;  // average day
  std::vector<std::string> warnings;  // unconnected pieces skipped, missing data
  std::vector<std::string> notes;     // links left out on purpose (informal, abandoned...)
};

Result<WaterModel> build_water_model(const Scene& scene, const WaterModelOptions& o);
Result<std::string> water_model_inp(const Scene& scene, const WaterModelOptions& o);

// Index of the first water network with a municipal connection and building connections, or -1.
int modelled_water_network(const Scene& scene, const WaterModelOptions& o);
// Hazen-Williams C for a pipe material at an age (README table).
double hazen_williams_c(const std::string& material, int install_year, int year);
// The residential demand pattern: 24 hourly factors, mean 1.
const std::vector<double>& residential_pattern();

// The model run over 24 h, every report time (15 min), in the network's units (m, LPS, m/s).
struct WaterRun {
  WaterModel model;
  SimNetwork net;
  RunSummary summary;
  std::vector<long> times;                          // s since midnight
  std::vector<std::vector<double>> pressure, head;  // [report][node]
  std::vector<std::vector<double>> flow;            // [report][link], signed
  std::vector<std::vector<double>> velocity;        // [report][link], signed like flow
};
Result<WaterRun> run_water_model(const Scene& scene, const WaterModelOptions& o);
Result<WaterRun> run_water_model(const Scene& scene, WaterModel model);

// Per block: the pressure at the highest fixture of its top floor (the worst entrance).
struct BlockSupply {
  std::string building;
  int floors = 0, entrances = 0, households = 0;
  double fixture_elevation_m = 0.0;
  double min_pressure_m = 0.0;  // over the day
  long min_time_s = 0;
  std::string min_fixture;
  double pressure_at_m = 0.0;  // at the asked time (the report time at or before it)
  bool low = false;            // min_pressure_m < threshold
};
std::vector<BlockSupply> supply_by_block(const WaterRun& run, long at_s, double min_pressure_m);

}  // namespace et::sim
