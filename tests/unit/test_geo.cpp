#include <gtest/gtest.h>

#include "et/core/geo.h"

namespace {

TEST(Geo, OriginMapsToZero) {
  et::GeoOrigin o{117.184, 34.261, 40.0};
  glm::dvec3 p = et::lonlat_to_enu(o, o.lon_deg, o.lat_deg, o.height_m);
  EXPECT_NEAR(glm::length(p), 0.0, 1e-6);
}

TEST(Geo, EastNorthUpAxes) {
  et::GeoOrigin o{117.184, 34.261, 40.0};
  // One arc-second of latitude is about 30.8 m; of longitude at 34.26 deg about 25.6 m.
  glm::dvec3 north = et::lonlat_to_enu(o, o.lon_deg, o.lat_deg + 1.0 / 3600, o.height_m);
  glm::dvec3 east = et::lonlat_to_enu(o, o.lon_deg + 1.0 / 3600, o.lat_deg, o.height_m);
  glm::dvec3 up = et::lonlat_to_enu(o, o.lon_deg, o.lat_deg, o.height_m + 10.0);
  EXPECT_NEAR(north.y, 30.82, 0.05);
  EXPECT_NEAR(north.x, 0.0, 1e-6);
  EXPECT_NEAR(east.x, 25.57, 0.05);
  EXPECT_NEAR(east.y, 0.0, 0.01);
  EXPECT_NEAR(up.z, 10.0, 1e-6);
}

TEST(Geo, RoundTrip) {
  et::GeoOrigin o{-4.48, 51.92, 3.0};
  glm::dvec3 enu(-812.25, 1530.5, 12.75);
  glm::dvec3 g = et::enu_to_lonlat(o, enu);
  glm::dvec3 back = et::lonlat_to_enu(o, g.x, g.y, g.z);
  EXPECT_NEAR(glm::length(back - enu), 0.0, 1e-4);
}

}  // namespace
