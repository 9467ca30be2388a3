// Ring buffers for TimeSeries; both are allocated once, at construction.
#include "et/live/history.h"

#include <algorithm>
#include <cmath>

namespace et::live {

TimeSeries::TimeSeries(const HistoryConfig& cfg) : cfg_(cfg) {
  cfg_.recent_capacity = std::max<std::size_t>(cfg_.recent_capacity, 2);
  cfg_.coarse_capacity = std::max<std::size_t>(cfg_.coarse_capacity, 1);
  if (!(cfg_.bucket_s > 0.0)) cfg_.bucket_s = 60.0;
  recent_.resize(cfg_.recent_capacity);
  coarse_.resize(cfg_.coarse_capacity);
}

void TimeSeries::push(double t, double value) {
  recent_[recent_head_] = {t, value};
  recent_head_ = (recent_head_ + 1) % recent_.size();
  recent_size_ = std::min(recent_size_ + 1, recent_.size());
  add_to_bucket(t, value);
  ++total_;
}

void TimeSeries::add_to_bucket(double t, double value) {
  const double t0 = std::floor(t / cfg_.bucket_s) * cfg_.bucket_s;
  const float v = float(value);
  if (coarse_size_ > 0) {
    Bucket& b = coarse_[(coarse_head_ + coarse_.size() - 1) % coarse_.size()];
    if (b.t0 == t0) {
      b.min = std::min(b.min, v);
      b.max = std::max(b.max, v);
      ++b.count;
      bucket_sum_ += value;
      b.mean = float(bucket_sum_ / b.count);
      return;
    }
  }
  // A new bucket; the oldest one falls off when the ring is full.
  coarse_[coarse_head_] = {t0, v, v, v, 1};
  coarse_head_ = (coarse_head_ + 1) % coarse_.size();
  coarse_size_ = std::min(coarse_size_ + 1, coarse_.size());
  bucket_sum_ = value;
}

const Sample& TimeSeries::recent(std::size_t i) const {
  const std::size_t start = (recent_head_ + recent_.size() - recent_size_) % recent_.size();
  return recent_[(start + i) % recent_.size()];
}

const Bucket& TimeSeries::coarse(std::size_t i) const {
  const std::size_t start = (coarse_head_ + coarse_.size() - coarse_size_) % coarse_.size();
  return coarse_[(start + i) % coarse_.size()];
}

const Sample* TimeSeries::at_or_before(double t) const {
  // Times are non-decreasing along the ring, so binary search over logical indices.
  std::size_t lo = 0, hi = recent_size_;
  while (lo < hi) {
    std::size_t mid = (lo + hi) / 2;
    if (recent(mid).t <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo == 0 ? nullptr : &recent(lo - 1);
}

std::size_t TimeSeries::capacity_bytes() const {
  return recent_.capacity() * sizeof(Sample) + coarse_.capacity() * sizeof(Bucket);
}

}  // namespace et::live
