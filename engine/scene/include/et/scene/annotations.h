// Notes pinned to elements or points: annotations.json (format estatetwin-annotations/1) in
// the scene folder, read by load_scene and written atomically by the window. A note on an
// element names it by kind and id, so it follows the element into a plan that moves it;
// `point` is where it was pinned (the anchor of a point note, and the fallback when the
// element is not in the networks drawn).
#pragma once

#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "et/core/error.h"

namespace et {

struct Scene;

struct Annotation {
  std::string text;
  std::string kind = "point";  // point, building, link or node
  std::string id;              // the element's id; "" for a point
  glm::dvec3 point{0.0};

  bool operator==(const Annotation&) const = default;
};

// FOLDER/annotations.json (the file need not exist).
std::string annotations_path(const Scene& scene);
// Errors name the file and the JSON pointer: "annotations.json: /annotations/1/kind: ...".
Result<std::vector<Annotation>> parse_annotations(const std::string& text, const std::string& path);
std::string annotations_json(const std::vector<Annotation>& notes);
// Sets scene.annotations from annotations.json when the folder has one.
Status load_annotations(Scene& scene);
// Writes `notes` to annotations_path(scene) atomically.
Status save_annotations(const Scene& scene, const std::vector<Annotation>& notes);

}  // namespace et
