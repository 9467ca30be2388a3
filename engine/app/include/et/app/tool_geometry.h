// The maths of the window's Section and Dig tools (README "In the window"), apart from the
// window so that tests drive them directly: rays through pixels, a section plane placed
// facing the camera and slid along its normal, an excavation box drawn, moved and resized.
#pragma once

#include <glm/glm.hpp>

#include "et/scene/view_state.h"

namespace et::app {

// The ray through pixel (px, py) of a width x height view: origin on the near plane, `dir`
// spanning near to far (t in [0, 1]), as picking casts it.
struct Ray {
  glm::dvec3 origin{0.0}, dir{0.0, 0.0, -1.0};
};
Ray pixel_ray(const ViewState& v, int width, int height, double px, double py, double far_m);
// Where the ray meets the horizontal plane at height z; false when it runs away from it.
bool ray_at_height(const Ray& r, double z, glm::dvec3& hit);

// A vertical plane through p whose normal points (horizontally) at the eye: the side
// between the camera and p is cut away. Point rounded to the millimetre and normal to 1e-6
// so that the printed plane is the one drawn.
Section section_facing(glm::dvec3 p, glm::dvec3 eye);
// The same plane turned 90 degrees (counter-clockwise seen from above) about its point.
Section section_rotated(const Section& s);
// `s` slid along its normal until it passes through q's plan position.
Section section_through(const Section& s, glm::dvec3 q);

// A drag of the Dig tool. It grabs, by where it starts on the ground: an edge or corner of
// the box (within `grab_m`: resize those edges), the inside (move), or elsewhere (a new box
// from the start to the pointer). Depth (z) is kept: a new box takes the old one's, or
// 3 m deep with its rim 0.5 m proud when there was none.
struct DigDrag {
  enum class Mode { kNew, kMove, kResize };
  Mode mode = Mode::kNew;
  int edges = 0;  // kResize: 1 west (min x), 2 east (max x), 4 south (min y), 8 north (max y)
  glm::dvec2 start{0.0};
  Excavation box;  // as it was when the drag began
};
DigDrag dig_begin(const Excavation& ex, glm::dvec2 p, double grab_m);
// The box with the pointer at p: at least 0.2 m on each side, corners rounded to the mm.
Excavation dig_update(const DigDrag& d, glm::dvec2 p);

}  // namespace et::app
