// Simple controls ([CONTROLS]): tank-level and time controls applied at the start of
// each period; the time to the next one that would change a link cuts the time step.
// Junction-pressure controls act during the solution (Hydraulics::pressure_switch).
#include <cmath>

#include "constants.h"
#include "et/sim/hydraulics.h"

namespace et::sim {

int Hydraulics::simple_controls() {
  int changes = 0;
  for (const Control& c : net_.controls) {
    if (c.link < 0) continue;
    bool reset = false;
    if (c.node >= 0 && !net_.is_junction(c.node)) {
      int t = net_.nodes[size_t(c.node)].tank;
      double h = head_[size_t(c.node)];
      double vplus = std::fabs(demand_[size_t(c.node)]);
      double v1 = tank_volume(t, h);
      double v2 = tank_volume(t, c.grade);
      if (c.type == ControlType::LowLevel && v1 <= v2 + vplus) reset = true;
      if (c.type == ControlType::HighLevel && v1 >= v2 - vplus) reset = true;
    }
    if (c.type == ControlType::Timer && c.time == htime_) reset = true;
    if (c.type == ControlType::TimeOfDay && (htime_ + net_.times.start_clock) % 86400 == c.time)
      reset = true;
    if (!reset) continue;
    size_t k = size_t(c.link);
    const Link& l = net_.links[k];
    LinkStatus s1 = status_[k] <= LinkStatus::Closed ? LinkStatus::Closed : LinkStatus::Open;
    LinkStatus s2 = c.status;
    double k1 = setting_[k], k2 = k1;
    if (l.type > LinkType::Pipe) k2 = c.setting;
    if (l.type == LinkType::Pump && s1 == LinkStatus::Closed && s2 == LinkStatus::Open)
      reset_pump_flow(c.link);
    if (s1 != s2 || k1 != k2) {
      status_[k] = s2;
      setting_[k] = k2;
      ++changes;
    }
  }
  return changes;
}

void Hydraulics::control_timestep(long& tstep) const {
  for (const Control& c : net_.controls) {
    long t = 0;
    if (c.node >= 0) {
      if (net_.is_junction(c.node)) continue;
      int ti = net_.nodes[size_t(c.node)].tank;
      double h = head_[size_t(c.node)];
      double q = demand_[size_t(c.node)];
      if (std::fabs(q) <= kQZero) continue;
      if ((h < c.grade && c.type == ControlType::HighLevel && q > 0.0) ||
          (h > c.grade && c.type == ControlType::LowLevel && q < 0.0)) {
        double v = tank_volume(ti, c.grade) - volume_[size_t(ti)];
        t = std::lround(v / q);
      }
    }
    if (c.type == ControlType::Timer && c.time > htime_) t = c.time - htime_;
    if (c.type == ControlType::TimeOfDay) {
      long t1 = (htime_ + net_.times.start_clock) % 86400;
      long t2 = c.time;
      t = t2 >= t1 ? t2 - t1 : 86400 - t1 + t2;
    }
    if (t > 0 && t < tstep) {
      size_t k = size_t(c.link);
      const Link& l = net_.links[k];
      if ((l.type > LinkType::Pipe && setting_[k] != c.setting) || status_[k] != c.status)
        tstep = t;
    }
  }
}

// A constant-power pump that reopens starts again from its initial flow.
void Hydraulics::reset_pump_flow(int k) {
  const Pump& p = net_.pumps[size_t(net_.links[size_t(k)].pump)];
  if (p.kind == PumpKind::ConstPower) flow_[size_t(k)] = p.q0;
}

void Hydraulics::set_link_status(int index, bool open) {
  size_t k = size_t(index);
  LinkType t = net_.links[k].type;
  if (open) {
    if (t == LinkType::Pump) {
      setting_[k] = 1.0;
      if (status_[k] == LinkStatus::Closed) reset_pump_flow(index);
    }
    if (t > LinkType::Pump && t != LinkType::GPV) setting_[k] = kMissing;
    status_[k] = LinkStatus::Open;
  } else {
    if (t == LinkType::Pump) setting_[k] = 0.0;
    if (t > LinkType::Pump && t != LinkType::GPV) setting_[k] = kMissing;
    status_[k] = LinkStatus::Closed;
  }
}

void Hydraulics::set_link_setting(int index, double value) {
  size_t k = size_t(index);
  const Link& l = net_.links[k];
  if (l.type == LinkType::Pump) {
    setting_[k] = value;
    if (value > 0.0 && status_[k] <= LinkStatus::Closed) {
      reset_pump_flow(index);
      status_[k] = LinkStatus::Open;
    }
    if (value == 0.0 && status_[k] > LinkStatus::Closed) status_[k] = LinkStatus::Closed;
  } else if (l.type == LinkType::FCV) {
    setting_[k] = value;
    status_[k] = LinkStatus::Active;
  } else {
    if (setting_[k] == kMissing && status_[k] <= LinkStatus::Closed) status_[k] = LinkStatus::Open;
    setting_[k] = value;
  }
}

}  // namespace et::sim
