// Smooth camera jumps: when the UI moves the camera (a bookmark, an alarm's fly-to, a
// violation in the Compare panel, a Gantt jump), the picture glides from where it was to the
// new view instead of cutting. The view keeps the new camera at once (input, picking and
// "camera at" see it); only the camera drawn is between the two, so a walk or an orbit
// started during the glide carries on from the destination and the glide follows it.
#pragma once

#include "et/scene/view_state.h"

namespace et::app {

constexpr double kCameraTransitionS = 0.8;  // long enough to follow, short enough not to wait

// Smoothstep-like cubic ease in and out: 0 at 0, 1 at 1, flat at both ends.
double ease_in_out(double t);

// Whether the camera moved between two snapshots (eye or target; the field of view alone is
// not a jump).
bool camera_jumped(const Camera& before, const Camera& after);

class CameraTransition {
 public:
  // Once a frame: `view` is the view's camera after all input; `jumped` whether the UI moved
  // it this frame (camera_jumped). Returns the camera to draw: `view`, or on a jump the eye
  // and target eased from what was drawn last towards `view` over kCameraTransitionS (other
  // fields from `view`). `dt`: the frame's seconds (scripted runs: a fixed 1/60).
  Camera frame(const Camera& view, bool jumped, double dt);
  bool active() const { return t_ < 1.0; }

 private:
  Camera from_, shown_;
  double t_ = 1.0;  // progress 0..1; 1 = not moving
  bool started_ = false;
};

}  // namespace et::app
