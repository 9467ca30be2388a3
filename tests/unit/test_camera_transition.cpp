// Camera glides between views (camera_transition.h): easing, the glide's length at the
// scripted 1/60 s step, a jump during a glide, input that is not a jump.
#include <gtest/gtest.h>

#include "et/app/camera_transition.h"

namespace et::app {
namespace {

Camera at(glm::dvec3 eye, glm::dvec3 target, double fov = 45.0) {
  Camera c;
  c.eye = eye;
  c.target = target;
  c.fov_deg = fov;
  return c;
}

TEST(CameraTransition, EaseInOut) {
  EXPECT_EQ(ease_in_out(0.0), 0.0);
  EXPECT_EQ(ease_in_out(1.0), 1.0);
  EXPECT_DOUBLE_EQ(ease_in_out(0.5), 0.5);
  EXPECT_LT(ease_in_out(0.1), 0.1);  // slow start
  EXPECT_GT(ease_in_out(0.9), 0.9);  // slow end
  EXPECT_EQ(ease_in_out(-1.0), 0.0);
  EXPECT_EQ(ease_in_out(2.0), 1.0);
}

TEST(CameraTransition, JumpGlidesOverPointEightSeconds) {
  const Camera a = at({0, 0, 10}, {0, 10, 0}), b = at({100, 0, 10}, {100, 10, 0}, 30.0);
  CameraTransition t;
  EXPECT_EQ(t.frame(a, false, 1.0 / 60).eye, a.eye);  // the first frame: nothing to glide from
  EXPECT_FALSE(camera_jumped(a, at(a.eye, a.target, 60.0)));  // a new fov alone is no jump
  ASSERT_TRUE(camera_jumped(a, b));
  Camera shown = t.frame(b, true, 1.0 / 60);
  EXPECT_TRUE(t.active());
  EXPECT_GT(shown.eye.x, 0.0);
  EXPECT_LT(shown.eye.x, 1.0);      // eased: barely moved on the first frame
  EXPECT_EQ(shown.fov_deg, 30.0);   // other fields switch at once
  double last = shown.eye.x;
  int frames = 1;
  while (t.active()) {
    shown = t.frame(b, false, 1.0 / 60);
    EXPECT_GE(shown.eye.x, last);  // monotonic
    EXPECT_NEAR(shown.target.x, shown.eye.x, 1e-9);
    last = shown.eye.x;
    ++frames;
    ASSERT_LT(frames, 100);
  }
  EXPECT_EQ(frames, 48);  // 0.8 s at 1/60 s
  EXPECT_EQ(shown.eye, b.eye);
  EXPECT_EQ(shown.target, b.target);
}

TEST(CameraTransition, HalfwayIsHalfwayAndFollowsTheView) {
  const Camera a = at({0, 0, 10}, {0, 10, 0}), b = at({100, 0, 10}, {100, 10, 0});
  CameraTransition t;
  t.frame(a, false, 1.0 / 60);
  Camera shown = t.frame(b, true, 0.4);
  EXPECT_NEAR(shown.eye.x, 50.0, 1e-9);
  // The view moves on during the glide (a walk): the glide heads for where it is now.
  Camera b2 = b;
  b2.eye.y = b2.target.y = 8.0;
  shown = t.frame(b2, false, 0.4);
  EXPECT_EQ(shown.eye, b2.eye);
  EXPECT_FALSE(t.active());
}

TEST(CameraTransition, ANewJumpStartsFromWhatIsShown) {
  const Camera a = at({0, 0, 10}, {0, 10, 0}), b = at({100, 0, 10}, {100, 10, 0}),
               c = at({0, 100, 10}, {0, 110, 0});
  CameraTransition t;
  t.frame(a, false, 1.0 / 60);
  const Camera mid = t.frame(b, true, 0.4);  // halfway to b
  const Camera next = t.frame(c, true, 1.0 / 60);
  EXPECT_NEAR(next.eye.x, mid.eye.x, 1.0);  // no cut back to a or on to b
  EXPECT_LT(next.eye.y, 1.0);
  EXPECT_TRUE(t.active());
}

TEST(CameraTransition, NoJumpNoGlide) {
  const Camera a = at({0, 0, 10}, {0, 10, 0}), b = at({1, 0, 10}, {1, 10, 0});
  CameraTransition t;
  t.frame(a, false, 1.0 / 60);
  EXPECT_EQ(t.frame(b, false, 1.0 / 60).eye, b.eye);  // orbiting, flying, walking: as is
  EXPECT_FALSE(t.active());
}

}  // namespace
}  // namespace et::app
