// scene.json loader. Every value is read through Field, which knows its JSON pointer, so
// that each error names the file, the place (pointer) and what was expected.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "et/core/date.h"
#include "et/core/file_io.h"
#include "et/core/json_field.h"
#include "et/scene/bookmarks.h"
#include "et/scene/model_loader.h"
#include "et/scene/scene.h"
#include "view_fields.h"

namespace et {
namespace {

using json = nlohmann::json;
using json_io::Field;
namespace fs = std::filesystem;

void read_bookmark(const Field& f, int epoch_day, Bookmark& b) {
  b.name = f["name"].str();
  if (b.name.empty()) f["name"].fail("expected a non-empty name");
  detail::read_view_fields(f, epoch_day, true, b.view);
}

void read_manifest(const json& root, const std::string& path, Scene& s) {
  Field r(root, "", path);
  if (!root.is_object()) r.fail("expected a JSON object");
  std::string format = r["format"].str();
  if (format != "estatetwin-scene/1")
    r["format"].fail("expected \"estatetwin-scene/1\", got \"" + format + "\"");
  s.name = r["name"].str();
  if (r.has("description")) s.description = r["description"].str();

  Field geo = r["georeference"];
  s.origin.lon_deg = geo["lon"].num_in(-180.0, 180.0);
  s.origin.lat_deg = geo["lat"].num_in(-90.0, 90.0);
  s.origin.height_m = geo["height"].num_in(-1000.0, 9000.0);

  Field models = r["models"];
  if (!models.raw().is_object()) models.fail("expected an object of model id -> {file, up}");
  for (auto it = models.raw().begin(); it != models.raw().end(); ++it) {
    Field m = models[it.key().c_str()];
    Model model;
    model.id = it.key();
    model.file = m["file"].str();
    if (m.has("up")) {
      model.up = m["up"].str();
      if (model.up != "y" && model.up != "z") m["up"].fail("expected \"y\" or \"z\"");
    } else {
      std::string ext = fs::path(model.file).extension().string();
      model.up = (ext == ".gltf" || ext == ".glb") ? "y" : "z";  // glTF is y-up by its spec
    }
    s.models.push_back(std::move(model));
  }
  auto model_index = [&](const Field& f) {
    std::string id = f.str();
    for (size_t i = 0; i < s.models.size(); ++i)
      if (s.models[i].id == id) return static_cast<int>(i);
    f.fail("unknown model '" + id + "'");
  };

  Field ground = r["ground"];
  if (ground.has("model")) s.ground.model = model_index(ground["model"]);
  if (ground.has("extent")) {
    Field e = ground["extent"];
    if (e.array_size() != 4) e.fail("expected [xmin, ymin, xmax, ymax]");
    s.ground.extent = {e.at(0).num(), e.at(1).num(), e.at(2).num(), e.at(3).num()};
    if (s.ground.extent.z <= s.ground.extent.x || s.ground.extent.w <= s.ground.extent.y)
      e.fail("expected xmax > xmin and ymax > ymin");
  }
  if (ground.has("color")) {
    glm::dvec3 c = ground["color"].vec3();
    s.ground.color = c / 255.0;
  }
  if (ground.has("opacity")) s.ground.opacity = ground["opacity"].num_in(0.0, 1.0);

  Field buildings = r["buildings"];
  std::set<std::string> ids;
  for (size_t i = 0; i < buildings.array_size(); ++i) {
    Field b = buildings.at(i);
    Building out;
    out.id = b["id"].str();
    if (!ids.insert(out.id).second) b["id"].fail("duplicate building id '" + out.id + "'");
    out.name = b.has("name") ? b["name"].str() : out.id;
    out.kind = b.has("kind") ? b["kind"].str() : "residential";
    out.model = model_index(b["model"]);
    out.position = b["position"].vec3();
    if (b.has("heading_deg")) out.heading_deg = b["heading_deg"].num_in(-360.0, 360.0);
    if (b.has("floors")) out.floors = b["floors"].integer_in(0, 200);
    if (b.has("households")) out.households = b["households"].integer_in(0, 10000);
    if (b.has("year")) out.year = b["year"].integer_in(1800, 2100);
    if (b.has("height_m")) out.height_m = b["height_m"].num_in(0.0, 1000.0);
    if (b.has("footprint")) {
      Field fp = b["footprint"];
      for (size_t k = 0; k < fp.array_size(); ++k) out.footprint.push_back(fp.at(k).vec2());
    }
    s.buildings.push_back(std::move(out));
  }

  if (r.has("networks")) {
    Field nets = r["networks"];
    for (size_t i = 0; i < nets.array_size(); ++i) {
      Field n = nets.at(i);
      NetworkRef ref;
      ref.utility = n["utility"].str();
      ref.file = n["file"].str();
      if (utility_from_name(ref.utility) == Utility::kCount)
        n["utility"].fail("expected water, drainage, gas, power, telecom or heat");
      if (n.has("crs")) ref.crs = n["crs"].str();
      if (n.has("ground_elevation_m")) {
        ref.ground_elevation_m = n["ground_elevation_m"].num_in(-1000.0, 9000.0);
        ref.has_ground_elevation = true;
      }
      s.network_files.push_back(ref);
    }
  }

  // Live data (engine/live reads the files): optional paths relative to the scene folder.
  if (r.has("sensors")) s.sensors_file = r["sensors"].str();
  if (r.has("alarm_rules")) s.alarm_rules_file = r["alarm_rules"].str();
  if (r.has("live_log")) s.live_log_file = r["live_log"].str();

  // Relocation plans (engine/plan reads the files).
  if (r.has("plans")) {
    Field plans = r["plans"];
    for (size_t i = 0; i < plans.array_size(); ++i) s.plan_files.push_back(plans.at(i).str());
  }
  if (r.has("lanes")) s.lanes_file = r["lanes"].str();
  if (r.has("clearance_rules")) s.clearance_rules_file = r["clearance_rules"].str();
  if (r.has("tours")) s.tours_file = r["tours"].str();  // engine/scene tours_load.cpp reads it
  if (r.has("epoch")) {
    std::optional<int> day = parse_date(r["epoch"].str());
    if (!day) r["epoch"].fail("expected a date YYYY-MM-DD");
    s.epoch_day = *day;
  }

  Field bms = r["bookmarks"];
  std::set<std::string> names;
  for (size_t i = 0; i < bms.array_size(); ++i) {
    Bookmark b;
    b.view.ground_opacity = s.ground.opacity;
    read_bookmark(bms.at(i), s.epoch_day, b);
    if (!names.insert(b.name).second)
      bms.at(i)["name"].fail("duplicate bookmark '" + b.name + "'");
    s.bookmarks.push_back(std::move(b));
  }
}

}  // namespace

const Bookmark* Scene::find_bookmark(const std::string& bookmark) const {
  for (const Bookmark& b : bookmarks)
    if (b.name == bookmark) return &b;
  return nullptr;
}

int Scene::total_households() const {
  int n = 0;
  for (const Building& b : buildings) n += b.households;
  return n;
}

Result<Scene> parse_manifest(const std::string& text, const std::string& path) {
  Result<json> parsed = json_io::parse_json(text, path);
  if (!parsed) return parsed.error();
  const json& root = *parsed;
  Scene s;
  s.path = path;
  s.dir = fs::path(path).parent_path().string();
  if (s.dir.empty()) s.dir = ".";
  try {
    read_manifest(root, path, s);
  } catch (const json_io::JsonFailure& f) {
    return f.error;
  }
  return s;
}

Result<Scene> load_scene(const std::string& path) {
  std::string manifest = path;
  std::error_code ec;
  if (!fs::exists(path, ec))
    return make_error(path, "", "scene not found (expected a folder holding scene.json, or a manifest file)");
  if (fs::is_directory(path, ec)) manifest = (fs::path(path) / "scene.json").string();
  if (!fs::exists(manifest, ec)) return make_error(manifest, "", "scene manifest not found");
  Result<std::string> text = read_text_file(manifest);
  if (!text) return text.error();
  Result<Scene> scene = parse_manifest(*text, manifest);
  if (!scene) return scene;
  // The window's saved bookmarks and notes live beside scene.json, which it never rewrites.
  if (Status st = load_user_bookmarks(*scene); !st) return st.error();
  if (Status st = load_annotations(*scene); !st) return st.error();
  for (size_t i = 0; i < scene->models.size(); ++i) {
    Model& m = scene->models[i];
    std::string file = (fs::path(scene->dir) / m.file).string();
    Result<Mesh> mesh = load_model(file, m.up);
    if (!mesh)
      return make_error(manifest, "/models/" + m.id + "/file", mesh.error().message);
    m.mesh = std::move(*mesh);
  }
  // Network layers are optional: one that fails to load is reported, and the scene opens
  // without it (the UI and `validate` show the message).
  for (const NetworkRef& ref : scene->network_files) {
    NetworkSource src;
    src.utility = utility_from_name(ref.utility);
    src.path = (fs::path(scene->dir) / ref.file).string();
    src.crs = ref.crs;
    src.ground_elevation_m = ref.ground_elevation_m;
    src.has_ground_elevation = ref.has_ground_elevation;
    Result<Network> net = load_network(src, scene->origin);
    if (net)
      scene->networks.push_back(std::move(*net));
    else
      scene->warnings.push_back(ref.utility + " layer not loaded: " + net.error().message);
  }
  return scene;
}

}  // namespace et
