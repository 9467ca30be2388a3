#include "et/app/camera_transition.h"

#include <algorithm>

namespace et::app {

double ease_in_out(double t) {
  t = std::clamp(t, 0.0, 1.0);
  return t * t * (3.0 - 2.0 * t);
}

bool camera_jumped(const Camera& before, const Camera& after) {
  return before.eye != after.eye || before.target != after.target;
}

Camera CameraTransition::frame(const Camera& view, bool jumped, double dt) {
  if (jumped && started_) {
    from_ = shown_;  // a jump during a glide starts from where the picture is
    t_ = 0.0;
  }
  started_ = true;
  // Rounding must not add a frame: 48 steps of 1/60 s are the whole 0.8 s.
  if (t_ < 1.0) t_ = t_ + dt / kCameraTransitionS > 1.0 - 1e-9 ? 1.0 : t_ + dt / kCameraTransitionS;
  Camera c = view;
  if (t_ < 1.0) {
    const double k = ease_in_out(t_);
    c.eye = from_.eye + (view.eye - from_.eye) * k;
    c.target = from_.target + (view.target - from_.target) * k;
  }
  shown_ = c;
  return c;
}

}  // namespace et::app
