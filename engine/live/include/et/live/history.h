// A sensor's time series with bounded memory: the latest readings at full resolution in a
// ring of fixed capacity, and a coarse history of fixed-width buckets (min/mean/max) in a
// second ring. Memory is fixed when the series is made, so a feed that runs for months (or
// floods at 10,000 readings a second) costs the same as one that ran for a minute.
#pragma once

#include <cstdint>
#include <vector>

namespace et::live {

struct Sample {
  double t = 0.0;  // seconds since midnight of day 0
  double value = 0.0;
};

struct Bucket {
  double t0 = 0.0;  // start of the bucket
  float min = 0.0f, mean = 0.0f, max = 0.0f;
  std::uint32_t count = 0;
};

struct HistoryConfig {
  std::size_t recent_capacity = 512;  // full-resolution readings kept
  double bucket_s = 60.0;             // width of a coarse bucket
  std::size_t coarse_capacity = 2880; // buckets kept: two days of minutes
};

class TimeSeries {
 public:
  explicit TimeSeries(const HistoryConfig& cfg = {});

  // Appends a reading; times must not decrease (the caller rejects out-of-order ones).
  void push(double t, double value);

  std::size_t size() const { return recent_size_; }  // readings in the recent ring
  std::size_t coarse_size() const { return coarse_size_; }
  std::uint64_t total() const { return total_; }  // readings ever pushed
  bool empty() const { return recent_size_ == 0; }
  // i = 0 is the oldest reading still held, size() - 1 the latest.
  const Sample& recent(std::size_t i) const;
  const Sample& latest() const { return recent(recent_size_ - 1); }
  // Completed and current coarse buckets, oldest first.
  const Bucket& coarse(std::size_t i) const;
  // The latest reading at or before `t`, or nullptr if the recent ring holds none.
  const Sample* at_or_before(double t) const;
  std::size_t capacity_bytes() const;

 private:
  void add_to_bucket(double t, double value);

  HistoryConfig cfg_;
  std::vector<Sample> recent_;
  std::size_t recent_head_ = 0, recent_size_ = 0;  // head: next slot to write
  std::vector<Bucket> coarse_;
  std::size_t coarse_head_ = 0, coarse_size_ = 0;
  double bucket_sum_ = 0.0;  // running sum of the current bucket, in double
  std::uint64_t total_ = 0;
};

}  // namespace et::live
