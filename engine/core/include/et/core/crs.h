// Coordinate reference systems: a thin wrapper over PROJ that turns coordinates in a named
// CRS ("EPSG:4547", "EPSG:32650", "+proj=utm +zone=50 +datum=WGS84", ...) into WGS84
// longitude/latitude, from which geo.h's lonlat_to_enu gives scene metres. PROJ stays an
// implementation detail: nothing here includes proj.h.
#pragma once

#include <glm/glm.hpp>
#include <memory>
#include <string>

#include "et/core/error.h"

namespace et {

// True for the names that mean "WGS84 longitude/latitude in degrees" as GeoJSON uses it
// (RFC 7946 order: lon, lat), which need no PROJ at all: EPSG:4326, OGC:CRS84, their URN
// forms and "WGS84". Case and surrounding blanks are ignored.
bool is_wgs84_lonlat(const std::string& name);

// Converts x, y in one CRS to WGS84 lon/lat degrees. Axis order is normalised the way GIS
// files write it: easting, northing for projected CRSs (even where the EPSG definition says
// northing first, as for the CGCS2000 Gauss-Kruger zones) and lon, lat for geographic ones.
// Move-only; each instance owns its own PROJ context, so instances may live on different
// threads, but one instance must not be used by two threads at once.
class CrsTransform {
 public:
  // Errors: "unknown CRS 'EPSG:99999' (PROJ: crs not found)", or a CRS that is not 2D
  // projected/geographic (geocentric, vertical, engineering).
  static Result<CrsTransform> create(const std::string& name);

  CrsTransform(CrsTransform&&) noexcept;
  CrsTransform& operator=(CrsTransform&&) noexcept;
  CrsTransform(const CrsTransform&) = delete;
  CrsTransform& operator=(const CrsTransform&) = delete;
  ~CrsTransform();

  const std::string& name() const { return name_; }
  // (x, y) in this CRS -> (lon, lat) degrees. Fails (the message says why, without naming
  // the file: the caller knows the place) for points PROJ cannot transform.
  Result<glm::dvec2> to_lonlat(double x, double y);

 private:
  struct Impl;
  CrsTransform(std::string name, std::unique_ptr<Impl> impl);
  std::string name_;
  std::unique_ptr<Impl> impl_;
};

}  // namespace et
