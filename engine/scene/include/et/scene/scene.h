// The scene as plain data: what scenes/NAME/scene.json describes, with models loaded.
// Nothing here knows about Vulkan or ImGui; app/ turns a Scene into a RenderWorld.
#pragma once

#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "et/core/error.h"
#include "et/core/geo.h"
#include "et/scene/mesh.h"
#include "et/scene/network.h"
#include "et/scene/annotations.h"
#include "et/scene/view_state.h"

namespace et {

struct Model {
  std::string id;
  std::string file;  // as written in the manifest, relative to the scene folder
  std::string up = "z";
  Mesh mesh;
};

struct Building {
  std::string id;
  std::string name;
  std::string kind;  // residential, pump_house, transformer, gas_regulator, telecom_cabinet...
  int model = -1;    // index into Scene::models
  glm::dvec3 position{0.0};
  double heading_deg = 0.0;  // rotation about +z, counter-clockwise from east
  int floors = 0;
  int households = 0;
  int year = 0;
  double height_m = 0.0;
  std::vector<glm::dvec2> footprint;
};

struct Ground {
  int model = -1;                          // index into Scene::models, or -1 for a flat plane
  glm::dvec4 extent{-100, -100, 100, 100};  // xmin, ymin, xmax, ymax
  glm::dvec3 color{0.45, 0.47, 0.42};      // sRGB 0..1, for the flat plane
  double opacity = 1.0;                     // default ground opacity of the scene
};

struct NetworkRef {
  std::string utility;
  std::string file;  // relative to the scene folder
  std::string crs;   // optional (see NetworkSource)
  double ground_elevation_m = 0.0;
  bool has_ground_elevation = false;
};

struct Scene {
  std::string dir;   // folder holding scene.json
  std::string path;  // the manifest file itself
  std::string name;
  std::string description;
  GeoOrigin origin;
  Ground ground;
  std::vector<Model> models;
  std::vector<Building> buildings;
  std::vector<NetworkRef> network_files;  // as listed in the manifest
  std::vector<Network> networks;         // those that loaded
  std::vector<Bookmark> bookmarks;  // bookmarks.json's when present (et/scene/bookmarks.h)
  std::vector<Annotation> annotations;  // annotations.json (et/scene/annotations.h)
  // Live data files (engine/live), relative to `dir`; empty when scene.json names none.
  std::string sensors_file, alarm_rules_file, live_log_file;
  // Relocation plans (engine/plan reads the files), relative to `dir`: one file per plan,
  // the lane segments (the streets a trench can dig up) and the clearance rules table
  // (empty: the default table in assets/).
  std::vector<std::string> plan_files;
  std::string lanes_file, clearance_rules_file;
  // Tours (et/scene/tour.h), relative to `dir`; empty: "tours.json" if the folder has one.
  std::string tours_file;
  // Day 0 of the scenario clock, in days since 1970-01-01 ("epoch": "YYYY-MM-DD" in
  // scene.json; default 2027-01-01). The 4D schedule and bookmarks' "date" count from it.
  int epoch_day = 20819;
  // Problems in optional parts (a network layer that failed to load): the scene still
  // opens, and these are shown in the UI and by `validate`.
  std::vector<std::string> warnings;

  const Bookmark* find_bookmark(const std::string& name) const;
  int total_households() const;
};

// Loads a scene from a folder (reads FOLDER/scene.json) or from a manifest file.
// Errors name the file and the JSON pointer of the bad value.
Result<Scene> load_scene(const std::string& path);

// Parses a manifest from text without loading models (unit tests, validation).
Result<Scene> parse_manifest(const std::string& text, const std::string& path);

}  // namespace et
