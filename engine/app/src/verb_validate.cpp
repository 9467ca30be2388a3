// estatetwin validate: loads everything a scene names and reports what it found and
// what is wrong with it. Exit 1 when the scene cannot be loaded.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "verbs.h"

namespace et::app {

static const char* kValidateHelp =
    "usage: estatetwin validate SCENE [--json]\n"
    "Loads the scene's manifest, models and layers and reports counts and problems.\n"
    "  --json   print the report as JSON\n";

int verb_validate(const Argv& argv) {
  auto args = parse_args(argv, {}, {"help", "json"});
  if (!args) return fail(args.error(), 2);
  if (args->has("help")) return std::fputs(kValidateHelp, stdout), 0;
  std::string path = args->positional.empty() ? kDefaultScene : args->positional[0];
  if (args->positional.size() > 1) return fail("validate: expected one SCENE", 2);
  auto scene = load_scene(path);
  if (!scene) return fail(scene.error());

  size_t triangles = 0;
  for (const Building& b : scene->buildings)
    triangles += scene->models[size_t(b.model)].mesh.triangle_count();
  std::vector<std::string> problems = scene->warnings;
  for (const Building& b : scene->buildings) {
    const Mesh& m = scene->models[size_t(b.model)].mesh;
    if (b.position.z + m.bounds_min.z < -0.5)
      problems.push_back("building " + b.id + " reaches " +
                         std::to_string(-(b.position.z + m.bounds_min.z)) + " m below ground");
  }
  if (args->has("json")) {
    nlohmann::json j;
    j["scene"] = scene->name;
    j["buildings"] = scene->buildings.size();
    j["households"] = scene->total_households();
    j["models"] = scene->models.size();
    j["triangles"] = triangles;
    j["bookmarks"] = nlohmann::json::array();
    for (const Bookmark& b : scene->bookmarks) j["bookmarks"].push_back(b.name);
    j["problems"] = problems;
    std::printf("%s\n", j.dump(2).c_str());
  } else {
    std::printf("scene      %s (%s)\n", scene->name.c_str(), scene->path.c_str());
    std::printf("origin     lon %.6f, lat %.6f, height %.1f m\n", scene->origin.lon_deg,
                scene->origin.lat_deg, scene->origin.height_m);
    std::printf("buildings  %zu (%d households)\n", scene->buildings.size(),
                scene->total_households());
    std::printf("models     %zu, %zu triangles placed\n", scene->models.size(), triangles);
    std::printf("bookmarks ");
    for (const Bookmark& b : scene->bookmarks) std::printf(" %s", b.name.c_str());
    std::printf("\nproblems   %zu\n", problems.size());
    for (const std::string& p : problems) std::printf("  - %s\n", p.c_str());
  }
  return 0;
}

}  // namespace et::app
