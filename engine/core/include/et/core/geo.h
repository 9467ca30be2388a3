// Georeference: the scene's local frame is east-north-up (ENU) metres around an origin
// given as WGS84 longitude/latitude/ellipsoidal height. x = east, y = north, z = up.
#pragma once

#include <glm/glm.hpp>

namespace et {

struct GeoOrigin {
  double lon_deg = 0.0;
  double lat_deg = 0.0;
  double height_m = 0.0;
};

// WGS84 geodetic -> local ENU metres around `origin` (exact, via ECEF).
glm::dvec3 lonlat_to_enu(const GeoOrigin& origin, double lon_deg, double lat_deg, double h_m);
// Local ENU metres -> WGS84 geodetic (lon, lat, height); inverse of the above.
glm::dvec3 enu_to_lonlat(const GeoOrigin& origin, const glm::dvec3& enu);

}  // namespace et
