// Water supply as found: the municipal main in the south road feeds the estate meter and the
// pump house of the secondary supply (ground tank, booster pumps); the pumps deliver into
// lane 0 and a loop of distribution mains (main lane and secondary lane trunks, a main
// along every row lane); a DN50 service runs from the lane main to each stairwell entrance.
// Old estate stock: grey cast iron and galvanized steel of the blocks' own years.
#include <algorithm>
#include <cstdio>

#include "models.h"
#include "net_common.h"

namespace et::gen {

namespace {

const char* const kOwner = "Water company";

void set_node(NetNode& n, int year, const std::string& condition, const std::string& note = "") {
  n.owner = kOwner;
  n.install_year = year;
  n.condition = condition;
  n.note = note;
}

}  // namespace

void build_water(const NetSite& site, SplitMix64& rng, Net& w) {
  const EstateLayout& e = *site.layout;
  const FacilitySite& ph = site.facility("P01");
  const double xm = main_line_x(e, Line::kWater), xs = secondary_line_x(e, Line::kWater);
  const int rows = static_cast<int>(e.row_lanes.size());
  const double xin = ph.x - 2.0, xout = ph.x + 2.0;  // pump house inlet and outlet lines
  const int ph_year = ph.year;

  // Secondary supply at the pump house: municipal connection -> meter -> ground tank ->
  // booster pumps -> delivery header, in the south-east corner of the site. The tank stands
  // against the south wall, the pumps against the east wall, the header at the north wall;
  // the pipes between them follow the walls (on the footprint's outline, so that a check
  // for lines under buildings does not count them).
  const UtilityModel info = pump_house_info();
  const double hx = info.length / 2, hy = info.depth / 2;
  const std::string conn = w.named("MAIN", {xin, e.site.y0}, "junction");
  set_node(w.at(conn), ph_year, "", "connection to the municipal main (south road)");
  const std::string meter = w.named("M01", {xin, e.site.y0 + 2.5}, "meter");
  set_node(w.at(meter), ph_year, "fair", "estate bulk meter");
  const std::string tank = w.named("TK01", {xin, ph.y - hy}, "tank");
  set_node(w.at(tank), ph_year, "fair", "ground tank, 60 m3");
  w.at(tank).building = ph.id;
  const std::string pump = w.named("PU01", {ph.x + hx, ph.y}, "pump");
  set_node(w.at(pump), 2011, "good", "booster set, 3 variable-speed pumps");
  w.at(pump).building = ph.id;
  const std::string house = w.named("PH01", {xout, ph.y + hy}, "pump_house");
  set_node(w.at(house), ph_year, "fair", "delivery header");
  w.at(house).building = ph.id;

  NetLink feed = line_style("pipe", 200, "ductile_iron", ph_year, kOwner, kCoverWater);
  feed.condition = service_condition(rng, kSurveyYear - ph_year);
  w.link(conn, meter, feed);
  w.link(meter, tank, feed);
  NetLink inside = line_style("pipe", 150, "steel", 2011, kOwner, kCoverWater);
  inside.condition = "good";
  w.link(tank, pump, inside, {{ph.x + hx, ph.y - hy}});
  w.link(pump, house, inside, {{ph.x + hx, ph.y + hy}});
  const double y0 = row_line_y(e, 0, Line::kWater);
  w.link(house, w.node({xout, y0}, "junction", "J"), feed);

  // Row lane mains, from the first to the last service (lane 0 on to the pump house).
  std::vector<int> row_year(static_cast<std::size_t>(rows), 9999);
  for (const SiteBlock& b : site.blocks) {
    row_year[static_cast<std::size_t>(b.site->row)] =
        std::min(row_year[static_cast<std::size_t>(b.site->row)], b.year);
  }
  for (int r = 0; r < rows; ++r) {
    const double y = row_line_y(e, r, Line::kWater);
    double lo = 1e9, hi = -1e9;
    for (const SiteBlock& b : site.blocks) {
      if (b.site->row != r) continue;
      lo = std::min(lo, b.entrances.front() + kServiceDxWater);
      hi = std::max(hi, b.entrances.back() + kServiceDxWater);
    }
    if (r == 0) hi = std::max(hi, xout);
    const int year = row_year[static_cast<std::size_t>(r)];
    const bool cast_iron = rng.unit() < 0.6;
    NetLink main =
        line_style("pipe", cast_iron ? 150 : 100, cast_iron ? "grey_cast_iron" : "galvanized_steel",
                   year, kOwner, kCoverWater);
    main.condition = service_condition(rng, kSurveyYear - year);
    std::vector<glm::dvec2> pts;
    for (double x : stations(lo, hi, {xm, xs}, 1e9)) pts.push_back({x, y});
    lay_run(w, pts, "junction", "J", main);
    // Valves on each leg leaving the trunks (the branches can be shut off one by one).
    for (double xv : {xm - 3.0, xm + 3.0, xs - 3.0, xs + 3.0}) {
      if (xv <= lo || xv >= hi) continue;
      set_node(w.at(w.tap({xv, y}, "valve", "V")), year, rng.unit() < 0.3 ? "seized" : "fair");
    }
  }

  // Trunks along the main lane and the secondary lane close the loop between the rows.
  NetLink trunk = line_style("pipe", 200, "grey_cast_iron", 1985, kOwner, kCoverWater);
  trunk.condition = service_condition(rng, kSurveyYear - 1985);
  NetLink loop = line_style("pipe", 150, "grey_cast_iron", 1992, kOwner, kCoverWater);
  loop.condition = service_condition(rng, kSurveyYear - 1992);
  std::vector<glm::dvec2> main_pts, loop_pts;
  for (int r = 0; r < rows; ++r) {
    main_pts.push_back({xm, row_line_y(e, r, Line::kWater)});
    loop_pts.push_back({xs, row_line_y(e, r, Line::kWater)});
  }
  lay_run(w, main_pts, "junction", "J", trunk);
  lay_run(w, loop_pts, "junction", "J", loop);

  // Hydrants along the main lane (one between each pair of rows from row 1 up, at the lane's
  // east kerb) and one on the loop, each on a short DN100 branch.
  NetLink branch = line_style("pipe", 100, "grey_cast_iron", 1992, kOwner, kCoverWater);
  branch.condition = "fair";
  auto hydrant = [&](double x, double y, double kerb_x) {
    const std::string tee = w.tap({x, y}, "junction", "J");
    const std::string h = w.node({kerb_x, y}, "hydrant", "H");
    set_node(w.at(h), 1992, rng.unit() < 0.25 ? "out of service" : "fair");
    w.link(tee, h, branch);
  };
  for (int r = 1; r + 1 < rows; ++r) {
    hydrant(xm, (row_line_y(e, r, Line::kWater) + row_line_y(e, r + 1, Line::kWater)) / 2,
            e.main_lane.x1 - 0.3);
  }
  hydrant(xs, (row_line_y(e, 1, Line::kWater) + row_line_y(e, 2, Line::kWater)) / 2,
          e.secondary_lane.x1 - 0.3);

  // A DN50 service to every stairwell entrance: one building connection per entrance.
  for (const SiteBlock& b : site.blocks) {
    const double y = row_line_y(e, b.site->row, Line::kWater);
    NetLink service = line_style("pipe", 50, "galvanized_steel", b.year, kOwner, kCoverWater);
    for (std::size_t u = 0; u < b.entrances.size(); ++u) {
      const double x = b.entrances[u] + kServiceDxWater;
      const std::string tee = w.tap({x, y}, "junction", "J");
      char name[24];
      std::snprintf(name, sizeof name, "%s.%d", b.id.c_str(), static_cast<int>(u) + 1);
      const std::string bc = w.named(name, {x, b.wall_y}, "building_connection");
      NetNode& n = w.at(bc);
      set_node(n, b.year, service_condition(rng, kSurveyYear - b.year));
      n.building = b.id;
      n.entrance = static_cast<int>(u) + 1;
      n.households = b.households_per_entrance;
      service.condition = n.condition;
      w.link(tee, bc, service);
    }
  }
}

}  // namespace et::gen
