// generate_estate: lays out the estate (or district), picks each block's small variations
// from the seed, writes the shared models once each, the ground, and scene.json.
// Nothing here reads the clock or the environment: same options, same bytes.
#include "et/gen/estate.h"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <system_error>

#include "estate_layout.h"
#include "et/core/file_io.h"
#include "geojson_writer.h"
#include "models.h"
#include "net_common.h"
#include "plan_writer.h"
#include "rng.h"
#include "tours_muyanghu.h"

namespace et::gen {

namespace {

using Json = nlohmann::ordered_json;  // keeps the documented key order in the file
constexpr int kMaxEstates = 4096;
constexpr double kPi = 3.14159265358979323846;
// Illustrative georeference (not a surveyed site); the networks are written around it too.
constexpr GeoOrigin kOrigin{117.1840, 34.2610, 40.0};

Json xy(double x, double y) { return Json::array({round_cm(x), round_cm(y)}); }
Json xyz(const Vec3& p) { return Json::array({round_cm(p.x), round_cm(p.y), round_cm(p.z)}); }

// Model footprint rotated by heading (counter-clockwise about +z) and moved to (x, y).
Json footprint(double x, double y, double heading_deg, double length, double depth) {
  const double c = std::cos(heading_deg * kPi / 180), s = std::sin(heading_deg * kPi / 180);
  const double hx = length / 2, hy = depth / 2;
  Json corners = Json::array();
  const double local[4][2] = {{-hx, -hy}, {hx, -hy}, {hx, hy}, {-hx, hy}};
  for (const auto& p : local) {
    corners.push_back(xy(x + c * p[0] - s * p[1], y + s * p[0] + c * p[1]));
  }
  return corners;
}

Json building(const std::string& id, const std::string& name, const std::string& model,
              const std::string& kind, double x, double y, double heading, int floors,
              int households, int year, double height, double length, double depth) {
  Json b;
  b["id"] = id;
  b["name"] = name;
  b["model"] = model;
  b["kind"] = kind;
  b["position"] = Json::array({round_cm(x), round_cm(y), 0.0});
  b["heading_deg"] = heading;
  b["floors"] = floors;
  b["households"] = households;
  b["year"] = year;
  b["height_m"] = round_cm(height);
  b["footprint"] = footprint(x, y, heading, length, depth);
  return b;
}

Json bookmark(const std::string& name, const Vec3& eye, const Vec3& target, double fov,
              double ground_opacity) {
  Json b;
  b["name"] = name;
  b["eye"] = xyz(eye);
  b["target"] = xyz(target);
  b["fov_deg"] = fov;
  b["ground_opacity"] = ground_opacity;
  return b;
}

// High oblique view from the south-south-east, 45 degrees down, far enough back that a
// sphere around the whole extent (plus the tallest roofs) about fills the vertical field of
// view (distance r / tan, not r / sin: the sphere's silhouette is a loose bound here).
Json overview(const Rect& extent) {
  const double fov = 45.0;
  const Vec3 centre((extent.x0 + extent.x1) / 2, (extent.y0 + extent.y1) / 2, 0.0);
  const double w = extent.x1 - extent.x0, h = extent.y1 - extent.y0;
  const double radius = std::sqrt(w * w / 4 + h * h / 4 + 22.0 * 22.0);
  const double dist = radius / std::tan(fov / 2 * kPi / 180);
  const double az = 157.5 * kPi / 180, el = 45.0 * kPi / 180;  // bearing from north
  const Vec3 dir(std::sin(az) * std::cos(el), std::cos(az) * std::cos(el), std::sin(el));
  return bookmark("overview", centre + dir * dist, centre, fov, 1.0);
}

std::string estate_prefix(const District& d, int k) {
  if (d.estates == 1) return "";
  char buf[16];
  std::snprintf(buf, sizeof buf, "E%03d-", k + 1);
  return buf;
}

// Views of the plans: the overview split A/B (separate | coordinated), the main lane in the
// middle of the coordinated works (trenches open, ground translucent), and the tunnel plan
// finished, looking up the main lane from the south gate.
void add_plan_views(Json& scene, const EstateLayout& layout, const Rect& extent,
                    const PlansWritten& plans) {
  Json ab = overview(extent);
  ab["name"] = "plan-ab";
  ab["plan"] = "separate";
  ab["plan_b"] = "coordinated";
  ab["ground_opacity"] = 0.3;  // the plans differ underground
  scene["bookmarks"].push_back(ab);
  const Rect& m = layout.main_lane;
  const double xc = (m.x0 + m.x1) / 2;
  Json works = bookmark("construction", {xc + 35.0, -105.0, 35.0}, {xc, -40.0, -1.0}, 45.0, 0.3);
  works["plan"] = "coordinated";
  works["date"] = plans.construction_date;
  scene["bookmarks"].push_back(works);
  Json t = bookmark("tunnel", {xc + 9.0, -84.0, 6.0}, {xc - 2.0, -45.0, -2.0}, 55.0, 0.2);
  t["plan"] = "tunnel";
  scene["bookmarks"].push_back(t);
}

Status write_model(const std::string& dir, const std::string& name, const MeshBuilder& mesh) {
  Status s = write_text_atomic(dir + "/" + name + ".mtl", mesh.mtl_text());
  if (!s.ok()) return s;
  return write_text_atomic(dir + "/" + name + ".obj", mesh.obj_text(name, name + ".mtl"));
}

}  // namespace

Status generate_estate(const EstateOptions& options, const std::string& out_dir) {
  if (options.estates < 1 || options.estates > kMaxEstates) {
    return make_error(out_dir, "",
                      "estates must be between 1 and " + std::to_string(kMaxEstates) + ", got " +
                          std::to_string(options.estates));
  }
  const std::string models_dir = out_dir + "/models";
  std::error_code ec;
  std::filesystem::create_directories(models_dir, ec);
  if (ec) return make_error(models_dir, "", "cannot create directory: " + ec.message());

  const EstateLayout layout = muyanghu_layout();
  const District district = district_of(options.estates);
  SplitMix64 rng(options.seed);
  std::map<std::string, BlockSpec> block_models;
  Json buildings = Json::array();
  std::vector<EstatePlacement> placements;

  for (int k = 0; k < district.estates; ++k) {
    const glm::dvec2 off = estate_offset(layout, district, k);
    const std::string prefix = estate_prefix(district, k);
    placements.push_back({prefix, off, {}});
    const std::string name_prefix = prefix.empty() ? "" : prefix.substr(0, 4) + " ";
    for (std::size_t i = 0; i < layout.blocks.size(); ++i) {
      const BlockSite& b = layout.blocks[i];
      BlockSpec spec{b.floors, b.units, false, Palette::kBeige};
      spec.palette = static_cast<Palette>(rng.range(0, kPaletteCount - 1));
      spec.pitched = rng.unit() < 0.25;
      const int year = rng.range(1982, 1998);
      placements.back().block_years.push_back(year);
      const std::string model = block_model_name(spec);
      block_models.emplace(model, spec);
      char id[32];
      std::snprintf(id, sizeof id, "B%02d", static_cast<int>(i) + 1);
      buildings.push_back(building(prefix + id, name_prefix + "Block " + std::to_string(i + 1),
                                   model, "residential", b.x + off.x, b.y + off.y, 0.0, b.floors,
                                   b.floors * b.units * 2, year, block_height(spec),
                                   block_length(spec), kBlockDepth));
    }
    for (const FacilitySite& f : layout.facilities) {
      UtilityModel info = f.model == "pump_house"        ? pump_house_info()
                          : f.model == "transformer_box" ? transformer_info()
                          : f.model == "gas_regulator"   ? gas_regulator_info()
                                                         : telecom_cabinet_info();
      buildings.push_back(building(prefix + f.id, name_prefix + f.name, f.model, f.kind,
                                   f.x + off.x, f.y + off.y, f.heading_deg, 1, 0, f.year,
                                   info.height, info.length, info.depth));
    }
  }

  Json models = Json::object();
  for (const auto& [name, spec] : block_models) {
    Status s = write_model(models_dir, name, build_block(spec));
    if (!s.ok()) return s;
    models[name] = {{"file", "models/" + name + ".obj"}, {"up", "z"}};
  }
  const std::pair<UtilityModel, MeshBuilder (*)()> utilities[] = {
      {pump_house_info(), build_pump_house},
      {transformer_info(), build_transformer},
      {gas_regulator_info(), build_gas_regulator},
      {telecom_cabinet_info(), build_telecom_cabinet},
  };
  for (const auto& [info, build] : utilities) {
    Status s = write_model(models_dir, info.name, build());
    if (!s.ok()) return s;
    models[info.name] = {{"file", "models/" + info.name + ".obj"}, {"up", "z"}};
  }
  {
    Status s = write_model(out_dir, "ground", build_ground(layout, district));
    if (!s.ok()) return s;
    models["ground"] = {{"file", "ground.obj"}, {"up", "z"}};
  }

  std::vector<NetworkFile> network_files;
  EstateNets nets;
  {
    Status s =
        write_networks(layout, placements, options.seed, kOrigin, out_dir, network_files, &nets);
    if (!s.ok()) return s;
  }
  // Relocation plans and lane segments for the single estate only: a district is for scale
  // benchmarks, and its prefixed copies would need a plan per estate.
  PlansWritten plans;
  if (district.estates == 1) {
    Status s = write_plans(layout, nets, out_dir, plans);
    if (!s.ok()) return s;
  }

  const Rect extent = district_extent(layout, district);
  const int households = layout.households() * district.estates;
  const std::string seed = std::to_string(options.seed);
  std::string lengths;
  for (const NetworkFile& f : network_files) {
    char km[64];
    std::snprintf(km, sizeof km, "%s%s %.*f km", lengths.empty() ? "" : ", ", f.utility.c_str(),
                  f.km < 100 ? 2 : 0, f.km);
    lengths += km;
  }
  Json scene;
  scene["format"] = "estatetwin-scene/1";
  if (!plans.files.empty()) scene["epoch"] = plans.epoch;
  if (district.estates == 1) {
    scene["name"] = "Muyanghu";
    scene["description"] =
        "Muyanghu pilot estate (illustrative layout, not a survey): " +
        std::to_string(layout.blocks.size()) + " six- and seven-storey walk-up blocks of " +
        "1982-1998, " + std::to_string(households) + " households, a pump house for the " +
        "secondary water supply, a box substation, a gas regulator and telecom cabinets; " +
        "the utility networks under its lanes as found (" + lengths + "), with the tangle " +
        "of private connections. Generated by estatetwin generate (seed " + seed + ").";
  } else {
    const std::string n = std::to_string(district.estates);
    scene["name"] = "District of " + n + " estates";
    scene["description"] = "District of " + n + " copies of the Muyanghu pilot estate layout (" +
                           std::to_string(layout.blocks.size() * district.estates) + " blocks, " +
                           std::to_string(households) +
                           " households) on a grid with 30 m roads, for scale benchmarks; " +
                           "networks " + lengths + ". Generated by estatetwin generate " +
                           "--estates " + n + " (seed " + seed + ").";
  }
  scene["georeference"] = {{"lon", kOrigin.lon_deg},
                           {"lat", kOrigin.lat_deg},
                           {"height", kOrigin.height_m},
                           {"note", "illustrative origin, not a surveyed site"}};
  scene["ground"] = {{"model", "ground"},
                     {"extent", Json::array({extent.x0, extent.y0, extent.x1, extent.y1})},
                     {"opacity", 1.0}};
  scene["models"] = models;
  scene["buildings"] = buildings;
  scene["networks"] = Json::array();
  for (const NetworkFile& f : network_files) {
    scene["networks"].push_back({{"utility", f.utility}, {"file", f.file}});
  }
  if (!plans.files.empty()) {
    scene["plans"] = plans.files;
    scene["lanes"] = plans.lanes_file;
  }
  scene["bookmarks"] = Json::array(
      {overview(extent), bookmark("lane", layout.lane.eye, layout.lane.target, 60.0, 0.2),
       // Ground at 35% so the secondary supply (meter, ground tank, booster pumps) shows.
       bookmark("pumphouse", layout.pumphouse.eye, layout.pumphouse.target, 50.0, 0.35)});
  if (!plans.files.empty()) add_plan_views(scene, layout, extent, plans);
  if (Status t = write_muyanghu_tours(layout, out_dir, scene); !t.ok()) return t;
  return write_text_atomic(out_dir + "/scene.json", scene.dump(2) + "\n");
}

}  // namespace et::gen
