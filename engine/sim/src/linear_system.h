// Internal: the GGA's symmetric positive-definite system A h = F over the junctions,
// factorised with Eigen's SimplicialLDLT. The sparsity pattern never changes (closed links
// keep their tiny conductance), so the fill-reducing AMD ordering is found once and the
// matrix is assembled directly in that order, as its upper triangle: each trial only
// refills the values, refactorises (no copy, no permutation) and solves.
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
  double& rhs(int i) { return f_[perm_[size_t(i)]]; }
  // Solves in place: on success head(i) holds the heads and 0 is returned; otherwise the
  // junction (1-based) whose pivot was not positive.
  int solve();
  double head(int i) const { return f_[perm_[size_t(i)]]; }
  int size() const { return n_; }

 private:
  int n_;
  std::vector<int> perm_;          // junction -> row in elimination order
  std::vector<int> row_node_;      // row -> junction
  Eigen::SparseMatrix<double> a_;  // upper triangle, rows in elimination order
  double* values_;
  std::vector<int> diag_;          // value index of each junction's diagonal entry
  std::vector<int> off_;           // value index of each link's off-diagonal entry (-1: none)
  Eigen::VectorXd f_;
  Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>, Eigen::Upper, Eigen::NaturalOrdering<int>> ldlt_;
};

}  // namespace et::sim
