// Private helpers shared by the GeoJSON and EPANET network loaders (network.cpp has them).
#pragma once

#include <glm/glm.hpp>
#include <optional>
#include <string>
#include <vector>

#include "et/core/crs.h"
#include "et/core/error.h"
#include "et/core/geo.h"

namespace et::netdetail {

// Coordinates further than this from the scene origin are a CRS, unit or axis-order mistake
// (a 1,000 km "estate" is not an estate), and would wreck float precision in the renderer.
constexpr double kMaxDistanceM = 1.0e6;

// Turns a file's (x, y) into scene metres: "local" passes them through, WGS84 names go
// straight to lonlat_to_enu, anything else goes through PROJ to lon/lat first.
class CoordMapper {
 public:
  static Result<CoordMapper> create(const std::string& crs, const GeoOrigin& origin);
  // Scene (x, y); errors say WHAT only (the caller knows the file and the place).
  Result<glm::dvec2> to_scene(double x, double y);
  bool is_local() const { return mode_ == Mode::kLocal; }

 private:
  enum class Mode { kLocal, kLonLat, kProj };
  Mode mode_ = Mode::kLocal;
  GeoOrigin origin_;
  std::optional<CrsTransform> proj_;
};

using et::lay_path;  // network.h

// Drops consecutive vertices closer than 1 mm (digitising doubles): a zero-length segment
// has no direction for the renderer's tubes.
void drop_repeated_vertices(std::vector<glm::dvec3>& path);

std::string lower(std::string s);
// Short text for a number in messages and attributes ("%.10g": 117.184, not 117.184000).
std::string number_text(double v);

}  // namespace et::netdetail
