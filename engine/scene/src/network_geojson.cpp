// GeoJSON networks (README "Networks"): Point features are nodes, LineString features links.
// Errors name the file, the feature (its index in "features", as in /features/12, and its
// id) and what was expected; reading stops at the first one, as for scene.json.
#include <cmath>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "et/core/file_io.h"
#include "et/core/json_field.h"
#include "et/scene/network.h"
#include "network_detail.h"

namespace et {
namespace {

using json = nlohmann::json;
using netdetail::number_text;

struct Failure {
  Error error;
};

std::string shown(const json& j) {
  std::string s = j.dump();
  return s.size() > 40 ? s.substr(0, 37) + "..." : s;
}

template <typename E>
std::string names_of(const char* (*name)(E)) {
  std::string s;
  for (int i = 0; i < static_cast<int>(E::kCount); ++i)
    s += (i ? ", " : "") + std::string(name(static_cast<E>(i)));
  return s;
}

// One feature's properties: typed reads that fail with the feature's place, and a record of
// which keys were understood so that the rest can be kept as attributes.
class Props {
 public:
  Props(const json& props, const std::string& file, size_t index)
      : p_(props), file_(file), place_("feature " + std::to_string(index)) {}

  [[noreturn]] void fail(const std::string& what) const {
    throw Failure{make_error(file_, place_, what)};
  }
  void set_id(const std::string& id) { place_ += " (id " + id + ")"; }

  bool has(const char* key) {
    used_.insert(key);
    return p_.is_object() && p_.contains(key) && !p_[key].is_null();
  }
  // Ids may be strings or integers (shapefile exports number them).
  std::string id_text(const char* key) {
    if (!has(key)) return {};
    const json& v = p_[key];
    if (v.is_string() && !v.get<std::string>().empty()) return v.get<std::string>();
    if (v.is_number_integer() || v.is_number_unsigned()) return v.dump();
    fail("property '" + std::string(key) + "': expected a non-empty string or an integer, got " +
         shown(v));
  }
  std::string text(const char* key) {
    if (!has(key)) return {};
    const json& v = p_[key];
    if (!v.is_string())
      fail("property '" + std::string(key) + "': expected a string, got " + shown(v));
    return v.get<std::string>();
  }
  double number(const char* key, double lo, double hi, double fallback = 0.0) {
    if (!has(key)) return fallback;
    const json& v = p_[key];
    double d = v.is_number() ? v.get<double>() : NAN;
    if (!(d >= lo && d <= hi))
      fail("property '" + std::string(key) + "': expected a number in [" + number_text(lo) + ", " +
           number_text(hi) + "], got " + shown(v));
    return d;
  }
  int integer(const char* key, int lo, int hi) {
    double d = number(key, lo, hi);
    if (d != std::floor(d))
      fail("property '" + std::string(key) + "': expected an integer, got " + shown(p_[key]));
    return static_cast<int>(d);
  }
  // Everything not read above, as text for the inspector.
  std::map<std::string, std::string> rest() const {
    std::map<std::string, std::string> out;
    if (!p_.is_object()) return out;
    for (auto it = p_.begin(); it != p_.end(); ++it) {
      if (used_.count(it.key())) continue;
      const json& v = it.value();
      out[it.key()] = v.is_string() ? v.get<std::string>() : v.is_null() ? "" : v.dump();
    }
    return out;
  }

 private:
  const json& p_;
  const std::string& file_;
  std::string place_;
  std::set<std::string> used_;
};

// A GeoJSON position: [x, y] or [x, y, z], every element a finite number.
glm::dvec3 position(const json& p, size_t k, int& dims, Props& f) {
  std::string where = "coordinate " + std::to_string(k) + ": ";
  if (!p.is_array() || p.size() < 2 || p.size() > 3)
    f.fail(where + "expected [x, y] or [x, y, z], got " + shown(p));
  glm::dvec3 v(0.0);
  for (size_t i = 0; i < p.size(); ++i) {
    if (!p[i].is_number()) f.fail(where + "expected numbers, got " + shown(p));
    v[static_cast<int>(i)] = p[i].get<double>();
    if (!std::isfinite(v[static_cast<int>(i)])) f.fail(where + "not a finite number");
  }
  dims = static_cast<int>(p.size());
  return v;
}

struct Pending {  // a link's ends, resolved once every node is known
  std::string from, to;
  size_t feature;
};

struct Reader {
  const std::string& file;
  netdetail::CoordMapper& map;
  Network& net;
  std::map<std::string, size_t> ids;  // id -> feature index, nodes and links alike
  std::map<std::string, int> node_index;
  std::vector<Pending> ends;

  glm::dvec2 to_scene(const glm::dvec3& p, Props& f, size_t k) {
    Result<glm::dvec2> r = map.to_scene(p.x, p.y);
    if (!r) f.fail("coordinate " + std::to_string(k) + ": " + r.error().message);
    return *r;
  }

  void node(const json& coords, Props& f, const std::string& kind) {
    NetNode n;
    n.kind = node_kind_from_name(kind);
    if (n.kind == NodeKind::kCount) {
      if (link_kind_from_name(kind) != LinkKind::kCount)
        f.fail("kind '" + kind + "' is a link and needs a LineString geometry, not a Point");
      f.fail("unknown node kind '" + kind + "' (expected " + names_of(node_kind_name) + ")");
    }
    int dims = 0;
    glm::dvec3 p = position(coords, 0, dims, f);
    n.position = glm::dvec3(to_scene(p, f, 0), 0.0);  // nodes stand on the ground surface
    n.depth_m = f.number("depth_m", 0.0, 200.0);
    n.owner = f.text("owner");
    n.install_year = f.integer("install_year", 1800, 2100);
    n.condition = f.text("condition");
    n.building = f.text("building");
    n.attributes = f.rest();
    if (dims == 3) n.attributes["z"] = number_text(p.z);  // shown, though nodes sit at z = 0
    net.nodes.push_back(std::move(n));
  }

  void link(const json& coords, Props& f, const std::string& kind, size_t index) {
    NetLink l;
    l.kind = link_kind_from_name(kind);
    if (l.kind == LinkKind::kCount) {
      if (node_kind_from_name(kind) != NodeKind::kCount)
        f.fail("kind '" + kind + "' is a node and needs a Point geometry, not a LineString");
      f.fail("unknown link kind '" + kind + "' (expected " + names_of(link_kind_name) + ")");
    }
    if (!coords.is_array() || coords.size() < 2)
      f.fail("a LineString needs at least 2 positions, got " + shown(coords));
    int dims = 0;
    for (size_t k = 0; k < coords.size(); ++k) {
      int d = 0;
      glm::dvec3 p = position(coords[k], k, d, f);
      if (k > 0 && d != dims)
        f.fail("coordinate " + std::to_string(k) + ": mixes 2D and 3D positions");
      dims = d;
      if (d == 3 && std::abs(p.z) > 1000.0)
        f.fail("coordinate " + std::to_string(k) + ": z = " + number_text(p.z) +
               " is not an axis elevation in scene metres (expected within 1000 m of the ground)");
      l.path.push_back(glm::dvec3(to_scene(p, f, k), p.z));
    }
    netdetail::drop_repeated_vertices(l.path);
    if (l.path.size() < 2) f.fail("the LineString has zero length (all positions coincide)");

    l.diameter_mm = f.number("diameter_mm", 1.0, 20000.0);
    if (f.has("width_mm") || f.has("height_mm")) {
      if (!f.has("width_mm") || !f.has("height_mm"))
        f.fail("a rectangular section needs both width_mm and height_mm");
      l.width_mm = f.number("width_mm", 1.0, 20000.0);
      l.height_mm = f.number("height_mm", 1.0, 20000.0);
    } else if (l.diameter_mm == 0.0) {
      f.fail("missing section: expected diameter_mm, or width_mm and height_mm");
    }
    double half = l.section_height_m() / 2.0;
    if (dims == 2) {
      if (!f.has("cover_start_m") || !f.has("cover_end_m"))
        f.fail("missing cover_start_m/cover_end_m (required when positions have no z)");
      l.cover_start_m = f.number("cover_start_m", -200.0, 200.0);
      l.cover_end_m = f.number("cover_end_m", -200.0, 200.0);
      netdetail::lay_path(l.path, l.cover_start_m + half, l.cover_end_m + half);
    } else {  // z is the axis elevation: it wins, and the covers follow from it
      l.cover_start_m = f.number("cover_start_m", -200.0, 200.0, -l.path.front().z - half);
      l.cover_end_m = f.number("cover_end_m", -200.0, 200.0, -l.path.back().z - half);
    }

    l.material = f.text("material");
    l.install_year = f.integer("install_year", 1800, 2100);
    l.owner = f.text("owner");
    l.condition = f.text("condition");
    if (f.has("state")) {
      l.state = link_state_from_name(f.text("state"));
      if (l.state == LinkState::kCount)
        f.fail("unknown state '" + f.text("state") + "' (expected " + names_of(link_state_name) +
               ")");
    }
    l.subtype = f.text("subtype");
    static const std::set<std::string> kSubtypes = {"storm",         "sewer",   "combined",
                                                    "direct_buried", "conduit", "duct_bank",
                                                    "overhead",      "informal"};
    if (!l.subtype.empty() && !kSubtypes.count(l.subtype))
      f.fail("unknown subtype '" + l.subtype +
             "' (expected storm, sewer, combined, direct_buried, conduit, duct_bank, overhead or "
             "informal)");
    l.pressure_class = f.text("pressure_class");
    static const std::set<std::string> kPressures = {"low", "medium", "sub_high_b", "sub_high_a",
                                                     "high"};
    if (!l.pressure_class.empty() && !kPressures.count(l.pressure_class))
      f.fail("unknown pressure_class '" + l.pressure_class +
             "' (expected low, medium, sub_high_b, sub_high_a or high)");
    l.voltage_kv = f.number("voltage_kv", 0.0, 1000.0);
    l.cable_count = f.integer("cable_count", 0, 100000);
    l.fibre_count = f.integer("fibre_count", 0, 100000);
    l.duct_count = f.integer("duct_count", 0, 100000);
    ends.push_back({f.id_text("from"), f.id_text("to"), index});
    l.attributes = f.rest();
    net.links.push_back(std::move(l));
  }

  void feature(const json& ft, size_t index) {
    const json kEmpty = json::object();
    const json& props = ft.is_object() && ft.contains("properties") && ft["properties"].is_object()
                            ? ft["properties"]
                            : kEmpty;
    Props f(props, file, index);
    if (!ft.is_object() || ft.value("type", json()) != "Feature")
      f.fail("expected a GeoJSON Feature, got " + shown(ft));
    std::string id = f.id_text("id");
    if (id.empty() && ft.contains("id") && (ft["id"].is_string() || ft["id"].is_number_integer()))
      id = ft["id"].is_string() ? ft["id"].get<std::string>() : ft["id"].dump();  // RFC 7946 id
    if (id.empty()) f.fail("missing required property 'id'");
    f.set_id(id);
    auto [it, fresh] = ids.emplace(id, index);
    if (!fresh)
      f.fail("duplicate id '" + id + "' (also feature " + std::to_string(it->second) + ")");
    if (!f.has("kind")) f.fail("missing required property 'kind'");
    std::string kind = f.text("kind");

    const json& g = ft.contains("geometry") ? ft["geometry"] : kEmpty;
    if (!g.is_object() || !g.contains("type"))
      f.fail("missing geometry (expected a Point or a LineString)");
    std::string type = g["type"].is_string() ? g["type"].get<std::string>() : shown(g["type"]);
    if (type != "Point" && type != "LineString")
      f.fail("unsupported geometry type '" + type +
             "' (expected Point for nodes, LineString for links)");
    if (!g.contains("coordinates") || g["coordinates"].is_null()) f.fail("missing coordinates");
    if (type == "Point") {
      node(g["coordinates"], f, kind);
      net.nodes.back().id = id;
      node_index[id] = static_cast<int>(net.nodes.size()) - 1;
    } else {
      link(g["coordinates"], f, kind, index);
      net.links.back().id = id;
    }
  }

  int resolve(const std::string& id, const char* end, size_t link) {
    if (id.empty()) return -1;
    auto n = node_index.find(id);
    if (n != node_index.end()) return n->second;
    const json none;
    Props f(none, file, ends[link].feature);
    f.set_id(net.links[link].id);
    if (ids.count(id)) f.fail(std::string("'") + end + "' names link '" + id + "', not a node");
    f.fail(std::string("'") + end + "' names unknown node '" + id + "'");
  }
};

std::string crs_of(const json& root, const NetworkSource& src) {
  if (root.contains("crs") && !root["crs"].is_null()) {
    const json& c = root["crs"];
    if (c.is_object() && c.value("type", json()) == "name" && c.contains("properties") &&
        c["properties"].is_object() && c["properties"].contains("name") &&
        c["properties"]["name"].is_string())
      return c["properties"]["name"].get<std::string>();
    throw Failure{
        make_error(src.path, "crs",
                   "expected {\"type\": \"name\", \"properties\": {\"name\": \"EPSG:...\"}}")};
  }
  return src.crs.empty() ? "EPSG:4326" : src.crs;
}

}  // namespace

Result<Network> load_geojson_network(const NetworkSource& src, const GeoOrigin& origin) {
  Result<json> parsed = json_io::read_json_file(src.path);
  if (!parsed) return parsed.error();
  const json& root = *parsed;
  Network net;
  net.utility = src.utility;
  net.file = src.path;
  try {
    if (!root.is_object() || root.value("type", json()) != "FeatureCollection")
      return make_error(src.path, "", "expected a GeoJSON FeatureCollection");
    std::string crs = crs_of(root, src);
    Result<netdetail::CoordMapper> map = netdetail::CoordMapper::create(crs, origin);
    if (!map) return make_error(src.path, "crs", map.error().message);
    if (!root.contains("features") || !root["features"].is_array())
      return make_error(src.path, "features", "expected an array of features");
    Reader r{src.path, *map, net, {}, {}};
    const json& features = root["features"];
    for (size_t i = 0; i < features.size(); ++i) r.feature(features[i], i);
    for (size_t i = 0; i < net.links.size(); ++i) {
      net.links[i].from = r.resolve(r.ends[i].from, "from", i);
      net.links[i].to = r.resolve(r.ends[i].to, "to", i);
    }
  } catch (const Failure& f) {
    return f.error;
  }
  return net;
}

}  // namespace et
