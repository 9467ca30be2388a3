// The water network as the hydraulic solver sees it: plain data read from an EPANET .inp
// file (et/sim/inp.h), already converted to the solver's internal units (feet, cubic feet
// per second, seconds), with the factors to convert results back to the file's own units.
// Nodes are ordered as EPANET orders them: junctions first (file order), then reservoirs
// and tanks (file order); links in file order.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace et::sim {

// Marks a valve setting that is not set (the valve is fixed open or closed).
constexpr double kMissing = -1.0e10;

enum class FlowUnits : uint8_t { CFS, GPM, MGD, IMGD, AFD, LPS, LPM, MLD, CMH, CMD, CMS };
enum class HeadLossFormula : uint8_t { HazenWilliams, DarcyWeisbach, ChezyManning };
enum class PressureUnits : uint8_t { PSI, KPA, Meters, Bar, Feet };

// Link status during a solution. The order matters: anything <= Closed is closed.
enum class LinkStatus : uint8_t {
  XHead,       // pump closed: cannot deliver the head
  TempClosed,  // closed by a full/empty tank or a check
  Closed,
  Open,
  Active,      // control valve regulating
  XFlow,       // pump beyond its curve
  XFCV,        // FCV cannot deliver its flow
  XPressure,   // PRV/PSV cannot deliver its pressure
};

// The order matters as in EPANET (type > Pipe: pumps and valves; type >= PRV: valves).
enum class LinkType : uint8_t { CV, Pipe, Pump, PRV, PSV, PBV, FCV, TCV, GPV };
enum class PumpKind : uint8_t { ConstPower, PowerFunction, Custom };
enum class ControlType : uint8_t { LowLevel, HighLevel, Timer, TimeOfDay };

struct Demand {
  double base = 0.0;  // cfs
  int pattern = -1;   // -1: none (factor 1)
  std::string category;
};

struct Node {
  std::string id;
  double elev = 0.0;      // ft; for a reservoir, its head
  std::vector<Demand> demands;
  double emitter = 0.0;   // head loss coefficient h = Ke q^Qexp (ft, cfs); 0 = none
  int tank = -1;          // index into SimNetwork::tanks for reservoirs and tanks
  int line = 0;           // where it was defined, for messages
};

struct Tank {
  int node = -1;
  bool reservoir = false;
  int pattern = -1;        // reservoir head pattern
  double h0 = 0, hmin = 0, hmax = 0;  // heads, ft
  double area = 0;         // ft2 (nominal with a volume curve)
  double v0 = 0, vmin = 0, vmax = 0;  // ft3
  int vcurve = -1;         // volume curve (user units: level, volume)
  bool can_overflow = false;
};

struct Link {
  std::string id;
  LinkType type = LinkType::Pipe;
  int n1 = -1, n2 = -1;
  double length = 0.0;     // ft
  double diam = 0.0;       // ft
  double kc = 0.0;         // roughness: HW C, DW ft, Manning n
  double km = 0.0;         // minor loss coefficient on a flow basis: h = km q^2
  double r = 0.0;          // pipe resistance
  LinkStatus init_status = LinkStatus::Open;
  double init_setting = 0.0;  // pump speed, valve setting (internal units), GPV curve index
  int pump = -1;           // index into pumps
  int line = 0;
};

struct Pump {
  int link = -1;
  PumpKind kind = PumpKind::PowerFunction;
  int head_curve = -1;
  int speed_pattern = -1;
  double h0 = 0, r = 0, n = 1;  // head loss = h0 + r q^n (h0 < 0: head gain)
  double q0 = 0, qmax = 0, hmax = 0;
};

struct Curve {
  std::string id;
  std::vector<double> x, y;  // user units
};

struct Pattern {
  std::string id;
  std::vector<double> f;
};

struct Control {
  int link = -1;
  int node = -1;            // for level controls
  ControlType type = ControlType::Timer;
  LinkStatus status = LinkStatus::Open;
  double setting = kMissing;  // internal units
  double grade = 0.0;       // head at which a level control acts, ft
  long time = 0;            // s (elapsed, or of the day)
};

enum class RuleObject : uint8_t { Node, Link, System };
enum class RuleVariable : uint8_t {
  Demand, Head, Grade, Level, Pressure, Flow, Status, Setting, Power, Time, ClockTime,
  FillTime, DrainTime
};
enum class RuleOperator : uint8_t { EQ, NE, LE, GE, LT, GT };
enum class RuleStatus : uint8_t { None, Open, Closed, Active };

struct Premise {
  bool is_or = false;
  RuleObject object = RuleObject::Node;
  int index = -1;
  RuleVariable variable = RuleVariable::Demand;
  RuleOperator op = RuleOperator::EQ;
  RuleStatus status = RuleStatus::None;  // for STATUS premises
  double value = 0.0;                    // user units; seconds for times
};

struct Action {
  int link = -1;
  RuleStatus status = RuleStatus::None;
  double setting = kMissing;  // user units
};

struct Rule {
  std::string label;
  std::vector<Premise> premises;
  std::vector<Action> then_actions, else_actions;
  double priority = 0.0;
};

// Factors from internal units to the file's units: user = internal * factor.
struct UnitFactors {
  double flow = 1, head = 1, diam = 12, pressure = 0.4333, volume = 1, power = 1;
};

struct Options {
  FlowUnits flow_units = FlowUnits::GPM;
  bool si = false;
  PressureUnits pressure_units = PressureUnits::PSI;
  HeadLossFormula headloss = HeadLossFormula::HazenWilliams;
  double spgrav = 1.0;
  double viscosity = 1.1e-5;   // ft2/s
  int max_iter = 200;
  double accuracy = 0.001;
  double htol = 0.0005;        // ft
  double qtol = 0.0001;        // cfs
  double rqtol = 1.0e-7;
  int check_freq = 2;
  int max_check = 10;
  double damp_limit = 0.0;
  int extra_iter = -1;         // -1: stop when unbalanced
  double demand_mult = 1.0;
  double qexp = 2.0;           // emitter head loss exponent (1 / emitter exponent)
  double head_error = 0.0;     // ft, 0 = not checked
  double flow_change = 0.0;    // cfs, 0 = not checked
  std::string default_pattern = "1";
};

struct Times {
  long duration = 0, hyd_step = 3600, pattern_step = 3600, pattern_start = 0;
  long report_step = 3600, report_start = 0, rule_step = 0, start_clock = 0;
};

struct SimNetwork {
  std::string path;
  std::string title;
  std::vector<Node> nodes;
  int njuncs = 0;
  std::vector<Tank> tanks;
  std::vector<Link> links;
  std::vector<Pump> pumps;
  std::vector<int> valves;  // link indices of valves, in file order
  std::vector<Curve> curves;
  std::vector<Pattern> patterns;
  std::vector<Control> controls;
  std::vector<Rule> rules;
  Options options;
  Times times;
  UnitFactors ucf;
  std::vector<std::string> notes;  // things read but not modelled, said once

  std::unordered_map<std::string, int> node_index, link_index;

  bool is_junction(int n) const { return n < njuncs; }
};

const char* flow_units_name(FlowUnits u);

}  // namespace et::sim
