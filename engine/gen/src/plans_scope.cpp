// PlanBuilder, the lane runs each company works on, and the companies' work with its cost
// items (plans_common.h). Unit costs and crew rates are illustrative (see the header).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <tuple>

#include "et/core/date.h"
#include "plans_common.h"

namespace et::gen {

namespace {

constexpr double kOnLine = 1e-6;
constexpr int kYear = 2027;

// Illustrative unit costs, CNY.
constexpr double kMobilisation = 6000;  // per task: site set-up, traffic management
constexpr double kExcavation = 95;      // per m3: excavate, support, backfill, compact
constexpr double kTunnel = 38000;       // per m: cut-and-cover 2.5 x 3 m tunnel, fitted
constexpr double kTakeOut = 60;         // per m: old line out of an open trench
constexpr double kDuctileIron150 = 680, kDuctileIron200 = 850;
constexpr double kCableInConduit = 520, kDuctBank = 900, kGasPe110 = 420;
constexpr double kBrackets = 180;  // per m: a line moved onto tunnel brackets, with joints

bool along_y(const NetLink& l, double y) {
  for (const glm::dvec2& p : l.path) {
    if (std::abs(p.y - y) > kOnLine) return false;
  }
  return true;
}

bool along_x(const NetLink& l, double x) {
  for (const glm::dvec2& p : l.path) {
    if (std::abs(p.x - x) > kOnLine) return false;
  }
  return true;
}

// The company's own as-found lines on a lane line.
Links on_line(const Net& net, bool row, double at, const std::string& owner) {
  Links out;
  for (const NetLink& l : net.links) {
    if (l.owner != owner || l.state != "as_found") continue;
    if (row ? along_y(l, at) : along_x(l, at)) out.push_back(&l);
  }
  return out;
}

const NetLink* by_note(const Net& net, const std::string& note) {
  const NetLink* found = nullptr;
  for (const NetLink& l : net.links) {
    if (l.note.rfind(note, 0) != 0) continue;
    if (found != nullptr) throw std::logic_error(net.code() + ": two tangle lines '" + note + "'");
    found = &l;
  }
  if (found == nullptr) throw std::logic_error(net.code() + ": no tangle line '" + note + "'");
  return found;
}

}  // namespace

PlanBuilder::PlanBuilder(std::string id, std::string name, std::string description) {
  doc_.id = std::move(id);
  doc_.name = std::move(name);
  doc_.description = std::move(description);
}

void PlanBuilder::trench(const std::string& id, std::vector<glm::dvec2> path, double width_m,
                         double depth_m, bool tunnel) {
  doc_.trenches.push_back({id, tunnel, std::move(path), width_m, depth_m});
}

PlanEdit& PlanBuilder::edit(const std::string& op, const std::string& owner,
                            const std::string& utility) {
  PlanEdit e;
  char id[16];
  std::snprintf(id, sizeof id, "E%03d", static_cast<int>(doc_.edits.size()) + 1);
  e.id = id;
  e.op = op;
  e.owner = owner;
  e.utility = utility;
  pending_.push_back(e.id);
  doc_.edits.push_back(std::move(e));
  return doc_.edits.back();
}

void PlanBuilder::cost(const std::string& item, const std::string& owner, const std::string& edit,
                       double quantity, const std::string& unit, double unit_cost_cny) {
  doc_.costs.push_back({item, owner, edit, quantity, unit, unit_cost_cny});
}

int PlanBuilder::task(const std::string& name, const std::string& owner, const std::string& crew,
                      const std::string& trench, int start, int days, double outage_h) {
  if (pending_.empty()) throw std::logic_error(doc_.id + ": task '" + name + "' has no edits");
  PlanTask t;
  char id[16];
  std::snprintf(id, sizeof id, "K%02d", static_cast<int>(doc_.tasks.size()) + 1);
  t.id = id;
  t.name = name;
  t.owner = owner;
  t.crew = crew;
  t.trench = trench;
  t.edits = std::move(pending_);
  pending_.clear();
  t.start_day = start;
  t.end_day = start + days - 1;
  t.outage_h = outage_h;
  cost("Mobilisation and traffic management: " + name, owner, "", 1, "item", kMobilisation);
  for (const PlanTrench& tr : doc_.trenches) {
    if (tr.id != trench) continue;
    double len = 0.0;
    for (std::size_t i = 1; i < tr.path.size(); ++i)
      len += glm::length(tr.path[i] - tr.path[i - 1]);
    if (tr.tunnel) {
      cost("Utility tunnel " + tr.id + ", cut and cover, fitted out", owner, "", len, "m", kTunnel);
    } else {
      cost("Trench " + tr.id + ": excavation and backfill", owner, "",
           len * tr.width_m * tr.depth_m, "m3", kExcavation);
      cost("Trench " + tr.id + ": " + reinstatement_, owner, "", len * tr.width_m, "m2",
           reinstatement_cny_);
    }
  }
  doc_.tasks.push_back(std::move(t));
  return start + days;
}

std::string PlanBuilder::new_link_id(const std::string& code) {
  char id[24];
  std::snprintf(id, sizeof id, "%s-N%03d", code.c_str(), ++counters_[code]);
  return id;
}

Scope muyanghu_scope(const EstateLayout& e, const EstateNets& n) {
  Scope s;
  s.e = &e;
  s.n = &n;
  for (int r = 0; r < static_cast<int>(e.row_lanes.size()); ++r) {
    Links w = on_line(n.water, true, row_line_y(e, r, Line::kWater), "Water company");
    w.erase(
        std::remove_if(w.begin(), w.end(), [](const NetLink* l) { return l->diameter_mm < 100; }),
        w.end());
    s.water_row.push_back(w);
    Links p = on_line(n.power, true, row_line_y(e, r, Line::kPower), "Power company");
    p.erase(std::remove_if(p.begin(), p.end(),
                           [](const NetLink* l) { return l->subtype != "direct_buried"; }),
            p.end());
    s.power_row.push_back(p);
    s.gas_row.push_back(on_line(n.gas, true, row_line_y(e, r, Line::kGas), "Gas company"));
    s.telecom_row.push_back(
        on_line(n.telecom, true, row_line_y(e, r, Line::kTelecom), "Telecom company"));
  }
  s.water_main = on_line(n.water, false, main_line_x(e, Line::kWater), "Water company");
  s.power_main = on_line(n.power, false, main_line_x(e, Line::kPower), "Power company");
  s.power_main.erase(std::remove_if(s.power_main.begin(), s.power_main.end(),
                                    [](const NetLink* l) { return l->subtype != "duct_bank"; }),
                     s.power_main.end());
  s.gas_main = on_line(n.gas, false, main_line_x(e, Line::kGas), "Gas company");
  s.telecom_main = on_line(n.telecom, false, main_line_x(e, Line::kTelecom), "Telecom company");
  s.water_sec = on_line(n.water, false, secondary_line_x(e, Line::kWater), "Water company");
  s.power_sec = on_line(n.power, false, secondary_line_x(e, Line::kPower), "Power company");
  s.telecom_sec = on_line(n.telecom, false, secondary_line_x(e, Line::kTelecom), "Telecom company");

  // Services: from a tee on the row main to a block's building connection.
  for (int r = 0; r < static_cast<int>(e.row_lanes.size()); ++r) {
    for (auto [net, line, out] : {std::tuple{&n.gas, Line::kGas, &s.gas_services},
                                  std::tuple{&n.telecom, Line::kTelecom, &s.telecom_services}}) {
      const double y = row_line_y(e, r, line);
      Links services;
      for (const NetLink& l : net->links) {
        if (l.state != "as_found" || l.owner == "private") continue;
        if (std::abs(l.path.front().y - y) > kOnLine || std::abs(l.path.back().y - y) < 1.0)
          continue;
        for (const NetNode& nd : net->nodes) {
          if (nd.id == l.to && nd.kind == "building_connection" && nd.building.rfind('B', 0) == 0)
            services.push_back(&l);
        }
      }
      out->push_back(services);
    }
  }
  for (const Net* net : {&n.power, &n.telecom}) {
    for (const NetLink& l : net->links) {
      if (l.owner == "private" && l.cover_start_m < 0.0) s.overhead.push_back(&l);
    }
  }
  s.shed_cable = by_note(n.power, "cable to a shed");
  s.kiosk_cable = by_note(n.power, "cable laid along the gas main");
  s.old_power = by_note(n.power, "old LV cable");
  s.shallow_duct = by_note(n.telecom, "duct hardly buried");
  s.old_copper = by_note(n.telecom, "copper telephone cable");
  s.hose = by_note(n.water, "supply across the lane");
  s.car_wash = by_note(n.water, "pipe run along the wall");
  s.kiosk_water = by_note(n.water, "unmetered supply");
  s.yard_drain = by_note(n.sewer, "yard drain laid against the wall");
  s.misconnection = by_note(n.storm, "kitchen sewage");
  s.kitchen_gas = by_note(n.gas, "private pipe along the sewer");
  s.wall_gas = by_note(n.gas, "private pipe against the wall");
  return s;
}

int row_lane_of(const EstateLayout& e, const NetLink& l) {
  for (std::size_t i = 1; i < l.path.size(); ++i) {
    for (int k = 0; k <= 20; ++k) {
      const glm::dvec2 p = l.path[i - 1] + (l.path[i] - l.path[i - 1]) * (k / 20.0);
      for (std::size_t r = 0; r < e.row_lanes.size(); ++r) {
        if (e.row_lanes[r].contains(p.x, p.y)) return static_cast<int>(r);
      }
    }
  }
  return -1;
}

std::vector<std::string> ids(const Links& links) {
  std::vector<std::string> out;
  for (const NetLink* l : links) out.push_back(l->id);
  return out;
}

double plan_length(const Links& links) {
  double s = 0.0;
  for (const NetLink* l : links) s += l->plan_length_m();
  return s;
}

std::vector<glm::dvec2> run_path(const Links& links, bool along_x, double at) {
  double lo = 1e9, hi = -1e9;
  for (const NetLink* l : links) {
    for (const glm::dvec2& p : l->path) {
      lo = std::min(lo, along_x ? p.x : p.y);
      hi = std::max(hi, along_x ? p.x : p.y);
    }
  }
  if (along_x) return {{lo, at}, {hi, at}};
  return {{at, lo}, {at, hi}};
}

void remove(PlanBuilder& b, const Links& links, const std::string& owner,
            const std::string& utility, const std::string& what, double cny_m) {
  if (links.empty()) return;
  PlanEdit& e = b.edit("remove", owner, utility);
  e.links = ids(links);
  b.cost(what, owner, e.id, plan_length(links), "m", cny_m);
}

void renew_water(PlanBuilder& b, const Links& old, double dn, const std::string& trench) {
  remove(b, old, "water", "water", "Old water main taken out", kTakeOut);
  for (const NetLink* o : old) {
    PlanEdit& e = b.edit("add", "water", "water");
    e.trench = trench;
    e.link = line_style("pipe", dn, "ductile_iron", kYear, "Water company", o->cover_start_m);
    e.link.cover_end_m = o->cover_end_m;
    e.link.id = b.new_link_id("W");
    e.link.from = o->from;
    e.link.to = o->to;
    e.link.path = o->path;
    e.link.condition = "new";
    e.link.note = "renews " + o->id;
    char item[64];
    std::snprintf(item, sizeof item, "DN%.0f ductile iron main, supply and lay", dn);
    b.cost(item, "water", e.id, o->plan_length_m(), "m",
           dn > 150 ? kDuctileIron200 : kDuctileIron150);
  }
}

void renew_power(PlanBuilder& b, const Links& old, bool duct_bank, const std::string& trench,
                 double cover) {
  remove(b, old, "power", "power",
         duct_bank ? "Old duct bank and cables taken out" : "Old direct-buried cable taken out",
         kTakeOut);
  for (const NetLink* o : old) {
    PlanEdit& e = b.edit("add", "power", "power");
    e.trench = trench;
    NetLink& l = e.link;
    l = line_style("cable", duct_bank ? 0 : 110, "copper", kYear, "Power company",
                   cover > 0.0 ? cover : o->cover_start_m);
    l.cover_end_m = cover > 0.0 ? cover : o->cover_end_m;
    if (duct_bank) {
      l.width_mm = o->width_mm;
      l.height_mm = o->height_mm;
      l.duct_count = 6;
      l.cable_count = 4;
      l.subtype = "duct_bank";
    } else {
      l.cable_count = 1;
      l.subtype = "conduit";
    }
    l.voltage_kv = o->voltage_kv;
    l.id = b.new_link_id("P");
    l.from = o->from;
    l.to = o->to;
    l.path = o->path;
    l.condition = "new";
    l.note = "renews " + o->id;
    b.cost(duct_bank ? "6-way LV duct bank with cables, supply and lay"
                     : "LV cable 4x185 Cu in PVC conduit, supply and lay",
           "power", e.id, o->plan_length_m(), "m", duct_bank ? kDuctBank : kCableInConduit);
  }
}

void renew_gas_trunk(PlanBuilder& b, const Links& old, const std::string& trench) {
  remove(b, old, "gas", "gas", "Old steel gas trunk taken out", kTakeOut);
  for (const NetLink* o : old) {
    PlanEdit& e = b.edit("add", "gas", "gas");
    e.trench = trench;
    // DN110 at the carriageway minimum of 0.9 m passes 0.15 m clear above the water mains
    // that cross it and as clear of the telecom ducts.
    e.link = line_style("pipe", 110, "PE", kYear, "Gas company", 0.9);
    e.link.pressure_class = "low";
    e.link.id = b.new_link_id("G");
    e.link.from = o->from;
    e.link.to = o->to;
    e.link.path = o->path;
    e.link.condition = "new";
    e.link.note = "renews " + o->id;
    b.cost("PE100 DN110 gas main, supply and lay", "gas", e.id, o->plan_length_m(), "m", kGasPe110);
  }
}

void lower(PlanBuilder& b, const Links& links, const std::string& owner, const std::string& utility,
           double cover, const std::string& what, double cny_m) {
  for (const NetLink* l : links) {
    PlanEdit& e = b.edit("depth", owner, utility);
    e.links = {l->id};
    e.has_cover = true;
    e.cover_start_m = e.cover_end_m = cover;
    b.cost(what, owner, e.id, l->plan_length_m(), "m", cny_m);
  }
}

void move(PlanBuilder& b, const NetLink& l, const std::string& owner, const std::string& utility,
          std::vector<glm::dvec2> path, const std::string& trench, double cover) {
  PlanEdit& e = b.edit("move", owner, utility);
  e.links = {l.id};
  e.path = std::move(path);
  e.trench = trench;
  if (cover > 0.0) {
    e.has_cover = true;
    e.cover_start_m = e.cover_end_m = cover;
  }
  double len = 0.0;
  for (std::size_t i = 1; i < e.path.size(); ++i) len += glm::length(e.path[i] - e.path[i - 1]);
  b.cost("Line moved onto tunnel brackets, with joints", owner, e.id, len, "m", kBrackets);
}

int days_for(double metres, double per_day, int extra) {
  return static_cast<int>(std::ceil(metres / per_day - 1e-9)) + extra;
}

int day_of(const char* date) {
  const std::optional<int> d = parse_date(date);
  if (!d) throw std::logic_error(std::string("bad date ") + date);
  return *d;
}

}  // namespace et::gen
