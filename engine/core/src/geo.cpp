#include "et/core/geo.h"

#include <cmath>

namespace et {
namespace {

constexpr double kA = 6378137.0;            // WGS84 semi-major axis (m)
constexpr double kF = 1.0 / 298.257223563;  // WGS84 flattening
constexpr double kE2 = kF * (2.0 - kF);     // first eccentricity squared
constexpr double kDeg = 3.14159265358979323846 / 180.0;

glm::dvec3 to_ecef(double lon_deg, double lat_deg, double h) {
  double lat = lat_deg * kDeg, lon = lon_deg * kDeg;
  double n = kA / std::sqrt(1.0 - kE2 * std::sin(lat) * std::sin(lat));
  return {(n + h) * std::cos(lat) * std::cos(lon), (n + h) * std::cos(lat) * std::sin(lon),
          (n * (1.0 - kE2) + h) * std::sin(lat)};
}

// Rows are the east, north and up unit vectors at the origin.
glm::dmat3 enu_basis(const GeoOrigin& o) {
  double lat = o.lat_deg * kDeg, lon = o.lon_deg * kDeg;
  glm::dvec3 e(-std::sin(lon), std::cos(lon), 0.0);
  glm::dvec3 n(-std::sin(lat) * std::cos(lon), -std::sin(lat) * std::sin(lon), std::cos(lat));
  glm::dvec3 u(std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat));
  return glm::transpose(glm::dmat3(e, n, u));
}

}  // namespace

glm::dvec3 lonlat_to_enu(const GeoOrigin& origin, double lon_deg, double lat_deg, double h_m) {
  glm::dvec3 d = to_ecef(lon_deg, lat_deg, h_m) - to_ecef(origin.lon_deg, origin.lat_deg,
                                                         origin.height_m);
  return enu_basis(origin) * d;
}

glm::dvec3 enu_to_lonlat(const GeoOrigin& origin, const glm::dvec3& enu) {
  glm::dvec3 ecef = to_ecef(origin.lon_deg, origin.lat_deg, origin.height_m) +
                    glm::transpose(enu_basis(origin)) * enu;
  // Bowring-style fixed-point iteration on latitude; converges to < 1e-9 deg in a few steps.
  double p = std::sqrt(ecef.x * ecef.x + ecef.y * ecef.y);
  double lon = std::atan2(ecef.y, ecef.x);
  double lat = std::atan2(ecef.z, p * (1.0 - kE2));
  double h = 0.0;
  for (int i = 0; i < 8; ++i) {
    double n = kA / std::sqrt(1.0 - kE2 * std::sin(lat) * std::sin(lat));
    h = p / std::cos(lat) - n;
    lat = std::atan2(ecef.z, p * (1.0 - kE2 * n / (n + h)));
  }
  return {lon / kDeg, lat / kDeg, h};
}

}  // namespace et
