// Extended-period simulation: initial state, demands and reservoir heads from patterns,
// pump speed patterns, the time step (hydraulic step cut at pattern, report, tank
// fill/drain and control times), tank levels, and the values EPANET reports.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "constants.h"
#include "et/sim/hydraulics.h"
#include "linear_system.h"

namespace et::sim {

Hydraulics::Hydraulics(const SimNetwork& net) : net_(net) {
  size_t nn = net.nodes.size(), nl = net.links.size();
  ls_ = std::make_unique<LinearSystem>(net);
  head_.assign(nn, 0.0);
  demand_.assign(nn, 0.0);
  demand_flow_.assign(nn, 0.0);
  emitter_flow_.assign(nn, 0.0);
  xflow_.assign(nn, 0.0);
  flow_.assign(nl, 0.0);
  setting_.assign(nl, 0.0);
  p_.assign(nl, 0.0);
  y_.assign(nl, 0.0);
  status_.assign(nl, LinkStatus::Open);
  volume_.assign(net.tanks.size(), 0.0);
  pump_h0_.assign(net.pumps.size(), 0.0);
  pump_r_.assign(net.pumps.size(), 0.0);
  pump_n_.assign(net.pumps.size(), 1.0);
}

Hydraulics::~Hydraulics() = default;

void Hydraulics::init_link_flow(int k) {
  size_t i = size_t(k);
  const Link& l = net_.links[i];
  if (status_[i] == LinkStatus::Closed) flow_[i] = kQZero;
  else if (l.type == LinkType::Pump) flow_[i] = setting_[i] * net_.pumps[size_t(l.pump)].q0;
  else flow_[i] = kPi * l.diam * l.diam / 4.0;
}

void Hydraulics::init() {
  for (size_t t = 0; t < net_.tanks.size(); ++t) {
    const Tank& tk = net_.tanks[t];
    volume_[t] = tk.v0;
    head_[size_t(tk.node)] = tk.h0;
    demand_[size_t(tk.node)] = 0.0;
  }
  for (int n = 0; n < net_.njuncs; ++n) {
    head_[size_t(n)] = net_.nodes[size_t(n)].elev;
    emitter_flow_[size_t(n)] = net_.nodes[size_t(n)].emitter > 0.0 ? 1.0 : 0.0;
    demand_flow_[size_t(n)] = 0.0;
  }
  for (size_t k = 0; k < net_.links.size(); ++k) {
    const Link& l = net_.links[k];
    status_[k] = l.init_status;
    setting_[k] = l.init_setting;
    if ((l.type == LinkType::PRV || l.type == LinkType::PSV || l.type == LinkType::FCV) &&
        setting_[k] != kMissing)
      status_[k] = LinkStatus::Active;
    if (status_[k] <= LinkStatus::Closed) flow_[k] = kQZero;
    else init_link_flow(int(k));
  }
  htime_ = 0;
  rtime_ = net_.times.report_step;
  halted_ = false;
  warnings_.clear();
}

void Hydraulics::set_demands() {
  const Times& tm = net_.times;
  long p = (htime_ + tm.pattern_start) / tm.pattern_step;
  auto factor = [&](int pat) {
    if (pat < 0) return 1.0;
    const std::vector<double>& f = net_.patterns[size_t(pat)].f;
    return f[size_t(p % long(f.size()))];
  };
  const double dmult = net_.options.demand_mult;
  dsystem_ = 0.0;
  for (int n = 0; n < net_.njuncs; ++n) {
    double sum = 0.0;
    for (const Demand& d : net_.nodes[size_t(n)].demands) {
      double dj = d.base * factor(d.pattern) * dmult;
      if (dj > 0.0) dsystem_ += dj;
      sum += dj;
    }
    demand_[size_t(n)] = sum;
    demand_flow_[size_t(n)] = sum;
  }
  for (const Tank& t : net_.tanks) {
    if (t.reservoir && t.pattern >= 0)
      head_[size_t(t.node)] = net_.nodes[size_t(t.node)].elev * factor(t.pattern);
  }
  for (const Pump& pump : net_.pumps) {
    if (pump.speed_pattern >= 0) set_link_setting(pump.link, factor(pump.speed_pattern));
  }
}

SolveInfo Hydraulics::solve() {
  set_demands();
  simple_controls();
  SolveInfo info = hydsolve();
  if (info.ill_conditioned) {
    halted_ = true;
  } else if (info.relerr > net_.options.accuracy && net_.options.extra_iter == -1) {
    halted_ = true;
  }
  check_warnings(info);
  return info;
}

long Hydraulics::advance() {
  const Times& tm = net_.times;
  if (halted_) htime_ = tm.duration;
  long step = 0;
  if (htime_ < tm.duration) step = timestep();
  if (htime_ < tm.duration) {
    htime_ += step;
    if (htime_ >= rtime_) rtime_ += tm.report_step;
  } else {
    ++htime_;
  }
  return step;
}

long Hydraulics::timestep() {
  const Times& tm = net_.times;
  long tstep = tm.hyd_step;
  long n = (htime_ + tm.pattern_start) / tm.pattern_step + 1;
  long t = n * tm.pattern_step - htime_;
  if (t > 0 && t < tstep) tstep = t;
  t = rtime_ - htime_;
  if (t > 0 && t < tstep) tstep = t;
  tank_timestep(tstep);
  control_timestep(tstep);
  if (!net_.rules.empty()) rule_timestep(tstep);
  else tank_levels(tstep);
  return tstep;
}

void Hydraulics::tank_timestep(long& tstep) const {
  for (size_t i = 0; i < net_.tanks.size(); ++i) {
    const Tank& t = net_.tanks[i];
    if (t.reservoir) continue;
    double h = head_[size_t(t.node)];
    double q = demand_[size_t(t.node)];
    if (std::fabs(q) <= kQZero) continue;
    double v;
    if (q > 0.0 && h < t.hmax) v = t.vmax - volume_[i];
    else if (q < 0.0 && h > t.hmin) v = t.vmin - volume_[i];
    else continue;
    double xt = v / q;
    if (std::fabs(xt) > double(tstep) + 1.0) continue;
    long ts = std::lround(xt);
    if (ts > 0 && ts < tstep) tstep = ts;
  }
}

void Hydraulics::tank_levels(long dt) {
  for (size_t i = 0; i < net_.tanks.size(); ++i) {
    const Tank& t = net_.tanks[i];
    if (t.reservoir) continue;
    double q = demand_[size_t(t.node)];
    if (std::fabs(q) <= kQZero) continue;
    volume_[i] += q * double(dt);
    if (volume_[i] + q >= t.vmax && !t.can_overflow) volume_[i] = t.vmax;
    else if (volume_[i] - q <= t.vmin) volume_[i] = t.vmin;
    head_[size_t(t.node)] = tank_grade(int(i), volume_[i]);
  }
}

namespace {

double interp(const std::vector<double>& x, const std::vector<double>& y, double xx) {
  size_t m = x.size() - 1;
  if (xx <= x[0]) return y[0];
  for (size_t k = 1; k <= m; ++k) {
    if (x[k] >= xx) {
      double dx = x[k] - x[k - 1], dy = y[k] - y[k - 1];
      if (std::fabs(dx) < kTiny) return y[k];
      return y[k] - (x[k] - xx) * dy / dx;
    }
  }
  return y[m];
}

}  // namespace

double Hydraulics::tank_volume(int ti, double h) const {
  const Tank& t = net_.tanks[size_t(ti)];
  if (t.vcurve < 0) return t.vmin + (h - t.hmin) * t.area;
  const Curve& c = net_.curves[size_t(t.vcurve)];
  double el = net_.nodes[size_t(t.node)].elev;
  return interp(c.x, c.y, (h - el) * net_.ucf.head) / net_.ucf.volume;
}

double Hydraulics::tank_grade(int ti, double v) const {
  const Tank& t = net_.tanks[size_t(ti)];
  if (t.vcurve < 0) return t.hmin + (v - t.vmin) / t.area;
  const Curve& c = net_.curves[size_t(t.vcurve)];
  double el = net_.nodes[size_t(t.node)].elev;
  return el + interp(c.y, c.x, v * net_.ucf.volume) / net_.ucf.head;
}

std::string Hydraulics::clock(long t) const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", t / 3600, (t % 3600) / 60, t % 60);
  return buf;
}

std::vector<std::string> Hydraulics::take_warnings() {
  std::vector<std::string> w;
  w.swap(warnings_);
  return w;
}

double Hydraulics::report_head(int n) const { return head_[size_t(n)] * net_.ucf.head; }

double Hydraulics::report_pressure(int n) const {
  return (head_[size_t(n)] - net_.nodes[size_t(n)].elev) * net_.ucf.pressure;
}

double Hydraulics::report_demand(int n) const { return demand_[size_t(n)] * net_.ucf.flow; }

double Hydraulics::report_flow(int k) const {
  if (status_[size_t(k)] <= LinkStatus::Closed) return 0.0;
  return flow_[size_t(k)] * net_.ucf.flow;
}

double Hydraulics::report_velocity(int k) const {
  const Link& l = net_.links[size_t(k)];
  if (l.type == LinkType::Pump || status_[size_t(k)] <= LinkStatus::Closed) return 0.0;
  double a = kPi * l.diam * l.diam / 4.0;
  return std::fabs(flow_[size_t(k)]) / a * net_.ucf.head;
}

int Hydraulics::report_status(int k) const {
  LinkStatus s = status_[size_t(k)];
  if (s <= LinkStatus::Closed) return 0;
  if (s == LinkStatus::Open) return 1;
  return 2;  // active, or a valve that cannot deliver its setting (XFCV, XPRESSURE)
}

}  // namespace et::sim
