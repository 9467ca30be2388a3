// Hydraulic solutions of small networks with answers known by hand.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "et/sim/hydraulics.h"
#include "et/sim/inp.h"
#include "et/sim/simulate.h"

using namespace et::sim;

namespace {

SimNetwork net_of(const std::string& text) {
  auto net = parse_inp(text, "test.inp");
  EXPECT_TRUE(net) << (net ? "" : net.error().message);
  return net ? std::move(*net) : SimNetwork{};
}

int node(const SimNetwork& n, const char* id) { return n.node_index.at(id); }
int link(const SimNetwork& n, const char* id) { return n.link_index.at(id); }

}  // namespace

// Reservoir, one Hazen-Williams pipe, one junction: h = 4.727 L Q^1.852 / (C^1.852 d^4.871).
TEST(SimHydraulics, HazenWilliamsByHand) {
  SimNetwork net = net_of(R"([JUNCTIONS]
 J1 0 448.831
[RESERVOIRS]
 R1 100
[PIPES]
 P1 R1 J1 1000 12 100
[OPTIONS]
 Units GPM
)");
  Hydraulics h(net);
  h.init();
  SolveInfo info = h.solve();
  EXPECT_TRUE(info.converged);
  double loss = 4.727 * 1000.0 * std::pow(1.0, 1.852) / std::pow(100.0, 1.852);  // Q = 1 cfs, d = 1 ft
  EXPECT_NEAR(h.report_head(node(net, "J1")), 100.0 - loss, 1e-3);
  EXPECT_NEAR(h.report_pressure(node(net, "J1")), (100.0 - loss) * 0.4333, 1e-3);
  EXPECT_NEAR(h.report_flow(link(net, "P1")), 448.831, 1e-3);
  EXPECT_NEAR(h.report_velocity(link(net, "P1")), 1.0 / (3.14159265358979 / 4.0), 1e-3);
  EXPECT_NEAR(h.report_demand(node(net, "R1")), -448.831, 1e-3);
  EXPECT_EQ(h.report_status(link(net, "P1")), 1);
}

// Darcy-Weisbach in SI: h = f L/d V^2/2g with Swamee-Jain f, checked by hand.
TEST(SimHydraulics, DarcyWeisbachSwameeJain) {
  SimNetwork net = net_of(R"([JUNCTIONS]
 J1 0 20
[RESERVOIRS]
 R1 50
[PIPES]
 P1 R1 J1 500 200 0.1
[OPTIONS]
 Units LPS
 Headloss D-W
)");
  Hydraulics h(net);
  h.init();
  h.solve();
  const double d = 0.2, q = 0.020, nu = 1.1e-5 * 0.3048 * 0.3048;  // m, m3/s, m2/s
  double a = 3.14159265358979 * d * d / 4.0, v = q / a, re = v * d / nu;
  double f = 0.25 / std::pow(std::log10(0.1e-3 / d / 3.7 + 5.74 / std::pow(re, 0.9)), 2);
  double loss = f * 500.0 / d * v * v / (2.0 * 32.2 * 0.3048);  // EPANET's g = 32.2 ft/s2
  EXPECT_NEAR(h.report_head(node(net, "J1")), 50.0 - loss, 2e-3);
}

// A PRV holds its downstream pressure; a second PRV with a lower setting stays closed.
TEST(SimHydraulics, PressureReducingValve) {
  SimNetwork net = net_of(R"([JUNCTIONS]
 J2 0 0
 J3 0 0
 J4 0 0
 J5 0 200
[RESERVOIRS]
 R1 150
[PIPES]
 P1 R1 J2 1000 12 100
 P2 J3 J5 10 6 200
 P3 J4 J5 10 6 200
[VALVES]
 V1 J2 J3 6 PRV 60 0
 V2 J2 J4 6 PRV 50 0
[OPTIONS]
 Units GPM
)");
  Hydraulics h(net);
  h.init();
  h.solve();
  EXPECT_NEAR(h.report_pressure(node(net, "J3")), 60.0, 1e-3);
  EXPECT_EQ(h.report_status(link(net, "V1")), 2);  // active
  EXPECT_EQ(h.report_status(link(net, "V2")), 0);  // closed: downstream already above 50 psi
  EXPECT_NEAR(h.report_flow(link(net, "V1")), 200.0, 0.01);
  EXPECT_NEAR(h.report_flow(link(net, "V2")), 0.0, 1e-9);
}

// A check valve closes against reversed flow; its flow is reported as zero.
TEST(SimHydraulics, CheckValveCloses) {
  SimNetwork net = net_of(R"([JUNCTIONS]
 J1 0 10
[RESERVOIRS]
 R1 100
 R2 120
[PIPES]
 P1 R1 J1 1000 12 100 0 CV
 P2 R2 J1 1000 12 100
[OPTIONS]
 Units GPM
)");
  Hydraulics h(net);
  h.init();
  h.solve();
  EXPECT_EQ(h.report_status(link(net, "P1")), 0);
  EXPECT_DOUBLE_EQ(h.report_flow(link(net, "P1")), 0.0);
  EXPECT_NEAR(h.report_flow(link(net, "P2")), 10.0, 1e-3);
}

// A pump on its one-point curve (h = 4/3 h1 - B q^C through (q1, h1), (2 q1, 0)) lifting
// into a reservoir through a short pipe: the head it delivers is on that curve.
TEST(SimHydraulics, PumpOnItsCurve) {
  SimNetwork net = net_of(R"([JUNCTIONS]
 J1 0 0
[RESERVOIRS]
 R1 0
 R2 100
[PIPES]
 P1 J1 R2 10 24 130
[PUMPS]
 PU1 R1 J1 HEAD C1
[CURVES]
 C1 1000 120
[OPTIONS]
 Units GPM
)");
  Hydraulics h(net);
  h.init();
  h.solve();
  double q = h.report_flow(link(net, "PU1"));
  double gain = h.report_head(node(net, "J1"));
  const Pump& p = net.pumps[0];
  double curve = -p.h0 - p.r * std::pow(q / 448.831, p.n);
  EXPECT_NEAR(gain, curve, 1e-3);
  EXPECT_GT(q, 1000.0);  // 100 ft < 120 ft design head: more than the design flow
  EXPECT_LT(q, 2000.0);
}

// Demand patterns start at PATTERN START and step every PATTERN TIMESTEP.
TEST(SimHydraulics, PatternTiming) {
  SimNetwork net = net_of(R"([JUNCTIONS]
 J1 0 10 PT
[RESERVOIRS]
 R1 100
[PIPES]
 P1 R1 J1 100 12 100
[PATTERNS]
 PT 1 2 3 4
[TIMES]
 Duration 4:00
 Hydraulic Timestep 1:00
 Pattern Timestep 2:00
 Pattern Start 2:00
[OPTIONS]
 Units GPM
 Demand Multiplier 0.5
)");
  std::vector<std::pair<long, double>> d;
  run_simulation(net, [&](const Hydraulics& h) { d.emplace_back(h.time(), h.report_demand(0)); });
  ASSERT_EQ(d.size(), 5u);
  // Periods: t=0,1h -> factor 2 (start 2h is the second period); 2h,3h -> 3; 4h -> 4.
  const double want[] = {10, 10, 15, 15, 20};
  for (size_t i = 0; i < 5; ++i) {
    EXPECT_EQ(d[i].first, long(i) * 3600);
    EXPECT_NEAR(d[i].second, want[i], 1e-9) << "at " << d[i].first;
  }
}

// A tank filling over one step rises by inflow * step / area; the step is cut where it
// becomes full, and the link into it then closes.
TEST(SimHydraulics, TankFillsAndCloses) {
  SimNetwork net = net_of(R"([JUNCTIONS]
 J1 0 0
[RESERVOIRS]
 R1 100
[TANKS]
 T1 0 10 0 20 20 0
[PIPES]
 P1 R1 J1 100 12 100
 P2 J1 T1 100 12 100
[TIMES]
 Duration 3:00
 Hydraulic Timestep 1:00
[OPTIONS]
 Units CFS
)");
  Hydraulics h(net);
  h.init();
  int t1 = node(net, "T1");
  h.solve();
  double q0 = h.node_demand()[size_t(t1)];  // cfs into the tank
  double area = 3.14159265358979 * 20.0 * 20.0 / 4.0;
  ASSERT_GT(q0, 0.0);
  long step = h.advance();
  long to_full = std::lround(10.0 * area / q0);
  ASSERT_LT(to_full, 3600);  // this tank fills within the first hour
  EXPECT_EQ(step, to_full);
  EXPECT_NEAR(h.head()[size_t(t1)], 20.0, 1e-6);
  h.solve();
  EXPECT_EQ(h.report_status(link(net, "P2")), 0);  // full: no more inflow
  EXPECT_NEAR(h.report_demand(t1), 0.0, 1e-9);
}

// Level controls switch a pump at the tank levels; time controls at their times.
TEST(SimHydraulics, SimpleControls) {
  SimNetwork net = net_of(R"([JUNCTIONS]
 J1 0 0
 J2 0 50
[RESERVOIRS]
 R1 0
[TANKS]
 T1 100 5 0 20 30 0
[PIPES]
 P1 J1 T1 100 12 100
 P2 T1 J2 100 12 100
[PUMPS]
 PU1 R1 J1 HEAD C1
[CURVES]
 C1 500 150
[CONTROLS]
 LINK PU1 CLOSED IF NODE T1 ABOVE 6
 LINK PU1 OPEN AT TIME 2
[TIMES]
 Duration 3:00
[OPTIONS]
 Units GPM
)");
  std::vector<int> status;
  std::vector<long> times;
  run_simulation(net, [&](const Hydraulics& h) {
    status.push_back(h.report_status(link(net, "PU1")));
    times.push_back(h.time());
  });
  ASSERT_EQ(times.size(), 4u);
  EXPECT_EQ(status[0], 1);
  EXPECT_EQ(status[1], 0);  // the tank rose above 6 ft within the first hour
  EXPECT_EQ(status[2], 1);  // reopened at 2:00
}

TEST(SimHydraulics, Rules) {
  SimNetwork net = net_of(R"([JUNCTIONS]
 J1 0 100
[RESERVOIRS]
 R1 100
[PIPES]
 P1 R1 J1 1000 12 100
 P2 R1 J1 1000 12 100
[RULES]
RULE 1
IF SYSTEM CLOCKTIME >= 7 AM
AND SYSTEM CLOCKTIME < 9 AM
THEN PIPE P2 STATUS IS CLOSED
ELSE PIPE P2 STATUS IS OPEN
[TIMES]
 Duration 4:00
 Start ClockTime 6 AM
[OPTIONS]
 Units GPM
)");
  std::vector<int> st;
  run_simulation(net, [&](const Hydraulics& h) { st.push_back(h.report_status(link(net, "P2"))); });
  ASSERT_EQ(st.size(), 5u);
  EXPECT_EQ(st[0], 1);
  EXPECT_EQ(st[1], 0);  // 7 AM
  EXPECT_EQ(st[2], 0);
  EXPECT_EQ(st[3], 1);  // 9 AM
}

TEST(SimHydraulics, CsvRowsAndWarnings) {
  SimNetwork net = net_of(R"([JUNCTIONS]
 J1 90 448.831
[RESERVOIRS]
 R1 100
[PIPES]
 P1 R1 J1 100000 6 100
[OPTIONS]
 Units GPM
)");
  std::string nodes, links;
  RunSummary s = run_simulation(net, [&](const Hydraulics& h) { append_csv_rows(net, h, nodes, links); });
  EXPECT_EQ(s.reports, 1);
  EXPECT_EQ(nodes.substr(0, 5), "0,J1,");
  EXPECT_EQ(links.rfind("0,P1,448.8310,", 0), 0u) << links;
  ASSERT_FALSE(s.warnings.empty());
  EXPECT_EQ(s.warnings[0], "WARNING: Negative pressures at 0:00:00 hrs.");
}
