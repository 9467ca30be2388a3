#include "et/sim/simulate.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace et::sim {

RunSummary run_simulation(const SimNetwork& net,
                          const std::function<void(const Hydraulics&)>& on_report) {
  RunSummary s;
  Hydraulics h(net);
  h.init();
  const Times& tm = net.times;
  do {
    SolveInfo info = h.solve();
    ++s.solutions;
    s.trials += info.trials;
    long t = h.time();
    // An unsolvable system (EPANET's error 110) has no results at this time.
    if (!info.ill_conditioned && t >= tm.report_start && (t - tm.report_start) % tm.report_step == 0) {
      if (on_report) on_report(h);
      ++s.reports;
    }
    for (std::string& w : h.take_warnings()) s.warnings.push_back(std::move(w));
    if (h.halted()) {
      s.halted = true;
      break;
    }
  } while (h.advance() > 0);
  return s;
}

namespace {

void put_fixed4(std::string& out, double v) {
  char buf[64];
  if (!std::isfinite(v)) v = 0.0;
  int n = std::snprintf(buf, sizeof buf, "%.4f", v);
  out.append(buf, size_t(n));
}

void put_long(std::string& out, long v) {
  char buf[24];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

}  // namespace

void append_csv_rows(const SimNetwork& net, const Hydraulics& h, std::string& nodes,
                     std::string& links) {
  long t = h.time();
  for (int n = 0; n < int(net.nodes.size()); ++n) {
    put_long(nodes, t);
    nodes += ',';
    nodes += net.nodes[size_t(n)].id;
    nodes += ',';
    put_fixed4(nodes, h.report_pressure(n));
    nodes += ',';
    put_fixed4(nodes, h.report_head(n));
    nodes += ',';
    put_fixed4(nodes, h.report_demand(n));
    nodes += '\n';
  }
  for (int k = 0; k < int(net.links.size()); ++k) {
    put_long(links, t);
    links += ',';
    links += net.links[size_t(k)].id;
    links += ',';
    put_fixed4(links, h.report_flow(k));
    links += ',';
    put_fixed4(links, h.report_velocity(k));
    links += ',';
    put_long(links, h.report_status(k));
    links += '\n';
  }
}

}  // namespace et::sim
