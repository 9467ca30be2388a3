// Separated drainage as found: a sewer and a storm line along every row lane, each falling
// towards the main lane and down its trunk to the outfall at the south gate; manholes at
// every junction and connection and at most 40 m apart. Sewage leaves each stairwell
// through an inspection well; roof drains at both ends of each block's entrance wall and a
// yard drain on its south (balcony) side feed the storm line. Gravity lines are laid crown to
// crown at 2.5 per mille, so the cover grows downstream; the sewer stays 0.7 m below the
// storm line so the two cross clear where a row line meets the other's trunk.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "net_common.h"

namespace et::gen {

namespace {

const char* const kOwner = "District";
constexpr double kSlope = 0.0025;
constexpr double kSewerOutfallCover = 2.95;  // crown cover at the outfall
constexpr double kStormOutfallCover = 2.25;
constexpr double kMaxManholeGap = 40.0;

struct Gravity {
  Net& net;
  double trunk_x;
  double outfall_y;
  double outfall_cover;
  // Flow distance to the outfall: along the row lane to the trunk, then down the trunk.
  double cover(glm::dvec2 p) const {
    return outfall_cover - kSlope * (std::abs(p.x - trunk_x) + (p.y - outfall_y));
  }
  // Manholes at pts (in flow order), linked downstream; dn(p) picks each link's section
  // from its downstream end.
  template <typename Dn>
  void run(const std::vector<glm::dvec2>& pts, const NetLink& style, Dn dn,
           const std::string& subtype) {
    std::vector<std::string> ids;
    for (const glm::dvec2& p : pts) ids.push_back(net.node(p, "manhole", "M"));
    for (std::size_t i = 1; i < ids.size(); ++i) {
      NetLink& l = net.link(ids[i - 1], ids[i], style);
      l.diameter_mm = dn(pts[i]);
      l.subtype = subtype;
      l.cover_start_m = cover(pts[i - 1]);
      l.cover_end_m = cover(pts[i]);
    }
  }
  // A house connection into the manhole at `to`, entering above the main (a drop inlet).
  void service(const std::string& from, const std::string& to, NetLink style, double c0,
               double c1) {
    style.cover_start_m = c0;
    style.cover_end_m = c1;
    net.link(from, to, style);
  }
};

NetLink gravity_style(SplitMix64& rng, int year, const std::string& subtype) {
  const bool relined = rng.unit() < 0.2;  // a lane relaid in PVC-U since
  NetLink l =
      line_style("pipe", 300, relined ? "PVC-U" : "concrete", relined ? 2008 : year, kOwner, 0.0);
  l.subtype = subtype;
  l.condition = sewer_grade(rng, kSurveyYear - l.install_year);
  return l;
}

std::string connection_name(const SiteBlock& b, const std::string& what) {
  return b.id + "." + what;
}

}  // namespace

void set_manhole_depths(Net& net, int year) {
  for (NetNode& n : net.nodes) {
    if (n.kind != "manhole" && n.kind != "inspection_well") continue;
    double deepest = 0.0;
    for (const NetLink& l : net.links) {
      if (l.from == n.id) deepest = std::max(deepest, l.cover_start_m + l.section_height_m());
      if (l.to == n.id) deepest = std::max(deepest, l.cover_end_m + l.section_height_m());
    }
    n.depth_m = std::round((deepest + 0.1) * 100) / 100;
    n.owner = kOwner;
    if (n.install_year == 0) n.install_year = year;
  }
}

void build_drainage(const NetSite& site, SplitMix64& rng, Net& sewer, Net& storm) {
  const EstateLayout& e = *site.layout;
  const int rows = static_cast<int>(e.row_lanes.size());
  const FacilitySite& ph = site.facility("P01");
  Gravity sw{sewer, main_line_x(e, Line::kSewer), e.site.y0, kSewerOutfallCover};
  Gravity st{storm, main_line_x(e, Line::kStorm), e.site.y0, kStormOutfallCover};
  int oldest = 9999;
  for (const SiteBlock& b : site.blocks) oldest = std::min(oldest, b.year);

  // Trunks down the main lane to the outfalls at the gate.
  {
    std::vector<double> ys;
    for (int r = 0; r < rows; ++r) ys.push_back(row_line_y(e, r, Line::kSewer));
    std::vector<glm::dvec2> pts;
    for (double y : stations(ys.back(), e.site.y0, ys, kMaxManholeGap))
      pts.push_back({sw.trunk_x, y});
    NetLink s = gravity_style(rng, oldest, "sewer");
    sw.run(
        pts, s, [](glm::dvec2) { return 400.0; }, "sewer");
    ys.clear();
    for (int r = 0; r < rows; ++r) ys.push_back(row_line_y(e, r, Line::kStorm));
    pts.clear();
    for (double y : stations(e.site.y1 - 2.0, e.site.y0, ys, kMaxManholeGap))
      pts.push_back({st.trunk_x, y});
    const double y_lane0 = ys.front();
    s = gravity_style(rng, oldest, "storm");
    st.run(
        pts, s, [y_lane0](glm::dvec2 p) { return p.y < y_lane0 - 1e-6 ? 600.0 : 500.0; }, "storm");
    sewer.at(sewer.node({sw.trunk_x, e.site.y0}, "manhole", "M")).note =
        "outfall to the municipal sewer";
    storm.at(storm.node({st.trunk_x, e.site.y0}, "manhole", "M")).note =
        "outfall to the municipal storm drain";
  }

  for (int r = 0; r < rows; ++r) {
    const double ys = row_line_y(e, r, Line::kSewer), yr = row_line_y(e, r, Line::kStorm);
    std::vector<double> sewer_x, storm_x;
    int year = 9999;
    for (const SiteBlock& b : site.blocks) {
      if (b.site->row == r) {
        for (double x : b.entrances) sewer_x.push_back(x + kServiceDxSewer);
        storm_x.push_back(b.x0 + 0.3);
        storm_x.push_back(b.x1 - 0.3);
        year = std::min(year, b.year);
      }
      if (b.site->row == r + 1) storm_x.push_back(b.x1 - 0.3);  // yard drains from the north
    }
    if (r == 0) sewer_x.push_back(ph.x - 3.0);
    const double lo = *std::min_element(sewer_x.begin(), sewer_x.end());
    const double hi = *std::max_element(sewer_x.begin(), sewer_x.end());
    NetLink s = gravity_style(rng, year, "sewer");
    for (double end : {lo, hi}) {
      std::vector<glm::dvec2> pts;
      for (double x : stations(end, sw.trunk_x, sewer_x, kMaxManholeGap)) pts.push_back({x, ys});
      sw.run(
          pts, s, [](glm::dvec2) { return 300.0; }, "sewer");
    }
    s = gravity_style(rng, year, "storm");
    const double tx = st.trunk_x;
    for (double end : {e.site.x0 + 2.0, e.site.x1 - 2.0}) {
      std::vector<glm::dvec2> pts;
      for (double x : stations(end, tx, storm_x, kMaxManholeGap)) pts.push_back({x, yr});
      st.run(
          pts, s, [tx](glm::dvec2 p) { return std::abs(p.x - tx) < 50.0 ? 400.0 : 300.0; },
          "storm");
    }
  }

  // House connections.
  for (const SiteBlock& b : site.blocks) {
    const bool modern = b.year >= 1990;
    NetLink house =
        line_style("pipe", modern ? 150 : 200, modern ? "PVC-U" : "concrete", b.year, kOwner, 0.0);
    house.subtype = "sewer";
    const double ys = row_line_y(e, b.site->row, Line::kSewer);
    for (std::size_t u = 0; u < b.entrances.size(); ++u) {
      const double x = b.entrances[u] + kServiceDxSewer;
      char num[16];
      std::snprintf(num, sizeof num, "%d", static_cast<int>(u) + 1);
      const std::string bc =
          sewer.named(connection_name(b, num), {x, b.wall_y}, "building_connection");
      NetNode& n = sewer.at(bc);
      n.building = b.id;
      n.entrance = static_cast<int>(u) + 1;
      n.households = b.households_per_entrance;
      n.owner = kOwner;
      n.install_year = b.year;
      const std::string iw =
          sewer.named("IW-" + connection_name(b, num), {x, b.wall_y + 2.5}, "inspection_well");
      sewer.at(iw).install_year = b.year;
      sewer.at(iw).condition = sewer_grade(rng, kSurveyYear - b.year);
      house.condition = sewer.at(iw).condition;
      sw.service(bc, iw, house, 1.15, 1.25);
      sw.service(iw, sewer.node({x, ys}, "manhole", "M"), house, 1.25, 1.35);
    }
    NetLink roof = house;
    roof.subtype = "storm";
    roof.diameter_mm = 200;
    const double yr = row_line_y(e, b.site->row, Line::kStorm);
    int k = 0;
    for (double x : {b.x0 + 0.3, b.x1 - 0.3}) {
      const std::string bc = storm.named(connection_name(b, "R" + std::to_string(++k)),
                                         {x, b.wall_y}, "building_connection");
      NetNode& n = storm.at(bc);
      n.building = b.id;
      n.owner = kOwner;
      n.install_year = b.year;
      n.note = "roof drain";
      roof.condition = sewer_grade(rng, kSurveyYear - b.year);
      st.service(bc, storm.node({x, yr}, "manhole", "M"), roof, 1.15, 1.3);
    }
    if (b.site->row == 0) continue;  // no lane south of the first row
    const double south = b.site->y - (b.wall_y - b.site->y);
    // At the south-east corner: where a block of the same length stands to the south, the
    // drain shares the manhole of that block's roof drain, clear of its services.
    const double x = b.x1 - 0.3;
    const std::string bc = storm.named(connection_name(b, "Y"), {x, south}, "building_connection");
    NetNode& n = storm.at(bc);
    n.building = b.id;
    n.owner = kOwner;
    n.install_year = b.year;
    n.note = "yard drain, balcony side";
    roof.condition = sewer_grade(rng, kSurveyYear - b.year);
    // Deep enough to pass under the water and gas mains of the lane to the south.
    const double y = row_line_y(e, b.site->row - 1, Line::kStorm);
    st.service(bc, storm.node({x, y}, "manhole", "M"), roof, 1.45, 1.65);
  }

  // The pump house drains its floor and toilet into the sewer of lane 0.
  {
    const double x = ph.x - 3.0;
    const std::string bc = sewer.named(ph.id, {x, ph.y + 4.0}, "building_connection");
    sewer.at(bc).building = ph.id;
    sewer.at(bc).owner = "Water company";
    sewer.at(bc).install_year = ph.year;
    NetLink l = line_style("pipe", 150, "PVC-U", ph.year, "Water company", 0.0);
    l.subtype = "sewer";
    l.condition = "II";
    sw.service(bc, sewer.node({x, row_line_y(e, 0, Line::kSewer)}, "manhole", "M"), l, 1.15, 1.35);
  }
}

}  // namespace et::gen
