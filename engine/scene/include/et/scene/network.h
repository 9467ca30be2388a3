// Underground (and overhead) utility networks as plain data: one model for every utility.
// Coordinates are the scene's local east-north-up metres; the ground surface is z = 0 unless
// a node says otherwise. Link paths are centrelines: z is the elevation of the pipe's or
// cable's axis, so a 300 mm pipe with 1.0 m of cover lies at z = -(1.0 + 0.15).
#pragma once

#include <map>
#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "et/core/error.h"
#include "et/core/geo.h"
#include "et/scene/view_state.h"

namespace et {

enum class Utility { kWater = 0, kDrainage, kGas, kPower, kTelecom, kHeat, kCount };
const char* utility_name(Utility u);             // "water", "drainage", ...
Utility utility_from_name(const std::string& n);  // kCount when unknown
Layer utility_layer(Utility u);

enum class NodeKind {
  kJunction, kValve, kHydrant, kMeter, kManhole, kInspectionWell, kTransformer,
  kGasRegulator, kTelecomCabinet, kPumpHouse, kTank, kBuildingConnection, kReservoir,
  kPump, kCount
};
const char* node_kind_name(NodeKind k);  // "junction", "valve", ..., "building_connection"
NodeKind node_kind_from_name(const std::string& n);  // kCount when unknown

enum class LinkKind { kPipe, kCable, kDuct, kCount };
const char* link_kind_name(LinkKind k);
LinkKind link_kind_from_name(const std::string& n);

enum class LinkState { kAsFound, kPlanned, kAbandoned, kCount };
const char* link_state_name(LinkState s);  // "as_found", "planned", "abandoned"

// Sets each vertex's z to minus the axis depth, interpolated linearly between the two ends
// by horizontal distance along the path (how loaders and plans lay a buried line).
void lay_path(std::vector<glm::dvec3>& path, double axis_depth_start, double axis_depth_end);
LinkState link_state_from_name(const std::string& n);

struct NetNode {
  std::string id;
  NodeKind kind = NodeKind::kJunction;
  glm::dvec3 position{0.0};  // x, y; z = ground surface elevation at the node (usually 0)
  double depth_m = 0.0;      // how far the node reaches below the surface (manhole depth)
  std::string owner;
  int install_year = 0;
  std::string condition;  // e.g. CJJ 181 structural grade "I".."IV", or free text
  std::string building;   // building id, for building connections
  // Everything else the file said, for the inspector (values as text).
  std::map<std::string, std::string> attributes;
};

struct NetLink {
  std::string id;
  LinkKind kind = LinkKind::kPipe;
  int from = -1, to = -1;        // node indices; -1 when the end is not a node
  std::vector<glm::dvec3> path;  // centreline vertices (>= 2), z = axis elevation
  double diameter_mm = 0.0;      // round section (pipes, cables, single ducts)
  double width_mm = 0.0;         // rectangular section (duct banks, box culverts); 0 if round
  double height_mm = 0.0;
  std::string material;
  double cover_start_m = 0.0;  // depth of cover over the top at each end; < 0: above ground
  double cover_end_m = 0.0;
  int install_year = 0;
  std::string owner;      // company or "private"
  std::string condition;  // grade or free text
  LinkState state = LinkState::kAsFound;
  std::string subtype;         // drainage: storm|sewer|combined; power: direct_buried|
                               // conduit|duct_bank|overhead; any: informal
  std::string pressure_class;  // gas: low|medium|sub_high_b|sub_high_a|high
  double voltage_kv = 0.0;     // power
  int cable_count = 0;         // power/telecom
  int fibre_count = 0;         // telecom
  int duct_count = 0;          // telecom / power duct banks
  std::map<std::string, std::string> attributes;

  double length_m() const;       // 3D length along the path
  double section_width_m() const;   // diameter or width
  double section_height_m() const;  // diameter or height
};

struct Network {
  Utility utility = Utility::kWater;
  std::string file;
  std::vector<NetNode> nodes;
  std::vector<NetLink> links;

  double length_km() const;
  int find_node(const std::string& id) const;  // -1 when absent
};

// How a network file's coordinates map into the scene (from the manifest's network entry).
struct NetworkSource {
  Utility utility = Utility::kWater;
  std::string path;  // file on disk
  // GeoJSON: the file's own "crs" member wins; EPSG:4326 (lon/lat) when it has none.
  // EPANET .inp: "local" (coordinates already scene metres) or a CRS name PROJ knows.
  std::string crs;
  // EPANET .inp: elevation of the ground surface in the file's datum, to turn node
  // elevations into depth below ground (depth = ground - elevation). NaN: use the
  // highest junction elevation.
  double ground_elevation_m = 0.0;
  bool has_ground_elevation = false;
};

// GeoJSON FeatureCollection: Point features are nodes, LineString features are links
// (README "Networks" has the properties). Errors name the file, the feature index and id.
Result<Network> load_geojson_network(const NetworkSource& src, const GeoOrigin& origin);
// EPANET .inp: junctions, reservoirs, tanks, pipes, pumps, valves, coordinates and vertices.
// Errors name the file, the line number and the section.
Result<Network> load_inp_network(const NetworkSource& src, const GeoOrigin& origin);
// Dispatches on the extension (.geojson/.json or .inp).
Result<Network> load_network(const NetworkSource& src, const GeoOrigin& origin);

}  // namespace et
