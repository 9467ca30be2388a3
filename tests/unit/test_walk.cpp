// Walk mode on hand-built blocks (as triangles, like the meshes drawn): walls stop and slide
// the walker, steps are climbed up to the step height, gravity brings the eye back to eye
// height. test_walk_world.cpp covers the worlds built from scenes and plans.
#include <gtest/gtest.h>

#include <cmath>

#include "et/app/walk.h"

namespace et::app {
namespace {

// A square block [x0, x1] x [y0, y1] from the ground up to `top`.
void add_box(WalkWorld& w, double x0, double y0, double x1, double y1, double top) {
  w.add_prism({{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}, 0.0, top);
}

Camera standing_at(double x, double y, glm::dvec2 heading) {
  Camera c;
  c.eye = glm::dvec3(x, y, kWalkEyeHeight);
  c.target = c.eye + glm::dvec3(heading * 10.0, 0.0);
  return c;
}

// Walks for `seconds` at the scripted runs' fixed 1/60 s a frame.
void walk(const WalkWorld& w, WalkState& s, Camera& c, const WalkInput& in, double seconds) {
  for (int i = 0; i < int(seconds * 60.0); ++i) walk_move(w, s, c, in, 1.0 / 60.0);
}

TEST(Walk, WalksAtWalkingAndRunningSpeed) {
  WalkWorld w;
  WalkState s;
  Camera c = standing_at(0, 0, {1, 0});
  walk(w, s, c, {.forward = true}, 2.0);
  EXPECT_NEAR(c.eye.x, 2 * kWalkSpeed, 1e-6);
  EXPECT_NEAR(c.eye.z, kWalkEyeHeight, 1e-9);
  EXPECT_NEAR(c.target.x - c.eye.x, 10.0, 1e-9);  // the view direction is kept
  walk(w, s, c, {.forward = true, .run = true}, 1.0);
  EXPECT_NEAR(c.eye.x, 2 * kWalkSpeed + kRunSpeed, 1e-6);
}

TEST(Walk, WallStopsTheWalker) {
  WalkWorld w;
  add_box(w, 5, -10, 15, 10, 18.0);
  WalkState s;
  Camera c = standing_at(0, 0, {1, 0});
  walk(w, s, c, {.forward = true, .run = true}, 5.0);  // 20 m: would end well inside
  EXPECT_NEAR(c.eye.x, 5.0 - kWalkBodyRadius, 1e-3);
  EXPECT_NEAR(c.eye.y, 0.0, 1e-9);
  EXPECT_NEAR(c.eye.z, kWalkEyeHeight, 1e-9);
}

TEST(Walk, SlidesAlongAWallAtAnAngle) {
  WalkWorld w;
  add_box(w, 5, -10, 15, 10, 18.0);
  WalkState s;
  Camera c = standing_at(4, 0, glm::normalize(glm::dvec2(1, 1)));  // 45 degrees into the wall
  walk(w, s, c, {.forward = true}, 2.0);
  EXPECT_NEAR(c.eye.x, 5.0 - kWalkBodyRadius, 1e-3);
  // Along the wall: the heading's y component, 1.4 m/s * cos 45 deg, less the approach.
  EXPECT_GT(c.eye.y, 1.4);
  EXPECT_LT(c.eye.y, 2.0 * kWalkSpeed * std::sqrt(0.5) + 1e-6);
}

TEST(Walk, ClimbsALowStepButNotAHighOne) {
  WalkWorld w;
  add_box(w, 2, -5, 10, 5, 0.2);
  WalkState s;
  Camera c = standing_at(0, 0, {1, 0});
  walk(w, s, c, {.forward = true}, 3.0);
  EXPECT_NEAR(c.eye.x, 3 * kWalkSpeed, 1e-6);
  EXPECT_NEAR(c.eye.z, 0.2 + kWalkEyeHeight, 1e-9);

  WalkWorld high;
  add_box(high, 2, -5, 10, 5, 1.0);
  WalkState s2;
  Camera c2 = standing_at(0, 0, {1, 0});
  walk(high, s2, c2, {.forward = true}, 3.0);
  EXPECT_NEAR(c2.eye.x, 2.0 - kWalkBodyRadius, 1e-3);
  EXPECT_NEAR(c2.eye.z, kWalkEyeHeight, 1e-9);
}

TEST(Walk, StairsAreClimbedStepByStep) {
  WalkWorld w;
  for (int i = 0; i < 5; ++i) add_box(w, 2 + 0.3 * i, -2, 10, 2, 0.15 * (i + 1));
  WalkState s;
  Camera c = standing_at(0, 0, {1, 0});
  walk(w, s, c, {.forward = true}, 4.0);
  EXPECT_NEAR(c.eye.z, 0.75 + kWalkEyeHeight, 1e-9);
}

TEST(Walk, GravityBringsTheEyeBackToEyeHeight) {
  WalkWorld w;
  add_box(w, -1, -1, 1, 1, 3.0);  // a platform to walk off
  WalkState s;
  Camera c = standing_at(0, 0, {1, 0});
  c.eye.z = 3.0 + kWalkEyeHeight;
  c.target.z = c.eye.z;
  walk(w, s, c, {.forward = true}, 0.1);
  EXPECT_NEAR(c.eye.z, 3.0 + kWalkEyeHeight, 1e-9);  // still on top
  walk(w, s, c, {.forward = true}, 2.5);              // off the edge, and down
  EXPECT_GT(c.eye.x, 1.0 + kWalkBodyRadius);
  EXPECT_NEAR(c.eye.z, kWalkEyeHeight, 1e-9);
  EXPECT_EQ(s.vz, 0.0);

  // Dropped from 10 m with no input: down under gravity, then stands.
  c.eye.z = 10.0;
  walk_move(w, s, c, {}, 1.0 / 60.0);
  EXPECT_LT(c.eye.z, 10.0);
  EXPECT_GT(c.eye.z, 9.9);
  walk(w, s, c, {}, 2.0);
  EXPECT_NEAR(c.eye.z, kWalkEyeHeight, 1e-9);
}

TEST(Walk, LandsOnTheFloorBelow) {
  WalkWorld w;
  add_box(w, -1, -1, 1, 1, 12.0);
  Camera c = standing_at(0, 0, {1, 0});
  c.eye.z = 50.0;
  walk_land(w, c);
  EXPECT_NEAR(c.eye.z, 12.0 + kWalkEyeHeight, 1e-9);  // on the roof
  c = standing_at(5, 0, {1, 0});
  c.eye.z = -3.0;  // under the ground, looking at pipes
  walk_land(w, c);
  EXPECT_NEAR(c.eye.z, kWalkEyeHeight, 1e-9);
}

}  // namespace
}  // namespace et::app
