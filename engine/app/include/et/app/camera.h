// Camera controllers over the ViewState's Camera (eye, target, fov), z up.
// Orbit: drag to rotate about the target, right-drag to pan, wheel to zoom.
// Fly: WASD to move, Q/E down/up, drag to look, wheel changes speed.
#pragma once

#include <glm/glm.hpp>

#include "et/scene/view_state.h"

namespace et::app {

// View and Vulkan projection (y down, depth 0..1) for a camera and aspect ratio.
glm::mat4 view_matrix(const Camera& c);
glm::mat4 projection_matrix(const Camera& c, double aspect, double far_m);

struct OrbitCamera {
  // Angles in radians: yaw about +z from +x, pitch above the horizon.
  static OrbitCamera from(const Camera& c);
  void rotate(double dx_px, double dy_px);
  void pan(double dx_px, double dy_px, double viewport_h_px, double fov_deg);
  void zoom(double wheel_steps);
  void apply(Camera& c) const;

  glm::dvec3 target{0.0};
  double distance = 100.0;
  double yaw = 0.0;
  double pitch = 0.5;
};

struct FlyInput {
  bool forward = false, back = false, left = false, right = false, up = false, down = false;
  bool fast = false;  // shift
};

// Moves eye and target together; `dt` in seconds, `speed` in m/s.
void fly_move(Camera& c, const FlyInput& in, double speed, double dt);
// Turns the view direction by mouse deltas (pixels), keeping the eye.
void fly_look(Camera& c, double dx_px, double dy_px);

}  // namespace et::app
