// The global gradient algorithm (Todini & Pilati 1988) as EPANET runs it: each trial
// linearises every link about its current flow, solves the junction heads, updates the
// flows, and checks valve status; link status (pumps, check valves, tank links) is
// checked every CHECKFREQ trials up to MAXCHECK and again at convergence.
#include <algorithm>
#include <cmath>

#include "constants.h"
#include "et/sim/hydraulics.h"
#include "linear_system.h"

namespace et::sim {
namespace {

// An emitter's head-loss gradient and head loss at flow q: a power law, linearised below
// the gradient limit rq as EPANET does. Shared by the matrix set-up and the flow update.
void emitter_head_loss(const Node& node, double q, double qexp, double rq, double& hgrad,
                       double& hloss) {
  double ke = std::max(kCSmall, node.emitter);
  hgrad = qexp * ke * std::pow(std::fabs(q), qexp - 1.0);
  if (hgrad < rq) {
    hgrad = rq / qexp;
    hloss = hgrad * q;
  } else {
    hloss = hgrad * q / qexp;
  }
}

}  // namespace


LinearSystem::LinearSystem(const SimNetwork& net) : n_(net.njuncs) {
  using Triplet = Eigen::Triplet<double>;
  auto both_junctions = [&](const Link& l) { return l.n1 < n_ && l.n2 < n_; };
  // Fill-reducing order of the junctions (approximate minimum degree on the pattern).
  perm_.resize(size_t(n_));
  {
    std::vector<Triplet> t;
    t.reserve(size_t(n_) + 2 * net.links.size());
    for (int i = 0; i < n_; ++i) t.emplace_back(i, i, 1.0);
    for (const Link& l : net.links) {
      if (!both_junctions(l)) continue;
      t.emplace_back(l.n1, l.n2, 1.0);
      t.emplace_back(l.n2, l.n1, 1.0);
    }
    Eigen::SparseMatrix<double> pattern(n_, n_);
    pattern.setFromTriplets(t.begin(), t.end());
    Eigen::PermutationMatrix<Eigen::Dynamic, Eigen::Dynamic, int> pinv;
    if (n_ > 0) Eigen::AMDOrdering<int>()(pattern, pinv);
    for (int r = 0; r < n_; ++r) perm_[size_t(pinv.indices()[r])] = r;
  }
  row_node_.resize(size_t(n_));
  for (int i = 0; i < n_; ++i) row_node_[size_t(perm_[size_t(i)])] = i;
  // Upper triangle (row <= column) in that order.
  std::vector<Triplet> t;
  t.reserve(size_t(n_) + net.links.size());
  for (int i = 0; i < n_; ++i) t.emplace_back(i, i, 0.0);
  for (const Link& l : net.links) {
    if (!both_junctions(l)) continue;
    int r1 = perm_[size_t(l.n1)], r2 = perm_[size_t(l.n2)];
    t.emplace_back(std::min(r1, r2), std::max(r1, r2), 0.0);
  }
  a_.resize(n_, n_);
  a_.setFromTriplets(t.begin(), t.end());
  a_.makeCompressed();
  values_ = a_.valuePtr();
  auto index_of = [&](int row, int col) {
    const int* outer = a_.outerIndexPtr();
    const int* inner = a_.innerIndexPtr();
    const int* p = std::lower_bound(inner + outer[col], inner + outer[col + 1], row);
    return int(p - inner);
  };
  diag_.resize(size_t(n_));
  for (int i = 0; i < n_; ++i) diag_[size_t(i)] = index_of(perm_[size_t(i)], perm_[size_t(i)]);
  off_.assign(net.links.size(), -1);
  for (size_t k = 0; k < net.links.size(); ++k) {
    const Link& l = net.links[k];
    if (!both_junctions(l)) continue;
    int r1 = perm_[size_t(l.n1)], r2 = perm_[size_t(l.n2)];
    off_[k] = index_of(std::min(r1, r2), std::max(r1, r2));
  }
  f_.setZero(n_);
  if (n_ > 0) ldlt_.analyzePattern(a_);
}

void LinearSystem::clear() {
  std::fill(values_, values_ + a_.nonZeros(), 0.0);
  f_.setZero();
}

int LinearSystem::solve() {
  if (n_ == 0) return 0;
  ldlt_.factorize(a_);
  const Eigen::VectorXd& d = ldlt_.vectorD();
  bool ok = ldlt_.info() == Eigen::Success;
  int bad = -1;
  for (int j = 0; j < n_; ++j) {
    if (!(d[j] > 0.0)) {
      bad = j;
      break;
    }
  }
  if (!ok || bad >= 0) return row_node_[size_t(bad < 0 ? 0 : bad)] + 1;
  ldlt_.matrixL().solveInPlace(f_);
  f_.array() /= d.array();
  ldlt_.matrixU().solveInPlace(f_);
  return 0;
}

void Hydraulics::matrix_coeffs() {
  LinearSystem& ls = *ls_;
  const int nj = net_.njuncs;
  ls.clear();
  std::fill(xflow_.begin(), xflow_.end(), 0.0);
  head_loss_coeffs();
  // Links.
  for (int k = 0; k < int(net_.links.size()); ++k) {
    size_t i = size_t(k);
    double p = p_[i];
    if (p == 0.0) continue;
    const Link& l = net_.links[i];
    int n1 = l.n1, n2 = l.n2;
    xflow_[size_t(n1)] -= flow_[i];
    xflow_[size_t(n2)] += flow_[i];
    if (n1 < nj && n2 < nj) ls.add_offdiag(k, -p);
    if (n1 < nj) {
      ls.add_diag(n1, p);
      ls.rhs(n1) += y_[i];
    } else if (n2 < nj) {
      ls.rhs(n2) += p * head_[size_t(n1)];
    }
    if (n2 < nj) {
      ls.add_diag(n2, p);
      ls.rhs(n2) -= y_[i];
    } else if (n1 < nj) {
      ls.rhs(n1) += p * head_[size_t(n2)];
    }
  }
  // Emitters: a link to a virtual reservoir at the junction's elevation.
  const double qexp = net_.options.qexp, rq = net_.options.rqtol;
  for (int n = 0; n < nj; ++n) {
    const Node& node = net_.nodes[size_t(n)];
    if (node.emitter == 0.0) continue;
    const double q = emitter_flow_[size_t(n)];
    double hgrad, hloss;
    emitter_head_loss(node, q, qexp, rq, hgrad, hloss);
    ls.add_diag(n, 1.0 / hgrad);
    ls.rhs(n) += (hloss + node.elev) / hgrad;
    xflow_[size_t(n)] -= q;
  }
  // Junction demands: the flow imbalance goes to the right-hand side.
  for (int n = 0; n < nj; ++n) {
    xflow_[size_t(n)] -= demand_flow_[size_t(n)];
    ls.rhs(n) += xflow_[size_t(n)];
  }
  // Pressure and flow control valves with a setting.
  for (int k : net_.valves) {
    size_t i = size_t(k);
    if (setting_[i] == kMissing) continue;
    const Link& l = net_.links[i];
    int n1 = l.n1, n2 = l.n2;
    if (l.type == LinkType::PRV && status_[i] == LinkStatus::Active) {
      double hset = net_.nodes[size_t(n2)].elev + setting_[i];
      p_[i] = 0.0;
      y_[i] = flow_[i] + xflow_[size_t(n2)];
      ls.rhs(n2) += hset * kCBig;
      ls.add_diag(n2, kCBig);
      if (xflow_[size_t(n2)] < 0.0) ls.rhs(n1) += xflow_[size_t(n2)];
      continue;
    }
    if (l.type == LinkType::PSV && status_[i] == LinkStatus::Active) {
      double hset = net_.nodes[size_t(n1)].elev + setting_[i];
      p_[i] = 0.0;
      y_[i] = flow_[i] - xflow_[size_t(n1)];
      ls.rhs(n1) += hset * kCBig;
      ls.add_diag(n1, kCBig);
      if (xflow_[size_t(n1)] > 0.0) ls.rhs(n2) += xflow_[size_t(n1)];
      ls.add_offdiag(k, -1.0 / kCBig);  // keeps the downstream side connected
      ls.add_diag(n2, 1.0 / kCBig);
      continue;
    }
    if (l.type == LinkType::FCV && status_[i] == LinkStatus::Active) {
      double q = setting_[i];
      xflow_[size_t(n1)] -= q;
      ls.rhs(n1) -= q;
      xflow_[size_t(n2)] += q;
      ls.rhs(n2) += q;
      p_[i] = 1.0 / kCBig;
      ls.add_offdiag(k, -p_[i]);
      ls.add_diag(n1, p_[i]);
      ls.add_diag(n2, p_[i]);
      y_[i] = flow_[i] - q;
      continue;
    }
    if (l.type != LinkType::PRV && l.type != LinkType::PSV && l.type != LinkType::FCV) continue;
    valve_coeff(k, l.km);
    ls.add_offdiag(k, -p_[i]);
    ls.add_diag(n1, p_[i]);
    ls.add_diag(n2, p_[i]);
    ls.rhs(n1) += y_[i] - flow_[i];
    ls.rhs(n2) -= y_[i] - flow_[i];
  }
}

double Hydraulics::new_flows() {
  const int nj = net_.njuncs;
  for (size_t n = size_t(nj); n < demand_.size(); ++n) demand_[n] = 0.0;
  double qsum = 0.0, dqsum = 0.0, maxdq = 0.0;
  for (size_t k = 0; k < net_.links.size(); ++k) {
    const Link& l = net_.links[k];
    double dh = head_[size_t(l.n1)] - head_[size_t(l.n2)];
    double dq = (y_[k] - p_[k] * dh) * relax_;
    if (l.type == LinkType::Pump && net_.pumps[size_t(l.pump)].kind == PumpKind::ConstPower &&
        dq > flow_[k])
      dq = flow_[k] / 2.0;
    flow_[k] -= dq;
    qsum += std::fabs(flow_[k]);
    dqsum += std::fabs(dq);
    maxdq = std::max(maxdq, std::fabs(dq));
    if (status_[k] > LinkStatus::Closed) {
      if (l.n1 >= nj) demand_[size_t(l.n1)] -= flow_[k];
      if (l.n2 >= nj) demand_[size_t(l.n2)] += flow_[k];
    }
  }
  const double qexp = net_.options.qexp, rq = net_.options.rqtol;
  for (int n = 0; n < nj; ++n) {
    const Node& node = net_.nodes[size_t(n)];
    if (node.emitter == 0.0) continue;
    const double q = emitter_flow_[size_t(n)];
    double hgrad, hloss;
    emitter_head_loss(node, q, qexp, rq, hgrad, hloss);
    double dq = (hloss - head_[size_t(n)] + node.elev) / hgrad * relax_;
    emitter_flow_[size_t(n)] -= dq;
    qsum += std::fabs(emitter_flow_[size_t(n)]);
    dqsum += std::fabs(dq);
    maxdq = std::max(maxdq, std::fabs(dq));
  }
  max_flow_change_ = maxdq;
  return qsum > net_.options.accuracy ? dqsum / qsum : dqsum;
}

bool Hydraulics::converged(double relerr) {
  const Options& o = net_.options;
  if (relerr > o.accuracy) return false;
  if (o.flow_change > 0.0 && max_flow_change_ > o.flow_change) return false;
  if (o.head_error > 0.0) {
    head_loss_coeffs();
    for (size_t k = 0; k < net_.links.size(); ++k) {
      if (status_[k] <= LinkStatus::Closed || p_[k] <= 1.0 / kCBig) continue;
      const Link& l = net_.links[k];
      double dh = head_[size_t(l.n1)] - head_[size_t(l.n2)];
      if (std::fabs(dh - y_[k] / p_[k]) > o.head_error) return false;
    }
  }
  return true;
}

SolveInfo Hydraulics::hydsolve() {
  const Options& o = net_.options;
  SolveInfo info;
  int nextcheck = o.check_freq;
  relax_ = 1.0;
  int maxtrials = o.max_iter + std::max(0, o.extra_iter);
  int iter = 1;
  int errnode = 0;
  double relerr = 0.0;
  while (iter <= maxtrials) {
    matrix_coeffs();
    errnode = ls_->solve();
    if (errnode > 0) {
      if (bad_valve(errnode - 1)) continue;
      break;
    }
    for (int n = 0; n < net_.njuncs; ++n) head_[size_t(n)] = ls_->head(n);
    relerr = new_flows();
    relax_ = 1.0;
    bool valve_change = false;
    if (o.damp_limit > 0.0) {
      if (relerr <= o.damp_limit) {
        relax_ = 0.6;
        valve_change = valve_status();
      }
    } else {
      valve_change = valve_status();
    }
    if (converged(relerr)) {
      if (iter > o.max_iter) break;
      bool change = valve_change;
      if (link_status()) change = true;
      if (pressure_switch()) change = true;
      if (!change) break;
      nextcheck = iter + o.check_freq;
    } else if (iter <= o.max_check && iter == nextcheck) {
      link_status();
      nextcheck += o.check_freq;
    }
    ++iter;
  }
  info.trials = iter;
  info.relerr = relerr;
  info.converged = relerr <= o.accuracy && iter <= o.max_iter;
  if (errnode > 0) {
    info.ill_conditioned = true;
    info.converged = false;
    warnings_.push_back("WARNING: Ill-conditioned matrix at node " +
                        net_.nodes[size_t(errnode - 1)].id + " at " + clock(htime_) + " hrs.");
  }
  for (int n = 0; n < net_.njuncs; ++n)
    demand_[size_t(n)] = demand_flow_[size_t(n)] + emitter_flow_[size_t(n)];
  return info;
}

}  // namespace et::sim
