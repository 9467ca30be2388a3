// Network model: name tables, derived measures, the loader dispatch, and the coordinate and
// depth helpers both file formats share (network_detail.h).
#include "et/scene/network.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>

#include "network_detail.h"

namespace et {
namespace {

constexpr const char* kUtilityNames[] = {"water", "drainage", "gas", "power", "telecom", "heat"};
constexpr const char* kNodeKindNames[] = {"junction",    "valve",         "hydrant",
                                          "meter",       "manhole",       "inspection_well",
                                          "transformer", "gas_regulator", "telecom_cabinet",
                                          "pump_house",  "tank",          "building_connection",
                                          "reservoir",   "pump"};
constexpr const char* kLinkKindNames[] = {"pipe", "cable", "duct"};
constexpr const char* kLinkStateNames[] = {"as_found", "planned", "abandoned"};

static_assert(std::size(kUtilityNames) == static_cast<size_t>(Utility::kCount));
static_assert(std::size(kNodeKindNames) == static_cast<size_t>(NodeKind::kCount));
static_assert(std::size(kLinkKindNames) == static_cast<size_t>(LinkKind::kCount));
static_assert(std::size(kLinkStateNames) == static_cast<size_t>(LinkState::kCount));

template <typename E, size_t N>
const char* name_of(const char* const (&names)[N], E e) {
  auto i = static_cast<size_t>(e);
  return i < N ? names[i] : "unknown";
}

template <typename E, size_t N>
E from_name(const char* const (&names)[N], const std::string& n) {
  for (size_t i = 0; i < N; ++i)
    if (n == names[i]) return static_cast<E>(i);
  return static_cast<E>(N);  // every enum here ends with kCount == N
}

}  // namespace

const char* utility_name(Utility u) { return name_of(kUtilityNames, u); }
Utility utility_from_name(const std::string& n) { return from_name<Utility>(kUtilityNames, n); }
const char* node_kind_name(NodeKind k) { return name_of(kNodeKindNames, k); }
NodeKind node_kind_from_name(const std::string& n) {
  return from_name<NodeKind>(kNodeKindNames, n);
}
const char* link_kind_name(LinkKind k) { return name_of(kLinkKindNames, k); }
LinkKind link_kind_from_name(const std::string& n) {
  return from_name<LinkKind>(kLinkKindNames, n);
}
const char* link_state_name(LinkState s) { return name_of(kLinkStateNames, s); }
LinkState link_state_from_name(const std::string& n) {
  return from_name<LinkState>(kLinkStateNames, n);
}

Layer utility_layer(Utility u) {
  switch (u) {
    case Utility::kWater:
      return Layer::kWater;
    case Utility::kDrainage:
      return Layer::kDrainage;
    case Utility::kGas:
      return Layer::kGas;
    case Utility::kPower:
      return Layer::kPower;
    case Utility::kTelecom:
      return Layer::kTelecom;
    case Utility::kHeat:
      return Layer::kHeat;
    case Utility::kCount:
      break;
  }
  return Layer::kCount;
}

double NetLink::length_m() const {
  double len = 0.0;
  for (size_t i = 1; i < path.size(); ++i) len += glm::length(path[i] - path[i - 1]);
  return len;
}

double NetLink::section_width_m() const {
  return (width_mm > 0.0 ? width_mm : diameter_mm) / 1000.0;
}

double NetLink::section_height_m() const {
  return (height_mm > 0.0 ? height_mm : diameter_mm) / 1000.0;
}

double Network::length_km() const {
  double m = 0.0;
  for (const NetLink& l : links) m += l.length_m();
  return m / 1000.0;
}

int Network::find_node(const std::string& id) const {
  for (size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].id == id) return static_cast<int>(i);
  return -1;
}

Result<Network> load_network(const NetworkSource& src, const GeoOrigin& origin) {
  std::string ext = netdetail::lower(std::filesystem::path(src.path).extension().string());
  if (ext == ".geojson" || ext == ".json") return load_geojson_network(src, origin);
  if (ext == ".inp") return load_inp_network(src, origin);
  return make_error(src.path, "",
                    "unknown network format '" + ext +
                        "' (expected .geojson or .json for GeoJSON, .inp for EPANET)");
}

namespace netdetail {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string number_text(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

Result<CoordMapper> CoordMapper::create(const std::string& crs, const GeoOrigin& origin) {
  CoordMapper m;
  m.origin_ = origin;
  std::string l = lower(crs);
  if (l.empty() || l == "local") {
    m.mode_ = Mode::kLocal;
  } else if (is_wgs84_lonlat(crs)) {
    m.mode_ = Mode::kLonLat;
  } else {
    Result<CrsTransform> t = CrsTransform::create(crs);
    if (!t) return t.error();
    m.mode_ = Mode::kProj;
    m.proj_.emplace(std::move(*t));
  }
  return m;
}

Result<glm::dvec2> CoordMapper::to_scene(double x, double y) {
  // Appended piecewise: GCC 12 misreports "literal" + std::string&& under -Wrestrict.
  std::string pair("(");
  pair.append(number_text(x)).append(", ").append(number_text(y)).append(")");
  if (!std::isfinite(x) || !std::isfinite(y)) return Error{"coordinate is not a finite number"};
  glm::dvec2 out(x, y);
  if (mode_ != Mode::kLocal) {
    glm::dvec2 ll(x, y);
    if (mode_ == Mode::kProj) {
      Result<glm::dvec2> r = proj_->to_lonlat(x, y);
      if (!r) return Error{pair + ": " + r.error().message};
      ll = *r;
    } else if (std::abs(x) > 180.0 || std::abs(y) > 90.0) {
      return Error{pair +
                   " is not a WGS84 longitude/latitude (name the file's CRS if it is projected)"};
    }
    glm::dvec3 enu = lonlat_to_enu(origin_, ll.x, ll.y, origin_.height_m);
    out = {enu.x, enu.y};
  }
  double d = glm::length(out);
  if (!(d <= kMaxDistanceM))
    return Error{pair + " lies " + number_text(std::round(d / 1000.0)) +
                 " km from the scene origin (more than 1000 km: wrong CRS, units or axis order?)"};
  return out;
}

void drop_repeated_vertices(std::vector<glm::dvec3>& path) {
  auto same = [](const glm::dvec3& a, const glm::dvec3& b) { return glm::length(a - b) < 1e-3; };
  path.erase(std::unique(path.begin(), path.end(), same), path.end());
}

}  // namespace netdetail

void lay_path(std::vector<glm::dvec3>& path, double axis_depth_start, double axis_depth_end) {
  double total = 0.0;
  for (size_t i = 1; i < path.size(); ++i)
    total += glm::length(glm::dvec2(path[i]) - glm::dvec2(path[i - 1]));
  double run = 0.0;
  for (size_t i = 0; i < path.size(); ++i) {
    if (i > 0) run += glm::length(glm::dvec2(path[i]) - glm::dvec2(path[i - 1]));
    double t = total > 0.0 ? run / total : 0.0;
    path[i].z = -(axis_depth_start + (axis_depth_end - axis_depth_start) * t);
  }
}

}  // namespace et
