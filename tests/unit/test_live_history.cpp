// Live time series: bounded memory whatever the run length, lookups, coarse history.
#include <gtest/gtest.h>

#include "et/live/bounded_queue.h"
#include "et/live/history.h"

namespace et::live {
namespace {

TEST(LiveHistory, RecentRingKeepsTheLatestOnly) {
  HistoryConfig cfg;
  cfg.recent_capacity = 8;
  cfg.coarse_capacity = 4;
  cfg.bucket_s = 10.0;
  TimeSeries ts(cfg);
  const std::size_t bytes = ts.capacity_bytes();
  for (int i = 0; i < 1000; ++i) ts.push(i, i * 2.0);
  EXPECT_EQ(ts.size(), 8u);
  EXPECT_EQ(ts.total(), 1000u);
  EXPECT_DOUBLE_EQ(ts.recent(0).t, 992.0);
  EXPECT_DOUBLE_EQ(ts.latest().value, 1998.0);
  EXPECT_EQ(ts.coarse_size(), 4u);
  EXPECT_EQ(ts.capacity_bytes(), bytes);  // nothing grew
}

TEST(LiveHistory, CoarseBucketsHoldMinMeanMax) {
  HistoryConfig cfg;
  cfg.recent_capacity = 4;
  cfg.bucket_s = 60.0;
  TimeSeries ts(cfg);
  for (int s = 0; s < 120; ++s) ts.push(s, s < 60 ? double(s) : 100.0);
  ASSERT_EQ(ts.coarse_size(), 2u);
  EXPECT_DOUBLE_EQ(ts.coarse(0).t0, 0.0);
  EXPECT_FLOAT_EQ(ts.coarse(0).min, 0.0f);
  EXPECT_FLOAT_EQ(ts.coarse(0).max, 59.0f);
  EXPECT_FLOAT_EQ(ts.coarse(0).mean, 29.5f);
  EXPECT_EQ(ts.coarse(0).count, 60u);
  EXPECT_FLOAT_EQ(ts.coarse(1).mean, 100.0f);
}

TEST(LiveHistory, AtOrBefore) {
  TimeSeries ts;
  EXPECT_EQ(ts.at_or_before(5.0), nullptr);
  for (int i = 0; i < 10; ++i) ts.push(i * 10.0, i);
  EXPECT_EQ(ts.at_or_before(-1.0), nullptr);
  EXPECT_DOUBLE_EQ(ts.at_or_before(35.0)->value, 3.0);
  EXPECT_DOUBLE_EQ(ts.at_or_before(40.0)->value, 4.0);
  EXPECT_DOUBLE_EQ(ts.at_or_before(1e9)->value, 9.0);
}

TEST(LiveHistory, MemoryIsPerSensorNotPerReading) {
  TimeSeries a, b;
  for (int i = 0; i < 200000; ++i) b.push(i * 0.5, 1.0);
  EXPECT_EQ(a.capacity_bytes(), b.capacity_bytes());
  EXPECT_LT(a.capacity_bytes(), std::size_t(128 * 1024));
}

TEST(LiveHistory, QueueDropsOldestWhenFull) {
  BoundedQueue<int> q(3);
  for (int i = 0; i < 5; ++i) q.push(i);
  EXPECT_EQ(q.dropped(), 2u);
  std::vector<int> out;
  EXPECT_EQ(q.drain(out), 3u);
  EXPECT_EQ(out, (std::vector<int>{2, 3, 4}));
  EXPECT_EQ(q.size(), 0u);
}

}  // namespace
}  // namespace et::live
