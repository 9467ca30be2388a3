// .inp lines, sections, IDs, nodes and links. Sections may come in any order: IDs are
// registered first (junctions, then reservoirs and tanks, then links, each in file order,
// as EPANET numbers them), then sections are read, then finish() converts units.
#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "et/core/file_io.h"
#include "et/sim/inp.h"
#include "inp_parser.h"

namespace et::sim::inp {

namespace {

const char* const kSectionNames[kSectionCount] = {
    "TITLE",     "JUNCTIONS", "RESERVOIRS", "TANKS",       "PIPES",    "PUMPS",  "VALVES",
    "TAGS",      "DEMANDS",   "STATUS",     "PATTERNS",    "CURVES",   "CONTROLS", "RULES",
    "ENERGY",    "EMITTERS",  "QUALITY",    "SOURCES",     "REACTIONS", "MIXING", "TIMES",
    "REPORT",    "OPTIONS",   "COORDINATES", "VERTICES",   "LABELS",   "BACKDROP", "LEAKAGE",
    "END"};

std::string section_tag(Section s) { return std::string("[") + kSectionNames[s] + "]"; }

}  // namespace

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

bool kw(const std::string& tok, const char* word) {
  size_t n = std::char_traits<char>::length(word);
  if (tok.size() < n) return false;
  for (size_t i = 0; i < n; ++i)
    if (std::toupper(static_cast<unsigned char>(tok[i])) != word[i]) return false;
  return true;
}

bool to_double(const std::string& s, double& out) {
  const char* b = s.data();
  const char* e = b + s.size();
  if (b != e && *b == '+') ++b;
  if (b == e) return false;
  auto [p, ec] = std::from_chars(b, e, out);
  return ec == std::errc() && p == e && std::isfinite(out);
}

double parse_hours(const std::string& value, const std::string& units) {
  double y[3] = {0, 0, 0};
  int n = 0;
  size_t start = 0;
  while (start <= value.size()) {
    size_t c = value.find(':', start);
    std::string part = value.substr(start, c == std::string::npos ? std::string::npos : c - start);
    if (n >= 3 || !to_double(part, y[n])) return -1.0;
    ++n;
    if (c == std::string::npos) break;
    start = c + 1;
  }
  std::string u = upper(units);
  if (n == 1 && !u.empty()) {
    if (kw(u, "SEC")) return y[0] / 3600.0;
    if (kw(u, "MIN")) return y[0] / 60.0;
    if (kw(u, "HOU")) return y[0];
    if (kw(u, "DAY")) return y[0] * 24.0;
  }
  if (n > 1) y[0] = y[0] + y[1] / 60.0 + y[2] / 3600.0;
  if (u.empty()) return y[0];
  if (kw(u, "AM")) {
    if (y[0] >= 13.0) return -1.0;
    return y[0] >= 12.0 ? y[0] - 12.0 : y[0];
  }
  if (kw(u, "PM")) {
    if (y[0] >= 13.0) return -1.0;
    return y[0] >= 12.0 ? y[0] : y[0] + 12.0;
  }
  return -1.0;
}

void Parser::fail(const Row& r, const std::string& what) const {
  std::string place = "line " + std::to_string(r.line);
  place += " ";
  place += section_tag(r.section);
  throw ParseFailure{make_error(path_, place, what)};
}

double Parser::number(const Row& r, size_t i, const char* what) const {
  if (i >= r.tok.size()) fail(r, std::string("expected ") + what);
  double v;
  if (!to_double(r.tok[i], v)) fail(r, std::string("expected ") + what + ", got '" + r.tok[i] + "'");
  return v;
}

int Parser::node_of(const Row& r, size_t i) const {
  if (i >= r.tok.size()) fail(r, "expected a node ID");
  auto it = net_.node_index.find(r.tok[i]);
  if (it == net_.node_index.end()) fail(r, "unknown node '" + r.tok[i] + "'");
  return it->second;
}

int Parser::link_of(const Row& r, size_t i) const {
  if (i >= r.tok.size()) fail(r, "expected a link ID");
  auto it = net_.link_index.find(r.tok[i]);
  if (it == net_.link_index.end()) fail(r, "unknown link '" + r.tok[i] + "'");
  return it->second;
}

int Parser::pattern_of(const Row& r, size_t i) const {
  if (i >= r.tok.size() || r.tok[i].empty() || r.tok[i] == "*") return -1;
  auto it = pattern_index_.find(r.tok[i]);
  if (it == pattern_index_.end()) fail(r, "unknown pattern '" + r.tok[i] + "'");
  return it->second;
}

int Parser::curve_of(const Row& r, size_t i) const {
  if (i >= r.tok.size()) fail(r, "expected a curve ID");
  auto it = curve_index_.find(r.tok[i]);
  if (it == curve_index_.end()) fail(r, "unknown curve '" + r.tok[i] + "'");
  return it->second;
}

void Parser::lex(const std::string& text) {
  int section = -1;
  int line = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string::npos) eol = text.size();
    std::string s = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line;
    Row row;
    row.line = line;
    size_t semi = s.find(';');
    if (semi != std::string::npos) {
      row.comment = s.substr(semi + 1);
      s.resize(semi);
    }
    for (size_t i = 0; i < s.size();) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (std::isspace(c)) {
        ++i;
        continue;
      }
      if (c == '"') {
        size_t q = s.find('"', i + 1);
        if (q == std::string::npos) q = s.size();
        row.tok.push_back(s.substr(i + 1, q - i - 1));
        i = q + 1;
        continue;
      }
      size_t j = i;
      while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
      row.tok.push_back(s.substr(i, j - i));
      i = j;
    }
    if (row.tok.empty()) continue;
    if (row.tok[0][0] == '[') {
      std::string name = upper(row.tok[0]);
      int found = -1;
      for (int k = 0; k < kSectionCount; ++k)
        if (name == section_tag(Section(k))) found = k;
      if (found < 0)
        throw ParseFailure{make_error(path_, "line " + std::to_string(line),
                                      "unknown section '" + row.tok[0] + "'")};
      section = found;
      if (section == kEnd) break;
      continue;
    }
    if (section < 0)
      throw ParseFailure{make_error(path_, "line " + std::to_string(line),
                                    "expected a section header such as [JUNCTIONS], got '" +
                                        row.tok[0] + "'")};
    row.section = Section(section);
    rows_.push_back(std::move(row));
  }
}

void Parser::register_ids() {
  auto add_node = [&](const Row& r) {
    if (r.tok[0].size() > 31) fail(r, "ID '" + r.tok[0] + "' is longer than 31 characters");
    if (!net_.node_index.emplace(r.tok[0], int(net_.nodes.size())).second)
      fail(r, "duplicate node ID '" + r.tok[0] + "'");
    Node n;
    n.id = r.tok[0];
    n.line = r.line;
    net_.nodes.push_back(std::move(n));
  };
  for (const Row& r : rows_)
    if (r.section == kJunctions) add_node(r);
  net_.njuncs = int(net_.nodes.size());
  for (const Row& r : rows_)
    if (r.section == kReservoirs || r.section == kTanks) add_node(r);
  for (const Row& r : rows_) {
    if (r.section != kPipes && r.section != kPumps && r.section != kValves) continue;
    if (r.tok[0].size() > 31) fail(r, "ID '" + r.tok[0] + "' is longer than 31 characters");
    if (!net_.link_index.emplace(r.tok[0], int(net_.links.size())).second)
      fail(r, "duplicate link ID '" + r.tok[0] + "'");
    Link l;
    l.id = r.tok[0];
    l.line = r.line;
    net_.links.push_back(std::move(l));
  }
  for (const Row& r : rows_) {
    if (r.section == kPatterns && pattern_index_.emplace(r.tok[0], int(net_.patterns.size())).second)
      net_.patterns.push_back(Pattern{r.tok[0], {}});
    if (r.section == kCurves && curve_index_.emplace(r.tok[0], int(net_.curves.size())).second)
      net_.curves.push_back(Curve{r.tok[0], {}, {}});
  }
}

void Parser::read_junction(const Row& r) {
  Node& n = net_.nodes[size_t(node_of(r, 0))];
  n.elev = number(r, 1, "an elevation");
  if (r.tok.size() > 2) {
    Demand d;
    d.base = number(r, 2, "a base demand");
    d.pattern = pattern_of(r, 3);
    n.demands.push_back(d);
  }
}

void Parser::read_reservoir(const Row& r) {
  int i = node_of(r, 0);
  Node& n = net_.nodes[size_t(i)];
  n.elev = number(r, 1, "a head");
  Tank t;
  t.node = i;
  t.reservoir = true;
  t.pattern = pattern_of(r, 2);
  n.tank = int(net_.tanks.size());
  net_.tanks.push_back(t);
  raw_tanks_.push_back(RawTank{});
}

void Parser::read_tank(const Row& r) {
  int i = node_of(r, 0);
  Node& n = net_.nodes[size_t(i)];
  if (r.tok.size() < 6)
    fail(r, "tank " + r.tok[0] + ": expected elevation, initial, minimum and maximum level, diameter");
  n.elev = number(r, 1, "an elevation");
  RawTank raw;
  raw.row = r.line;
  raw.init = number(r, 2, "an initial level");
  raw.minl = number(r, 3, "a minimum level");
  raw.maxl = number(r, 4, "a maximum level");
  raw.diam = number(r, 5, "a diameter");
  if (r.tok.size() > 6) raw.minvol = number(r, 6, "a minimum volume");
  Tank t;
  t.node = i;
  if (r.tok.size() > 7 && r.tok[7] != "*") t.vcurve = curve_of(r, 7);
  if (r.tok.size() > 8) {
    std::string o = upper(r.tok[8]);
    if (o == "YES" || o == "TRUE") t.can_overflow = true;
    else if (o != "NO" && o != "FALSE") fail(r, "expected YES or NO for overflow, got '" + r.tok[8] + "'");
  }
  if (raw.init < 0 || raw.minl < 0 || raw.maxl < 0 || raw.diam < 0 || raw.minvol < 0)
    fail(r, "tank " + r.tok[0] + ": levels, diameter and volume must not be negative");
  if (raw.init < raw.minl || raw.init > raw.maxl || raw.maxl < raw.minl)
    fail(r, "tank " + r.tok[0] + ": expected minimum level <= initial level <= maximum level");
  n.tank = int(net_.tanks.size());
  net_.tanks.push_back(t);
  raw_tanks_.push_back(raw);
}

void Parser::read_pipe(const Row& r) {
  Link& l = net_.links[size_t(link_of(r, 0))];
  if (r.tok.size() < 6) fail(r, "pipe " + r.tok[0] + ": expected node 1, node 2, length, diameter, roughness");
  l.n1 = node_of(r, 1);
  l.n2 = node_of(r, 2);
  if (l.n1 == l.n2) fail(r, "pipe " + r.tok[0] + ": both ends at node " + r.tok[1]);
  l.type = LinkType::Pipe;
  l.length = number(r, 3, "a length");
  l.diam = number(r, 4, "a diameter");
  l.kc = number(r, 5, "a roughness");
  l.init_status = LinkStatus::Open;
  size_t st = 0;
  if (r.tok.size() == 7) {
    std::string t = upper(r.tok[6]);
    if (kw(t, "CV") || kw(t, "CLOSED") || kw(t, "OPEN")) st = 6;
    else l.km = number(r, 6, "a minor loss coefficient");
  } else if (r.tok.size() >= 8) {
    l.km = number(r, 6, "a minor loss coefficient");
    st = 7;
  }
  if (st) {
    std::string t = upper(r.tok[st]);
    if (kw(t, "CV")) l.type = LinkType::CV;
    else if (kw(t, "CLOSED")) l.init_status = LinkStatus::Closed;
    else if (kw(t, "OPEN")) l.init_status = LinkStatus::Open;
    else fail(r, "pipe " + r.tok[0] + ": expected OPEN, CLOSED or CV, got '" + r.tok[st] + "'");
  }
  if (l.length <= 0 || l.diam <= 0 || l.kc <= 0 || l.km < 0)
    fail(r, "pipe " + r.tok[0] + ": expected a positive length, diameter and roughness");
  l.init_setting = l.kc;
}

void Parser::read_pump(const Row& r) {
  int k = link_of(r, 0);
  Link& l = net_.links[size_t(k)];
  if (r.tok.size() < 5) fail(r, "pump " + r.tok[0] + ": expected node 1, node 2, then HEAD curve or POWER value");
  l.n1 = node_of(r, 1);
  l.n2 = node_of(r, 2);
  if (l.n1 == l.n2) fail(r, "pump " + r.tok[0] + ": both ends at node " + r.tok[1]);
  l.type = LinkType::Pump;
  l.init_status = LinkStatus::Open;
  l.init_setting = 1.0;
  Pump p;
  p.link = k;
  RawPump raw;
  raw.row = r.line;
  for (size_t i = 3; i < r.tok.size(); i += 2) {
    if (i + 1 >= r.tok.size()) fail(r, "pump " + r.tok[0] + ": expected a value after '" + r.tok[i] + "'");
    std::string key = upper(r.tok[i]);
    if (kw(key, "POWER")) {
      raw.power = number(r, i + 1, "a power");
      raw.has_power = true;
      if (raw.power <= 0) fail(r, "pump " + r.tok[0] + ": expected a positive power");
    } else if (kw(key, "HEAD")) {
      p.head_curve = curve_of(r, i + 1);
    } else if (kw(key, "SPEED")) {
      l.init_setting = number(r, i + 1, "a speed");
      if (l.init_setting < 0) fail(r, "pump " + r.tok[0] + ": expected a speed >= 0");
    } else if (kw(key, "PATTERN")) {
      p.speed_pattern = pattern_of(r, i + 1);
    } else {
      fail(r, "pump " + r.tok[0] + ": expected HEAD, POWER, SPEED or PATTERN, got '" + r.tok[i] + "'");
    }
  }
  if (!raw.has_power && p.head_curve < 0)
    fail(r, "pump " + r.tok[0] + ": expected a HEAD curve or a POWER value");
  p.kind = raw.has_power ? PumpKind::ConstPower : PumpKind::PowerFunction;
  l.pump = int(net_.pumps.size());
  net_.pumps.push_back(p);
  raw_pumps_.push_back(raw);
}

void Parser::read_valve(const Row& r) {
  int k = link_of(r, 0);
  Link& l = net_.links[size_t(k)];
  if (r.tok.size() < 6) fail(r, "valve " + r.tok[0] + ": expected node 1, node 2, diameter, type, setting");
  l.n1 = node_of(r, 1);
  l.n2 = node_of(r, 2);
  if (l.n1 == l.n2) fail(r, "valve " + r.tok[0] + ": both ends at node " + r.tok[1]);
  l.diam = number(r, 3, "a diameter");
  if (l.diam <= 0) fail(r, "valve " + r.tok[0] + ": expected a positive diameter");
  std::string t = upper(r.tok[4]);
  if (t == "PRV") l.type = LinkType::PRV;
  else if (t == "PSV") l.type = LinkType::PSV;
  else if (t == "PBV") l.type = LinkType::PBV;
  else if (t == "FCV") l.type = LinkType::FCV;
  else if (t == "TCV") l.type = LinkType::TCV;
  else if (t == "GPV") l.type = LinkType::GPV;
  else fail(r, "valve " + r.tok[0] + ": expected a type PRV, PSV, PBV, FCV, TCV or GPV, got '" + r.tok[4] + "'");
  if (l.type == LinkType::GPV) l.init_setting = curve_of(r, 5);
  else l.init_setting = number(r, 5, "a setting");
  if (r.tok.size() > 6) l.km = number(r, 6, "a minor loss coefficient");
  if (l.km < 0) fail(r, "valve " + r.tok[0] + ": expected a minor loss coefficient >= 0");
  l.init_status = l.type == LinkType::GPV ? LinkStatus::Open : LinkStatus::Active;
  bool fixed_grade = !net_.is_junction(l.n1) || !net_.is_junction(l.n2);
  if (fixed_grade && (l.type == LinkType::PRV || l.type == LinkType::PSV || l.type == LinkType::FCV))
    fail(r, "valve " + r.tok[0] + ": a PRV, PSV or FCV cannot be connected to a tank or reservoir");
  net_.valves.push_back(k);
}

SimNetwork Parser::parse(const std::string& text) {
  net_.path = path_;
  lex(text);
  register_ids();
  demands_replaced_.assign(size_t(net_.njuncs), false);
  auto each = [&](Section s, void (Parser::*fn)(const Row&)) {
    for (const Row& r : rows_)
      if (r.section == s) (this->*fn)(r);
  };
  each(kOptions, &Parser::read_option);
  each(kTimes, &Parser::read_time);
  each(kPatterns, &Parser::read_pattern);
  each(kCurves, &Parser::read_curve);
  each(kJunctions, &Parser::read_junction);
  for (const Row& r : rows_) {
    if (r.section == kReservoirs) read_reservoir(r);
    if (r.section == kTanks) read_tank(r);
  }
  for (const Row& r : rows_) {
    if (r.section == kPipes) read_pipe(r);
    if (r.section == kPumps) read_pump(r);
    if (r.section == kValves) read_valve(r);
  }
  each(kDemands, &Parser::read_demand);
  each(kEmitters, &Parser::read_emitter);
  each(kStatus, &Parser::read_status);
  each(kControls, &Parser::read_control);
  std::vector<const Row*> rule_rows;
  for (const Row& r : rows_) {
    if (r.section == kRules) rule_rows.push_back(&r);
    if (r.section == kTitle && net_.title.empty()) {
      for (const std::string& t : r.tok) net_.title += (net_.title.empty() ? "" : " ") + t;
    }
    if (r.section == kLeakage && r.tok.size() > 1)
      net_.notes.push_back("[LEAKAGE] is read but pipe leakage is not modelled");
  }
  read_rules(rule_rows);
  finish();
  return std::move(net_);
}

}  // namespace et::sim::inp

namespace et::sim {

const char* flow_units_name(FlowUnits u) {
  static const char* const names[] = {"CFS", "GPM", "MGD", "IMGD", "AFD", "LPS",
                                      "LPM", "MLD", "CMH", "CMD",  "CMS"};
  return names[int(u)];
}

Result<SimNetwork> parse_inp(const std::string& text, const std::string& path) {
  try {
    inp::Parser p(path);
    return p.parse(text);
  } catch (const inp::ParseFailure& f) {
    return f.error;
  }
}

double parse_inp_hours(const std::string& value, const std::string& units) {
  return inp::parse_hours(value, units);
}

Result<SimNetwork> read_inp(const std::string& path) {
  auto text = read_text_file(path);
  if (!text) return text.error();
  return parse_inp(*text, path);
}

}  // namespace et::sim
