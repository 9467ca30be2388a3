// bookmarks.json (estatetwin-bookmarks/1): reading, writing, and the edits that must keep
// the scene's tours valid. The view fields are those of scene.json's bookmarks and of tour
// keys (view_fields.h), so a saved bookmark reads back as the same ViewState.
#include "et/scene/bookmarks.h"

#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "et/core/file_io.h"
#include "et/core/json_field.h"
#include "et/scene/scene.h"
#include "et/scene/tour.h"
#include "view_fields.h"

namespace et {
namespace {

using json = nlohmann::json;
using json_io::Field;
namespace fs = std::filesystem;

constexpr const char* kFormat = "estatetwin-bookmarks/1";
constexpr const char* kFile = "bookmarks.json";

}  // namespace

std::string bookmarks_path(const Scene& scene) { return (fs::path(scene.dir) / kFile).string(); }

Result<std::vector<Bookmark>> parse_bookmarks(const std::string& text, const std::string& path,
                                              int epoch_day, double ground_opacity) {
  Result<json> parsed = json_io::parse_json(text, path);
  if (!parsed) return parsed.error();
  const json& root = *parsed;
  std::vector<Bookmark> out;
  try {
    Field r(root, "", path);
    if (!root.is_object()) r.fail("expected a JSON object");
    if (r["format"].str() != kFormat)
      r["format"].fail(std::string("expected \"") + kFormat + "\", got \"" + r["format"].str() + "\"");
    Field list = r["bookmarks"];
    std::set<std::string> names;
    for (size_t i = 0; i < list.array_size(); ++i) {
      Field f = list.at(i);
      Bookmark b;
      b.view.ground_opacity = ground_opacity;
      if (!f.raw().is_object()) f.fail("expected an object");
      b.name = f["name"].str();
      if (b.name.empty()) f["name"].fail("expected a non-empty name");
      if (!names.insert(b.name).second) f["name"].fail("duplicate bookmark '" + b.name + "'");
      detail::read_view_fields(f, epoch_day, true, b.view);
      out.push_back(std::move(b));
    }
  } catch (const json_io::JsonFailure& f) {
    return f.error;
  }
  return out;
}

Status load_user_bookmarks(Scene& scene) {
  const std::string path = bookmarks_path(scene);
  std::error_code ec;
  if (!fs::exists(path, ec)) return Ok{};
  Result<std::string> text = read_text_file(path);
  if (!text) return text.error();
  auto list = parse_bookmarks(*text, path, scene.epoch_day, scene.ground.opacity);
  if (!list) return list.error();
  scene.bookmarks = std::move(*list);
  return Ok{};
}

std::string bookmarks_json(const std::vector<Bookmark>& bookmarks, int epoch_day) {
  // One bookmark a line: a bookmark edited in the window makes a one-line diff.
  std::string out = std::string("{\"format\": \"") + kFormat + "\",\n \"bookmarks\": [";
  for (size_t i = 0; i < bookmarks.size(); ++i) {
    json fields = detail::write_view_fields(bookmarks[i].view, nullptr, epoch_day);
    // "" is the default; leaving it out keeps the line short.
    if (fields.value("plan", std::string("x")).empty()) fields.erase("plan");
    if (fields.value("plan_b", std::string("x")).empty()) fields.erase("plan_b");
    // The name first, where a reader looks for it (json objects sort their keys).
    out += i ? ",\n  " : "\n  ";
    out += "{\"name\":";
    out += json(bookmarks[i].name).dump();
    out += ',';
    out += fields.dump().substr(1);
  }
  return out + "]}\n";
}

Status save_bookmarks(const Scene& scene) {
  return write_text_atomic(bookmarks_path(scene), bookmarks_json(scene.bookmarks, scene.epoch_day));
}

std::string bookmark_name_problem(const Scene& scene, const std::string& name, int index) {
  if (name.empty()) return "expected a non-empty name";
  for (size_t i = 0; i < scene.bookmarks.size(); ++i)
    if (int(i) != index && scene.bookmarks[i].name == name) return "a bookmark '" + name + "' exists";
  return "";
}

Result<std::string> tour_using_bookmark(const Scene& scene, const std::string& name) {
  auto tours = load_tours(scene);
  if (!tours) return tours.error();
  for (const Tour& t : *tours)
    for (const TourKey& k : t.keys)
      if (k.bookmark == name) return t.name;
  return std::string();
}

Status rename_bookmark(Scene& scene, size_t index, const std::string& to) {
  if (index >= scene.bookmarks.size()) return make_error(bookmarks_path(scene), "", "no such bookmark");
  const std::string from = scene.bookmarks[index].name;
  if (std::string why = bookmark_name_problem(scene, to, int(index)); !why.empty())
    return make_error(bookmarks_path(scene), "", "cannot rename '" + from + "': " + why);
  // The tours are read with the old name (their keys must resolve), renamed, then written.
  auto tours = load_tours(scene);
  if (!tours) return tours.error();
  bool touched = false;
  for (Tour& t : *tours)
    for (TourKey& k : t.keys)
      if (k.bookmark == from) k.bookmark = to, touched = true;
  scene.bookmarks[index].name = to;
  Status saved = save_bookmarks(scene);
  if (saved && touched) {
    saved = save_tours(*tours, scene);
    if (!saved) {  // put bookmarks.json back as it was, so the tours still resolve
      scene.bookmarks[index].name = from;
      (void)save_bookmarks(scene);
      return saved;
    }
  }
  if (!saved) scene.bookmarks[index].name = from;
  return saved;
}

Status delete_bookmark(Scene& scene, size_t index) {
  if (index >= scene.bookmarks.size()) return make_error(bookmarks_path(scene), "", "no such bookmark");
  const std::string name = scene.bookmarks[index].name;
  auto tour = tour_using_bookmark(scene, name);
  if (!tour) return tour.error();
  if (!tour->empty())
    return make_error(bookmarks_path(scene), "", "bookmark '" + name + "' is used by tour '" + *tour +
                                                    "' (" + tours_path(scene) + ")");
  Bookmark removed = scene.bookmarks[index];
  scene.bookmarks.erase(scene.bookmarks.begin() + long(index));
  Status saved = save_bookmarks(scene);
  if (!saved) scene.bookmarks.insert(scene.bookmarks.begin() + long(index), std::move(removed));
  return saved;
}

}  // namespace et
