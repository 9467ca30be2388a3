// [OPTIONS], [TIMES], [PATTERNS], [CURVES], [DEMANDS], [STATUS], [EMITTERS].
#include "inp_parser.h"

namespace et::sim::inp {

void Parser::read_option(const Row& r) {
  std::string key = upper(r.tok[0]);
  auto word = [&](size_t i) {
    if (i >= r.tok.size()) fail(r, "expected a value for " + r.tok[0]);
    return upper(r.tok[i]);
  };
  auto value = [&](size_t i) { return number(r, i, ("a number for " + r.tok[0]).c_str()); };
  auto positive = [&](size_t i) {
    double v = value(i);
    if (v <= 0) fail(r, "expected a positive number for " + r.tok[0] + ", got '" + r.tok[i] + "'");
    return v;
  };
  Options& o = net_.options;
  if (kw(key, "UNITS")) {
    std::string u = word(1);
    static const char* const names[] = {"CFS", "GPM", "MGD", "IMGD", "AFD", "LPS",
                                        "LPM", "MLD", "CMH", "CMD",  "CMS"};
    int found = -1;
    for (int i = 0; i < 11; ++i)
      if (u == names[i]) found = i;
    if (found < 0) fail(r, "expected flow units CFS, GPM, MGD, IMGD, AFD, LPS, LPM, MLD, CMH, CMD or CMS, got '" + r.tok[1] + "'");
    o.flow_units = FlowUnits(found);
  } else if (kw(key, "PRESSURE")) {
    if (r.tok.size() > 1 && kw(upper(r.tok[1]), "EXPONENT")) return;  // PDA only
    std::string u = word(1);
    if (u == "PSI") o.pressure_units = PressureUnits::PSI;
    else if (u == "KPA") o.pressure_units = PressureUnits::KPA;
    else if (kw(u, "MET")) o.pressure_units = PressureUnits::Meters;
    else if (u == "BAR") o.pressure_units = PressureUnits::Bar;
    else if (kw(u, "FEET")) o.pressure_units = PressureUnits::Feet;
    else fail(r, "expected pressure units PSI, KPA or METERS, got '" + r.tok[1] + "'");
    pressure_given_ = true;
  } else if (kw(key, "HEADLOSS")) {
    std::string u = word(1);
    if (u == "H-W") o.headloss = HeadLossFormula::HazenWilliams;
    else if (u == "D-W") o.headloss = HeadLossFormula::DarcyWeisbach;
    else if (u == "C-M") o.headloss = HeadLossFormula::ChezyManning;
    else fail(r, "expected H-W, D-W or C-M, got '" + r.tok[1] + "'");
  } else if (kw(key, "SPECIFIC")) {
    o.spgrav = positive(2);
  } else if (kw(key, "VISCOSITY")) {
    raw_viscosity_ = positive(1);
  } else if (kw(key, "TRIALS")) {
    double v = positive(1);
    o.max_iter = int(v);
  } else if (kw(key, "ACCURACY")) {
    double v = positive(1);
    o.accuracy = std::min(std::max(v, 1.0e-8), 1.0e-1);
  } else if (kw(key, "HEADERROR")) {
    o.head_error = value(1);
  } else if (kw(key, "FLOWCHANGE")) {
    o.flow_change = value(1);
  } else if (kw(key, "UNBALANCED")) {
    std::string u = word(1);
    if (kw(u, "STOP")) o.extra_iter = -1;
    else if (kw(u, "CONTINUE")) o.extra_iter = r.tok.size() > 2 ? int(value(2)) : 0;
    else fail(r, "expected STOP or CONTINUE, got '" + r.tok[1] + "'");
  } else if (kw(key, "PATTERN")) {
    if (r.tok.size() > 1) o.default_pattern = r.tok[1];
  } else if (kw(key, "DEMAND")) {
    std::string w = word(1);
    if (kw(w, "MULTIPLIER")) {
      o.demand_mult = value(2);
      if (o.demand_mult < 0) fail(r, "expected a demand multiplier >= 0");
    } else if (kw(w, "MODEL")) {
      std::string m = word(2);
      if (m == "PDA") net_.notes.push_back("DEMAND MODEL PDA is not supported: demands are fixed (DDA)");
      else if (m != "DDA") fail(r, "expected DDA or PDA, got '" + r.tok[2] + "'");
    } else {
      fail(r, "expected DEMAND MULTIPLIER or DEMAND MODEL");
    }
  } else if (kw(key, "EMITTER")) {
    if (r.tok.size() > 1 && kw(upper(r.tok[1]), "BACKFLOW")) return;
    double e = positive(2);
    o.qexp = 1.0 / e;
  } else if (kw(key, "CHECKFREQ")) {
    o.check_freq = int(value(1));
  } else if (kw(key, "MAXCHECK")) {
    o.max_check = int(value(1));
  } else if (kw(key, "DAMPLIMIT")) {
    o.damp_limit = value(1);
  } else if (kw(key, "MINIMUM") || kw(key, "REQUIRED") || kw(key, "QUALITY") ||
             kw(key, "DIFFUSIVITY") || kw(key, "TOLERANCE") || kw(key, "MAP") ||
             kw(key, "HYDRAULICS") || kw(key, "VERIFY") || kw(key, "SEGMENTS") ||
             kw(key, "BACKFLOW") || kw(key, "STATUS")) {
    // Water quality, files and pressure-driven demand: not part of this solver.
  } else {
    fail(r, "unknown option '" + r.tok[0] + "'");
  }
}

void Parser::read_time(const Row& r) {
  std::string key = upper(r.tok[0]);
  if (kw(key, "STATISTIC")) return;
  size_t n = r.tok.size() - 1;
  if (n < 1) fail(r, "expected a time value");
  double y;
  if (!to_double(r.tok[n], y)) {
    y = parse_hours(r.tok[n], "");
    if (y < 0) {
      if (n >= 2) y = parse_hours(r.tok[n - 1], r.tok[n]);
      if (y < 0) fail(r, "expected a time (hours, H:MM or a number with SEC/MIN/HOURS/DAYS), got '" + r.tok[n] + "'");
    }
  }
  if (y < 0) fail(r, "expected a time >= 0");
  long t = long(3600.0 * y + 0.5);
  Times& tm = net_.times;
  std::string second = r.tok.size() > 1 ? upper(r.tok[1]) : "";
  if (kw(key, "DURATION")) tm.duration = t;
  else if (kw(key, "HYDRAULIC")) tm.hyd_step = t;
  else if (kw(key, "QUALITY")) return;
  else if (kw(key, "RULE")) tm.rule_step = t;
  else if (kw(key, "PATTERN") && kw(second, "TIME")) tm.pattern_step = t;
  else if (kw(key, "PATTERN") && kw(second, "START")) tm.pattern_start = t;
  else if (kw(key, "REPORT") && kw(second, "TIME")) tm.report_step = t;
  else if (kw(key, "REPORT") && kw(second, "START")) tm.report_start = t;
  else if (kw(key, "START")) tm.start_clock = t % 86400;
  else fail(r, "unknown time option '" + r.tok[0] + "'");
  if ((kw(key, "HYDRAULIC") || (kw(key, "PATTERN") && kw(second, "TIME")) ||
       (kw(key, "REPORT") && kw(second, "TIME"))) && t <= 0)
    fail(r, "expected a time step > 0");
}

void Parser::read_pattern(const Row& r) {
  Pattern& p = net_.patterns[size_t(pattern_index_.at(r.tok[0]))];
  for (size_t i = 1; i < r.tok.size(); ++i) p.f.push_back(number(r, i, "a pattern multiplier"));
}

void Parser::read_curve(const Row& r) {
  Curve& c = net_.curves[size_t(curve_index_.at(r.tok[0]))];
  if (r.tok.size() < 3) fail(r, "curve " + r.tok[0] + ": expected an X and a Y value");
  for (size_t i = 1; i + 1 < r.tok.size(); i += 2) {
    double x = number(r, i, "an X value"), y = number(r, i + 1, "a Y value");
    c.x.push_back(x);
    c.y.push_back(y);
  }
}

void Parser::read_demand(const Row& r) {
  int n = node_of(r, 0);
  if (!net_.is_junction(n)) fail(r, "node " + r.tok[0] + " is not a junction");
  Demand d;
  d.base = number(r, 1, "a base demand");
  d.pattern = pattern_of(r, 2);
  std::string c = r.comment;
  while (!c.empty() && (c.back() == ' ' || c.back() == '\t' || c.back() == '\r')) c.pop_back();
  size_t b = c.find_first_not_of(" \t");
  d.category = b == std::string::npos ? "" : c.substr(b);
  Node& node = net_.nodes[size_t(n)];
  if (!demands_replaced_[size_t(n)]) {
    node.demands.clear();
    demands_replaced_[size_t(n)] = true;
  }
  node.demands.push_back(d);
}

void Parser::read_emitter(const Row& r) {
  int n = node_of(r, 0);
  if (!net_.is_junction(n)) fail(r, "node " + r.tok[0] + " is not a junction");
  double k = number(r, 1, "an emitter coefficient");
  if (k < 0) fail(r, "expected an emitter coefficient >= 0");
  net_.nodes[size_t(n)].emitter = k;
}

void Parser::read_status(const Row& r) {
  int k = link_of(r, 0);
  Link& l = net_.links[size_t(k)];
  if (r.tok.size() < 2) fail(r, "expected OPEN, CLOSED or a setting for link " + r.tok[0]);
  std::string v = upper(r.tok.back());
  LinkStatus st = LinkStatus::Active;  // Active: a numeric setting
  double y = 0.0;
  if (kw(v, "OPEN")) st = LinkStatus::Open;
  else if (kw(v, "CLOSED")) st = LinkStatus::Closed;
  else {
    y = number(r, r.tok.size() - 1, "OPEN, CLOSED or a setting");
    if (y < 0) fail(r, "expected a setting >= 0, got '" + r.tok.back() + "'");
  }
  if (l.type == LinkType::CV) fail(r, "cannot set the status of check valve " + r.tok[0]);
  if (l.type == LinkType::Pipe || l.type == LinkType::GPV) {
    if (st != LinkStatus::Active) l.init_status = st;
  } else if (l.type == LinkType::Pump) {
    if (st == LinkStatus::Active) {
      l.init_setting = y;
      st = y == 0.0 ? LinkStatus::Closed : LinkStatus::Open;
    } else if (st == LinkStatus::Open) {
      l.init_setting = 1.0;
    }
    l.init_status = st;
  } else {
    l.init_setting = st == LinkStatus::Active ? y : kMissing;  // user units until finish()
    l.init_status = st;
  }
}

}  // namespace et::sim::inp
