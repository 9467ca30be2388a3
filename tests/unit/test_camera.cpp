#include <gtest/gtest.h>

#include <cmath>

#include "et/app/camera.h"

namespace {

using et::Camera;
using et::app::OrbitCamera;

TEST(Camera, OrbitRoundTripKeepsEyeAndTarget) {
  Camera c;
  c.eye = {30, -40, 25};
  c.target = {5, 2, 1};
  OrbitCamera o = OrbitCamera::from(c);
  Camera back;
  o.apply(back);
  EXPECT_NEAR(glm::length(back.eye - c.eye), 0.0, 1e-9);
  EXPECT_NEAR(glm::length(back.target - c.target), 0.0, 1e-9);
}

TEST(Camera, OrbitRotateKeepsDistanceAndClampsPitch) {
  Camera c;
  c.eye = {0, -100, 50};
  c.target = {0, 0, 0};
  OrbitCamera o = OrbitCamera::from(c);
  double d = o.distance;
  o.rotate(300, 0);
  o.apply(c);
  EXPECT_NEAR(glm::length(c.eye - c.target), d, 1e-9);
  o.rotate(0, 100000);  // far past straight up
  EXPECT_LT(o.pitch, 3.14159265 / 2);
  o.apply(c);
  EXPECT_GT(c.eye.z, 0.99 * d);
}

TEST(Camera, ZoomIsClampedAndMonotonic) {
  OrbitCamera o;
  o.distance = 100;
  o.zoom(1);
  EXPECT_LT(o.distance, 100);
  o.zoom(-2);
  EXPECT_GT(o.distance, 100);
  o.zoom(1000);
  EXPECT_GE(o.distance, 1.0);
}

TEST(Camera, FlyMovesAlongViewDirection) {
  Camera c;
  c.eye = {0, 0, 2};
  c.target = {10, 0, 2};
  et::app::FlyInput in;
  in.forward = true;
  et::app::fly_move(c, in, 5.0, 2.0);
  EXPECT_NEAR(c.eye.x, 10.0, 1e-9);
  EXPECT_NEAR(c.target.x, 20.0, 1e-9);
  in = {};
  in.right = true;
  et::app::fly_move(c, in, 1.0, 1.0);
  EXPECT_NEAR(c.eye.y, -1.0, 1e-9);  // looking east, right is south
}

TEST(Camera, ProjectionMapsTargetToCentreAndDepthRange) {
  Camera c;
  c.eye = {0, -50, 20};
  c.target = {0, 0, 0};
  glm::mat4 vp = et::app::projection_matrix(c, 16.0 / 9.0, 1000.0) * et::app::view_matrix(c);
  glm::vec4 p = vp * glm::vec4(0, 0, 0, 1);
  p /= p.w;
  EXPECT_NEAR(p.x, 0.0, 1e-5);
  EXPECT_NEAR(p.y, 0.0, 1e-5);
  EXPECT_GT(p.z, 0.0);
  EXPECT_LT(p.z, 1.0);
  // A point above the target appears higher on screen: Vulkan's y points down.
  glm::vec4 up = vp * glm::vec4(0, 0, 5, 1);
  EXPECT_LT(up.y / up.w, 0.0);
}

}  // namespace
