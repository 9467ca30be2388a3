// After all sections are read: time step rules, default pattern, unit conversion, tank
// volumes, pipe resistances and pump curve fits (as EPANET prepares them).
#include <cmath>

#include "inp_parser.h"

namespace et::sim::inp {

namespace {

constexpr double kPi = 3.14159265358979323846;

const double kFlowFactor[] = {1.0,    448.831, 0.64632, 0.5382, 1.9837,  28.317,
                              1699.0, 2.4466,  101.94,  2446.6, 0.028317};

double interp(const std::vector<double>& x, const std::vector<double>& y, double xx) {
  size_t m = x.size() - 1;
  if (xx <= x[0]) return y[0];
  for (size_t k = 1; k <= m; ++k) {
    if (x[k] >= xx) {
      double dx = x[k] - x[k - 1], dy = y[k] - y[k - 1];
      if (std::fabs(dx) < 1e-6) return y[k];
      return y[k] - (x[k] - xx) * dy / dx;
    }
  }
  return y[m];
}

// Fits h = a + b q^c through (0, h0), (q1, h1), (q2, h2); false if the points do not allow it.
bool power_curve(double h0, double h1, double h2, double q1, double q2, double& a, double& b,
                 double& c) {
  const double tiny = 1e-6;
  if (h0 < tiny || h0 - h1 < tiny || h1 - h2 < tiny || q1 < tiny || q2 - q1 < tiny) return false;
  a = h0;
  double h4 = h0 - h1, h5 = h0 - h2;
  c = std::log(h5 / h4) / std::log(q2 / q1);
  if (c <= 0.0 || c > 20.0) return false;
  b = -h4 / std::pow(q1, c);
  return b < 0.0;
}

}  // namespace

void Parser::finish_times() {
  Times& t = net_.times;
  if (t.report_step == 0) t.report_step = t.pattern_step;
  t.hyd_step = std::min(t.hyd_step, t.pattern_step);
  t.hyd_step = std::min(t.hyd_step, t.report_step);
  if (t.report_start > t.duration) t.report_start = 0;
  if (t.rule_step == 0) t.rule_step = t.hyd_step / 10;
  t.rule_step = std::min(t.rule_step, t.hyd_step);
  if (t.rule_step <= 0) t.rule_step = 1;
}

void Parser::finish_units() {
  Options& o = net_.options;
  UnitFactors& u = net_.ucf;
  o.si = o.flow_units >= FlowUnits::LPS;
  if (!pressure_given_) o.pressure_units = o.si ? PressureUnits::Meters : PressureUnits::PSI;
  double hcf = o.si ? 0.3048 : 1.0;
  u.flow = kFlowFactor[int(o.flow_units)];
  u.head = hcf;
  u.diam = o.si ? 304.8 : 12.0;
  u.volume = hcf * hcf * hcf;
  u.power = o.si ? 0.7457 : 1.0;
  switch (o.pressure_units) {
    case PressureUnits::PSI: u.pressure = 0.4333 * o.spgrav; break;
    case PressureUnits::KPA: u.pressure = 6.895 * 0.4333 * o.spgrav; break;
    case PressureUnits::Meters: u.pressure = 0.3048; break;  // head units: no gravity
    case PressureUnits::Bar: u.pressure = 0.0689476 * 0.4333 * o.spgrav; break;
    case PressureUnits::Feet: u.pressure = 1.0; break;
  }
  if (raw_viscosity_ == 0.0) o.viscosity = 1.1e-5;
  else if (raw_viscosity_ > 1e-3) o.viscosity = raw_viscosity_ * 1.1e-5;
  else o.viscosity = o.si ? raw_viscosity_ / (0.3048 * 0.3048) : raw_viscosity_;
  if (o.si) {
    o.head_error /= 0.3048;
  }
  o.flow_change /= u.flow;

  // Demands and emitters.
  int defpat = -1;
  auto it = pattern_index_.find(o.default_pattern);
  if (it != pattern_index_.end()) defpat = it->second;
  // Emitter coefficients are flow per (psi)^(1/Qexp) in US units, per (m)^(1/Qexp) in SI,
  // whatever the pressure units.
  double ecf = std::pow(u.flow, o.qexp) / (o.si ? 0.3048 : 0.4333 * o.spgrav);
  for (Node& n : net_.nodes) {
    n.elev /= hcf;
    for (Demand& d : n.demands) {
      d.base /= u.flow;
      if (d.pattern < 0) d.pattern = defpat;
    }
    if (n.emitter > 0) n.emitter = ecf / std::pow(n.emitter, o.qexp);
  }
  for (Pattern& p : net_.patterns)
    if (p.f.empty()) p.f.push_back(1.0);
}

void Parser::finish_tanks() {
  double hcf = net_.ucf.head;
  for (size_t i = 0; i < net_.tanks.size(); ++i) {
    Tank& t = net_.tanks[i];
    double el = net_.nodes[size_t(t.node)].elev;  // already internal
    if (t.reservoir) {
      t.h0 = t.hmin = t.hmax = el;
      continue;
    }
    const RawTank& raw = raw_tanks_[i];
    double diam = raw.diam;
    double vmin, vmax, v0;
    if (t.vcurve >= 0) {
      const Curve& c = net_.curves[size_t(t.vcurve)];
      Row r;
      r.line = raw.row;
      r.section = kTanks;
      if (c.x.size() < 2) fail(r, "tank " + net_.nodes[size_t(t.node)].id + ": volume curve " + c.id + " needs at least 2 points");
      if (raw.minl < c.x.front() || raw.maxl > c.x.back())
        fail(r, "tank " + net_.nodes[size_t(t.node)].id + ": levels outside volume curve " + c.id);
      vmin = interp(c.x, c.y, raw.minl);
      vmax = interp(c.x, c.y, raw.maxl);
      v0 = interp(c.x, c.y, raw.init);
      double a = (c.y.back() - c.y.front()) / (c.x.back() - c.x.front());
      diam = std::sqrt(4.0 * a / kPi);
    } else {
      double area = kPi * diam * diam / 4.0;
      vmin = area * raw.minl;
      if (raw.minvol > 0.0) vmin = raw.minvol;
      v0 = vmin + area * (raw.init - raw.minl);
      vmax = vmin + area * (raw.maxl - raw.minl);
    }
    t.h0 = el + raw.init / hcf;
    t.hmin = el + raw.minl / hcf;
    t.hmax = el + raw.maxl / hcf;
    t.area = kPi * (diam / hcf) * (diam / hcf) / 4.0;
    t.v0 = v0 / net_.ucf.volume;
    t.vmin = vmin / net_.ucf.volume;
    t.vmax = vmax / net_.ucf.volume;
  }
}

void Parser::finish_links() {
  const Options& o = net_.options;
  const UnitFactors& u = net_.ucf;
  for (Link& l : net_.links) {
    if (l.type == LinkType::Pump) continue;
    l.diam /= u.diam;
    l.km = 0.02517 * l.km / (l.diam * l.diam * l.diam * l.diam);
    if (l.type <= LinkType::Pipe) {
      l.length /= u.head;
      double d = l.diam;
      if (o.headloss == HeadLossFormula::DarcyWeisbach) {
        l.kc /= 1000.0 * u.head;
        double a = kPi * d * d / 4.0;
        l.r = l.length / 2.0 / 32.2 / d / (a * a);
      } else if (o.headloss == HeadLossFormula::HazenWilliams) {
        l.r = 4.727 * l.length / std::pow(l.kc, 1.852) / std::pow(d, 4.871);
      } else {
        double s = 4.0 * l.kc / (1.49 * kPi * d * d);
        l.r = s * s * std::pow(d / 4.0, -1.333) * l.length;
      }
      l.init_setting = l.kc;
    } else if (l.init_setting != kMissing) {
      if (l.type == LinkType::FCV) l.init_setting /= u.flow;
      else if (l.type == LinkType::PRV || l.type == LinkType::PSV || l.type == LinkType::PBV)
        l.init_setting /= u.pressure;
    }
  }
  // Valve arrangements EPANET cannot solve.
  for (size_t a = 0; a < net_.valves.size(); ++a) {
    const Link& v = net_.links[size_t(net_.valves[a])];
    for (size_t b = 0; b < net_.valves.size(); ++b) {
      if (a == b) continue;
      const Link& w = net_.links[size_t(net_.valves[b])];
      LinkType t = v.type, wt = w.type;
      bool bad = false;
      if (wt == LinkType::PRV && t == LinkType::PRV) bad = w.n2 == v.n2 || w.n2 == v.n1 || w.n1 == v.n2;
      if (wt == LinkType::PSV && t == LinkType::PSV) bad = w.n1 == v.n1 || w.n1 == v.n2 || w.n2 == v.n1;
      if (wt == LinkType::PSV && t == LinkType::PRV && w.n1 == v.n2) bad = true;
      if (wt == LinkType::PRV && t == LinkType::PSV && w.n2 == v.n1) bad = true;
      if (wt == LinkType::FCV && t == LinkType::PSV && w.n2 == v.n1) bad = true;
      if (wt == LinkType::FCV && t == LinkType::PRV && w.n1 == v.n2) bad = true;
      if (wt == LinkType::PSV && t == LinkType::FCV && w.n1 == v.n2) bad = true;
      if (wt == LinkType::PRV && t == LinkType::FCV && w.n2 == v.n1) bad = true;
      if (bad) {
        Row r;
        r.line = v.line;
        r.section = kValves;
        fail(r, "valve " + v.id + " conflicts with valve " + w.id +
                    " (PRVs/PSVs/FCVs sharing nodes or in series)");
      }
    }
  }
}

void Parser::finish_pumps() {
  const UnitFactors& u = net_.ucf;
  for (size_t i = 0; i < net_.pumps.size(); ++i) {
    Pump& p = net_.pumps[i];
    const RawPump& raw = raw_pumps_[i];
    Row r;
    r.line = raw.row;
    r.section = kPumps;
    const std::string& id = net_.links[size_t(p.link)].id;
    if (raw.has_power) {
      p.kind = PumpKind::ConstPower;
      p.h0 = 0.0;
      // EPANET 2.3 converts a power given in kW to hp twice (as epanet-js 0.9.0 shows).
      p.r = -8.814 * raw.power / (u.power * u.power);
      p.n = -1.0;
      p.hmax = 1e10;
      p.qmax = 1e10;
      p.q0 = 1.0;
      continue;
    }
    const Curve& c = net_.curves[size_t(p.head_curve)];
    size_t n = c.x.size();
    if (n == 0) fail(r, "pump " + id + ": head curve " + c.id + " has no points");
    double h0 = 0, h1 = 0, h2 = 0, q1 = 0, q2 = 0;
    if (n == 1) {
      p.kind = PumpKind::PowerFunction;
      q1 = c.x[0];
      h1 = c.y[0];
      h0 = 1.33334 * h1;
      q2 = 2.0 * q1;
      h2 = 0.0;
    } else if (n == 3 && c.x[0] == 0.0) {
      p.kind = PumpKind::PowerFunction;
      h0 = c.y[0];
      q1 = c.x[1];
      h1 = c.y[1];
      q2 = c.x[2];
      h2 = c.y[2];
    } else {
      p.kind = PumpKind::Custom;
    }
    if (p.kind == PumpKind::PowerFunction) {
      double a, b, cc;
      if (!power_curve(h0, h1, h2, q1, q2, a, b, cc))
        fail(r, "pump " + id + ": head curve " + c.id + " cannot be fitted as h = A - B q^C (heads must fall as flows rise)");
      p.h0 = -a / u.head;
      p.r = -b * std::pow(u.flow, cc) / u.head;
      p.n = cc;
      p.q0 = q1 / u.flow;
      p.qmax = std::pow(-a / b, 1.0 / cc) / u.flow;
      p.hmax = h0 / u.head;
    } else {
      for (size_t m = 1; m < n; ++m)
        if (c.y[m] >= c.y[m - 1] || c.x[m] <= c.x[m - 1])
          fail(r, "pump " + id + ": head curve " + c.id + " must have rising flows and falling heads");
      p.qmax = c.x[n - 1] / u.flow;
      p.q0 = (c.x[0] + c.x[n - 1]) / 2.0 / u.flow;
      p.hmax = c.y[0] / u.head;
    }
  }
}

void Parser::finish_controls() {
  const UnitFactors& u = net_.ucf;
  for (Control& c : net_.controls) {
    if (c.node >= 0) {
      double el = net_.nodes[size_t(c.node)].elev;
      c.grade = net_.is_junction(c.node) ? el + c.grade / u.pressure : el + c.grade / u.head;
    }
    const Link& l = net_.links[size_t(c.link)];
    if (c.setting != kMissing) {
      if (l.type == LinkType::PRV || l.type == LinkType::PSV || l.type == LinkType::PBV)
        c.setting /= u.pressure;
      else if (l.type == LinkType::FCV)
        c.setting /= u.flow;
    }
  }
}

void Parser::finish() {
  finish_times();
  finish_units();
  finish_tanks();
  finish_links();
  finish_pumps();
  finish_controls();
}

}  // namespace et::sim::inp
