// Internal: the GGA's symmetric positive-definite system A h = F over the junctions,
// factorised with Eigen's SimplicialLDLT (AMD ordering). The sparsity pattern is built
// once (closed links keep their tiny conductance, so it never changes); each trial only
// refills the values, refactorises and solves.
#pragma once

#include <vector>

#include <Eigen/SparseCholesky>
#include <Eigen/SparseCore>

#include "et/sim/network.h"

namespace et::sim {

class LinearSystem {
 public:
  explicit LinearSystem(const SimNetwork& net);

  void clear();
  // Adds to the diagonal of junction row i, or to the off-diagonal entry of link k.
  void add_diag(int i, double v) { values_[size_t(diag_[size_t(i)])] += v; }
  void add_offdiag(int k, double v) { values_[size_t(off_[size_t(k)])] += v; }
  double& rhs(int i) { return f_[i]; }
  // Solves in place: on success rhs() holds the heads and 0 is returned; otherwise the
  // junction (1-based) whose pivot was not positive.
  int solve();
  const Eigen::VectorXd& solution() const { return f_; }
  int size() const { return n_; }

 private:
  int n_;
  Eigen::SparseMatrix<double> a_;  // lower triangle
  double* values_;
  std::vector<int> diag_;          // value index of each diagonal entry
  std::vector<int> off_;           // value index of each link's off-diagonal entry (-1: none)
  Eigen::VectorXd f_;
  Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>, Eigen::Lower, Eigen::AMDOrdering<int>> ldlt_;
};

}  // namespace et::sim
