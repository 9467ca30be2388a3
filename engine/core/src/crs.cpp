// PROJ wrapper (crs.h). PROJ reports failures through its context's errno and log; the log
// text is kept so that a user sees PROJ's reason ("crs not found") in our one-line error.
#include "et/core/crs.h"

#include <proj.h>

#include <algorithm>
#include <cctype>
#include <cmath>

namespace et {

struct CrsTransform::Impl {
  PJ_CONTEXT* ctx = nullptr;
  PJ* pj = nullptr;
  std::string last_log;

  ~Impl() {
    if (pj) proj_destroy(pj);
    if (ctx) proj_context_destroy(ctx);
  }
};

namespace {

std::string normalized(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  size_t e = s.find_last_not_of(" \t\r\n");
  std::string out = b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return out;
}

// PROJ prefixes its messages with the function name; the user did not call that function.
std::string reason(const std::string& log) {
  std::string r = log;
  if (r.rfind("proj_create: ", 0) == 0) r = r.substr(13);
  r.erase(std::remove(r.begin(), r.end(), '\n'), r.end());
  return r;
}

// A bare "+proj=utm ..." string is a conversion to PROJ, not a CRS, until it says +type=crs.
PJ* create_crs(PJ_CONTEXT* ctx, const std::string& name) {
  PJ* crs = proj_create(ctx, name.c_str());
  if (crs && !proj_is_crs(crs) && name.find("+proj=") != std::string::npos &&
      name.find("+type=crs") == std::string::npos) {
    proj_destroy(crs);
    crs = proj_create(ctx, (name + " +type=crs").c_str());
  }
  return crs;
}

bool is_2d_usable(PJ* crs) {
  switch (proj_get_type(crs)) {
    case PJ_TYPE_GEOGRAPHIC_CRS:
    case PJ_TYPE_GEOGRAPHIC_2D_CRS:
    case PJ_TYPE_GEOGRAPHIC_3D_CRS:
    case PJ_TYPE_PROJECTED_CRS:
    case PJ_TYPE_COMPOUND_CRS:  // horizontal + vertical: we transform the horizontal part
    case PJ_TYPE_BOUND_CRS:     // e.g. "+towgs84=..." strings
      return true;
    default:
      return false;
  }
}

}  // namespace

bool is_wgs84_lonlat(const std::string& name) {
  static const char* const kNames[] = {"EPSG:4326",
                                       "OGC:CRS84",
                                       "CRS84",
                                       "URN:OGC:DEF:CRS:OGC:1.3:CRS84",
                                       "URN:OGC:DEF:CRS:OGC::CRS84",
                                       "URN:OGC:DEF:CRS:EPSG::4326",
                                       "WGS84"};
  std::string n = normalized(name);
  return std::any_of(std::begin(kNames), std::end(kNames), [&](const char* k) { return n == k; });
}

CrsTransform::CrsTransform(std::string name, std::unique_ptr<Impl> impl)
    : name_(std::move(name)), impl_(std::move(impl)) {}
CrsTransform::CrsTransform(CrsTransform&&) noexcept = default;
CrsTransform& CrsTransform::operator=(CrsTransform&&) noexcept = default;
CrsTransform::~CrsTransform() = default;

Result<CrsTransform> CrsTransform::create(const std::string& name) {
  if (normalized(name).empty()) return Error{"empty CRS name"};
  auto impl = std::make_unique<Impl>();
  impl->ctx = proj_context_create();
  if (!impl->ctx) return Error{"cannot start PROJ (out of memory?)"};
  // Keep PROJ quiet on stderr; its last message becomes part of our error instead.
  proj_log_func(impl->ctx, &impl->last_log, [](void* data, int, const char* msg) {
    if (msg) *static_cast<std::string*>(data) = msg;
  });

  PJ* src = create_crs(impl->ctx, name);
  if (!src) {
    std::string why = reason(impl->last_log);
    return Error{"unknown CRS '" + name + "'" + (why.empty() ? "" : " (PROJ: " + why + ")")};
  }
  if (!is_2d_usable(src)) {
    proj_destroy(src);
    return Error{"CRS '" + name + "' is not a projected or geographic CRS"};
  }
  PJ* dst = proj_create(impl->ctx, "EPSG:4326");
  PJ* op = dst ? proj_create_crs_to_crs_from_pj(impl->ctx, src, dst, nullptr, nullptr) : nullptr;
  proj_destroy(src);
  if (dst) proj_destroy(dst);
  if (!op) {
    std::string why = reason(impl->last_log);
    // EPSG:4326 itself lives in proj.db, so failing here usually means proj-data is missing.
    return Error{"no transformation from CRS '" + name + "' to WGS84" +
                 (why.empty() ? "" : " (PROJ: " + why + ")")};
  }
  // EPSG:4326 is lat, lon by definition and many projected CRSs are northing, easting;
  // files and our callers use lon, lat and easting, northing.
  impl->pj = proj_normalize_for_visualization(impl->ctx, op);
  proj_destroy(op);
  if (!impl->pj) return Error{"cannot normalise the axis order of CRS '" + name + "'"};
  return CrsTransform(name, std::move(impl));
}

Result<glm::dvec2> CrsTransform::to_lonlat(double x, double y) {
  if (!std::isfinite(x) || !std::isfinite(y)) return Error{"coordinate is not a finite number"};
  proj_errno_reset(impl_->pj);
  PJ_COORD c = proj_trans(impl_->pj, PJ_FWD, proj_coord(x, y, 0.0, 0.0));
  double lon = c.xy.x, lat = c.xy.y;
  if (proj_errno(impl_->pj) != 0 || !std::isfinite(lon) || !std::isfinite(lat) ||
      std::abs(lat) > 90.0) {
    int err = proj_errno(impl_->pj);
    const char* why = err ? proj_context_errno_string(impl_->ctx, err) : nullptr;
    return Error{std::string("cannot transform from ") + name_ + " to WGS84" +
                 (why ? std::string(" (PROJ: ") + why + ")" : std::string())};
  }
  return glm::dvec2(lon, lat);
}

}  // namespace et
