// Gas and power as found.
// Gas: the municipal medium-pressure main feeds the regulator box by the south gate; low
// pressure runs up a steel trunk in the main lane, a PE main along every row lane, and one
// service to each block's wall (a riser header on the facade takes it to the stairwells).
// Power: a 10 kV cable in and out of the box substation (ring main unit); 0.4 kV feeders in
// a duct bank up the main lane, direct-buried cables along the row lanes (tied up the
// secondary lane) and a cable in conduit to each block's distribution box, the pump house
// and the telecom cabinets.
#include <algorithm>
#include <cstdio>

#include "models.h"
#include "net_common.h"

namespace et::gen {

namespace {

// Row r's service points and the x extent a row main must reach.
struct RowServices {
  std::vector<double> xs;
  double lo = 1e9, hi = -1e9;
  void add(double x) {
    xs.push_back(x);
    lo = std::min(lo, x);
    hi = std::max(hi, x);
  }
};

void lay_row(Net& net, const EstateLayout& e, int r, Line line, const RowServices& s,
             std::vector<double> crossings, const NetLink& style) {
  const double y = row_line_y(e, r, line);
  std::vector<glm::dvec2> pts;
  for (double x : stations(s.lo, s.hi, std::move(crossings), 1e9)) pts.push_back({x, y});
  lay_run(net, pts, "junction", "J", style);
}

}  // namespace

void build_gas(const NetSite& site, SplitMix64& rng, Net& g) {
  const char* const owner = "Gas company";
  const EstateLayout& e = *site.layout;
  const FacilitySite& reg = site.facility("G01");
  const int rows = static_cast<int>(e.row_lanes.size());
  const double xm = main_line_x(e, Line::kGas);

  const std::string conn = g.named("MAIN", {reg.x, e.site.y0}, "junction");
  g.at(conn).owner = owner;
  g.at(conn).note = "connection to the municipal medium-pressure main (south road)";
  // The regulator's node is the middle of its south face, where the medium-pressure pipe
  // comes in; the low-pressure outlet leaves round its west side.
  const UtilityModel box_info = gas_regulator_info();
  const double face = reg.y - box_info.depth / 2;
  const std::string rg = g.named("RG01", {reg.x, face}, "gas_regulator");
  g.at(rg).building = reg.id;
  g.at(rg).owner = owner;
  g.at(rg).install_year = reg.year;
  g.at(rg).condition = "good";
  NetLink medium = line_style("pipe", 100, "steel", reg.year, owner, 0.9);
  medium.pressure_class = "medium";
  medium.condition = service_condition(rng, kSurveyYear - reg.year);
  g.link(conn, rg, medium);

  NetLink trunk = line_style("pipe", 150, "steel", reg.year, owner, kCoverGas);
  trunk.pressure_class = "low";
  trunk.condition = service_condition(rng, kSurveyYear - reg.year);
  const double y_out = reg.y + 1.5, x_side = reg.x - box_info.length / 2 - 0.35;
  g.link(rg, g.node({xm, y_out}, "junction", "J"), trunk, {{x_side, face}, {x_side, y_out}});
  std::vector<glm::dvec2> main_pts{{xm, y_out}};
  for (int r = 0; r < rows; ++r) main_pts.push_back({xm, row_line_y(e, r, Line::kGas)});
  lay_run(g, main_pts, "junction", "J", trunk);
  g.at(g.tap({xm, y_out + 2.0}, "valve", "V")).note = "regulator outlet valve";

  for (int r = 0; r < rows; ++r) {
    RowServices s;
    for (const SiteBlock& b : site.blocks) {
      if (b.site->row == r) s.add(middle_entrance(b) + kServiceDxGas);
    }
    const int year = 2001 + rng.range(0, 5);
    NetLink row = line_style("pipe", 100, "PE", year, owner, kCoverGas);
    row.pressure_class = "low";
    row.condition = service_condition(rng, kSurveyYear - year);
    lay_row(g, e, r, Line::kGas, s, {xm}, row);
    const double y = row_line_y(e, r, Line::kGas);
    for (double xv : {xm - 2.5, xm + 2.5}) {
      if (xv > s.lo && xv < s.hi) g.at(g.tap({xv, y}, "valve", "V")).install_year = year;
    }
  }

  for (const SiteBlock& b : site.blocks) {
    const double x = middle_entrance(b) + kServiceDxGas;
    const std::string tee = g.tap({x, row_line_y(e, b.site->row, Line::kGas)}, "junction", "J");
    const std::string bc = g.named(b.id, {x, b.wall_y}, "building_connection");
    NetNode& n = g.at(bc);
    n.building = b.id;
    n.households = b.households_per_entrance * static_cast<int>(b.entrances.size());
    n.owner = owner;
    n.install_year = 2001 + rng.range(0, 5);
    n.note = "riser header on the entrance facade";
    NetLink service = line_style("pipe", 50, "PE", n.install_year, owner, kCoverGas);
    service.pressure_class = "low";
    service.condition = service_condition(rng, kSurveyYear - n.install_year);
    g.link(tee, bc, service);
  }
}

void build_power(const NetSite& site, SplitMix64& rng, Net& p) {
  const char* const owner = "Power company";
  const EstateLayout& e = *site.layout;
  const FacilitySite& tr = site.facility("T01");
  const FacilitySite& ph = site.facility("P01");
  const int rows = static_cast<int>(e.row_lanes.size());
  const double xm = main_line_x(e, Line::kPower), xs = secondary_line_x(e, Line::kPower);

  // The substation's node is the middle of its south face (cable entry); cables stay
  // outside the box.
  const UtilityModel box_info = transformer_info();
  const double face = tr.y - box_info.depth / 2, east = tr.x + box_info.length / 2 + 0.5;
  const std::string box = p.named("TR01", {tr.x, face}, "transformer");
  p.at(box).building = tr.id;
  p.at(box).note = "box substation 10/0.4 kV, 630 kVA";
  NetLink hv = line_style("cable", 75, "copper", tr.year, owner, kCoverPower);
  hv.subtype = "direct_buried";
  hv.voltage_kv = 10;
  hv.cable_count = 1;
  hv.condition = service_condition(rng, kSurveyYear - tr.year);
  for (double dx : {-1.0, 1.0}) {
    const std::string in = p.node({tr.x + dx, e.site.y0}, "junction", "J");
    p.at(in).note = "municipal 10 kV ring (south road)";
    p.link(in, box, hv, {{tr.x + dx, face - 0.7}});
  }

  // Feeders: the substation to the main lane duct bank, up it, and along every row lane.
  NetLink feeder = line_style("cable", 110, "copper", tr.year, owner, kCoverPower);
  feeder.subtype = "conduit";
  feeder.voltage_kv = 0.4;
  feeder.cable_count = 4;
  feeder.condition = hv.condition;
  p.link(box, p.node({xm, tr.y}, "junction", "J"), feeder, {{east, face}, {east, tr.y}});
  NetLink bank = feeder;
  bank.diameter_mm = 0;
  bank.width_mm = 600;
  bank.height_mm = 150;
  bank.duct_count = 4;
  bank.subtype = "duct_bank";
  std::vector<glm::dvec2> trunk{{xm, tr.y}};
  for (int r = 0; r < rows; ++r) trunk.push_back({xm, row_line_y(e, r, Line::kPower)});
  lay_run(p, trunk, "junction", "J", bank);

  const FacilitySite& c1 = site.facility("C01");
  const FacilitySite& c2 = site.facility("C02");
  const FacilitySite& c3 = site.facility("C03");
  struct Extra {
    int row;
    double x, y;
    const FacilitySite* f;
  };
  const Extra extras[] = {{0, ph.x - 0.5, ph.y + 4.0, &ph},
                          {0, c1.x - 0.9, c1.y, &c1},
                          {2, c3.x - 0.8, c3.y - 0.4, &c3}};
  for (int r = 0; r < rows; ++r) {
    RowServices s;
    for (const SiteBlock& b : site.blocks) {
      if (b.site->row == r) s.add(middle_entrance(b) + kServiceDxPower);
    }
    for (const Extra& x : extras) {
      if (x.row == r) s.add(x.x);
    }
    const int year = rng.unit() < 0.5 ? tr.year : 2008;
    NetLink row =
        line_style("cable", 70, year < 2000 ? "aluminium" : "copper", year, owner, kCoverPower);
    row.subtype = "direct_buried";
    row.voltage_kv = 0.4;
    row.cable_count = 1;
    row.condition = service_condition(rng, kSurveyYear - year);
    lay_row(p, e, r, Line::kPower, s, {xm, xs}, row);
    p.at(p.node({xm, row_line_y(e, r, Line::kPower)}, "junction", "J")).note = "LV branch box";
  }

  // A tie up the secondary lane between the row feeders of rows 1-4 (back-feed when one is
  // out), normally open at its middle.
  NetLink tie = line_style("cable", 70, "copper", 2008, owner, kCoverPower);
  tie.subtype = "direct_buried";
  tie.voltage_kv = 0.4;
  tie.cable_count = 1;
  tie.condition = service_condition(rng, kSurveyYear - 2008);
  tie.note = "LV tie between feeders";
  for (int r = 2; r < rows; ++r) {
    const std::string a = p.tap({xs, row_line_y(e, r - 1, Line::kPower)}, "junction", "J");
    p.link(a, p.tap({xs, row_line_y(e, r, Line::kPower)}, "junction", "J"), tie);
  }

  NetLink service = line_style("cable", 110, "copper", 0, owner, kCoverPower);
  service.subtype = "conduit";
  service.voltage_kv = 0.4;
  service.cable_count = 1;
  service.cover_end_m = 0.8;
  for (const SiteBlock& b : site.blocks) {
    const double x = middle_entrance(b) + kServiceDxPower;
    const std::string tee = p.tap({x, row_line_y(e, b.site->row, Line::kPower)}, "junction", "J");
    const std::string bc = p.named(b.id, {x, b.wall_y}, "building_connection");
    NetNode& n = p.at(bc);
    n.building = b.id;
    n.households = b.households_per_entrance * static_cast<int>(b.entrances.size());
    n.install_year = std::max(b.year, tr.year);
    n.note = "block distribution box (meter boxes in the stairwells)";
    service.install_year = n.install_year;
    service.condition = service_condition(rng, kSurveyYear - n.install_year);
    p.link(tee, bc, service);
  }
  // The pump house (booster pumps: two cables) and the telecom cabinets.
  for (const Extra& x : extras) {
    const std::string tee = p.tap({x.x, row_line_y(e, x.row, Line::kPower)}, "junction", "J");
    const std::string bc = p.named(x.f->id, {x.x, x.y}, "building_connection");
    p.at(bc).building = x.f->id;
    p.at(bc).install_year = x.f->year;
    service.install_year = x.f->year;
    service.cable_count = x.f == &ph ? 2 : 1;
    service.condition = "good";
    p.link(tee, bc, service);
  }
  {
    const double y = c2.y - 0.8;
    const std::string tee = p.tap({xm, y}, "junction", "J");
    const std::string bc = p.named(c2.id, {c2.x + 0.4, y}, "building_connection");
    p.at(bc).building = c2.id;
    p.at(bc).install_year = c2.year;
    service.install_year = c2.year;
    service.cable_count = 1;
    p.link(tee, bc, service);
  }
}

}  // namespace et::gen
