// The .inp reader of the hydraulic solver: units, sections, defaults and its errors.
#include <gtest/gtest.h>

#include <cmath>

#include "et/sim/inp.h"

using namespace et::sim;

namespace {

const char* kSmall = R"([TITLE]
small

[JUNCTIONS]
 J1  10  100  P1
 J2  12
[RESERVOIRS]
 R1  100
[PIPES]
 P1  R1  J1  1000  12  100
 P2  J1  J2  500   8   120  2.5  CV
[DEMANDS]
 J2  20  P1  ;Domestic
 J2  5       ;Commercial
[PATTERNS]
 P1  1.0 2.0
[OPTIONS]
 Units GPM
 Demand Multiplier 1.5
[TIMES]
 Duration 24:00
 Hydraulic Timestep 0:30
 Pattern Timestep 2:00
 Start ClockTime 6 am
[END]
)";

}  // namespace

TEST(SimInp, ReadsNodesLinksAndUnits) {
  auto net = parse_inp(kSmall, "small.inp");
  ASSERT_TRUE(net) << net.error().message;
  ASSERT_EQ(net->nodes.size(), 3u);
  EXPECT_EQ(net->njuncs, 2);
  EXPECT_EQ(net->nodes[2].id, "R1");  // junctions first, then reservoirs and tanks
  EXPECT_DOUBLE_EQ(net->nodes[0].demands[0].base, 100.0 / 448.831);  // GPM -> cfs
  EXPECT_EQ(net->links[1].type, LinkType::CV);
  EXPECT_NEAR(net->links[1].diam, 8.0 / 12.0, 1e-12);  // inches -> ft
  EXPECT_NEAR(net->links[1].km, 0.02517 * 2.5 / std::pow(8.0 / 12.0, 4), 1e-12);
  // Hazen-Williams resistance 4.727 L / (C^1.852 d^4.871), d in ft.
  EXPECT_NEAR(net->links[0].r, 4.727 * 1000.0 / std::pow(100.0, 1.852), 1e-9);
  EXPECT_EQ(net->times.duration, 86400);
  EXPECT_EQ(net->times.hyd_step, 1800);
  EXPECT_EQ(net->times.pattern_step, 7200);
  EXPECT_EQ(net->times.report_step, 3600);
  EXPECT_EQ(net->times.rule_step, 180);  // a tenth of the hydraulic step
  EXPECT_EQ(net->times.start_clock, 6 * 3600);
  EXPECT_DOUBLE_EQ(net->options.demand_mult, 1.5);
}

TEST(SimInp, DemandsSectionReplacesJunctionDemand) {
  auto net = parse_inp(kSmall, "small.inp");
  ASSERT_TRUE(net) << net.error().message;
  const Node& j2 = net->nodes[1];
  ASSERT_EQ(j2.demands.size(), 2u);
  EXPECT_EQ(j2.demands[0].category, "Domestic");
  EXPECT_EQ(j2.demands[1].pattern, -1);  // no pattern and no pattern "1": factor 1
  EXPECT_EQ(net->nodes[0].demands[0].pattern, 0);
}

TEST(SimInp, DefaultPatternIsOne) {
  auto net = parse_inp("[JUNCTIONS]\n J1 0 10\n[RESERVOIRS]\n R1 50\n[PIPES]\n P1 R1 J1 10 6 100\n"
                       "[PATTERNS]\n 1 0.5 1.5\n",
                       "d.inp");
  ASSERT_TRUE(net) << net.error().message;
  EXPECT_EQ(net->nodes[0].demands[0].pattern, 0);
}

TEST(SimInp, TimeValues) {
  EXPECT_DOUBLE_EQ(parse_inp_hours("24:00", ""), 24.0);
  EXPECT_DOUBLE_EQ(parse_inp_hours("1:30:36", ""), 1.51);
  EXPECT_DOUBLE_EQ(parse_inp_hours("12", "am"), 0.0);
  EXPECT_DOUBLE_EQ(parse_inp_hours("3:30", "PM"), 15.5);
  EXPECT_DOUBLE_EQ(parse_inp_hours("90", "MINUTES"), 1.5);
  EXPECT_DOUBLE_EQ(parse_inp_hours("2", "days"), 48.0);
  EXPECT_LT(parse_inp_hours("x", ""), 0.0);
}

TEST(SimInp, SiUnitsAndPressure) {
  auto net = parse_inp("[JUNCTIONS]\n J1 10 1\n[RESERVOIRS]\n R1 50\n[PIPES]\n P1 R1 J1 100 150 0.1\n"
                       "[VALVES]\n[OPTIONS]\n Units LPS\n Headloss D-W\n Specific Gravity 0.9\n",
                       "si.inp");
  ASSERT_TRUE(net) << net.error().message;
  EXPECT_TRUE(net->options.si);
  EXPECT_NEAR(net->nodes[0].elev, 10.0 / 0.3048, 1e-9);
  EXPECT_NEAR(net->nodes[0].demands[0].base, 1.0 / 28.317, 1e-12);
  EXPECT_NEAR(net->links[0].diam, 0.15 / 0.3048, 1e-9);
  EXPECT_NEAR(net->links[0].kc, 0.1e-3 / 0.3048, 1e-12);  // mm -> ft
  EXPECT_DOUBLE_EQ(net->ucf.pressure, 0.3048);  // metres of head, as EPANET 2.3
}

TEST(SimInp, PumpCurveFits) {
  auto net = parse_inp(R"([JUNCTIONS]
 J1 0 100
[RESERVOIRS]
 R1 0
[PUMPS]
 PU1 R1 J1 HEAD C1
 PU2 R1 J1 HEAD C3 SPEED 1.2
 PU3 R1 J1 HEAD C5
 PU4 R1 J1 POWER 10
[CURVES]
 C1 1000 150
 C3 0 200
 C3 1000 150
 C3 2000 50
 C5 0 100
 C5 500 90
 C5 1000 60
 C5 1500 10
[OPTIONS]
 Units GPM
)",
                       "pumps.inp");
  ASSERT_TRUE(net) << net.error().message;
  const double q = 448.831;
  // One point: shutoff 4/3 of the design head, zero head at twice the design flow.
  const Pump& p1 = net->pumps[0];
  EXPECT_EQ(p1.kind, PumpKind::PowerFunction);
  EXPECT_NEAR(-p1.h0, 1.33334 * 150, 1e-9);
  EXPECT_NEAR(p1.qmax * q, 2000.0, 1e-6);
  EXPECT_NEAR(-p1.h0 - p1.r * std::pow(1000.0 / q, p1.n), 150.0, 1e-9);
  // Three points from zero flow: h = A - B q^C through all three.
  const Pump& p3 = net->pumps[1];
  EXPECT_EQ(p3.kind, PumpKind::PowerFunction);
  EXPECT_NEAR(p3.n, std::log(150.0 / 50.0) / std::log(2.0), 1e-12);
  EXPECT_NEAR(-p3.h0 - p3.r * std::pow(2000.0 / q, p3.n), 50.0, 1e-9);
  EXPECT_DOUBLE_EQ(net->links[1].init_setting, 1.2);
  EXPECT_EQ(net->pumps[2].kind, PumpKind::Custom);
  EXPECT_NEAR(net->pumps[2].qmax * q, 1500.0, 1e-9);
  EXPECT_EQ(net->pumps[3].kind, PumpKind::ConstPower);
  EXPECT_NEAR(net->pumps[3].r, -8.814 * 10.0, 1e-12);
}

TEST(SimInp, ErrorsNameFileLineSectionAndWhat) {
  auto e1 = parse_inp("[JUNCTIONS]\n J1 0\n[PIPES]\n P1 J1 J9 100 12 100\n", "bad.inp");
  ASSERT_FALSE(e1);
  EXPECT_EQ(e1.error().message, "bad.inp: line 4 [PIPES]: unknown node 'J9'");
  auto e2 = parse_inp("[JUNCTIONS]\n J1 zero\n", "bad.inp");
  ASSERT_FALSE(e2);
  EXPECT_EQ(e2.error().message, "bad.inp: line 2 [JUNCTIONS]: expected an elevation, got 'zero'");
  auto e3 = parse_inp("[JUNKTIONS]\n", "bad.inp");
  ASSERT_FALSE(e3);
  EXPECT_EQ(e3.error().message, "bad.inp: line 1: unknown section '[JUNKTIONS]'");
  auto e4 = parse_inp("[OPTIONS]\n Units LITRES\n", "bad.inp");
  ASSERT_FALSE(e4);
  EXPECT_NE(e4.error().message.find("line 2 [OPTIONS]: expected flow units"), std::string::npos);
  auto e5 = parse_inp("[JUNCTIONS]\n J1 0\n J2 0\n[RESERVOIRS]\n R1 9\n[PIPES]\n P1 R1 J1 1 1 1\n"
                      "[VALVES]\n V1 J1 J2 6 PRV 10\n V2 J2 J1 6 PRV 10\n",
                      "bad.inp");
  ASSERT_FALSE(e5);
  EXPECT_NE(e5.error().message.find("line 9 [VALVES]: valve V1 conflicts with valve V2"),
            std::string::npos);
  auto e6 = parse_inp("[JUNCTIONS]\n J1 0\n J1 1\n", "bad.inp");
  ASSERT_FALSE(e6);
  EXPECT_EQ(e6.error().message, "bad.inp: line 3 [JUNCTIONS]: duplicate node ID 'J1'");
  auto e7 = parse_inp("[RULES]\nRULE 1\nIF TANK T9 LEVEL > 5\n", "bad.inp");
  ASSERT_FALSE(e7);
  EXPECT_EQ(e7.error().message, "bad.inp: line 3 [RULES]: unknown node 'T9'");
}
