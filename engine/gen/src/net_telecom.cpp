// Telecom as found (fibre to the building, 2009-2012): the operator's duct enters at the
// south gate, runs up the main lane as a duct bank, along every row lane as a pair of ducts
// (closed into rings up the secondary lane), to the three cabinets, and into each block's
// fibre box.
#include <algorithm>

#include "models.h"
#include "net_common.h"

namespace et::gen {

void build_telecom(const NetSite& site, SplitMix64& rng, Net& t) {
  const char* const owner = "Telecom company";
  const EstateLayout& e = *site.layout;
  const int rows = static_cast<int>(e.row_lanes.size());
  const double xm = main_line_x(e, Line::kTelecom);
  const FacilitySite& c1 = site.facility("C01");
  const FacilitySite& c2 = site.facility("C02");
  const FacilitySite& c3 = site.facility("C03");

  auto duct = [&](double dia, double w, int ducts, int fibres, int year) {
    NetLink l = line_style("duct", dia, "PVC-U", year, owner, kCoverTelecom);
    if (dia == 0.0) {
      l.width_mm = w;
      l.height_mm = 100;
    }
    l.duct_count = ducts;
    l.fibre_count = fibres;
    l.condition = service_condition(rng, kSurveyYear - year);
    return l;
  };

  const std::string conn = t.named("MAIN", {xm, e.site.y0}, "junction");
  t.at(conn).note = "operator duct from the street";
  std::vector<glm::dvec2> trunk{{xm, e.site.y0}};
  for (int r = 0; r < rows; ++r) trunk.push_back({xm, row_line_y(e, r, Line::kTelecom)});
  lay_run(t, trunk, "junction", "J", duct(0, 450, 4, 144, c1.year));

  // Row lanes: from the first to the last stairwell, on to a cabinet where one stands off it.
  struct Cabinet {
    const FacilitySite* f;
    int row;  // -1: off the main lane trunk
  };
  const Cabinet cabinets[] = {{&c1, 0}, {&c2, -1}, {&c3, 2}};
  for (int r = 0; r < rows; ++r) {
    double lo = 1e9, hi = secondary_line_x(e, Line::kTelecom);  // on to the ring duct
    std::vector<double> extra{xm};
    for (const SiteBlock& b : site.blocks) {
      if (b.site->row != r) continue;
      lo = std::min(lo, middle_entrance(b) + kServiceDxTelecom);
      hi = std::max(hi, middle_entrance(b) + kServiceDxTelecom);
    }
    for (const Cabinet& c : cabinets) {
      if (c.row == r) {
        lo = std::min(lo, c.f->x);
        hi = std::max(hi, c.f->x);
      }
    }
    const double y = row_line_y(e, r, Line::kTelecom);
    std::vector<glm::dvec2> pts;
    for (double x : stations(lo, hi, extra, 1e9)) pts.push_back({x, y});
    lay_run(t, pts, "junction", "J", duct(0, 250, 2, 48, 2009 + rng.range(0, 3)));
    t.at(t.node({xm, y}, "junction", "J")).note = "handhole";
  }
  // A duct up the secondary lane closes the row ducts into rings (a second path to every
  // cabinet and block).
  NetLink ring = duct(0, 250, 2, 48, 2012);
  ring.note = "ring duct";
  const double xs = secondary_line_x(e, Line::kTelecom);
  for (int r = 1; r < rows; ++r) {
    const std::string a = t.tap({xs, row_line_y(e, r - 1, Line::kTelecom)}, "junction", "J");
    t.link(a, t.tap({xs, row_line_y(e, r, Line::kTelecom)}, "junction", "J"), ring);
  }

  // Each cabinet's node is the middle of the face its duct comes in at (south from a row
  // lane, east from the main lane), so the duct stays outside the cabinet.
  const UtilityModel info = telecom_cabinet_info();
  for (const Cabinet& c : cabinets) {
    const bool turned = c.f->heading_deg == 90.0;
    const double hx = (turned ? info.depth : info.length) / 2;
    const double hy = (turned ? info.length : info.depth) / 2;
    const glm::dvec2 at =
        c.row < 0 ? glm::dvec2(c.f->x + hx, c.f->y) : glm::dvec2(c.f->x, c.f->y - hy);
    const std::string id = t.named(c.f->id, at, "telecom_cabinet");
    t.at(id).building = c.f->id;
    t.at(id).install_year = c.f->year;
    const glm::dvec2 tee = c.row < 0 ? glm::dvec2(xm, c.f->y)
                                     : glm::dvec2(c.f->x, row_line_y(e, c.row, Line::kTelecom));
    t.link(t.tap(tee, "junction", "J"), id, duct(0, 250, 2, 96, c.f->year));
  }

  for (const SiteBlock& b : site.blocks) {
    const double x = middle_entrance(b) + kServiceDxTelecom;
    const std::string tee = t.tap({x, row_line_y(e, b.site->row, Line::kTelecom)}, "junction", "J");
    const std::string bc = t.named(b.id, {x, b.wall_y}, "building_connection");
    NetNode& n = t.at(bc);
    n.building = b.id;
    n.households = b.households_per_entrance * static_cast<int>(b.entrances.size());
    n.install_year = 2009 + rng.range(0, 3);
    n.note = "building fibre box (cables on to each stairwell)";
    t.link(tee, bc, duct(90, 0, 1, 48, n.install_year));
  }
}

}  // namespace et::gen
