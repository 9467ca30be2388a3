// ViewState: everything a frame shows (DESIGN.md). A bookmark is a named ViewState; the
// CLI renders one; the window edits one. Same ViewState, same image, wherever drawn.
#pragma once

#include <array>
#include <string>
#include <vector>

#include <glm/glm.hpp>

namespace et {

// Layers a user can toggle. Utilities get their own layer so each can be hidden alone.
enum class Layer : int {
  kBuildings = 0, kGround, kWater, kDrainage, kGas, kPower, kTelecom, kHeat,
  kDropLines,  // vertical lines from buried vertices up to the surface
  kCount
};
constexpr int kLayerCount = static_cast<int>(Layer::kCount);
const char* layer_name(Layer layer);
// Returns kCount when `name` is not a layer name.
Layer layer_from_name(const std::string& name);

struct Camera {
  glm::dvec3 eye{0.0, -100.0, 60.0};
  glm::dvec3 target{0.0, 0.0, 0.0};
  double fov_deg = 45.0;  // vertical field of view
};

// A box dug into the ground: the ground is cut away over it and its walls and floor are
// drawn, so that what lies inside shows. Scene metres.
struct Excavation {
  bool enabled = false;
  glm::dvec3 min{0.0};
  glm::dvec3 max{0.0};
};

// A section plane: everything on the side `normal` points to is cut away (drawn, picked),
// so a vertical plane facing the camera opens buildings and the ground in section. Scene
// metres; `normal` is a unit vector.
struct Section {
  bool enabled = false;
  glm::dvec3 point{0.0};
  glm::dvec3 normal{1.0, 0.0, 0.0};
};

struct ViewState {
  Camera camera;
  double ground_opacity = 1.0;  // 0: ground invisible, 1: opaque
  std::array<bool, kLayerCount> layers{true, true, true, true, true, true, true, true, false};
  // X-ray: buried networks are drawn over the ground (still hidden by buildings).
  bool xray = false;
  Excavation excavation;
  Section section;
  std::string palette = "cjj61";  // utility colours: cjj61 (default) or apwa
  std::string overlay = "utility";  // what colours the networks (app/overlay.h)
  double time_s = 8.0 * 3600.0;     // the scenario clock: seconds since midnight of day 0
                                    // (day 0 = the scene's epoch date, Scene::epoch_day)
  // Relocation plans (engine/plan): the networks as plan `plan` leaves them ("" = as found).
  // A non-empty `plan_b` splits the view: `plan` on the left, `plan_b` on the right, one
  // camera. `staged`: show each plan as it stands on the clock's date (4D schedule) rather
  // than complete.
  std::string plan;
  std::string plan_b;
  bool staged = false;

  bool layer_visible(Layer l) const { return layers[static_cast<int>(l)]; }
};

struct Bookmark {
  std::string name;
  ViewState view;
};

}  // namespace et
