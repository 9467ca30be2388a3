// EPANET-compatible hydraulics: the global gradient algorithm (Todini & Pilati) with
// EPANET's status checks for pumps, check valves, control valves and tank links, simple
// and rule-based controls, and extended-period time stepping (tank fill/drain, pattern,
// report and control times). Internal units: ft, cfs, s.
//
//   Hydraulics h(net);
//   h.init();
//   do { h.solve(); ...read results at h.time()...; } while (h.advance() > 0);
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "et/sim/network.h"

namespace et::sim {

struct SolveInfo {
  int trials = 0;
  double relerr = 0.0;
  bool converged = true;
  bool ill_conditioned = false;
};

class LinearSystem;

class Hydraulics {
 public:
  explicit Hydraulics(const SimNetwork& net);
  ~Hydraulics();
  Hydraulics(const Hydraulics&) = delete;
  Hydraulics& operator=(const Hydraulics&) = delete;

  // Initial state: tank levels, link statuses and settings, initial flows; time 0.
  void init();
  // Demands and controls for the current time, then one hydraulic solution.
  SolveInfo solve();
  // Moves to the next time (tank levels, rules); returns the step taken, 0 at the end.
  long advance();
  long time() const { return htime_; }
  // True once the run must stop (unsolvable, or unbalanced under UNBALANCED STOP).
  bool halted() const { return halted_; }

  // Results of the last solution, internal units.
  const std::vector<double>& head() const { return head_; }
  const std::vector<double>& node_demand() const { return demand_; }
  const std::vector<double>& flow() const { return flow_; }
  const std::vector<LinkStatus>& status() const { return status_; }
  const std::vector<double>& setting() const { return setting_; }

  // Values as EPANET 2.3 reports them (EN_PRESSURE, EN_HEAD, EN_DEMAND, EN_FLOW,
  // EN_VELOCITY, EN_STATUS), in the network's own units.
  double report_pressure(int node) const;
  double report_head(int node) const;
  double report_demand(int node) const;
  double report_flow(int link) const;
  double report_velocity(int link) const;
  int report_status(int link) const;

  // Warnings (EPANET's wording), in the order they arose; take_warnings() empties the list.
  std::vector<std::string> take_warnings();

 private:
  friend class LinearSystem;
  // headloss.cpp
  void head_loss_coeffs();
  void pipe_coeff(int k);
  void dw_pipe_coeff(int k);
  void pump_coeff(int k);
  void valve_coeff(int k, double km);
  void gpv_coeff(int k);
  void pbv_coeff(int k);
  void curve_coeff(int curve, double q, double& h0, double& r) const;
  // gga.cpp
  void matrix_coeffs();
  double new_flows();
  bool converged(double relerr);
  SolveInfo hydsolve();
  // status.cpp
  bool valve_status();
  bool link_status();
  bool pressure_switch();
  bool bad_valve(int node);
  LinkStatus cv_status(LinkStatus s, double dh, double q) const;
  LinkStatus pump_status(int k, double dh) const;
  LinkStatus prv_status(int k, LinkStatus s, double hset, double h1, double h2) const;
  LinkStatus psv_status(int k, LinkStatus s, double hset, double h1, double h2) const;
  LinkStatus fcv_status(int k, LinkStatus s, double h1, double h2) const;
  void tank_status(int k, int n, double q);
  void check_warnings(const SolveInfo& info);
  // controls.cpp
  int simple_controls();
  void control_timestep(long& tstep) const;
  void set_link_status(int k, bool open);
  void set_link_setting(int k, double value);
  void reset_pump_flow(int k);
  // rules.cpp
  void rule_timestep(long& tstep);
  int check_rules(long dt);
  bool premise_holds(const Premise& p, long dt) const;
  // eps.cpp
  void set_demands();
  long timestep();
  void tank_timestep(long& tstep) const;
  void tank_levels(long dt);
  double tank_volume(int t, double h) const;
  double tank_grade(int t, double v) const;
  void init_link_flow(int k);
  std::string clock(long t) const;

  const SimNetwork& net_;
  std::unique_ptr<LinearSystem> ls_;
  // State.
  std::vector<double> head_, demand_, demand_flow_, emitter_flow_, xflow_;
  std::vector<double> flow_, setting_, p_, y_;
  std::vector<LinkStatus> status_;
  std::vector<double> volume_;  // per tank
  std::vector<double> pump_h0_, pump_r_, pump_n_;  // current pump curve coefficients
  double relax_ = 1.0;
  double max_flow_change_ = 0.0;
  double dsystem_ = 0.0;
  long htime_ = 0, rtime_ = 0;
  bool halted_ = false;
  std::vector<std::string> warnings_;
};

}  // namespace et::sim
