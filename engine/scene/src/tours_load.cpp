// tours.json (estatetwin-tours/1): reading, checking and writing. A key names a bookmark
// and/or carries bookmark fields inline (view_fields.h), plus its duration and easing.
#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "et/core/file_io.h"
#include "et/core/json_field.h"
#include "et/scene/tour.h"
#include "view_fields.h"

namespace et {
namespace {

using json = nlohmann::json;
using json_io::Field;
namespace fs = std::filesystem;

constexpr const char* kFormat = "estatetwin-tours/1";
constexpr const char* kDefaultFile = "tours.json";
// A key longer than a day is a typo (minutes for seconds), not a tour anyone watches.
constexpr double kMaxKeyDuration = 86400.0;

Ease ease_from(const Field& f) {
  const std::string s = f.str();
  for (Ease e : {Ease::kInOut, Ease::kIn, Ease::kOut, Ease::kLinear})
    if (s == ease_name(e)) return e;
  f.fail("expected \"in_out\", \"in\", \"out\" or \"linear\", got \"" + s + "\"");
}

TourKey read_key(const Field& f, const Scene& scene, const std::string& tour) {
  TourKey k;
  k.view.ground_opacity = scene.ground.opacity;
  if (!f.raw().is_object()) f.fail("tour '" + tour + "': expected an object");
  if (f.has("bookmark")) {
    k.bookmark = f["bookmark"].str();
    const Bookmark* b = scene.find_bookmark(k.bookmark);
    if (!b) f["bookmark"].fail("tour '" + tour + "': unknown bookmark '" + k.bookmark + "'");
    k.view = b->view;
  } else if (!f.has("eye") || !f.has("target")) {
    f.fail("tour '" + tour + "': a key needs \"bookmark\", or \"eye\" and \"target\"");
  }
  detail::read_view_fields(f, scene.epoch_day, false, k.view);
  k.duration_s = f["duration"].num_in(0.0, kMaxKeyDuration);
  if (f.has("ease")) k.ease = ease_from(f["ease"]);
  return k;
}

}  // namespace

std::string tours_path(const Scene& scene) {
  return (fs::path(scene.dir) / (scene.tours_file.empty() ? kDefaultFile : scene.tours_file)).string();
}

Result<std::vector<Tour>> parse_tours(const std::string& text, const std::string& path,
                                      const Scene& scene) {
  Result<json> parsed = json_io::parse_json(text, path);
  if (!parsed) return parsed.error();
  const json& root = *parsed;
  std::vector<Tour> tours;
  try {
    Field r(root, "", path);
    if (!root.is_object()) r.fail("expected a JSON object");
    if (r["format"].str() != kFormat)
      r["format"].fail(std::string("expected \"") + kFormat + "\", got \"" + r["format"].str() + "\"");
    Field list = r["tours"];
    std::set<std::string> names;
    for (size_t i = 0; i < list.array_size(); ++i) {
      Field t = list.at(i);
      Tour tour;
      tour.name = t["name"].str();
      if (tour.name.empty()) t["name"].fail("expected a non-empty name");
      if (!names.insert(tour.name).second) t["name"].fail("duplicate tour '" + tour.name + "'");
      if (t.has("description")) tour.description = t["description"].str();
      Field keys = t["keys"];
      if (keys.array_size() == 0) keys.fail("tour '" + tour.name + "': expected at least one key");
      for (size_t k = 0; k < keys.array_size(); ++k)
        tour.keys.push_back(read_key(keys.at(k), scene, tour.name));
      if (tour.length_s() <= 0.0) keys.fail("tour '" + tour.name + "': the durations add up to 0 s");
      tours.push_back(std::move(tour));
    }
  } catch (const json_io::JsonFailure& f) {
    return f.error;
  }
  return tours;
}

Result<std::vector<Tour>> load_tours(const Scene& scene) {
  const std::string path = tours_path(scene);
  if (scene.tours_file.empty() && !fs::exists(path)) return std::vector<Tour>{};
  auto text = read_text_file(path);
  if (!text) return text.error();
  return parse_tours(*text, path, scene);
}

std::string tours_json(const std::vector<Tour>& tours, const Scene& scene) {
  json list = json::array();
  for (const Tour& t : tours) {
    json keys = json::array();
    for (const TourKey& k : t.keys) {
      const Bookmark* b = k.bookmark.empty() ? nullptr : scene.find_bookmark(k.bookmark);
      json key = json::object();
      if (b) key["bookmark"] = k.bookmark;
      key.update(detail::write_view_fields(k.view, b ? &b->view : nullptr, scene.epoch_day));
      key["duration"] = k.duration_s;
      if (k.ease != Ease::kInOut) key["ease"] = ease_name(k.ease);
      keys.push_back(std::move(key));
    }
    json tj = {{"name", t.name}};
    if (!t.description.empty()) tj["description"] = t.description;
    tj["keys"] = std::move(keys);
    list.push_back(std::move(tj));
  }
  // One key per line: diffs of a tour edited in the window stay readable.
  std::string out = std::string("{\"format\": \"") + kFormat + "\",\n \"tours\": [";
  for (size_t i = 0; i < list.size(); ++i) {
    const json& t = list[i];
    out += i ? ",\n  {" : "\n  {";
    out += "\"name\": " + t["name"].dump();
    if (t.contains("description")) out += ", \"description\": " + t["description"].dump();
    out += ",\n   \"keys\": [";
    for (size_t k = 0; k < t["keys"].size(); ++k)
      out += (k ? ",\n     " : "\n     ") + t["keys"][k].dump();
    out += "]}";
  }
  return out + "]}\n";
}

Status save_tours(const std::vector<Tour>& tours, const Scene& scene) {
  return write_text_atomic(tours_path(scene), tours_json(tours, scene));
}

}  // namespace et
