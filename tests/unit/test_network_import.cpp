// Network import: GeoJSON (WGS84 and projected via PROJ), EPANET .inp, the CRS wrapper and
// the loaders' errors. Expected positions come from lonlat_to_enu on the lon/lat the test
// data was made from (tests/data/networks; the UTM file was produced with PROJ).
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "et/core/crs.h"
#include "et/core/geo.h"
#include "et/scene/network.h"

namespace {

namespace fs = std::filesystem;
const std::string kNets = std::string(ET_TEST_DATA) + "/networks";
const et::GeoOrigin kOrigin{117.184, 34.261, 40.0};  // tests/data/tiny/scene.json
constexpr double kCm = 0.01;

et::NetworkSource source(const std::string& file, const std::string& crs = "") {
  et::NetworkSource s;
  s.path = file.find('/') == std::string::npos ? kNets + "/" + file : file;
  s.crs = crs;
  return s;
}

glm::dvec2 enu(double lon, double lat) {
  glm::dvec3 p = et::lonlat_to_enu(kOrigin, lon, lat, kOrigin.height_m);
  return {p.x, p.y};
}

void expect_near_xy(const glm::dvec3& got, glm::dvec2 want, double tol = kCm) {
  EXPECT_NEAR(got.x, want.x, tol);
  EXPECT_NEAR(got.y, want.y, tol);
}

const et::NetLink& link(const et::Network& n, const std::string& id) {
  for (const et::NetLink& l : n.links)
    if (l.id == id) return l;
  throw std::runtime_error("no link " + id);
}

const et::NetNode& node(const et::Network& n, const std::string& id) {
  int i = n.find_node(id);
  if (i < 0) throw std::runtime_error("no node " + id);
  return n.nodes[static_cast<size_t>(i)];
}

// A scratch file for variants too small to keep in tests/data.
class Scratch {
 public:
  Scratch() : dir_(fs::temp_directory_path() / ("et_netimport_" + std::to_string(::getpid()))) {
    fs::create_directories(dir_);
  }
  ~Scratch() { fs::remove_all(dir_); }
  std::string write(const std::string& name, const std::string& text) const {
    std::string p = (dir_ / name).string();
    std::ofstream(p) << text;
    return p;
  }

 private:
  fs::path dir_;
};

// The one-line "FILE: PLACE: WHAT" contract, with each part checked.
void expect_error(const et::Result<et::Network>& r, const std::vector<std::string>& parts) {
  ASSERT_FALSE(r.ok()) << "accepted";
  const std::string& m = r.error().message;
  for (const std::string& p : parts)
    EXPECT_NE(m.find(p), std::string::npos) << m << "\n  lacks: " << p;
  EXPECT_EQ(m.find('\n'), std::string::npos) << "error must be one line: " << m;
}

std::string collection(const std::string& features, const std::string& extra = "") {
  return R"({"type": "FeatureCollection",)" + extra + R"( "features": [)" + features + "]}";
}
const std::string kJ1 =
    R"({"type": "Feature", "geometry": {"type": "Point", "coordinates": [117.184, 34.261]},
                            "properties": {"id": "J1", "kind": "junction"}})";
std::string pipe(const std::string& props,
                 const std::string& coords = "[[117.184, 34.261], [117.1841, 34.261]]") {
  return R"({"type": "Feature", "geometry": {"type": "LineString", "coordinates": )" + coords +
         R"(}, "properties": {"id": "P1", "kind": "pipe")" + props + "}}";
}
const std::string kSection = R"(, "diameter_mm": 100, "cover_start_m": 1, "cover_end_m": 1)";

// ---------------------------------------------------------------------------- model

TEST(NetworkModel, NameTablesRoundTrip) {
  for (int i = 0; i < static_cast<int>(et::NodeKind::kCount); ++i) {
    auto k = static_cast<et::NodeKind>(i);
    EXPECT_EQ(et::node_kind_from_name(et::node_kind_name(k)), k);
  }
  EXPECT_STREQ(et::node_kind_name(et::NodeKind::kBuildingConnection), "building_connection");
  EXPECT_STREQ(et::node_kind_name(et::NodeKind::kInspectionWell), "inspection_well");
  EXPECT_EQ(et::node_kind_from_name("pipe"), et::NodeKind::kCount);
  EXPECT_EQ(et::link_kind_from_name("duct"), et::LinkKind::kDuct);
  EXPECT_EQ(et::link_state_from_name("abandoned"), et::LinkState::kAbandoned);
  EXPECT_STREQ(et::link_state_name(et::LinkState::kAsFound), "as_found");
  EXPECT_EQ(et::utility_from_name("telecom"), et::Utility::kTelecom);
  EXPECT_EQ(et::utility_from_name("sewage"), et::Utility::kCount);
  EXPECT_EQ(et::utility_layer(et::Utility::kWater), et::Layer::kWater);
  EXPECT_EQ(et::utility_layer(et::Utility::kHeat), et::Layer::kHeat);
  EXPECT_EQ(et::utility_layer(et::Utility::kDrainage), et::Layer::kDrainage);
}

TEST(NetworkModel, LengthsAndSections) {
  et::NetLink l;
  l.path = {{0, 0, -1}, {3, 4, -1}, {3, 4, -3}};
  l.diameter_mm = 300;
  EXPECT_DOUBLE_EQ(l.length_m(), 7.0);
  EXPECT_DOUBLE_EQ(l.section_width_m(), 0.3);
  EXPECT_DOUBLE_EQ(l.section_height_m(), 0.3);
  l.width_mm = 800;
  l.height_mm = 500;
  EXPECT_DOUBLE_EQ(l.section_width_m(), 0.8);
  EXPECT_DOUBLE_EQ(l.section_height_m(), 0.5);
  et::Network n;
  n.links = {l, l};
  EXPECT_DOUBLE_EQ(n.length_km(), 0.014);
  EXPECT_EQ(n.find_node("x"), -1);
}

// ---------------------------------------------------------------------------- CRS

TEST(NetworkCrs, RecognisesWgs84Names) {
  for (const char* n : {"EPSG:4326", "OGC:CRS84", "urn:ogc:def:crs:OGC:1.3:CRS84",
                        "urn:ogc:def:crs:EPSG::4326", "WGS84", " epsg:4326 "})
    EXPECT_TRUE(et::is_wgs84_lonlat(n)) << n;
  for (const char* n : {"EPSG:4547", "EPSG:32650", "", "local", "EPSG:43260"})
    EXPECT_FALSE(et::is_wgs84_lonlat(n)) << n;
}

TEST(NetworkCrs, UtmToLonLatMatchesTheDataSource) {
  auto t = et::CrsTransform::create("EPSG:32650");
  ASSERT_TRUE(t.ok()) << t.error().message;
  et::CrsTransform moved = std::move(*t);  // move-only RAII: the moved-to one still works
  auto ll = moved.to_lonlat(516939.867, 3791111.069);
  ASSERT_TRUE(ll.ok()) << ll.error().message;
  EXPECT_NEAR(ll->x, 117.184, 1e-7);  // 1e-7 deg ~ 1 cm
  EXPECT_NEAR(ll->y, 34.261, 1e-7);
}

TEST(NetworkCrs, GaussKrugerTakesEastingFirst) {
  // CGCS2000 / 3-degree GK CM 114E: the EPSG axis order is northing, easting; files and
  // we use easting, northing. Easting 500000 is the central meridian.
  auto t = et::CrsTransform::create("EPSG:4547");
  ASSERT_TRUE(t.ok()) << t.error().message;
  auto ll = t->to_lonlat(500000.0, 3791000.0);
  ASSERT_TRUE(ll.ok()) << ll.error().message;
  EXPECT_NEAR(ll->x, 114.0, 1e-9);
  EXPECT_NEAR(ll->y, 34.25, 0.05);
  auto proj_string = et::CrsTransform::create("+proj=utm +zone=50 +datum=WGS84");
  ASSERT_TRUE(proj_string.ok()) << proj_string.error().message;
  auto ll2 = proj_string->to_lonlat(516939.867, 3791111.069);
  ASSERT_TRUE(ll2.ok());
  EXPECT_NEAR(ll2->x, 117.184, 1e-7);
}

TEST(NetworkCrs, UnknownCrsIsAClearError) {
  auto t = et::CrsTransform::create("EPSG:99999");
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.error().message.find("unknown CRS 'EPSG:99999'"), std::string::npos)
      << t.error().message;
  EXPECT_FALSE(et::CrsTransform::create("+proj=nonsense").ok());
  EXPECT_FALSE(et::CrsTransform::create("").ok());
  auto geocentric = et::CrsTransform::create("EPSG:4978");
  ASSERT_FALSE(geocentric.ok());
  EXPECT_NE(geocentric.error().message.find("not a projected or geographic"), std::string::npos);
}

// ---------------------------------------------------------------------------- GeoJSON

TEST(NetworkGeojson, WaterInLonLat) {
  auto r = et::load_network(source("tiny_water.geojson"), kOrigin);
  ASSERT_TRUE(r.ok()) << r.error().message;
  const et::Network& n = *r;
  EXPECT_EQ(n.file, kNets + "/tiny_water.geojson");
  ASSERT_EQ(n.nodes.size(), 4u);
  ASSERT_EQ(n.links.size(), 4u);

  const et::NetNode& v1 = node(n, "V1");
  EXPECT_EQ(v1.kind, et::NodeKind::kValve);
  expect_near_xy(v1.position, enu(117.18390, 34.26100));
  EXPECT_EQ(v1.position.z, 0.0);
  EXPECT_DOUBLE_EQ(v1.depth_m, 1.4);
  EXPECT_EQ(v1.owner, "Xuzhou Water");
  EXPECT_EQ(v1.install_year, 1998);
  expect_near_xy(node(n, "J1").position, {0.0, 0.0});
  EXPECT_EQ(node(n, "H1").condition, "III");
  EXPECT_EQ(node(n, "BC-C2").kind, et::NodeKind::kBuildingConnection);
  EXPECT_EQ(node(n, "BC-C2").building, "C2");

  // 300 mm under 1.0 m of cover: the axis is at -(1.0 + 0.15).
  const et::NetLink& p1 = link(n, "W-P-001");
  EXPECT_EQ(p1.from, n.find_node("V1"));
  EXPECT_EQ(p1.to, n.find_node("J1"));
  ASSERT_EQ(p1.path.size(), 2u);
  expect_near_xy(p1.path[0], enu(117.18390, 34.26100));
  EXPECT_NEAR(p1.path[0].z, -1.15, 1e-9);
  EXPECT_NEAR(p1.path[1].z, -1.15, 1e-9);
  EXPECT_NEAR(p1.length_m(), glm::length(enu(117.18390, 34.261) - enu(117.184, 34.261)), kCm);
  EXPECT_NEAR(p1.length_m(), 9.2, 0.1);  // 0.0001 deg of longitude at 34.26 N
  EXPECT_EQ(p1.material, "ductile_iron");
  EXPECT_EQ(p1.condition, "II");
  EXPECT_EQ(p1.state, et::LinkState::kAsFound);
  EXPECT_EQ(p1.attributes.at("note"), "relined 2010");  // unknown properties kept as text
  EXPECT_EQ(p1.attributes.at("pn_bar"), "10");
  EXPECT_EQ(p1.attributes.count("diameter_mm"), 0u);

  // Cover 1.0 -> 2.0 m, interpolated by distance along the path.
  const et::NetLink& p2 = link(n, "W-P-002");
  ASSERT_EQ(p2.path.size(), 3u);
  double a = glm::length(glm::dvec2(p2.path[1]) - glm::dvec2(p2.path[0]));
  double b = glm::length(glm::dvec2(p2.path[2]) - glm::dvec2(p2.path[1]));
  EXPECT_NEAR(p2.path[0].z, -(1.0 + 0.075), 1e-9);
  EXPECT_NEAR(p2.path[1].z, -(1.0 + a / (a + b) + 0.075), 1e-9);
  EXPECT_NEAR(p2.path[2].z, -(2.0 + 0.075), 1e-9);
  EXPECT_EQ(p2.to, n.find_node("H1"));

  // Given z wins over cover; the covers follow from it.
  const et::NetLink& p3 = link(n, "W-P-003");
  EXPECT_DOUBLE_EQ(p3.path[0].z, -1.5);
  EXPECT_DOUBLE_EQ(p3.path[1].z, -0.8);
  EXPECT_NEAR(p3.cover_start_m, 1.475, 1e-9);
  EXPECT_NEAR(p3.cover_end_m, 0.775, 1e-9);
  EXPECT_EQ(p3.owner, "private");
  EXPECT_EQ(p3.subtype, "informal");

  const et::NetLink& p4 = link(n, "W-P-004");
  EXPECT_EQ(p4.from, n.find_node("H1"));
  EXPECT_EQ(p4.to, -1);  // dangling end: validate reports it, loading does not fail
  EXPECT_EQ(p4.state, et::LinkState::kPlanned);
}

TEST(NetworkGeojson, PowerInUtmGoesThroughProj) {
  et::NetworkSource src = source("tiny_power_utm.geojson");
  src.utility = et::Utility::kPower;
  auto r = et::load_network(src, kOrigin);
  ASSERT_TRUE(r.ok()) << r.error().message;
  const et::Network& n = *r;
  EXPECT_EQ(n.utility, et::Utility::kPower);
  ASSERT_EQ(n.nodes.size(), 3u);
  ASSERT_EQ(n.links.size(), 3u);
  expect_near_xy(node(n, "T1").position, enu(117.18380, 34.26080));
  expect_near_xy(node(n, "BC-C1").position, enu(117.18395, 34.26100));
  expect_near_xy(node(n, "BC-C2").position, enu(117.18405, 34.26103));
  EXPECT_EQ(node(n, "T1").attributes.at("rating_kva"), "630");

  const et::NetLink& cable = link(n, "E-C-001");
  ASSERT_EQ(cable.path.size(), 3u);
  expect_near_xy(cable.path[1], enu(117.18380, 34.26100));
  EXPECT_NEAR(cable.path[1].z, -(0.7 + 0.03), 1e-9);
  EXPECT_DOUBLE_EQ(cable.voltage_kv, 0.4);
  EXPECT_EQ(cable.cable_count, 1);
  EXPECT_EQ(cable.kind, et::LinkKind::kCable);

  const et::NetLink& bank = link(n, "E-D-001");
  EXPECT_EQ(bank.kind, et::LinkKind::kDuct);
  EXPECT_DOUBLE_EQ(bank.section_width_m(), 0.6);
  EXPECT_DOUBLE_EQ(bank.section_height_m(), 0.4);
  EXPECT_NEAR(bank.path[1].z, -(0.8 + 0.2), 1e-9);
  EXPECT_EQ(bank.duct_count, 6);
  EXPECT_EQ(bank.to, n.find_node("BC-C2"));
  double want = glm::length(enu(117.18405, 34.26080) - enu(117.18380, 34.26080)) +
                glm::length(enu(117.18405, 34.26103) - enu(117.18405, 34.26080));
  EXPECT_NEAR(bank.length_m(), want, 2 * kCm);

  // Negative cover: overhead, the axis above the ground.
  const et::NetLink& overhead = link(n, "E-O-001");
  EXPECT_NEAR(overhead.path[0].z, 6.0 - 0.01, 1e-9);
  EXPECT_EQ(overhead.subtype, "overhead");
}

TEST(NetworkGeojson, SceneCrsAppliesWhenTheFileHasNone) {
  Scratch s;
  std::string f =
      s.write("utm.geojson", collection(R"({"type": "Feature", "geometry": {"type": "Point",
      "coordinates": [516921.494, 3791088.859]}, "properties": {"id": 7, "kind": "transformer"}})"));
  auto r = et::load_network(source(f, "EPSG:32650"), kOrigin);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->nodes[0].id, "7");  // integer ids become text
  expect_near_xy(r->nodes[0].position, enu(117.18380, 34.26080));
  // Without the scene's CRS the same numbers are not degrees.
  expect_error(et::load_network(source(f), kOrigin),
               {"utm.geojson", "feature 0 (id 7)", "not a WGS84 longitude/latitude"});
}

TEST(NetworkGeojson, ErrorsFromTestFiles) {
  expect_error(et::load_network(source("bad_missing_coordinates.geojson"), kOrigin),
               {"bad_missing_coordinates.geojson: feature 1 (id W-P-007): missing coordinates"});
  expect_error(
      et::load_network(source("bad_polygon.geojson"), kOrigin),
      {"bad_polygon.geojson: feature 0 (id PLOT-1): ", "'Polygon'", "Point", "LineString"});
  expect_error(et::load_network(source("bad_unknown_crs.geojson"), kOrigin),
               {"bad_unknown_crs.geojson: crs: unknown CRS 'EPSG:99999'"});
  expect_error(et::load_network(source("bad_absurd_coordinates.geojson"), kOrigin),
               {"bad_absurd_coordinates.geojson: feature 1 (id W-P-002): coordinate 1: "
                "(2.3522, 48.8566) lies 6262 km from the scene origin"});
}

TEST(NetworkGeojson, ErrorsNameTheFeatureAndWhatWasWrong) {
  Scratch s;
  auto load = [&](const std::string& text) {
    return et::load_network(source(s.write("t.geojson", text)), kOrigin);
  };
  ASSERT_TRUE(load(collection(kJ1 + "," + pipe(kSection))).ok());
  expect_error(load(collection(kJ1 + "," + pipe(kSection + R"(, "to": "J9")"))),
               {"t.geojson: feature 1 (id P1): 'to' names unknown node 'J9'"});
  expect_error(load(collection(kJ1 + "," + kJ1)), {"feature 1 (id J1): duplicate id 'J1'"});
  expect_error(load(collection(pipe(kSection, R"([[117.184, 34.261], ["117.1841", 34.261]])"))),
               {"feature 0 (id P1): coordinate 1: expected numbers"});
  expect_error(load(collection(pipe(kSection, R"([[117.184, 34.261]])"))),
               {"at least 2 positions"});
  expect_error(load(collection(pipe(kSection, R"([[117.184, 34.261], [117.184, 34.261]])"))),
               {"zero length"});
  expect_error(load(collection(pipe(kSection, R"([[117.184, 34.261], [1e999, 34.261]])"))),
               {"t.geojson: malformed JSON: number overflow parsing '1e999'"});
  expect_error(load(collection(pipe(kSection, R"([[117.184, 34.261, 0], [117.1841, 34.261]])"))),
               {"coordinate 1: mixes 2D and 3D"});
  expect_error(load(collection(pipe(R"(, "diameter_mm": 100)"))), {"cover_start_m"});
  expect_error(load(collection(pipe(R"(, "cover_start_m": 1, "cover_end_m": 1)"))),
               {"missing section"});
  expect_error(
      load(collection(pipe(R"(, "diameter_mm": "DN100", "cover_start_m": 1, "cover_end_m": 1)"))),
      {"property 'diameter_mm': expected a number", "\"DN100\""});
  expect_error(load(collection(pipe(kSection + R"(, "state": "removed")"))),
               {"unknown state 'removed'"});
  expect_error(load(collection(pipe(kSection + R"(, "pressure_class": "very_high")"))),
               {"unknown pressure_class"});
  std::string manhole_line = pipe(kSection);
  manhole_line.replace(manhole_line.find("\"pipe\""), 6, "\"manhole\"");
  expect_error(load(collection(manhole_line)), {"kind 'manhole' is a node", "Point"});
  std::string sump = kJ1;
  sump.replace(sump.find("junction"), 8, "sump");
  expect_error(load(collection(sump)), {"feature 0 (id J1): unknown node kind 'sump'", "manhole"});
  expect_error(
      load(collection(
          R"({"type": "Feature", "geometry": {"type": "Point", "coordinates": [117.184, 34.261]},
                                   "properties": {"kind": "junction"}})")),
      {"t.geojson: feature 0: missing required property 'id'"});
  expect_error(load(R"({"type": "Feature"})"), {"t.geojson: expected a GeoJSON FeatureCollection"});
  expect_error(load(collection(kJ1, R"( "crs": {"type": "link"},)")), {"t.geojson: crs: expected"});
  expect_error(load("{\"type\": \"FeatureCollection\",\n \"features\": [}"),
               {"t.geojson: line 2, column 15: malformed JSON"});
}

// ---------------------------------------------------------------------------- EPANET

TEST(NetworkInp, TinyNetwork) {
  auto r = et::load_network(source("tiny.inp"), kOrigin);
  ASSERT_TRUE(r.ok()) << r.error().message;
  const et::Network& n = *r;
  ASSERT_EQ(n.nodes.size(), 6u);
  ASSERT_EQ(n.links.size(), 6u);
  EXPECT_EQ(node(n, "R1").kind, et::NodeKind::kReservoir);
  EXPECT_EQ(node(n, "T1").kind, et::NodeKind::kTank);
  EXPECT_EQ(node(n, "J3").kind, et::NodeKind::kJunction);
  // "local": coordinates are scene metres as they are.
  EXPECT_EQ(node(n, "J3").position, glm::dvec3(10.0, 10.0, 0.0));
  // Ground = the highest junction (J2, 38.9 m); depth = ground - elevation.
  EXPECT_NEAR(node(n, "J1").depth_m, 0.1, 1e-9);
  EXPECT_NEAR(node(n, "J2").depth_m, 0.0, 1e-9);
  EXPECT_NEAR(node(n, "J4").depth_m, 1.0, 1e-9);
  EXPECT_NEAR(node(n, "T1").depth_m, -2.1, 1e-9);  // an elevated tank
  EXPECT_EQ(node(n, "J1").attributes.at("elevation"), "38.8 m");

  // SI units: the diameter is millimetres; pipes lie at their end nodes' depth.
  const et::NetLink& p1 = link(n, "P1");
  EXPECT_DOUBLE_EQ(p1.diameter_mm, 200.0);
  EXPECT_EQ(p1.from, n.find_node("J1"));
  EXPECT_EQ(p1.to, n.find_node("J2"));
  expect_near_xy(p1.path.front(), {-20.0, 0.0}, 1e-12);
  EXPECT_NEAR(p1.path.front().z, -0.1, 1e-9);
  EXPECT_NEAR(p1.path.back().z, 0.0, 1e-9);
  EXPECT_NEAR(p1.cover_start_m, 0.1 - 0.1, 1e-9);
  EXPECT_EQ(p1.attributes.at("length"), "20.5 m");
  EXPECT_EQ(p1.kind, et::LinkKind::kPipe);

  // Vertices sit between the ends, z interpolated by distance along the path.
  const et::NetLink& p2 = link(n, "P2");
  ASSERT_EQ(p2.path.size(), 3u);
  EXPECT_EQ(p2.path[1], glm::dvec3(0.0, -10.0, -0.5));
  const et::NetLink& p3 = link(n, "P3");
  ASSERT_EQ(p3.path.size(), 4u);
  double diag = std::sqrt(50.0), total = 10.0 + 2 * diag;
  EXPECT_NEAR(p3.path[1].z, -(0.5 + 0.5 * diag / total), 1e-9);
  EXPECT_NEAR(p3.path[3].z, -1.0, 1e-9);
  EXPECT_EQ(p3.attributes.at("status"), "CV");
  EXPECT_NEAR(link(n, "P4").path.back().z, 2.1, 1e-9);

  const et::NetLink& pump = link(n, "PU1");
  EXPECT_EQ(pump.attributes.at("type"), "pump");
  EXPECT_EQ(pump.attributes.at("parameters"), "HEAD C1");
  EXPECT_DOUBLE_EQ(pump.diameter_mm, 200.0);     // as wide as P1, the pipe it feeds
  EXPECT_NEAR(pump.path.front().z, -0.1, 1e-9);  // the reservoir end follows J1, not the head
  const et::NetLink& valve = link(n, "V1");
  EXPECT_EQ(valve.attributes.at("type"), "PRV");
  EXPECT_EQ(valve.attributes.at("setting"), "30");
  EXPECT_DOUBLE_EQ(valve.diameter_mm, 150.0);
}

TEST(NetworkInp, SceneGroundElevation) {
  et::NetworkSource src = source("tiny.inp", "local");
  src.ground_elevation_m = 40.0;
  src.has_ground_elevation = true;
  auto r = et::load_network(src, kOrigin);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_NEAR(node(*r, "J1").depth_m, 1.2, 1e-9);
  EXPECT_NEAR(link(*r, "P1").path.front().z, -1.2, 1e-9);
  EXPECT_NEAR(link(*r, "P1").path.back().z, -1.1, 1e-9);
}

TEST(NetworkInp, UsUnitsAndProjectedCoordinates) {
  Scratch s;
  std::string f = s.write("us.inp", R"([JUNCTIONS]
J1 100
J2 90
[PIPES]
P1 J1 J2 400 12 130
[COORDINATES]
J1 516921.494 3791088.859
J2 516939.867 3791111.069
)");  // no [OPTIONS]: EPANET's default GPM, feet and inches
  auto r = et::load_network(source(f, "EPSG:32650"), kOrigin);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_DOUBLE_EQ(r->links[0].diameter_mm, 304.8);
  EXPECT_NEAR(r->nodes[1].depth_m, 3.048, 1e-9);
  EXPECT_EQ(r->links[0].attributes.at("length"), "400 ft");
  expect_near_xy(r->nodes[0].position, enu(117.18380, 34.26080));
  expect_near_xy(r->nodes[1].position, {0.0, 0.0});
}

TEST(NetworkInp, ErrorsFromTestFiles) {
  expect_error(et::load_network(source("bad_unknown_section.inp"), kOrigin),
               {"bad_unknown_section.inp: line 8: unknown section [FOO]"});
  expect_error(et::load_network(source("bad_missing_node.inp"), kOrigin),
               {"bad_missing_node.inp: line 8 [PIPES]: pipe P12 ends at unknown node J99"});
  expect_error(
      et::load_network(source("bad_no_coordinates.inp"), kOrigin),
      {"bad_no_coordinates.inp: line 4 [JUNCTIONS]: junction J3 has no entry in [COORDINATES]"});
  expect_error(et::load_network(source("bad_number.inp"), kOrigin),
               {"bad_number.inp: line 6 [PIPES]: pipe P1: diameter: bad number '2OO'"});
}

TEST(NetworkInp, MoreErrors) {
  Scratch s;
  auto load = [&](const std::string& text, const std::string& crs = "") {
    return et::load_network(source(s.write("e.inp", text), crs), kOrigin);
  };
  const std::string coords = "[COORDINATES]\nJ1 0 0\nJ2 10 0\n";
  ASSERT_TRUE(load("[JUNCTIONS]\nJ1 1\nJ2 1\n" + coords).ok());
  expect_error(load("[JUNCTIONS]\nJ1 1\nJ1 2\n" + coords),
               {"e.inp: line 3 [JUNCTIONS]: duplicate node id 'J1' (also line 2)"});
  expect_error(load("[JUNCTIONS]\nJ1\n"), {"line 2 [JUNCTIONS]: expected ID ELEVATION"});
  expect_error(load("J1 1\n[JUNCTIONS]\n"), {"line 1: data before the first [SECTION]"});
  expect_error(load("[JUNCTIONS]\nJ1 1\nJ2 1\n[PIPES]\nP1 J1 J2 10 0\n" + coords),
               {"line 5 [PIPES]: pipe P1: diameter must be positive"});
  expect_error(load("[JUNCTIONS]\nJ1 1\nJ2 1\n[OPTIONS]\nUNITS GALLONS\n" + coords),
               {"line 5 [OPTIONS]: unknown flow units 'GALLONS'"});
  expect_error(load("[JUNCTIONS]\nJ1 1\nJ2 1\n[VERTICES]\nP9 1 1\n" + coords),
               {"line 5 [VERTICES]: vertex for unknown link 'P9'"});
  expect_error(load("[JUNCTIONS]\nJ1 1\nJ2 1\n" + coords + "J3 5 5\n"),
               {"line 7 [COORDINATES]: coordinates for unknown node 'J3'"});
  expect_error(load("[JUNCTIONS]\nJ1 1\n[COORDINATES]\nJ1 2000000 0\n"),
               {"line 4 [COORDINATES]: node J1: (2000000, 0) lies 2000 km from the scene origin"});
  expect_error(load("[JUNCTIONS]\nJ1 1\nJ2 1\n" + coords, "EPSG:99999"),
               {"e.inp: crs: unknown CRS 'EPSG:99999'"});
  // Comments, blank lines, CRLF and lower-case headers are all fine; skipped sections too.
  ASSERT_TRUE(
      load(
          "; header comment\r\n[junctions]\r\nJ1 1 ; first\r\nJ2 1\r\n\r\n[PATTERNS]\r\nX 1 2\r\n" +
          coords)
          .ok());
}

TEST(NetworkLoad, DispatchesOnExtension) {
  expect_error(et::load_network(source("/nowhere/net.shp"), kOrigin),
               {"/nowhere/net.shp", "unknown network format '.shp'"});
  expect_error(et::load_network(source("/nowhere/net.inp"), kOrigin),
               {"/nowhere/net.inp", "cannot open"});
  Scratch s;
  auto r = et::load_network(source(s.write("net.JSON", collection(kJ1))), kOrigin);
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->nodes.size(), 1u);
}

}  // namespace
