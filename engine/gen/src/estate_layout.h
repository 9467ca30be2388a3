// Site plan of the Muyanghu pilot estate (illustrative, not surveyed) and of districts made
// of copies of it. Plain data in local east-north-up metres; no file formats here.
#pragma once

#include <string>
#include <vector>

#include "mesh.h"

namespace et::gen {

struct Rect {
  double x0, y0, x1, y1;
  bool contains(double x, double y) const { return x >= x0 && x <= x1 && y >= y0 && y <= y1; }
};

// Ground cover classes; each becomes one material of ground.obj.
enum class Surface { kGreen, kPaving, kSquare, kLane, kMainLane, kRoad };
constexpr int kSurfaceCount = 6;
const char* surface_name(Surface s);
Vec3 surface_colour(Surface s);

struct GroundRegion {
  Rect rect;
  Surface surface;
};

// A residential block, heading 0 (long axis east-west, entrances on the north side).
struct BlockSite {
  int floors;
  int units;
  double x, y;
  int row;  // its entrances open onto row_lanes[row]
};

struct FacilitySite {
  std::string id;  // P01, T01, ... (prefixed per estate in a district)
  std::string name;
  std::string kind;   // scene.json "kind"
  std::string model;  // utility model name
  double x, y, heading_deg;
  int year;
};

struct CameraSpot {
  Vec3 eye, target;
};

struct EstateLayout {
  Rect site;
  std::vector<BlockSite> blocks;  // in id order: B01, B02, ...
  std::vector<FacilitySite> facilities;
  std::vector<GroundRegion> regions;  // increasing priority; uncovered ground is green
  // The lanes the utility mains follow (net_common.h lays them out across each lane).
  std::vector<Rect> row_lanes;  // east-west, south to north, along the entrance side of a row
  Rect main_lane;               // north-south from the south gate
  Rect secondary_lane;          // north-south, between the middle and east columns
  CameraSpot lane;              // low in a lane, looking along it at its utilities
  CameraSpot pumphouse;         // the pump house from about 20 m

  int households() const;
  Surface surface_at(double x, double y) const;
};

EstateLayout muyanghu_layout();

// N estates on a grid of ceil(sqrt(N)) columns, rows going north, with roads between.
struct District {
  int estates = 1;
  int cols = 1;
  int rows = 1;
  double gap = 30.0;  // road between neighbouring estates
};
District district_of(int estates);
// Offset of estate k (0-based) from estate 0, which keeps the single estate's coordinates.
glm::dvec2 estate_offset(const EstateLayout& layout, const District& d, int k);
Rect district_extent(const EstateLayout& layout, const District& d);

// ground.obj: a partition of the district's extent into quads on one shared grid, so no two
// faces overlap and no vertex lies on another face's edge (no T-junction cracks).
MeshBuilder build_ground(const EstateLayout& layout, const District& d);

// Rounds to centimetres (and turns -0 into 0): positions in scene.json and layout corners.
double round_cm(double v);

}  // namespace et::gen
