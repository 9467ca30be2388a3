// Walk worlds built from what is drawn (walk_scene.cpp): a building model's steps, landing,
// canopy and walls through its instance transform; an open trench and a utility tunnel of a
// plan on a date; the excavation box. Hand-built scenes and plans, no GPU.
#include <gtest/gtest.h>

#include "et/app/plan_view.h"
#include "et/app/walk.h"
#include "et/app/world_builder.h"

namespace et::app {
namespace {

// An axis-aligned box as 12 triangles of a model mesh.
void add_box(Mesh& m, glm::vec3 lo, glm::vec3 hi) {
  const auto base = std::uint32_t(m.positions.size());
  for (int i = 0; i < 8; ++i) {
    m.positions.push_back({i & 1 ? hi.x : lo.x, i & 2 ? hi.y : lo.y, i & 4 ? hi.z : lo.z});
    m.normals.push_back({0, 0, 1});
    m.colors.push_back(0xffffffffu);
  }
  const std::uint32_t faces[6][4] = {{0, 1, 3, 2}, {4, 6, 7, 5}, {0, 4, 5, 1},
                                     {2, 3, 7, 6}, {0, 2, 6, 4}, {1, 5, 7, 3}};
  for (const auto& f : faces)
    for (std::uint32_t k : {f[0], f[1], f[2], f[0], f[2], f[3]}) m.indices.push_back(base + k);
}

// A block 10 x 10 x 6 m with its entrance on the south (-y) side: two steps of 0.15 m up
// to a landing at 0.45 m in front of the wall, under a canopy at 2.5 m, and a beam at
// 1.5 m (head height) beside it. Model origin at the block's south-west corner.
Model entrance_block() {
  Model model;
  model.id = "block";
  Mesh& m = model.mesh;
  add_box(m, {0, 0, 0}, {10, 10, 6});
  add_box(m, {4, -1.2f, 0}, {6, 0, 0.45f});      // landing
  add_box(m, {4, -1.5f, 0}, {6, -1.2f, 0.30f});  // upper step
  add_box(m, {4, -1.8f, 0}, {6, -1.5f, 0.15f});  // lower step
  add_box(m, {3.5f, -1.4f, 2.5f}, {6.5f, 0, 2.65f});  // canopy
  add_box(m, {8, -1.4f, 1.5f}, {9, 0, 1.65f});        // a beam at head height
  return model;
}

Scene scene_with(const Model& model, glm::dvec3 position, double heading_deg) {
  Scene scene;
  scene.models.push_back(model);
  Building b;
  b.id = "B1";
  b.model = 0;
  b.position = position;
  b.heading_deg = heading_deg;
  scene.buildings.push_back(b);
  scene.ground.extent = {-100, -100, 100, 100};
  return scene;
}

Camera standing_at(double x, double y, double z, glm::dvec2 heading) {
  Camera c;
  c.eye = glm::dvec3(x, y, z);
  c.target = c.eye + glm::dvec3(heading * 10.0, 0.0);
  return c;
}

void walk(const WalkWorld& w, WalkState& s, Camera& c, const WalkInput& in, double seconds) {
  for (int i = 0; i < int(seconds * 60.0); ++i) walk_move(w, s, c, in, 1.0 / 60.0);
}

TEST(WalkWorld, ClimbsAModelsStepsUnderItsCanopyToTheWall) {
  const Scene scene = scene_with(entrance_block(), {20, 30, 0}, 0.0);
  const WalkWorld w = walk_world(build_world(scene), {});
  WalkState s;
  Camera c = standing_at(25, 25, kWalkEyeHeight, {0, 1});  // 3.2 m south of the lower step
  walk(w, s, c, {.forward = true}, 6.0);
  // Up the steps and onto the landing (the head, 2.25 m, clears the canopy at 2.5 m), and
  // stopped a body radius from the wall.
  EXPECT_NEAR(c.eye.y, 30.0 - kWalkBodyRadius, 1e-3);
  EXPECT_NEAR(c.eye.x, 25.0, 1e-9);
  EXPECT_NEAR(c.eye.z, 0.45 + kWalkEyeHeight, 1e-6);  // float mesh
}

TEST(WalkWorld, ABeamAtHeadHeightStopsTheWalker) {
  const Scene scene = scene_with(entrance_block(), {20, 30, 0}, 0.0);
  const WalkWorld w = walk_world(build_world(scene), {});
  WalkState s;
  Camera c = standing_at(28.5, 25, kWalkEyeHeight, {0, 1});
  walk(w, s, c, {.forward = true}, 6.0);
  EXPECT_NEAR(c.eye.y, 30.0 - 1.4 - kWalkBodyRadius, 1e-3);  // short of the beam
  EXPECT_NEAR(c.eye.z, kWalkEyeHeight, 1e-9);
}

TEST(WalkWorld, InstanceTransformTurnsTheModel) {
  // Turned 90 degrees counter-clockwise: the entrance faces east, the block lies at
  // x in [-10, 0] + 20, y in [0, 10] + 30.
  const Scene scene = scene_with(entrance_block(), {20, 30, 0}, 90.0);
  const WalkWorld w = walk_world(build_world(scene), {});
  WalkState s;
  Camera c = standing_at(25, 35, kWalkEyeHeight, {-1, 0});
  walk(w, s, c, {.forward = true}, 6.0);
  EXPECT_NEAR(c.eye.x, 20.0 + kWalkBodyRadius, 1e-3);
  EXPECT_NEAR(c.eye.z, 0.45 + kWalkEyeHeight, 1e-6);  // float mesh
}

// A plan with an L-shaped trench dug on days 100-110 and a tunnel no task works in (built).
plan::Plan trench_plan() {
  plan::Plan p{.id = "walk"};
  p.trenches.push_back({"T1", plan::TrenchKind::kTrench, {{0, 0}, {20, 0}, {20, 20}}, 1.2, 1.5});
  p.trenches.push_back({"T2", plan::TrenchKind::kTunnel, {{0, -20}, {30, -20}}, 2.5, 3.0});
  p.tasks.push_back({.id = "K1", .trench = "T1", .start_day = 100, .end_day = 110});
  return p;
}

TEST(WalkWorld, OpenTrenchFloorWallsAndBend) {
  Scene scene;
  scene.ground.extent = {-50, -50, 50, 50};
  const plan::Plan p = trench_plan();
  const SceneWorld sw = build_plan_world(scene, &p, 105);
  const WalkWorld w = walk_world(sw, {});
  // Entering walk mode with the eye in the trench lands on its floor.
  Camera c = standing_at(5, 0, -0.5, {1, 0});
  walk_land(w, c);
  EXPECT_NEAR(c.eye.z, -1.5 + kWalkEyeHeight, 1e-9);
  // Sideways: the trench's wall stops the body (1.2 m wide: 0.3 m of room each side).
  WalkState s;
  walk(w, s, c, {.left = true}, 2.0);
  EXPECT_NEAR(c.eye.y, 0.6 - kWalkBodyRadius, 1e-3);
  walk(w, s, c, {.right = true}, 2.0);
  EXPECT_NEAR(c.eye.y, -0.6 + kWalkBodyRadius, 1e-3);
  EXPECT_NEAR(c.eye.z, -1.5 + kWalkEyeHeight, 1e-9);
  // Along it to the bend, then round it and along the second leg to its end wall.
  c = standing_at(5, 0, c.eye.z, {1, 0});
  walk(w, s, c, {.forward = true, .run = true}, 6.0);
  EXPECT_GT(c.eye.x, 19.6);
  EXPECT_LT(c.eye.x, 20.6 - kWalkBodyRadius + 1e-3);
  c.target = c.eye + glm::dvec3(0, 10, 0);
  walk(w, s, c, {.forward = true, .run = true}, 7.0);
  EXPECT_NEAR(c.eye.y, 20.0 - kWalkBodyRadius, 1e-3);
  EXPECT_NEAR(c.eye.z, -1.5 + kWalkEyeHeight, 1e-9);
}

TEST(WalkWorld, WalkingOntoAnOpenTrenchDropsYouIn) {
  Scene scene;
  scene.ground.extent = {-50, -50, 50, 50};
  const plan::Plan p = trench_plan();
  const WalkWorld w = walk_world(build_plan_world(scene, &p, 105), {});
  WalkState s;
  Camera c = standing_at(10, 5, kWalkEyeHeight, {0, -1});
  walk(w, s, c, {.forward = true}, 6.0);  // 8.4 m south: across the trench at y = 0
  EXPECT_NEAR(c.eye.z, -1.5 + kWalkEyeHeight, 1e-9);
  EXPECT_NEAR(c.eye.y, -0.6 + kWalkBodyRadius, 1e-3);  // stopped by the far wall

  // Before the dig (day 90) the ground is whole: walked over.
  const WalkWorld before = walk_world(build_plan_world(scene, &p, 90), {});
  c = standing_at(10, 5, kWalkEyeHeight, {0, -1});
  walk(before, s, c, {.forward = true}, 6.0);
  EXPECT_NEAR(c.eye.z, kWalkEyeHeight, 1e-9);
  EXPECT_LT(c.eye.y, -3.0);
}

TEST(WalkWorld, TunnelFloorUnderTheGround) {
  Scene scene;
  scene.ground.extent = {-50, -50, 50, 50};
  const plan::Plan p = trench_plan();
  const WalkWorld w = walk_world(build_plan_world(scene, &p, 105), {});
  Camera c = standing_at(10, -20, -1.5, {1, 0});
  walk_land(w, c);
  EXPECT_NEAR(c.eye.z, -3.0 + kWalkEyeHeight, 1e-9);  // on the floor slab
  WalkState s;
  walk(w, s, c, {.forward = true, .run = true}, 8.0);  // to the far end
  EXPECT_NEAR(c.eye.x, 30.0 - kWalkBodyRadius, 1e-3);
  walk(w, s, c, {.left = true}, 3.0);  // the wall, not the earth beyond it
  EXPECT_NEAR(c.eye.y, -20.0 + 1.25 - kWalkBodyRadius, 1e-3);
  EXPECT_NEAR(c.eye.z, -3.0 + kWalkEyeHeight, 1e-9);
  // On the ground above it the tunnel is out of sight and out of the way.
  c = standing_at(10, -15, kWalkEyeHeight, {0, -1});
  walk(w, s, c, {.forward = true}, 6.0);
  EXPECT_NEAR(c.eye.z, kWalkEyeHeight, 1e-9);
  EXPECT_LT(c.eye.y, -22.0);
}

TEST(WalkWorld, ExcavationCutsTheGround) {
  Scene scene;
  scene.ground.extent = {-50, -50, 50, 50};
  const SceneWorld sw = build_world(scene);
  Excavation ex;
  ex.enabled = true;
  ex.min = {-5, -5, -2};
  ex.max = {5, 5, 0};
  const WalkWorld w = walk_world(sw, ex);
  WalkState s;
  Camera c = standing_at(-10, 0, kWalkEyeHeight, {1, 0});
  walk(w, s, c, {.forward = true, .run = true}, 6.0);
  EXPECT_NEAR(c.eye.z, -2.0 + kWalkEyeHeight, 1e-9);  // dropped onto the pit's floor
  EXPECT_NEAR(c.eye.x, 5.0 - kWalkBodyRadius, 1e-3);  // its far wall
  // Without the excavation the same walk stays on the ground.
  const WalkWorld flat = walk_world(sw, {});
  c = standing_at(-10, 0, kWalkEyeHeight, {1, 0});
  walk(flat, s, c, {.forward = true, .run = true}, 6.0);
  EXPECT_NEAR(c.eye.z, kWalkEyeHeight, 1e-9);
  EXPECT_GT(c.eye.x, 10.0);
}

}  // namespace
}  // namespace et::app
