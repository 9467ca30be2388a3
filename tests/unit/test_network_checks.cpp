#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "et/scene/network_checks.h"

namespace {

using et::Building;
using et::NetLink;
using et::NetNode;
using et::Network;
using et::NodeKind;
using et::Problem;
using et::Scene;
using et::Utility;
using et::ValidationReport;

// A building with an axis-aligned rectangular footprint.
Building rect_building(const std::string& id, double x0, double y0, double x1, double y1,
                       const std::string& kind = "residential", int households = 0) {
  Building b;
  b.id = id;
  b.kind = kind;
  b.households = households;
  b.position = {(x0 + x1) / 2, (y0 + y1) / 2, 0};
  b.footprint = {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}};
  return b;
}

int add_node(Network& n, const std::string& id, double x, double y,
             NodeKind kind = NodeKind::kJunction, const std::string& building = "") {
  NetNode node;
  node.id = id;
  node.kind = kind;
  node.position = {x, y, 0};
  node.building = building;
  n.nodes.push_back(node);
  return int(n.nodes.size()) - 1;
}

// A 100 mm pipe through 2D points with the given cover over its top (negative: overhead).
NetLink& add_link(Network& n, const std::string& id, int from, int to,
                  const std::vector<glm::dvec2>& pts, double cover = 1.0,
                  double diameter_mm = 100.0) {
  NetLink l;
  l.id = id;
  l.from = from;
  l.to = to;
  l.diameter_mm = diameter_mm;
  l.cover_start_m = l.cover_end_m = cover;
  for (glm::dvec2 p : pts) l.path.push_back({p.x, p.y, -(cover + diameter_mm / 2000.0)});
  n.links.push_back(l);
  return n.links.back();
}

Network net_of(Utility u) {
  Network n;
  n.utility = u;
  n.file = "mem";
  return n;
}

std::vector<Problem> of_kind(const ValidationReport& r, const std::string& kind) {
  std::vector<Problem> out;
  for (const Problem& p : r.problems)
    if (p.kind == kind) out.push_back(p);
  return out;
}

const Problem* find(const ValidationReport& r, const std::string& kind, const std::string& element) {
  for (const Problem& p : r.problems)
    if (p.kind == kind && p.element == element) return &p;
  return nullptr;
}

// Appended piecewise: GCC 12's -Wrestrict misfires on "literal" + std::to_string().
std::string numbered(const char* prefix, int i) {
  std::string s = prefix;
  s += std::to_string(i);
  return s;
}

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

TEST(NetworkChecks, LinkCrossingFootprintIsReported) {
  Scene s;
  s.buildings.push_back(rect_building("B", 0, 0, 10, 10, "shop"));
  Network n = net_of(Utility::kWater);
  int a = add_node(n, "a", -5, 5), b = add_node(n, "b", 15, 5);
  int c = add_node(n, "c", -5, 11), d = add_node(n, "d", 15, 11);
  add_link(n, "cross", a, b, {{-5, 5}, {15, 5}});
  add_link(n, "outside", c, d, {{-5, 11}, {15, 11}});  // 1 m north of the wall
  s.networks.push_back(n);
  auto r = et::validate_scene(s);
  auto hits = of_kind(r, "through_building");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].element, "cross");
  EXPECT_EQ(hits[0].other, "B");
  EXPECT_EQ(hits[0].utility, "water");
  EXPECT_TRUE(contains(hits[0].message, "10.00 m inside building B")) << hits[0].message;
  EXPECT_NEAR(hits[0].where.x, 5.0, 1e-9);
  EXPECT_NEAR(hits[0].where.y, 5.0, 1e-9);
  EXPECT_NEAR(hits[0].where.z, -1.05, 1e-9);
}

TEST(NetworkChecks, CrossingThroughVerticesAndConcaveFootprint) {
  Scene s;
  // An L-shaped block: the notch (5..10, 5..10) is outside.
  Building b;
  b.id = "L";
  b.kind = "shop";
  b.footprint = {{0, 0}, {10, 0}, {10, 5}, {5, 5}, {5, 10}, {0, 10}, {0, 0}};  // closed ring
  s.buildings.push_back(b);
  Network n = net_of(Utility::kGas);
  // Through the notch only: outside the building.
  add_link(n, "notch", add_node(n, "a", 7, 12), add_node(n, "b", 7, 5.5), {{7, 12}, {7, 5.5}});
  // Through both arms along y = 7 (x 0..5 inside) with a vertex inside.
  add_link(n, "arm", add_node(n, "c", -2, 7), add_node(n, "d", 12, 7), {{-2, 7}, {2, 7}, {12, 7}});
  // Along the outer wall y = 0: touches, never inside.
  add_link(n, "wall", add_node(n, "e", -2, 0), add_node(n, "f", 12, 0), {{-2, 0}, {12, 0}});
  s.networks.push_back(n);
  auto r = et::validate_scene(s);
  auto hits = of_kind(r, "through_building");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].element, "arm");
  EXPECT_TRUE(contains(hits[0].message, "5.00 m inside")) << hits[0].message;
}

TEST(NetworkChecks, ShortInsideStretchIsTolerated) {
  Scene s;
  s.buildings.push_back(rect_building("B", 0, 0, 10, 10, "shop"));
  Network n = net_of(Utility::kWater);
  // Clips a corner: 0.1 m in, 0.1 m along inside the wall, out again (0.2 m in all).
  add_link(n, "corner", add_node(n, "a", 9.9, 20), add_node(n, "b", 20, 9.9),
           {{9.9, 20}, {9.9, 9.9}, {20, 9.9}});
  s.networks.push_back(n);
  auto r = et::validate_scene(s);
  EXPECT_TRUE(of_kind(r, "through_building").empty());
}

TEST(NetworkChecks, ServiceLinkEndingAtWallIsNotReported) {
  Scene s;
  s.buildings.push_back(rect_building("B", 0, 0, 10, 10, "residential", 12));
  Network n = net_of(Utility::kWater);
  int main0 = add_node(n, "m0", 20, -5), main1 = add_node(n, "m1", 20, 15);
  add_link(n, "main", main0, main1, {{20, -5}, {20, 15}});
  int tee = add_node(n, "tee", 20, 5);
  // Ends on the wall.
  int conn = add_node(n, "conn", 10, 5, NodeKind::kBuildingConnection, "B");
  add_link(n, "svc", tee, conn, {{20, 5}, {10, 5}});
  // Ends 0.4 m inside the wall (inside the 0.5 m allowance), drawn from the building out.
  int conn2 = add_node(n, "conn2", 9.6, 2, NodeKind::kBuildingConnection, "B");
  add_link(n, "svc2", conn2, tee, {{9.6, 2}, {20, 2}});
  // Ends 5 m inside: reported even though it is the building's own connection.
  int conn3 = add_node(n, "conn3", 5, 8, NodeKind::kBuildingConnection, "B");
  add_link(n, "svc3", tee, conn3, {{20, 8}, {5, 8}});
  s.networks.push_back(n);
  auto r = et::validate_scene(s);
  auto hits = of_kind(r, "through_building");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].element, "svc3");
  EXPECT_TRUE(contains(hits[0].message, "4.50 m inside")) << hits[0].message;
  EXPECT_TRUE(of_kind(r, "unconnected_building").empty());
}

TEST(NetworkChecks, ConnectionOfAnotherBuildingGetsNoAllowance) {
  Scene s;
  s.buildings.push_back(rect_building("B", 0, 0, 10, 10, "shop"));
  Network n = net_of(Utility::kWater);
  int tee = add_node(n, "tee", 20, 5);
  int conn = add_node(n, "conn", 9.5, 5, NodeKind::kBuildingConnection, "OTHER");
  add_link(n, "svc", tee, conn, {{20, 5}, {9.5, 5}});  // 0.5 m inside B
  s.networks.push_back(n);
  auto r = et::validate_scene(s);
  auto hits = of_kind(r, "through_building");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].element, "svc");
}

TEST(NetworkChecks, OverheadLinkReportedWithHeightOnly) {
  Scene s;
  s.buildings.push_back(rect_building("B", 0, 0, 10, 10, "shop"));
  Network n = net_of(Utility::kPower);
  NetLink& l = add_link(n, "ohl", add_node(n, "p1", -5, 5), add_node(n, "p2", 15, 5),
                        {{-5, 5}, {15, 5}});
  l.subtype = "overhead";
  l.path[0].z = 6.0;
  l.path[1].z = 5.5;
  s.networks.push_back(n);
  auto r = et::validate_scene(s);
  ASSERT_EQ(of_kind(r, "above_ground").size(), 1u);
  const Problem* p = find(r, "above_ground", "ohl");
  ASSERT_NE(p, nullptr);
  EXPECT_EQ(p->utility, "power");
  EXPECT_TRUE(contains(p->message, "6.00 m")) << p->message;
  EXPECT_DOUBLE_EQ(p->where.z, 6.0);
  EXPECT_TRUE(of_kind(r, "shallow_cover").empty());
  EXPECT_TRUE(of_kind(r, "through_building").empty());
}

TEST(NetworkChecks, PipeTopAboveGroundIsAboveGround) {
  Scene s;
  Network n = net_of(Utility::kDrainage);
  // A 600 mm culvert with its axis 0.1 m below ground: the top sticks out by 0.2 m.
  NetLink& l = add_link(n, "culvert", add_node(n, "a", 0, 0), add_node(n, "b", 10, 0),
                        {{0, 0}, {10, 0}}, 0.5, 600);
  l.path[1].z = -0.1;
  // Exactly flush with the ground: buried, but shallow.
  add_link(n, "flush", add_node(n, "c", 0, 5), add_node(n, "d", 10, 5), {{0, 5}, {10, 5}}, 0.0);
  s.networks.push_back(n);
  auto r = et::validate_scene(s);
  const Problem* p = find(r, "above_ground", "culvert");
  ASSERT_NE(p, nullptr);
  EXPECT_TRUE(contains(p->message, "0.20 m")) << p->message;
  EXPECT_EQ(find(r, "above_ground", "flush"), nullptr);
  EXPECT_NE(find(r, "shallow_cover", "flush"), nullptr);
  EXPECT_EQ(find(r, "shallow_cover", "culvert"), nullptr);
}

TEST(NetworkChecks, ZeroLengthLink) {
  Scene s;
  Network n = net_of(Utility::kWater);
  int a = add_node(n, "a", 1, 1);
  add_link(n, "dot", a, a, {{1, 1}, {1, 1.005}});
  add_link(n, "short", a, a, {{1, 1}, {1, 1.02}});
  s.networks.push_back(n);
  auto r = et::validate_scene(s);
  auto z = of_kind(r, "zero_length");
  ASSERT_EQ(z.size(), 1u);
  EXPECT_EQ(z[0].element, "dot");
}

TEST(NetworkChecks, DanglingEnds) {
  Scene s;
  Network n = net_of(Utility::kTelecom);
  int a = add_node(n, "a", 0, 0);
  add_link(n, "tail", a, -1, {{0, 0}, {10, 0}});
  add_link(n, "loose", -1, -1, {{0, 5}, {10, 5}});
  s.networks.push_back(n);
  auto r = et::validate_scene(s);
  auto d = of_kind(r, "dangling_end");
  ASSERT_EQ(d.size(), 3u);
  EXPECT_EQ(d[0].element, "tail");
  EXPECT_DOUBLE_EQ(d[0].where.x, 10.0);
  EXPECT_EQ(d[1].element, "loose");
  EXPECT_EQ(d[2].element, "loose");
  // Node a with its tail, and the loose link on its own.
  ASSERT_EQ(r.utilities.size(), 1u);
  EXPECT_EQ(r.utilities[0].pieces, 2);
}

TEST(NetworkChecks, PiecesCountComponents) {
  Scene s;
  Network n = net_of(Utility::kWater);
  int a = add_node(n, "a", 0, 0), b = add_node(n, "b", 10, 0), c = add_node(n, "c", 20, 0);
  int d = add_node(n, "d", 0, 50), e = add_node(n, "e", 10, 50);
  add_link(n, "ab", a, b, {{0, 0}, {10, 0}});
  add_link(n, "bc", b, c, {{10, 0}, {20, 0}});
  add_link(n, "ca", c, a, {{20, 0}, {0, 0}});  // a loop changes nothing
  add_link(n, "de", d, e, {{0, 50}, {10, 50}});
  s.networks.push_back(n);
  auto r = et::validate_scene(s);
  ASSERT_EQ(r.utilities.size(), 1u);
  EXPECT_EQ(r.utilities[0].pieces, 2);
  EXPECT_EQ(r.utilities[0].nodes, 5);
  EXPECT_EQ(r.utilities[0].links, 4);

  add_node(s.networks[0], "lonely", 100, 100);
  r = et::validate_scene(s);
  EXPECT_EQ(r.utilities[0].pieces, 3);
}

TEST(NetworkChecks, LengthsMergeFilesInEnumOrder) {
  Scene s;
  Network gas = net_of(Utility::kGas);
  int a = add_node(gas, "a", 0, 0), b = add_node(gas, "b", 300, 400);
  add_link(gas, "g1", a, b, {{0, 0}, {300, 400}});  // 500 m
  Network w1 = net_of(Utility::kWater);
  int c = add_node(w1, "c", 0, 0), d = add_node(w1, "d", 600, 0);
  add_link(w1, "w1", c, d, {{0, 0}, {600, 0}});
  Network w2 = net_of(Utility::kWater);
  int e = add_node(w2, "e", 0, 10), f = add_node(w2, "f", 400, 10);
  add_link(w2, "w2", e, f, {{0, 10}, {100, 10}, {400, 10}});
  s.networks = {gas, w1, w2};
  auto r = et::validate_scene(s);
  ASSERT_EQ(r.utilities.size(), 2u);
  EXPECT_EQ(r.utilities[0].utility, Utility::kWater);
  EXPECT_DOUBLE_EQ(r.utilities[0].length_km, 1.0);
  EXPECT_EQ(r.utilities[0].nodes, 4);
  EXPECT_EQ(r.utilities[0].links, 2);
  EXPECT_EQ(r.utilities[0].pieces, 2);  // files are not joined
  EXPECT_EQ(r.utilities[1].utility, Utility::kGas);
  EXPECT_DOUBLE_EQ(r.utilities[1].length_km, 0.5);
  EXPECT_TRUE(r.problems.empty()) << r.problems[0].message;
}

TEST(NetworkChecks, UnconnectedResidentialBuildings) {
  Scene s;
  s.buildings.push_back(rect_building("R1", 0, 0, 10, 10, "residential", 24));
  s.buildings.push_back(rect_building("R2", 20, 0, 30, 10, "residential", 18));
  s.buildings.push_back(rect_building("PH", 40, 0, 45, 5, "pump_house"));
  Network w = net_of(Utility::kWater);
  add_node(w, "c1", 10, 5, NodeKind::kBuildingConnection, "R1");
  add_node(w, "m2", 30, 5, NodeKind::kMeter, "R2");  // not a building connection
  Network p = net_of(Utility::kPower);
  add_node(p, "c1", 10, 5, NodeKind::kBuildingConnection, "R1");
  add_node(p, "c2", 30, 5, NodeKind::kBuildingConnection, "R2");
  s.networks = {w, p};
  auto r = et::validate_scene(s);
  EXPECT_EQ(r.buildings, 3);
  EXPECT_EQ(r.households, 42);
  auto u = of_kind(r, "unconnected_building");
  ASSERT_EQ(u.size(), 1u);  // no gas network: nobody is missing gas
  EXPECT_EQ(u[0].utility, "water");
  EXPECT_EQ(u[0].other, "R2");
  EXPECT_TRUE(contains(u[0].message, "R2")) << u[0].message;
  EXPECT_DOUBLE_EQ(u[0].where.x, 25.0);
}

TEST(NetworkChecks, ShallowCoverPerUtility) {
  EXPECT_DOUBLE_EQ(et::minimum_cover_m(Utility::kWater, NetLink{}), 0.6);
  EXPECT_DOUBLE_EQ(et::minimum_cover_m(Utility::kDrainage, NetLink{}), 0.6);
  EXPECT_DOUBLE_EQ(et::minimum_cover_m(Utility::kGas, NetLink{}), 0.6);
  EXPECT_DOUBLE_EQ(et::minimum_cover_m(Utility::kTelecom, NetLink{}), 0.6);
  NetLink pw;
  pw.subtype = "direct_buried";
  EXPECT_DOUBLE_EQ(et::minimum_cover_m(Utility::kPower, pw), 0.7);
  pw.subtype = "conduit";
  EXPECT_DOUBLE_EQ(et::minimum_cover_m(Utility::kPower, pw), 0.5);

  Scene s;
  Network w = net_of(Utility::kWater);
  int a = add_node(w, "a", 0, 0), b = add_node(w, "b", 10, 0);
  add_link(w, "w_ok", a, b, {{0, 0}, {10, 0}}, 0.6);
  add_link(w, "w_low", a, b, {{0, 0}, {10, 0}}, 0.4);
  NetLink& dip = add_link(w, "w_hump", a, b, {{0, 0}, {5, 0}, {10, 0}}, 1.0);
  dip.path[1].z = -0.55;  // 0.50 m cover over a 100 mm pipe at the middle vertex
  Network p = net_of(Utility::kPower);
  int c = add_node(p, "c", 0, 0), d = add_node(p, "d", 10, 0);
  add_link(p, "p_conduit", c, d, {{0, 0}, {10, 0}}, 0.55).subtype = "conduit";
  add_link(p, "p_buried", c, d, {{0, 0}, {10, 0}}, 0.55).subtype = "direct_buried";
  s.networks = {w, p};
  auto r = et::validate_scene(s);
  auto sh = of_kind(r, "shallow_cover");
  ASSERT_EQ(sh.size(), 3u);
  EXPECT_EQ(sh[0].element, "w_low");
  EXPECT_TRUE(contains(sh[0].message, "0.40 m cover, minimum 0.60 m")) << sh[0].message;
  EXPECT_EQ(sh[1].element, "w_hump");
  EXPECT_DOUBLE_EQ(sh[1].where.x, 5.0);
  EXPECT_EQ(sh[2].element, "p_buried");
  EXPECT_EQ(sh[2].utility, "power");
}

// The grid finds exactly what checking every building on its own finds.
TEST(NetworkChecks, GridMatchesOneBuildingAtATime) {
  std::mt19937 rng(7);
  std::uniform_real_distribution<double> pos(0.0, 500.0), size(3.0, 40.0), turn(0.0, 6.2831853);
  Scene s;
  for (int i = 0; i < 150; ++i) {
    Building b;
    b.id = numbered("B", i);
    b.kind = "shop";
    glm::dvec2 c(pos(rng), pos(rng));
    double w = size(rng), h = size(rng), a = turn(rng);
    glm::dvec2 ux(std::cos(a), std::sin(a)), uy(-std::sin(a), std::cos(a));
    for (glm::dvec2 k : {glm::dvec2(-1, -1), glm::dvec2(1, -1), glm::dvec2(1, 1), glm::dvec2(-1, 1)})
      b.footprint.push_back(c + 0.5 * k.x * w * ux + 0.5 * k.y * h * uy);
    s.buildings.push_back(b);
  }
  Network n = net_of(Utility::kWater);
  int a = add_node(n, "a", 0, 0);
  for (int i = 0; i < 300; ++i) {
    std::vector<glm::dvec2> pts;
    int count = 2 + i % 4;
    for (int k = 0; k < count; ++k) pts.push_back({pos(rng), pos(rng)});
    add_link(n, numbered("L", i), a, a, pts);
  }
  s.networks.push_back(n);

  auto key = [](const Problem& p) { return p.element + "|" + p.other + "|" + p.message; };
  std::set<std::string> together, apart;
  for (const Problem& p : of_kind(et::validate_scene(s), "through_building"))
    together.insert(key(p));
  for (const Building& b : s.buildings) {
    Scene one;
    one.buildings = {b};
    one.networks = s.networks;
    for (const Problem& p : of_kind(et::validate_scene(one), "through_building"))
      apart.insert(key(p));
  }
  EXPECT_GT(together.size(), 20u);
  EXPECT_EQ(together, apart);
}

// A district's worth of blocks and links: exact counts, and it must not be all-pairs.
TEST(NetworkChecks, DistrictScale) {
  Scene s;
  const int kSide = 55;  // 3025 buildings, 12 x 60 m on a 40 x 80 m pitch
  for (int j = 0; j < kSide; ++j)
    for (int i = 0; i < kSide; ++i) {
      double x = i * 40.0, y = j * 80.0;
      s.buildings.push_back(rect_building(numbered("B", j * kSide + i), x, y, x + 12,
                                          y + 60, "shop"));
    }
  Network n = net_of(Utility::kWater);
  int a = add_node(n, "a", -10, -10);
  // Short links in the gaps between the blocks, and one east-west line through each row.
  const int kLinks = 100000;
  for (int k = 0; k < kLinks; ++k) {
    double x = (k % kSide) * 40.0 + 20 + (k % 7), y = (k / kSide % kSide) * 80.0;
    add_link(n, numbered("s", k), a, a, {{x, y}, {x + 5, y + 30}});
  }
  for (int j = 0; j < kSide; ++j)
    add_link(n, numbered("row", j), a, a, {{-10, j * 80.0 + 30}, {kSide * 40.0, j * 80.0 + 30}});
  s.networks.push_back(n);
  auto t0 = std::chrono::steady_clock::now();
  auto r = et::validate_scene(s);
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(of_kind(r, "through_building").size(), size_t(kSide * kSide));
  EXPECT_EQ(r.problems.size(), size_t(kSide * kSide));
  EXPECT_LT(secs, 10.0);  // all-pairs would be ~3e8 segment-polygon tests
  std::printf("district scale: %zu buildings, %d links in %.3f s\n", s.buildings.size(),
              kLinks + kSide, secs);
}

}  // namespace
