// The Muyanghu site plan. Three columns of blocks in five east-west rows, 32 m apart (12 m
// deep blocks, 20 m between rows: roughly the sunlight spacing of six storeys at this
// latitude). A 7 m main lane runs north-south from the south gate, a 5 m secondary lane
// parallels it, and a 6 m lane runs along the north (entrance) side of every row. The slot
// of the south-east corner holds the small square and the pump house.
//
// Households: 6 x (6f 3u) 36 + 2 x (7f 3u) 42 + 4 x (6f 2u) 24 + 2 x (6f 4u) 48 = 492,
// close to the programme's average of 491 an estate (flats come in pairs, so 491 itself
// cannot occur).
#include "estate_layout.h"

#include <cmath>

#include "models.h"

namespace et::gen {

namespace {

constexpr double kRowY0 = -64.0;  // centre line of the southmost row
constexpr double kRowPitch = 32.0;
constexpr int kRows = 5;
constexpr double kApron = 1.5;        // paved strip around a block (north, east, west)
constexpr double kApronSouth = 2.2;   // covers the 1.2 m balconies plus 1 m
constexpr double kLaneOffset = 10.0;  // row lane from y+10 to y+16 (north of the row)
constexpr double kLaneWidth = 6.0;

struct Column {
  double x;
  int floors[kRows];
  int units[kRows];  // 0: no block in this slot
};

// South to north. West column next to the main lane, east column beyond the secondary lane.
const Column kColumns[] = {
    {-56.0, {6, 6, 6, 6, 7}, {4, 3, 4, 3, 3}},
    {9.5, {6, 7, 6, 6, 6}, {3, 3, 3, 3, 3}},
    {60.0, {0, 6, 6, 6, 6}, {0, 2, 2, 2, 2}},
};

Rect snapped(double x0, double y0, double x1, double y1) {
  return {round_cm(x0), round_cm(y0), round_cm(x1), round_cm(y1)};
}

}  // namespace

double round_cm(double v) {
  double r = std::round(v * 100.0) / 100.0;
  return r == 0.0 ? 0.0 : r;
}

const char* surface_name(Surface s) {
  switch (s) {
    case Surface::kGreen:
      return "green";
    case Surface::kPaving:
      return "paving";
    case Surface::kSquare:
      return "square";
    case Surface::kLane:
      return "lane";
    case Surface::kMainLane:
      return "main_lane";
    case Surface::kRoad:
      return "road";
  }
  return "green";
}

Vec3 surface_colour(Surface s) {
  switch (s) {
    case Surface::kGreen:
      return {0.33, 0.46, 0.26};
    case Surface::kPaving:
      return {0.66, 0.65, 0.62};
    case Surface::kSquare:
      return {0.72, 0.65, 0.55};
    case Surface::kLane:
      return {0.37, 0.37, 0.38};
    case Surface::kMainLane:
      return {0.31, 0.31, 0.32};
    case Surface::kRoad:
      return {0.24, 0.24, 0.25};
  }
  return {0.5, 0.5, 0.5};
}

int EstateLayout::households() const {
  int n = 0;
  for (const BlockSite& b : blocks) n += b.floors * b.units * 2;
  return n;
}

Surface EstateLayout::surface_at(double x, double y) const {
  for (auto it = regions.rbegin(); it != regions.rend(); ++it) {
    if (it->rect.contains(x, y)) return it->surface;
  }
  return Surface::kGreen;
}

EstateLayout muyanghu_layout() {
  EstateLayout e;
  e.site = {-92.0, -80.0, 84.0, 84.0};
  const Rect& s = e.site;

  // Blocks row by row from the south-west, so ids run like the estate's own numbering.
  for (int r = 0; r < kRows; ++r) {
    for (const Column& c : kColumns) {
      if (c.units[r] == 0) continue;
      e.blocks.push_back({c.floors[r], c.units[r], c.x, kRowY0 + r * kRowPitch, r});
    }
  }

  // Aprons and entrance paths first: lanes, drawn later, take precedence where they meet.
  for (const BlockSite& b : e.blocks) {
    const double hx = b.units * kUnitWidth / 2, hy = kBlockDepth / 2;
    e.regions.push_back(
        {snapped(b.x - hx - kApron, b.y - hy - kApronSouth, b.x + hx + kApron, b.y + hy + kApron),
         Surface::kPaving});
    for (int u = 0; u < b.units; ++u) {
      const double xc = b.x - hx + (u + 0.5) * kUnitWidth;
      e.regions.push_back(
          {snapped(xc - 1.0, b.y + hy + kApron, xc + 1.0, b.y + kLaneOffset), Surface::kPaving});
    }
  }
  e.regions.push_back({{44.0, -76.0, 66.0, -58.0}, Surface::kSquare});
  e.regions.push_back({{68.0, -72.0, 82.0, -54.0}, Surface::kPaving});    // pump house yard
  e.regions.push_back({{-32.0, -78.0, -28.0, -75.0}, Surface::kPaving});  // transformer pad
  e.regions.push_back({{-14.0, -77.0, -12.0, -75.0}, Surface::kPaving});  // regulator pad
  for (int r = 0; r < kRows; ++r) {
    const double y = kRowY0 + r * kRowPitch + kLaneOffset;
    e.row_lanes.push_back(snapped(s.x0, y, s.x1, y + kLaneWidth));
    e.regions.push_back({e.row_lanes.back(), Surface::kLane});
  }
  e.secondary_lane = {35.5, s.y0, 40.5, s.y1};
  e.main_lane = {-23.5, s.y0, -16.5, s.y1};
  e.regions.push_back({e.secondary_lane, Surface::kLane});
  e.regions.push_back({e.main_lane, Surface::kMainLane});

  // The pump house lifts water to the top floors of every block (secondary supply); the
  // substation and the gas regulator stand by the south gate, where the mains come in.
  e.facilities = {
      {"P01", "Pump house", "pump_house", "pump_house", 75.0, -66.0, 0.0, 1995},
      {"T01", "Transformer", "transformer", "transformer_box", -30.0, -76.5, 0.0, 1996},
      {"G01", "Gas regulator", "gas_regulator", "gas_regulator", -13.0, -76.0, 0.0, 2001},
      {"C01", "Telecom cabinet 1", "telecom_cabinet", "telecom_cabinet", 33.5, -44.0, 90.0, 2009},
      {"C02", "Telecom cabinet 2", "telecom_cabinet", "telecom_cabinet", -25.0, 24.0, 90.0, 2012},
      {"C03", "Telecom cabinet 3", "telecom_cabinet", "telecom_cabinet", 78.0, 20.0, 0.0, 2012},
  };

  // Low over the lane north of row 1, just east of the main lane, looking east along it and
  // slightly down (entrances on the right): with the ground translucent, every utility's
  // main under the lane, the services to the entrances and the tangle of private lines
  // across the lane (net_tangle.cpp) are in view.
  e.lane = {{-12.0, -19.0, 3.0}, {30.0, -19.0, -0.8}};
  // From the lane north-west of the pump house, looking at its door side.
  e.pumphouse = {{61.0, -52.0, 5.0}, {75.0, -66.0, 1.8}};
  return e;
}

District district_of(int estates) {
  District d;
  d.estates = estates;
  d.cols = 1;
  while (d.cols * d.cols < estates) ++d.cols;
  d.rows = (estates + d.cols - 1) / d.cols;
  return d;
}

glm::dvec2 estate_offset(const EstateLayout& layout, const District& d, int k) {
  const double w = layout.site.x1 - layout.site.x0, h = layout.site.y1 - layout.site.y0;
  return {(k % d.cols) * (w + d.gap), (k / d.cols) * (h + d.gap)};
}

Rect district_extent(const EstateLayout& layout, const District& d) {
  const double w = layout.site.x1 - layout.site.x0, h = layout.site.y1 - layout.site.y0;
  const Rect& s = layout.site;
  return {s.x0, s.y0, s.x0 + d.cols * w + (d.cols - 1) * d.gap,
          s.y0 + d.rows * h + (d.rows - 1) * d.gap};
}

}  // namespace et::gen
