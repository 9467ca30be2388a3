// annotations.json (estatetwin-annotations/1): notes pinned to elements or points.
#include "et/scene/annotations.h"

#include <filesystem>

#include <nlohmann/json.hpp>

#include "et/core/file_io.h"
#include "et/core/json_field.h"
#include "et/scene/scene.h"

namespace et {
namespace {

using json = nlohmann::json;
using json_io::Field;
namespace fs = std::filesystem;

constexpr const char* kFormat = "estatetwin-annotations/1";
constexpr const char* kFile = "annotations.json";
// A note is a label on the screen, not a report: longer text is a paste gone wrong.
constexpr size_t kMaxText = 500;

}  // namespace

std::string annotations_path(const Scene& scene) { return (fs::path(scene.dir) / kFile).string(); }

Result<std::vector<Annotation>> parse_annotations(const std::string& text, const std::string& path) {
  Result<json> parsed = json_io::parse_json(text, path);
  if (!parsed) return parsed.error();
  const json& root = *parsed;
  std::vector<Annotation> out;
  try {
    Field r(root, "", path);
    if (!root.is_object()) r.fail("expected a JSON object");
    if (r["format"].str() != kFormat)
      r["format"].fail(std::string("expected \"") + kFormat + "\", got \"" + r["format"].str() + "\"");
    Field list = r["annotations"];
    for (size_t i = 0; i < list.array_size(); ++i) {
      Field f = list.at(i);
      if (!f.raw().is_object()) f.fail("expected an object");
      Annotation a;
      a.text = f["text"].str();
      if (a.text.empty()) f["text"].fail("expected a non-empty text");
      if (a.text.size() > kMaxText) f["text"].fail("expected at most 500 bytes of text");
      a.point = f["point"].vec3();
      if (f.has("kind")) a.kind = f["kind"].str();
      if (a.kind != "point" && a.kind != "building" && a.kind != "link" && a.kind != "node")
        f["kind"].fail("expected \"point\", \"building\", \"link\" or \"node\", got \"" + a.kind + "\"");
      if (a.kind != "point") {
        a.id = f["id"].str();
        if (a.id.empty()) f["id"].fail("expected the " + a.kind + "'s id");
      }
      out.push_back(std::move(a));
    }
  } catch (const json_io::JsonFailure& f) {
    return f.error;
  }
  return out;
}

std::string annotations_json(const std::vector<Annotation>& notes) {
  std::string out = std::string("{\"format\": \"") + kFormat + "\",\n \"annotations\": [";
  for (size_t i = 0; i < notes.size(); ++i) {
    const Annotation& a = notes[i];
    json j = {{"text", a.text}, {"kind", a.kind}};
    if (a.kind != "point") j["id"] = a.id;
    j["point"] = json::array({a.point.x, a.point.y, a.point.z});
    out += (i ? ",\n  " : "\n  ") + j.dump();
  }
  return out + "]}\n";
}

Status load_annotations(Scene& scene) {
  const std::string path = annotations_path(scene);
  std::error_code ec;
  if (!fs::exists(path, ec)) return Ok{};
  Result<std::string> text = read_text_file(path);
  if (!text) return text.error();
  auto notes = parse_annotations(*text, path);
  if (!notes) return notes.error();
  scene.annotations = std::move(*notes);
  return Ok{};
}

Status save_annotations(const Scene& scene, const std::vector<Annotation>& notes) {
  return write_text_atomic(annotations_path(scene), annotations_json(notes));
}

}  // namespace et
