// Status checks during a solution, as EPANET makes them: PRV/PSV every trial; pumps,
// check valves, FCVs and links to full or empty tanks at periodic checks and at
// convergence; junction-pressure controls at convergence; and the warnings after it.
#include <algorithm>
#include <cmath>
#include <deque>

#include "constants.h"
#include "et/sim/hydraulics.h"

namespace et::sim {

LinkStatus Hydraulics::prv_status(int k, LinkStatus s, double hset, double h1, double h2) const {
  const double htol = net_.options.htol, qtol = net_.options.qtol;
  double q = flow_[size_t(k)];
  double hml = net_.links[size_t(k)].km * q * q;
  switch (s) {
    case LinkStatus::Active:
      if (q < -qtol) return LinkStatus::Closed;
      if (h1 - hml < hset - htol) return LinkStatus::Open;
      return LinkStatus::Active;
    case LinkStatus::Open:
      if (q < -qtol) return LinkStatus::Closed;
      if (h2 >= hset + htol) return LinkStatus::Active;
      return LinkStatus::Open;
    case LinkStatus::Closed:
      if (h1 >= hset + htol && h2 < hset - htol) return LinkStatus::Active;
      if (h1 < hset - htol && h1 > h2 + htol) return LinkStatus::Open;
      return LinkStatus::Closed;
    case LinkStatus::XPressure:
      if (q < -qtol) return LinkStatus::Closed;
      return s;
    default:
      return s;
  }
}

LinkStatus Hydraulics::psv_status(int k, LinkStatus s, double hset, double h1, double h2) const {
  const double htol = net_.options.htol, qtol = net_.options.qtol;
  double q = flow_[size_t(k)];
  double hml = net_.links[size_t(k)].km * q * q;
  switch (s) {
    case LinkStatus::Active:
      if (q < -qtol) return LinkStatus::Closed;
      if (h2 + hml > hset + htol) return LinkStatus::Open;
      return LinkStatus::Active;
    case LinkStatus::Open:
      if (q < -qtol) return LinkStatus::Closed;
      if (h1 < hset - htol) return LinkStatus::Active;
      return LinkStatus::Open;
    case LinkStatus::Closed:
      if (h2 > hset + htol && h1 > h2 + htol) return LinkStatus::Open;
      if (h1 >= hset + htol && h1 > h2 + htol) return LinkStatus::Active;
      return LinkStatus::Closed;
    case LinkStatus::XPressure:
      if (q < -qtol) return LinkStatus::Closed;
      return s;
    default:
      return s;
  }
}

bool Hydraulics::valve_status() {
  bool change = false;
  for (int k : net_.valves) {
    size_t i = size_t(k);
    if (setting_[i] == kMissing) continue;
    const Link& l = net_.links[i];
    LinkStatus s = status_[i];
    double h1 = head_[size_t(l.n1)], h2 = head_[size_t(l.n2)];
    if (l.type == LinkType::PRV)
      status_[i] = prv_status(k, s, net_.nodes[size_t(l.n2)].elev + setting_[i], h1, h2);
    else if (l.type == LinkType::PSV)
      status_[i] = psv_status(k, s, net_.nodes[size_t(l.n1)].elev + setting_[i], h1, h2);
    else
      continue;
    if (status_[i] != s) change = true;
  }
  return change;
}

LinkStatus Hydraulics::cv_status(LinkStatus s, double dh, double q) const {
  const double htol = net_.options.htol, qtol = net_.options.qtol;
  if (std::fabs(dh) > htol) {
    if (dh < -htol) return LinkStatus::Closed;
    if (q < -qtol) return LinkStatus::Closed;
    return LinkStatus::Open;
  }
  if (q < -qtol) return LinkStatus::Closed;
  return s;
}

LinkStatus Hydraulics::pump_status(int k, double dh) const {
  const Pump& p = net_.pumps[size_t(net_.links[size_t(k)].pump)];
  // A constant-power pump shuts off at (almost) no flow: 0.0001 cfs.
  if (p.kind == PumpKind::ConstPower)
    return flow_[size_t(k)] < 0.0001 ? LinkStatus::XHead : LinkStatus::Open;
  double hmax = setting_[size_t(k)] * setting_[size_t(k)] * p.hmax;
  if (dh > hmax + net_.options.htol) return LinkStatus::XHead;
  return LinkStatus::Open;
}

LinkStatus Hydraulics::fcv_status(int k, LinkStatus s, double h1, double h2) const {
  const double htol = net_.options.htol, qtol = net_.options.qtol;
  double q = flow_[size_t(k)];
  if (h1 - h2 < -htol) return LinkStatus::XFCV;
  if (q < -qtol) return LinkStatus::XFCV;
  if (s == LinkStatus::XFCV && q >= setting_[size_t(k)]) return LinkStatus::Active;
  // An active valve cannot lose less than it does fully open.
  if (s == LinkStatus::Active && (h1 - h2) / (q * q) < net_.links[size_t(k)].km)
    return LinkStatus::XFCV;
  return s;
}

// Closes link k if it would fill tank node n beyond full or drain it below empty; q is the
// link's flow out of the tank.
void Hydraulics::tank_status(int k, int n, double q) {
  size_t i = size_t(k);
  if (status_[i] <= LinkStatus::Closed) return;
  const Tank& t = net_.tanks[size_t(net_.nodes[size_t(n)].tank)];
  if (t.reservoir) return;
  double h = head_[size_t(n)];
  if (h >= t.hmax && !t.can_overflow && q < 0.0) status_[i] = LinkStatus::TempClosed;
  else if (h <= t.hmin && q > 0.0) status_[i] = LinkStatus::TempClosed;
}

bool Hydraulics::link_status() {
  bool change = false;
  const int nj = net_.njuncs;
  for (int k = 0; k < int(net_.links.size()); ++k) {
    size_t i = size_t(k);
    const Link& l = net_.links[i];
    double dh = head_[size_t(l.n1)] - head_[size_t(l.n2)];
    LinkStatus s = status_[i];
    if (s == LinkStatus::XHead || s == LinkStatus::TempClosed) status_[i] = LinkStatus::Open;
    if (l.type == LinkType::CV) status_[i] = cv_status(status_[i], dh, flow_[i]);
    if (l.type == LinkType::Pump && status_[i] >= LinkStatus::Open && setting_[i] > 0.0)
      status_[i] = pump_status(k, -dh);
    if (l.type == LinkType::FCV && setting_[i] != kMissing)
      status_[i] = fcv_status(k, s, head_[size_t(l.n1)], head_[size_t(l.n2)]);
    if (l.n1 >= nj) tank_status(k, l.n1, flow_[i]);
    if (l.n2 >= nj) tank_status(k, l.n2, -flow_[i]);
    if (status_[i] != s) change = true;
  }
  return change;
}

bool Hydraulics::pressure_switch() {
  bool any = false;
  const double htol = net_.options.htol;
  for (const Control& c : net_.controls) {
    if (c.link < 0 || c.node < 0 || !net_.is_junction(c.node)) continue;
    bool reset = false;
    double h = head_[size_t(c.node)];
    if (c.type == ControlType::LowLevel && h <= c.grade + htol) reset = true;
    if (c.type == ControlType::HighLevel && h >= c.grade - htol) reset = true;
    if (!reset) continue;
    size_t k = size_t(c.link);
    const Link& l = net_.links[k];
    LinkStatus s = status_[k];
    bool change = false;
    if (l.type == LinkType::Pipe && s != c.status) change = true;
    if (l.type == LinkType::Pump && setting_[k] != c.setting) change = true;
    if (l.type >= LinkType::PRV) {
      if (setting_[k] != c.setting) change = true;
      else if (setting_[k] == kMissing && s != c.status) change = true;
    }
    if (change) {
      status_[k] = c.status;
      if (l.type > LinkType::Pipe) setting_[k] = c.setting;
      any = true;
    }
  }
  return any;
}

bool Hydraulics::bad_valve(int node) {
  for (int k : net_.valves) {
    size_t i = size_t(k);
    const Link& l = net_.links[i];
    if (node != l.n1 && node != l.n2) continue;
    if ((l.type == LinkType::PRV || l.type == LinkType::PSV || l.type == LinkType::FCV) &&
        status_[i] == LinkStatus::Active) {
      status_[i] = l.type == LinkType::FCV ? LinkStatus::XFCV : LinkStatus::XPressure;
      return true;
    }
    return false;
  }
  return false;
}

void Hydraulics::check_warnings(const SolveInfo& info) {
  const Options& o = net_.options;
  const std::string at = " at " + clock(htime_) + " hrs.";
  bool any = false;
  if (info.ill_conditioned) any = true;
  if (info.trials > o.max_iter && info.relerr <= o.accuracy) {
    warnings_.push_back("WARNING: System may be hydraulically unstable" + at);
    any = true;
  }
  for (int n = 0; n < net_.njuncs; ++n) {
    if (head_[size_t(n)] < net_.nodes[size_t(n)].elev && demand_[size_t(n)] > 0.0) {
      warnings_.push_back("WARNING: Negative pressures" + at);
      any = true;
      break;
    }
  }
  for (int k : net_.valves) {
    if (status_[size_t(k)] >= LinkStatus::XFCV) {
      const Link& l = net_.links[size_t(k)];
      const char* what = l.type == LinkType::FCV ? "open but cannot deliver flow"
                                                 : "open but cannot deliver pressure";
      static const char* const names[] = {"CV", "Pipe", "Pump", "PRV", "PSV", "PBV", "FCV", "TCV", "GPV"};
      warnings_.push_back(std::string("WARNING: ") + names[int(l.type)] + " " + l.id + " " + what + at);
      any = true;
    }
  }
  for (const Pump& p : net_.pumps) {
    size_t k = size_t(p.link);
    LinkStatus s = status_[k];
    if (s >= LinkStatus::Open) {
      if (flow_[k] > setting_[k] * p.qmax) s = LinkStatus::XFlow;
      if (flow_[k] < 0.0) s = LinkStatus::XHead;
    }
    if (s == LinkStatus::XHead || s == LinkStatus::XFlow) {
      warnings_.push_back("WARNING: Pump " + net_.links[k].id +
                          (s == LinkStatus::XHead ? " closed because cannot deliver head"
                                                  : " open but exceeds maximum flow") + at);
      any = true;
    }
  }
  if (info.trials > o.max_iter && info.relerr > o.accuracy) {
    warnings_.push_back("WARNING: System unbalanced" + at);
    any = true;
  }
  if (!any) return;
  // Disconnected junctions: not reached from a tank or reservoir through open links.
  const size_t nn = net_.nodes.size();
  std::vector<std::vector<int>> adj(nn);
  for (size_t k = 0; k < net_.links.size(); ++k) {
    if (status_[k] <= LinkStatus::Closed) continue;
    const Link& l = net_.links[k];
    adj[size_t(l.n1)].push_back(l.n2);
    adj[size_t(l.n2)].push_back(l.n1);
  }
  std::vector<char> seen(nn, 0);
  std::deque<int> queue;
  for (size_t n = size_t(net_.njuncs); n < nn; ++n) {
    seen[n] = 1;
    queue.push_back(int(n));
  }
  while (!queue.empty()) {
    int n = queue.front();
    queue.pop_front();
    for (int m : adj[size_t(n)])
      if (!seen[size_t(m)]) seen[size_t(m)] = 1, queue.push_back(m);
  }
  int count = 0;
  for (int n = 0; n < net_.njuncs; ++n) {
    if (seen[size_t(n)] || demand_[size_t(n)] == 0.0) continue;
    if (++count <= 10) warnings_.push_back("WARNING: Node " + net_.nodes[size_t(n)].id + " disconnected" + at);
  }
  if (count > 10)
    warnings_.push_back("WARNING: " + std::to_string(count - 10) + " additional nodes disconnected" + at);
}

}  // namespace et::sim
