// [CONTROLS] (simple controls) and [RULES] (rule-based controls).
#include "inp_parser.h"

namespace et::sim::inp {

void Parser::read_control(const Row& r) {
  const auto& t = r.tok;
  if (t.size() < 6 || !kw(upper(t[0]), "LINK"))
    fail(r, "expected LINK id OPEN|CLOSED|setting IF NODE id ABOVE|BELOW value, or AT TIME|CLOCKTIME t");
  int k = link_of(r, 1);
  const Link& l = net_.links[size_t(k)];
  if (l.type == LinkType::CV) fail(r, "cannot control check valve " + t[1]);
  Control c;
  c.link = k;
  c.status = LinkStatus::Active;
  c.setting = kMissing;
  std::string s = upper(t[2]);
  if (kw(s, "OPEN")) {
    c.status = LinkStatus::Open;
    if (l.type == LinkType::Pump) c.setting = 1.0;
    if (l.type == LinkType::GPV) c.setting = l.init_setting;
  } else if (kw(s, "CLOSED")) {
    c.status = LinkStatus::Closed;
    if (l.type == LinkType::Pump) c.setting = 0.0;
    if (l.type == LinkType::GPV) c.setting = l.init_setting;
  } else if (l.type == LinkType::GPV) {
    fail(r, "a GPV can only be controlled OPEN or CLOSED");
  } else {
    c.setting = number(r, 2, "OPEN, CLOSED or a setting");
  }
  if ((l.type == LinkType::Pump || l.type == LinkType::Pipe) && c.setting != kMissing) {
    if (c.setting < 0) fail(r, "expected a setting >= 0");
    c.status = c.setting == 0.0 ? LinkStatus::Closed : LinkStatus::Open;
  }
  std::string at = upper(t[4]);
  if (kw(at, "TIME") || kw(at, "CLOCKTIME")) {
    c.type = kw(at, "TIME") ? ControlType::Timer : ControlType::TimeOfDay;
    double h = t.size() == 6 ? parse_hours(t[5], "") : parse_hours(t[5], t[6]);
    if (h < 0) fail(r, "expected a time, got '" + t[5] + "'");
    c.time = long(3600.0 * h);
    if (c.type == ControlType::TimeOfDay) c.time %= 86400;
  } else {
    if (t.size() < 8) fail(r, "expected IF NODE id ABOVE|BELOW value");
    c.node = node_of(r, 5);
    std::string dir = upper(t[6]);
    if (kw(dir, "BELOW")) c.type = ControlType::LowLevel;
    else if (kw(dir, "ABOVE")) c.type = ControlType::HighLevel;
    else fail(r, "expected ABOVE or BELOW, got '" + t[6] + "'");
    c.grade = number(r, 7, "a level or pressure");
  }
  net_.controls.push_back(c);
  control_rows_.push_back(r.line);
}

namespace {

bool rule_operator(const std::string& s, RuleOperator& op) {
  if (s == "=" || s == "IS") op = RuleOperator::EQ;
  else if (s == "<>" || s == "NOT") op = RuleOperator::NE;
  else if (s == "<" || s == "BELOW") op = RuleOperator::LT;
  else if (s == ">" || s == "ABOVE") op = RuleOperator::GT;
  else if (s == "<=") op = RuleOperator::LE;
  else if (s == ">=") op = RuleOperator::GE;
  else return false;
  return true;
}

bool rule_status(const std::string& s, RuleStatus& st) {
  if (s == "OPEN") st = RuleStatus::Open;
  else if (s == "CLOSED") st = RuleStatus::Closed;
  else if (s == "ACTIVE") st = RuleStatus::Active;
  else return false;
  return true;
}

}  // namespace

void Parser::read_rules(const std::vector<const Row*>& rows) {
  enum { kNone, kPremises, kThen, kElse } clause = kNone;
  Rule* rule = nullptr;
  for (const Row* rp : rows) {
    const Row& r = *rp;
    const auto& t = r.tok;
    std::string key = upper(t[0]);
    if (key == "RULE") {
      if (rule && rule->then_actions.empty()) fail(r, "rule " + rule->label + " has no THEN clause");
      if (t.size() < 2) fail(r, "expected a rule label");
      net_.rules.push_back(Rule{});
      rule = &net_.rules.back();
      rule->label = t[1];
      clause = kNone;
      continue;
    }
    if (!rule) fail(r, "expected RULE label");
    if (key == "PRIORITY") {
      rule->priority = number(r, 1, "a priority");
      continue;
    }
    bool premise;
    bool is_or = false;
    if (key == "IF") {
      if (clause != kNone) fail(r, "IF must be the first clause of rule " + rule->label);
      clause = kPremises;
      premise = true;
    } else if (key == "AND") {
      if (clause == kNone) fail(r, "expected IF before AND");
      premise = clause == kPremises;
    } else if (key == "OR") {
      if (clause != kPremises) fail(r, "OR is only allowed between premises");
      premise = true;
      is_or = true;
    } else if (key == "THEN") {
      if (clause != kPremises) fail(r, "expected THEN after the premises");
      clause = kThen;
      premise = false;
    } else if (key == "ELSE") {
      if (clause != kThen) fail(r, "expected ELSE after THEN");
      clause = kElse;
      premise = false;
    } else {
      fail(r, "expected RULE, IF, AND, OR, THEN, ELSE or PRIORITY, got '" + t[0] + "'");
    }
    if (premise) {
      Premise p;
      p.is_or = is_or;
      if (t.size() < 2) fail(r, "expected an object");
      std::string obj = upper(t[1]);
      size_t a;  // index of the attribute
      if (obj == "SYSTEM") {
        p.object = RuleObject::System;
        a = 2;
      } else if (obj == "NODE" || kw(obj, "JUNC") || kw(obj, "RESERV") || obj == "TANK") {
        p.object = RuleObject::Node;
        p.index = node_of(r, 2);
        a = 3;
      } else if (obj == "LINK" || obj == "PIPE" || obj == "PUMP" || obj == "VALVE") {
        p.object = RuleObject::Link;
        p.index = link_of(r, 2);
        a = 3;
      } else {
        fail(r, "expected NODE, JUNCTION, RESERVOIR, TANK, LINK, PIPE, PUMP, VALVE or SYSTEM, got '" + t[1] + "'");
      }
      if (t.size() < a + 3) fail(r, "expected an attribute, a relation and a value");
      static const char* const vars[] = {"DEMAND", "HEAD", "GRADE", "LEVEL", "PRESSURE",
                                         "FLOW", "STATUS", "SETTING", "POWER", "TIME",
                                         "CLOCKTIME", "FILLTIME", "DRAINTIME"};
      std::string var = upper(t[a]);
      int v = -1;
      for (int i = 0; i < 13; ++i)
        if (var == vars[i]) v = i;
      if (v < 0) fail(r, "unknown attribute '" + t[a] + "'");
      p.variable = RuleVariable(v);
      if (!rule_operator(upper(t[a + 1]), p.op)) fail(r, "expected a relation (=, <>, <, >, <=, >=, IS, NOT, BELOW, ABOVE), got '" + t[a + 1] + "'");
      const std::string& val = t[a + 2];
      if (p.variable == RuleVariable::Time || p.variable == RuleVariable::ClockTime) {
        double h = t.size() > a + 3 ? parse_hours(val, t[a + 3]) : parse_hours(val, "");
        if (h < 0) fail(r, "expected a time, got '" + val + "'");
        p.value = 3600.0 * h;
      } else if (p.variable == RuleVariable::Status) {
        if (!rule_status(upper(val), p.status)) fail(r, "expected OPEN, CLOSED or ACTIVE, got '" + val + "'");
      } else {
        p.value = number(r, a + 2, "a value");
        if (p.variable == RuleVariable::FillTime || p.variable == RuleVariable::DrainTime)
          p.value *= 3600.0;
      }
      rule->premises.push_back(p);
    } else {
      if (t.size() < 6) fail(r, "expected LINK id STATUS|SETTING = value");
      std::string obj = upper(t[1]);
      if (obj != "LINK" && obj != "PIPE" && obj != "PUMP" && obj != "VALVE")
        fail(r, "expected LINK, PIPE, PUMP or VALVE, got '" + t[1] + "'");
      Action act;
      act.link = link_of(r, 2);
      const Link& l = net_.links[size_t(act.link)];
      if (l.type == LinkType::CV) fail(r, "cannot control check valve " + t[2]);
      std::string val = upper(t[5]);
      if (!rule_status(val, act.status)) {
        act.setting = number(r, 5, "OPEN, CLOSED or a setting");
        if (act.setting < 0) fail(r, "expected a setting >= 0");
        if (l.type == LinkType::GPV) fail(r, "cannot change the setting of a GPV");
        if (l.type == LinkType::Pipe) {
          act.status = act.setting == 0.0 ? RuleStatus::Closed : RuleStatus::Open;
          act.setting = kMissing;
        }
      }
      (clause == kThen ? rule->then_actions : rule->else_actions).push_back(act);
    }
  }
  if (rule && rule->then_actions.empty()) fail(*rows.back(), "rule " + rule->label + " has no THEN clause");
}

}  // namespace et::sim::inp
