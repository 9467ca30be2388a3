// The as-found tangle (私搭乱接) the relocation plans must clear: private, ad-hoc lines
// (owner "private", subtype "informal") and abandoned old ones, a handful per utility, most
// of them in lane 1 (the `lane` bookmark looks along it):
// - power: an e-bike charging lead and another line strung across lanes at 4-5 m, a cable
//   buried 0.15 m deep across lane 1 to a shed, one laid 0.2 m from the gas main of lane 3,
//   and an abandoned aluminium cable in lane 2;
// - telecom: two private broadband drops strung across lanes, a duct 0.1 m deep across
//   lane 3, an abandoned copper telephone cable in lane 4;
// - water: a hose-pipe supply across lane 1 from a stairwell service, a pipe run 0.3 m from
//   the wall of B09, an unmetered tap ahead of the estate meter, an abandoned cast-iron main;
// - drainage: a kitchen extension's sewage run into a storm manhole, a yard drain against
//   the wall of B06, an abandoned combined sewer in lane 3;
// - gas: a private pipe along the lane 1 sewer 0.25 m from it, one 0.35 m from the wall of
//   B10, an abandoned town-gas main in lane 4.
#include <stdexcept>

#include "net_common.h"

namespace et::gen {

namespace {

const SiteBlock& block(const NetSite& site, const std::string& id) {
  for (const SiteBlock& b : site.blocks) {
    if (b.id == id) return b;
  }
  throw std::logic_error("no block " + id);
}

double south_wall(const SiteBlock& b) { return b.wall_y - 2 * (b.wall_y - b.site->y); }

NetLink informal(const std::string& kind, double dia, const std::string& material, int year,
                 double c0, double c1, const std::string& note) {
  NetLink l = line_style(kind, dia, material, year, "private", c0);
  // The link id letter; plain `= "X"` trips a GCC 12 -Wrestrict false positive at -O3.
  l.id.assign(1, 'X');
  l.cover_end_m = c1;
  l.subtype = "informal";
  l.condition = "unknown";
  l.note = note;
  return l;
}

NetLink abandoned(const std::string& kind, double dia, const std::string& material, int year,
                  const std::string& owner, double c0, double c1, const std::string& note) {
  NetLink l = line_style(kind, dia, material, year, owner, c0);
  l.id.assign(1, 'X');
  l.cover_end_m = c1;
  l.state = "abandoned";
  l.condition = "abandoned in place";
  l.note = note;
  return l;
}

// An end of a tangle line that is not on the utility's network: a wall, a shed, a kiosk.
std::string end(Net& net, glm::dvec2 p, const std::string& owner, const std::string& note) {
  const std::string id = net.node(p, "junction", "XN");
  net.at(id).owner = owner;
  net.at(id).note = note;
  return id;
}

void lay(Net& net, glm::dvec2 a, glm::dvec2 b, const NetLink& style, const std::string& na,
         const std::string& nb, const std::vector<glm::dvec2>& via = {}) {
  const std::string from = end(net, a, style.owner, na);
  net.link(from, end(net, b, style.owner, nb), style, via);
}

}  // namespace

void add_tangle(const NetSite& site, SplitMix64& rng, EstateNets& n) {
  const EstateLayout& e = *site.layout;
  const SiteBlock &b04 = block(site, "B04"), &b06 = block(site, "B06"), &b07 = block(site, "B07"),
                  &b08 = block(site, "B08"), &b09 = block(site, "B09"), &b10 = block(site, "B10"),
                  &b11 = block(site, "B11"), &b13 = block(site, "B13");
  const double lane2 = e.row_lanes[2].y0, lane3 = e.row_lanes[3].y0, lane4 = e.row_lanes[4].y0;
  const int y = 2005 + rng.range(0, 15);  // when the private lines went in, roughly

  // Power.
  NetLink lead = informal("cable", 12, "copper", y, -4.5, -4.0, "flying lead to charge e-bikes");
  lead.voltage_kv = 0.22;
  lead.cable_count = 1;
  lead.subtype = "informal";
  lay(n.power, {15.0, b04.wall_y}, {13.0, south_wall(b07)}, lead, "ground-floor window",
      "bicycle shed under the balconies");
  lead.cover_start_m = -5.0;
  lead.note = "line strung across the lane to a shop";
  lay(n.power, {0.5, b10.wall_y}, {2.0, south_wall(b13)}, lead, "ground-floor window",
      "shop in a balcony enclosure");
  NetLink shallow =
      informal("cable", 20, "copper", y, 0.15, 0.15, "cable to a shed, hardly buried");
  shallow.voltage_kv = 0.22;
  shallow.cable_count = 1;
  lay(n.power, {-8.0, b04.wall_y}, {-8.0, -11.0}, shallow, "ground-floor window", "illegal shed");
  const double gas3 = row_line_y(e, 3, Line::kGas) - 0.05 - 0.2 - 0.01;  // 0.2 m off the main
  shallow.cover_start_m = shallow.cover_end_m = 0.3;
  shallow.note = "cable laid along the gas main";
  lay(n.power, {24.0, b10.wall_y}, {4.0, south_wall(b13) - 2.5}, shallow, "ground-floor shop",
      "kiosk", {{24.0, gas3}, {4.0, gas3}});
  NetLink old = abandoned("cable", 50, "aluminium", 1986, "Power company", 0.9, 0.9,
                          "old LV cable, replaced 1996, left in place");
  old.subtype = "direct_buried";
  old.voltage_kv = 0.4;
  old.cable_count = 1;
  lay(n.power, {-60.0, lane2 + 0.8}, {-20.0, lane2 + 0.8}, old, "cut end", "cut end");

  // Telecom.
  NetLink drop = informal("cable", 8, "fibre", y, -5.5, -5.0, "private broadband drop");
  drop.fibre_count = 2;
  drop.cable_count = 1;
  lay(n.telecom, {19.5, b04.wall_y}, {20.5, south_wall(b07)}, drop, "ground-floor window",
      "balcony");
  drop.cover_start_m = -6.0;
  drop.cover_end_m = -5.5;
  lay(n.telecom, {58.0, b08.wall_y}, {57.0, south_wall(b11)}, drop, "second-floor window",
      "balcony");
  NetLink duct = informal("duct", 32, "PE", y, 0.1, 0.1, "duct hardly buried across the lane");
  duct.duct_count = 1;
  duct.fibre_count = 2;
  lay(n.telecom, {-47.0, b09.wall_y}, {-47.0, south_wall(block(site, "B12")) - 2.5}, duct,
      "ground-floor window", "shed");
  NetLink copper = abandoned("cable", 30, "copper", 1990, "Telecom company", 0.5, 0.5,
                             "copper telephone cable, out of use since fibre");
  copper.cable_count = 1;
  lay(n.telecom, {-70.0, lane4 + 0.75}, {-10.0, lane4 + 0.75}, copper, "cut end", "cut end");

  // Water.
  NetLink hose = informal("pipe", 25, "galvanized_steel", y, 0.25, 0.2,
                          "supply across the lane to a ground-floor extension");
  n.water.link("W-B04.3",
               end(n.water, {n.water.pos("W-B04.3").x, south_wall(b07) - 2.5}, "private",
                   "ground-floor extension"),
               hose);
  hose.diameter_mm = 32;
  hose.material = "PE";
  hose.cover_start_m = hose.cover_end_m = 0.2;
  hose.note = "pipe run along the wall to a car wash";
  const double x9 = b09.entrances.front() + kServiceDxWater;
  n.water.link("W-B09.1", end(n.water, {b09.x0 - 2.7, b09.wall_y + 0.3}, "private", "car wash"),
               hose, {{x9, b09.wall_y + 0.3}});
  const FacilitySite& ph = site.facility("P01");
  const std::string tap = n.water.tap({ph.x - 2.0, e.site.y0 + 1.0}, "junction", "XN");
  n.water.at(tap).owner = "private";
  n.water.at(tap).note = "tapping ahead of the estate meter";
  hose.cover_start_m = hose.cover_end_m = 0.3;
  hose.note = "unmetered supply to a kiosk";
  n.water.link(tap, end(n.water, {60.0, e.site.y0 + 4.5}, "private", "kiosk on the square"), hose,
               {{60.0, e.site.y0 + 1.0}});
  NetLink main = abandoned("pipe", 100, "grey_cast_iron", 1984, "Water company", 1.3, 1.3,
                           "old main, bypassed 1992, left in place");
  lay(n.water, {-60.0, lane2 + 3.9}, {-25.0, lane2 + 3.9}, main, "cut and plugged",
      "cut and plugged");

  // Drainage.
  const std::string mh = n.storm.tap({2.0, row_line_y(e, 1, Line::kStorm)}, "manhole", "M");
  NetLink sewage = informal("pipe", 110, "PVC-U", y, 0.3, 0.3,
                            "kitchen sewage into the storm drain (misconnection)");
  n.storm.link(
      end(n.storm, {2.0, south_wall(b07) - 2.5}, "private", "restaurant kitchen extension"), mh,
      sewage);
  const double iw_x = b06.entrances[1] + kServiceDxSewer;
  sewage.cover_start_m = 0.2;
  sewage.cover_end_m = 0.3;
  sewage.note = "yard drain laid against the wall";
  const std::string gully = end(n.sewer, {b06.x0 + 2.4, b06.wall_y + 0.3}, "private", "yard gully");
  n.sewer.link(gully, n.sewer.node({iw_x, b06.wall_y + 2.5}, "inspection_well", "IW"), sewage,
               {{iw_x, b06.wall_y + 0.3}});
  NetLink combined = abandoned("pipe", 300, "concrete", 1983, "District", 1.6, 1.7,
                               "combined sewer before separation, left in place");
  combined.subtype = "combined";
  combined.condition = "IV";
  lay(n.sewer, {-70.0, lane3 + 1.8}, {-24.0, lane3 + 1.8}, combined, "bricked-up end",
      "bricked-up end");

  // Gas.
  const double along_sewer = row_line_y(e, 1, Line::kSewer) + 0.15 + 0.25 + 0.016;
  NetLink pe = informal("pipe", 32, "PE", y, 0.3, 0.3, "private pipe along the sewer");
  pe.pressure_class = "low";
  n.gas.link("G-B04",
             end(n.gas, {-5.0, south_wall(b07) - 2.5}, "private", "restaurant kitchen extension"),
             pe, {{n.gas.pos("G-B04").x, along_sewer}, {-5.0, along_sewer}});
  pe.diameter_mm = 25;
  pe.material = "steel";
  pe.cover_start_m = pe.cover_end_m = 0.2;
  pe.note = "private pipe against the wall";
  n.gas.link("G-B10", end(n.gas, {27.0, b10.wall_y + 0.35}, "private", "ground-floor shop"), pe,
             {{n.gas.pos("G-B10").x, b10.wall_y + 0.35}});
  NetLink town = abandoned("pipe", 80, "steel", 1992, "Gas company", 0.9, 0.9,
                           "town-gas main, replaced 2001, left in place");
  town.pressure_class = "low";
  lay(n.gas, {-60.0, lane4 + 4.2}, {-25.0, lane4 + 4.2}, town, "capped end", "capped end");
}

}  // namespace et::gen
