// The Measure tool's maths (et/plan/measure.h) on hand-built links and buildings whose
// distances are worked out by hand in the comments.
#include <gtest/gtest.h>

#include <cmath>

#include "et/app/measure.h"
#include "et/plan/measure.h"

namespace et::plan {
namespace {

// A round link along `pts`, its top `cover` m below the ground at every vertex.
NetLink link(const std::string& id, std::vector<glm::dvec2> pts, double d_mm, double cover) {
  NetLink l;
  l.id = id;
  l.diameter_mm = d_mm;
  for (glm::dvec2 p : pts) l.path.push_back({p.x, p.y, -(cover + d_mm / 2000.0)});
  return l;
}

Network net(Utility u, NetLink l) {
  Network n;
  n.utility = u;
  n.links = {std::move(l)};
  return n;
}

const RuleTable& rules() {
  static RuleTable t = [] {
    auto r = load_rules(default_rules_path());
    EXPECT_TRUE(r.ok()) << r.error().message;
    return r.ok() ? r.value() : RuleTable{};
  }();
  return t;
}

TEST(Measure, DistanceAndItsParts) {
  PointDistance d = measure_distance({1, 2, 3}, {4, 6, -9});  // 3-4-12-13
  EXPECT_DOUBLE_EQ(d.distance_m, 13.0);
  EXPECT_DOUBLE_EQ(d.horizontal_m, 5.0);
  EXPECT_DOUBLE_EQ(d.vertical_m, -12.0);
  nlohmann::json j = app::distance_json(d);
  EXPECT_EQ(j["mode"], "distance");
  EXPECT_DOUBLE_EQ(j["distance_m"].get<double>(), 13.0);
}

TEST(Measure, DepthAndCoverAlongASlopingLink) {
  // d200 from cover 1.0 m at x = 0 to 2.0 m at x = 10: the axis falls from -1.1 to -2.1.
  NetLink l;
  l.id = "W1";
  l.diameter_mm = 200;
  l.path = {{0, 0, -1.1}, {10, 0, -2.1}};
  LinkDepth d = measure_depth(l, {5.0, 0.3});  // projected onto the link at x = 5
  EXPECT_NEAR(d.at.x, 5.0, 1e-12);
  EXPECT_NEAR(d.at.y, 0.0, 1e-12);
  EXPECT_NEAR(d.chainage_m, 5.0, 1e-12);
  EXPECT_NEAR(d.centre_depth_m, 1.6, 1e-12);
  EXPECT_NEAR(d.top_depth_m, 1.5, 1e-12);
  EXPECT_NEAR(d.min_cover_m, 1.0, 1e-12);
  EXPECT_NEAR(d.max_cover_m, 2.0, 1e-12);
  EXPECT_EQ(d.min_cover_at, glm::dvec3(0, 0, -1.1));
  EXPECT_EQ(d.max_cover_at, glm::dvec3(10, 0, -2.1));
  // Beyond the end: the end itself. The middle of a bent link by plan length.
  EXPECT_NEAR(measure_depth(l, {14, 2}).chainage_m, 10.0, 1e-12);
  l.path = {{0, 0, -1}, {6, 0, -1}, {6, 4, -1}};
  glm::dvec2 mid = link_midpoint(l);
  EXPECT_NEAR(mid.x, 5.0, 1e-12);
  EXPECT_NEAR(mid.y, 0.0, 1e-12);
}

TEST(Measure, ClearanceBetweenParallelPipes) {
  // Water d150 along y = 0, cover 1.0 (axis z -1.075); sewer d300 along y = 1.125, cover 1.5
  // (axis -1.65). Plan: 1.125 - 0.075 - 0.15 = 0.9 m edge to edge. 3D: axes are
  // hypot(1.125, 0.575) = 1.263428 m apart, minus both radii: 1.038428 m.
  Network w = net(Utility::kWater, link("W1", {{0, 0}, {30, 0}}, 150, 1.0));
  NetLink s = link("S1", {{0, 1.125}, {30, 1.125}}, 300, 1.5);
  s.subtype = "sewer";
  Network d = net(Utility::kDrainage, s);
  Clearance c = measure_clearance(link_shape(w, w.links[0]), link_shape(d, d.links[0]), &rules());
  EXPECT_NEAR(c.horizontal_m, 0.9, 1e-9);
  EXPECT_NEAR(c.distance_3d_m, std::hypot(1.125, 0.575) - 0.225, 1e-9);
  EXPECT_FALSE(c.crossing);
  EXPECT_NEAR(c.a_h.y, 0.0, 1e-12);
  EXPECT_NEAR(c.b_h.y, 1.125, 1e-12);
  ASSERT_NE(c.rule, nullptr);
  EXPECT_EQ(c.rule->id, "H-water-drainage-d200");  // d150 <= 200
  EXPECT_DOUBLE_EQ(c.required_m, 1.0);
  EXPECT_NEAR(c.actual_m, 0.9, 1e-9);
  EXPECT_FALSE(c.pass);
  // The same from the sewer's side: same figures, same rule.
  Clearance r = measure_clearance(link_shape(d, d.links[0]), link_shape(w, w.links[0]), &rules());
  EXPECT_NEAR(r.horizontal_m, 0.9, 1e-9);
  ASSERT_NE(r.rule, nullptr);
  EXPECT_EQ(r.rule->id, "H-water-drainage-d200");
  // A d300 water main asks for 1.5 m (row d>200).
  Network big = net(Utility::kWater, link("W2", {{0, 0}, {30, 0}}, 300, 1.0));
  Clearance b = measure_clearance(link_shape(big, big.links[0]), link_shape(d, d.links[0]), &rules());
  ASSERT_NE(b.rule, nullptr);
  EXPECT_EQ(b.rule->id, "H-water-drainage-d200+");
  EXPECT_DOUBLE_EQ(b.required_m, 1.5);
}

TEST(Measure, CrossingIsJudgedVertically) {
  // Water d150 along x (axis -1.075) over a d300 sewer along y (axis -1.65) crossing at
  // (5, 0): gap 0.575 - 0.075 - 0.15 = 0.35 m; V-drainage-water asks 0.4 m.
  Network w = net(Utility::kWater, link("W1", {{0, 0}, {10, 0}}, 150, 1.0));
  Network d = net(Utility::kDrainage, link("S1", {{5, -5}, {5, 5}}, 300, 1.5));
  Clearance c = measure_clearance(link_shape(w, w.links[0]), link_shape(d, d.links[0]), &rules());
  EXPECT_TRUE(c.crossing);
  EXPECT_NEAR(c.vertical_m, 0.35, 1e-9);
  EXPECT_NEAR(c.distance_3d_m, 0.35, 1e-9);  // straight above: 3D is the gap
  EXPECT_NEAR(c.horizontal_m, -0.225, 1e-9);  // they overlap in plan
  EXPECT_NEAR(c.crossing_at.x, 5.0, 1e-12);
  ASSERT_NE(c.rule, nullptr);
  EXPECT_EQ(c.rule->id, "V-drainage-water");
  EXPECT_DOUBLE_EQ(c.required_m, 0.4);
  EXPECT_NEAR(c.actual_m, 0.35, 1e-9);
  EXPECT_FALSE(c.pass);
  nlohmann::json j = app::clearance_json(link_shape(w, w.links[0]), link_shape(d, d.links[0]), c);
  EXPECT_EQ(j["rule"]["id"], "V-drainage-water");
  EXPECT_EQ(j["rule"]["pass"], false);
  EXPECT_DOUBLE_EQ(j["vertical_m"].get<double>(), 0.35);
}

TEST(Measure, OneUtilityHasNoHorizontalRule) {
  Network a = net(Utility::kWater, link("W1", {{0, 0}, {10, 0}}, 100, 1.0));
  Network b = net(Utility::kWater, link("W2", {{0, 2}, {10, 2}}, 100, 1.0));
  Clearance c = measure_clearance(link_shape(a, a.links[0]), link_shape(b, b.links[0]), &rules());
  EXPECT_NEAR(c.horizontal_m, 1.9, 1e-9);
  EXPECT_EQ(c.rule, nullptr);
  EXPECT_TRUE(c.pass);
  EXPECT_TRUE(app::clearance_json(link_shape(a, a.links[0]), link_shape(b, b.links[0]), c)["rule"].is_null());
}

TEST(Measure, PipeBesideABuilding) {
  // Footprint 10..20 x 10..20, 18 m high from the ground; a d300 sewer along x = 7, axis
  // -1.65: 3 m from the wall in plan, 2.85 m edge to wall. In 3D the nearest part of the
  // prism is its bottom edge at (10, z 0): hypot(3, 1.65) - 0.15 from the section.
  Building bld;
  bld.id = "B1";
  bld.height_m = 18.0;
  bld.footprint = {{10, 10}, {20, 10}, {20, 20}, {10, 20}};
  Network d = net(Utility::kDrainage, link("S1", {{7, 10}, {7, 20}}, 300, 1.5));
  Clearance c = measure_clearance(link_shape(d, d.links[0]), building_shape(bld), &rules());
  EXPECT_NEAR(c.horizontal_m, 2.85, 1e-9);
  EXPECT_NEAR(c.distance_3d_m, std::hypot(3.0, 1.65) - 0.15, 1e-9);
  EXPECT_NEAR(c.b_h.x, 10.0, 1e-9);
  ASSERT_NE(c.rule, nullptr);
  EXPECT_EQ(c.rule->id, "H-drainage-building");
  EXPECT_DOUBLE_EQ(c.required_m, 2.5);
  EXPECT_TRUE(c.pass);
  // Either order: the building first gives the same figures, closest points swapped.
  Clearance r = measure_clearance(building_shape(bld), link_shape(d, d.links[0]), &rules());
  EXPECT_NEAR(r.horizontal_m, 2.85, 1e-9);
  EXPECT_NEAR(r.a_h.x, 10.0, 1e-9);
  EXPECT_NEAR(r.b_h.x, 7.0, 1e-9);
}

TEST(Measure, BuildingsAndNodes) {
  Building a, b;
  a.id = "A";
  a.height_m = b.height_m = 10;
  a.footprint = {{0, 0}, {4, 0}, {4, 4}, {0, 4}};
  b.id = "B";
  b.footprint = {{7, 0}, {9, 0}, {9, 4}, {7, 4}};
  Clearance c = measure_clearance(building_shape(a), building_shape(b), &rules());
  EXPECT_NEAR(c.horizontal_m, 3.0, 1e-12);
  EXPECT_NEAR(c.distance_3d_m, 3.0, 1e-12);
  EXPECT_EQ(c.rule, nullptr);
  Network n;
  n.utility = Utility::kWater;
  NetNode node;
  node.id = "N1";
  node.position = {1, 7, 0};
  n.nodes = {node};
  Clearance nc = measure_clearance(node_shape(n, n.nodes[0]), building_shape(a), &rules());
  EXPECT_NEAR(nc.horizontal_m, 3.0, 1e-12);
  EXPECT_EQ(nc.rule, nullptr);  // rules are between links and buildings
}

TEST(Measure, ShapeById) {
  Scene scene;
  scene.dir = "scenes/x";
  Building b;
  b.id = "B1";
  scene.buildings = {b};
  std::vector<Network> nets = {net(Utility::kGas, link("G1", {{0, 0}, {1, 0}}, 100, 1.0))};
  auto g = app::shape_by_id(scene, nets, "G1");
  ASSERT_TRUE(g.ok());
  EXPECT_EQ(g->type, "gas");
  EXPECT_EQ(app::shape_by_id(scene, nets, "B1")->type, "building");
  auto bad = app::shape_by_id(scene, nets, "nope");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().message, "unknown element 'nope' (not a link, node or building of scenes/x)");
}

}  // namespace
}  // namespace et::plan
