#include <cstdio>

#include "verbs.h"

namespace et::app {

int fail(const Error& e, int code) {
  std::fprintf(stderr, "estatetwin: %s\n", e.message.c_str());
  return code;
}

int fail(const std::string& message, int code) { return fail(Error{message}, code); }

Result<ViewState> view_from_args(const Scene& scene, const Args& args) {
  ViewState v;
  v.ground_opacity = scene.ground.opacity;
  if (args.has("view") && args.has("camera"))
    return Error{"--view and --camera are alternatives: give one"};
  if (args.has("view")) {
    const Bookmark* b = scene.find_bookmark(args.get("view"));
    if (!b) {
      std::string names;
      for (const Bookmark& bm : scene.bookmarks) names += (names.empty() ? "" : ", ") + bm.name;
      return make_error(scene.path, "/bookmarks",
                        "unknown bookmark '" + args.get("view") + "' (have: " + names + ")");
    }
    v = b->view;
  } else if (args.has("camera")) {
    auto n = parse_numbers(args.get("camera"), 6, "--camera EX,EY,EZ,TX,TY,TZ");
    if (!n) return n.error();
    v.camera.eye = {(*n)[0], (*n)[1], (*n)[2]};
    v.camera.target = {(*n)[3], (*n)[4], (*n)[5]};
    if (glm::length(v.camera.eye - v.camera.target) < 1e-6)
      return Error{"--camera: eye and target coincide"};
  } else if (!scene.bookmarks.empty()) {
    v = scene.bookmarks.front().view;
  }
  if (args.has("ground-opacity")) {
    auto a = parse_double(args.get("ground-opacity"), 0.0, 1.0, "--ground-opacity");
    if (!a) return a.error();
    v.ground_opacity = *a;
  }
  if (args.has("fov")) {
    auto f = parse_double(args.get("fov"), 5.0, 150.0, "--fov");
    if (!f) return f.error();
    v.camera.fov_deg = *f;
  }
  return v;
}

}  // namespace et::app
