// Rule-based controls ([RULES]): between two solutions the clock advances in rule time
// steps, tank levels follow, and the first step at which a rule changes a link ends the
// hydraulic step. Actions of rules whose premises hold (THEN) or fail (ELSE) are
// gathered, one per link with the highest priority winning, then taken.
#include <algorithm>
#include <cmath>

#include "constants.h"
#include "et/sim/hydraulics.h"

namespace et::sim {

bool Hydraulics::premise_holds(const Premise& p, long dt) const {
  const double tol = 1e-3;
  const UnitFactors& u = net_.ucf;
  if (p.variable == RuleVariable::Time || p.variable == RuleVariable::ClockTime) {
    long t1, t2;
    if (p.variable == RuleVariable::Time) {
      t1 = htime_ - dt;
      t2 = htime_;
    } else {
      t1 = (htime_ - dt + net_.times.start_clock) % 86400;
      t2 = (htime_ + net_.times.start_clock) % 86400;
    }
    long x = long(p.value);
    switch (p.op) {
      case RuleOperator::LT: return t2 < x;
      case RuleOperator::LE: return t2 <= x;
      case RuleOperator::GT: return t2 > x;
      case RuleOperator::GE: return t2 >= x;
      case RuleOperator::EQ:
      case RuleOperator::NE: {
        bool in = t2 < t1 ? (x >= t1 || x <= t2) : (x >= t1 && x <= t2);
        return p.op == RuleOperator::EQ ? in : !in;
      }
    }
    return false;
  }
  if (p.variable == RuleVariable::Status) {
    if (p.object != RuleObject::Link) return false;
    LinkStatus s = status_[size_t(p.index)];
    RuleStatus j = s <= LinkStatus::Closed ? RuleStatus::Closed
                   : s == LinkStatus::Active ? RuleStatus::Active
                                             : RuleStatus::Open;
    if (p.op == RuleOperator::EQ) return j == p.status;
    if (p.op == RuleOperator::NE) return j != p.status;
    return false;
  }
  double x;
  int i = p.index;
  switch (p.variable) {
    case RuleVariable::Demand:
      x = p.object == RuleObject::System ? dsystem_ * u.flow : demand_[size_t(i)] * u.flow;
      break;
    case RuleVariable::Head:
    case RuleVariable::Grade:
      x = head_[size_t(i)] * u.head;
      break;
    case RuleVariable::Pressure:
      x = (head_[size_t(i)] - net_.nodes[size_t(i)].elev) * u.pressure;
      break;
    case RuleVariable::Level:
      x = (head_[size_t(i)] - net_.nodes[size_t(i)].elev) * u.head;
      break;
    case RuleVariable::Flow:
      x = std::fabs(flow_[size_t(i)]) * u.flow;
      break;
    case RuleVariable::Setting: {
      double s = setting_[size_t(i)];
      if (s == kMissing) return false;
      LinkType t = net_.links[size_t(i)].type;
      if (t == LinkType::PRV || t == LinkType::PSV || t == LinkType::PBV) s *= u.pressure;
      else if (t == LinkType::FCV) s *= u.flow;
      x = s;
      break;
    }
    case RuleVariable::FillTime:
    case RuleVariable::DrainTime: {
      if (net_.is_junction(i)) return false;
      int t = net_.nodes[size_t(i)].tank;
      const Tank& tk = net_.tanks[size_t(t)];
      if (tk.reservoir) return false;
      double q = demand_[size_t(i)];
      if (p.variable == RuleVariable::FillTime) {
        if (q <= kTiny) return false;
        x = (tk.vmax - volume_[size_t(t)]) / q;
      } else {
        if (q >= -kTiny) return false;
        x = (tk.vmin - volume_[size_t(t)]) / q;
      }
      break;
    }
    default:
      return false;
  }
  switch (p.op) {
    case RuleOperator::EQ: return std::fabs(x - p.value) <= tol;
    case RuleOperator::NE: return std::fabs(x - p.value) >= tol;
    case RuleOperator::LT: return x <= p.value + tol;
    case RuleOperator::LE: return x <= p.value - tol;
    case RuleOperator::GT: return x >= p.value - tol;
    case RuleOperator::GE: return x >= p.value + tol;
  }
  return false;
}

int Hydraulics::check_rules(long dt) {
  struct Item {
    const Action* action;
    int rule;
  };
  std::vector<Item> list;  // front = most recently added, as EPANET's list
  auto add = [&](int r, const std::vector<Action>& actions) {
    for (const Action& a : actions) {
      bool found = false;
      for (Item& it : list) {
        if (it.action->link != a.link) continue;
        if (net_.rules[size_t(r)].priority > net_.rules[size_t(it.rule)].priority) {
          it.action = &a;
          it.rule = r;
        }
        found = true;
        break;
      }
      if (!found) list.insert(list.begin(), Item{&a, r});
    }
  };
  for (int r = 0; r < int(net_.rules.size()); ++r) {
    const Rule& rule = net_.rules[size_t(r)];
    bool result = true;
    bool stop = false;
    for (const Premise& p : rule.premises) {
      if (p.is_or) {
        if (!result) result = premise_holds(p, dt);
      } else {
        if (!result) {
          stop = true;
          break;
        }
        result = premise_holds(p, dt);
      }
    }
    if (stop) result = false;
    if (result) add(r, rule.then_actions);
    else if (!rule.else_actions.empty()) add(r, rule.else_actions);
  }
  int n = 0;
  const UnitFactors& u = net_.ucf;
  for (const Item& it : list) {
    const Action& a = *it.action;
    size_t k = size_t(a.link);
    LinkStatus s = status_[k];
    double v = setting_[k];
    double x = a.setting;
    bool flag = false;
    if (a.status == RuleStatus::Open && s <= LinkStatus::Closed) {
      set_link_status(a.link, true);
      flag = true;
    } else if (a.status == RuleStatus::Closed && s > LinkStatus::Closed) {
      set_link_status(a.link, false);
      flag = true;
    } else if (x != kMissing) {
      LinkType t = net_.links[k].type;
      if (t == LinkType::PRV || t == LinkType::PSV || t == LinkType::PBV) x /= u.pressure;
      else if (t == LinkType::FCV) x /= u.flow;
      if (std::fabs(x - v) > 1e-3) {
        set_link_setting(a.link, x);
        flag = true;
      }
    }
    if (flag) ++n;
  }
  return n;
}

void Hydraulics::rule_timestep(long& tstep) {
  long tnow = htime_;
  long tmax = tnow + tstep;
  long dt = net_.times.rule_step;
  long dt1 = net_.times.rule_step - (tnow % net_.times.rule_step);
  dt = std::min(dt, tstep);
  dt1 = std::min(dt1, tstep);
  if (dt1 == 0) dt1 = dt;
  do {
    htime_ += dt1;
    tank_levels(dt1);
    if (check_rules(dt1)) break;
    dt = std::min(dt, tmax - htime_);
    dt1 = dt;
  } while (dt > 0);
  tstep = htime_ - tnow;
  htime_ = tnow;
}

}  // namespace et::sim
