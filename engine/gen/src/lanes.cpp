// Muyanghu's lanes as segments (README "Lane segments"): the unit of "this lane was dug up N
// times" and of road area. The north-south lanes (main, secondary) own the squares where
// they cross the row lanes, so no point lies in two segments; each stretch is cut into
// pieces of about 22.5 m. The small square by the pump house is one footpath segment (the
// unmetered kiosk supply crosses it); the lanes are carriageways (cars and the refuse
// truck use them, so the carriageway cover minima apply).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "plan_writer.h"

namespace et::gen {

namespace {

constexpr double kPiece = 22.5;

// Cuts [a, b] into about kPiece long pieces, appending one segment per piece.
void cut(std::vector<LaneSegmentDoc>& out, const std::string& code, const std::string& lane,
         const Rect& r, bool along_x, int& number) {
  const double a = along_x ? r.x0 : r.y0, b = along_x ? r.x1 : r.y1;
  const int n = std::max(1, static_cast<int>(std::lround((b - a) / kPiece)));
  for (int i = 0; i < n; ++i) {
    const double s0 = round_cm(a + (b - a) * i / n), s1 = round_cm(a + (b - a) * (i + 1) / n);
    char id[32];
    std::snprintf(id, sizeof id, "%s-%02d", code.c_str(), ++number);
    const Rect piece = along_x ? Rect{s0, r.y0, s1, r.y1} : Rect{r.x0, s0, r.x1, s1};
    out.push_back({id, lane, "carriageway", piece});
  }
}

}  // namespace

std::vector<LaneSegmentDoc> lane_segments(const EstateLayout& e) {
  std::vector<LaneSegmentDoc> out;
  // Row lanes R1..R5 are row_lanes[0..4], south to north; west to east, between the
  // north-south lanes.
  for (std::size_t r = 0; r < e.row_lanes.size(); ++r) {
    const Rect& l = e.row_lanes[r];
    // snprintf, not "R" + std::to_string(): GCC 12 -Wrestrict false positive at -O3.
    char code[16], lane[32];
    std::snprintf(code, sizeof code, "R%d", static_cast<int>(r) + 1);
    std::snprintf(lane, sizeof lane, "row lane %d", static_cast<int>(r) + 1);
    int number = 0;
    cut(out, code, lane, {l.x0, l.y0, e.main_lane.x0, l.y1}, true, number);
    cut(out, code, lane, {e.main_lane.x1, l.y0, e.secondary_lane.x0, l.y1}, true, number);
    cut(out, code, lane, {e.secondary_lane.x1, l.y0, l.x1, l.y1}, true, number);
  }
  int number = 0;
  cut(out, "M", "main lane", e.main_lane, false, number);
  number = 0;
  cut(out, "S", "secondary lane", e.secondary_lane, false, number);
  for (const GroundRegion& g : e.regions) {
    if (g.surface == Surface::kSquare) out.push_back({"SQ-01", "square", "footpath", g.rect});
  }
  return out;
}

}  // namespace et::gen
