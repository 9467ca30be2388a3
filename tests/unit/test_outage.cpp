// Outages as a graph question: a tank feeds a main with two valves; closing a valve dries
// what lies beyond it, and the valves bounding a link's segment isolate it.
#include <gtest/gtest.h>

#include "et/sim/outage.h"

namespace {

// T(tank) - a - V1 - b - c(conn B1) ; b - V2 - d(conn B2) ; c - e(conn B1, 2nd entrance)
et::Scene make_scene() {
  et::Scene s;
  s.path = "test/scene.json";
  for (const char* id : {"B1", "B2"}) {
    et::Building b;
    b.id = id;
    b.households = 24;
    s.buildings.push_back(b);
  }
  et::Network n;
  n.utility = et::Utility::kWater;
  n.file = "water.geojson";
  auto node = [&](const char* id, et::NodeKind k, const char* building = "") {
    et::NetNode x;
    x.id = id;
    x.kind = k;
    x.building = building;
    n.nodes.push_back(x);
    return int(n.nodes.size() - 1);
  };
  int t = node("T", et::NodeKind::kTank), a = node("a", et::NodeKind::kJunction),
      v1 = node("V1", et::NodeKind::kValve), b = node("b", et::NodeKind::kJunction),
      c = node("c", et::NodeKind::kBuildingConnection, "B1"),
      v2 = node("V2", et::NodeKind::kValve), d = node("d", et::NodeKind::kBuildingConnection, "B2"),
      e = node("e", et::NodeKind::kBuildingConnection, "B1");
  auto link = [&](const char* id, int from, int to) {
    et::NetLink l;
    l.id = id;
    l.from = from;
    l.to = to;
    l.path = {{0, 0, -1}, {1, 0, -1}};
    n.links.push_back(l);
  };
  link("P1", t, a);
  link("P2", a, v1);
  link("P3", v1, b);
  link("P4", b, c);
  link("P5", b, v2);
  link("P6", v2, d);
  link("P7", c, e);
  s.networks.push_back(n);
  return s;
}

TEST(Outage, ClosingAValveDriesWhatLiesBeyond) {
  et::Scene s = make_scene();
  auto r = et::sim::water_outage(s, {"V2"});
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->buildings, std::vector<std::string>{"B2"});
  EXPECT_EQ(r->households, 24);  // one connection: all of B2
  auto all = et::sim::water_outage(s, {"V1"});
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->buildings.size(), 2u);
  EXPECT_EQ(all->households, 48);  // B1's two entrances share its 24, plus B2's 24
}

TEST(Outage, CuttingALinkAndErrors) {
  et::Scene s = make_scene();
  auto r = et::sim::water_outage(s, {"P4"});  // B1 keeps no supplied connection
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->buildings, std::vector<std::string>{"B1"});
  EXPECT_FALSE(et::sim::water_outage(s, {"a"}).ok());      // a junction is not a valve
  EXPECT_FALSE(et::sim::water_outage(s, {"NOPE"}).ok());   // unknown id
}

TEST(Outage, IsolationValvesBoundTheSegment) {
  et::Scene s = make_scene();
  const et::Network& n = s.networks[0];
  std::vector<int> v = et::sim::isolation_valves(n, 3);  // P4, between V1 and V2
  std::vector<std::string> ids;
  for (int k : v) ids.push_back(n.nodes[size_t(k)].id);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"V1", "V2"}));
  EXPECT_TRUE(et::sim::isolation_valves(n, 0).empty());  // P1 reaches the tank unvalved
}

}  // namespace
