// MQTT feed against a real mosquitto on 127.0.0.1 (started here, on a free port): broker
// down at start and restarted mid-run, a flood, malformed payloads.
#include <gtest/gtest.h>

#include <mosquitto.h>

#include <atomic>
#include <fstream>

#include "et/live/live_state.h"
#include "et/live/mqtt_feed.h"
#include "live_test_util.h"

namespace et::live {
namespace {

using test::Broker;
using test::wait_for;

// A plain publisher; QoS 1 publishes count as done when the broker acknowledged them.
class Publisher {
 public:
  explicit Publisher(int port) {
    mosquitto_lib_init();
    m_ = mosquitto_new(nullptr, true, this);
    mosquitto_publish_callback_set(m_, [](mosquitto*, void* self, int) {
      static_cast<Publisher*>(self)->acked_.fetch_add(1);
    });
    ok_ = mosquitto_connect(m_, "127.0.0.1", port, 30) == MOSQ_ERR_SUCCESS &&
          mosquitto_loop_start(m_) == MOSQ_ERR_SUCCESS;
  }
  ~Publisher() {
    mosquitto_disconnect(m_);
    mosquitto_loop_stop(m_, false);
    mosquitto_destroy(m_);
  }
  bool ok() const { return ok_; }
  bool publish(const std::string& topic, const std::string& payload, int qos) {
    ++sent_;
    return mosquitto_publish(m_, nullptr, topic.c_str(), int(payload.size()), payload.data(), qos, false) ==
           MOSQ_ERR_SUCCESS;
  }
  bool wait_acked(double s) { return wait_for([&] { return acked_.load() >= sent_; }, s); }

 private:
  mosquitto* m_ = nullptr;
  bool ok_ = false;
  int sent_ = 0;
  std::atomic<int> acked_{0};
};

std::string topic(const std::string& sensor) { return "estatetwin/test/sensors/" + sensor; }

std::string reading(double t, double v) {
  return "{\"t\": " + std::to_string(t) + ", \"value\": " + std::to_string(v) + "}";
}

MqttOptions options(int port, const std::string& client) {
  auto o = parse_mqtt_url("mqtt://127.0.0.1:" + std::to_string(port), "Test");
  EXPECT_TRUE(o.ok());
  o->client_id = client;
  o->reconnect_min_s = 1;
  o->reconnect_max_s = 2;
  return *o;
}

long rss_kib() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::stol(line.substr(6));
  return -1;
}

TEST(LiveMqtt, UrlAndTopics) {
  auto o = parse_mqtt_url("mqtt://127.0.0.1:1884", "Muyanghu Estate");
  ASSERT_TRUE(o.ok());
  EXPECT_EQ(o->port, 1884);
  EXPECT_EQ(o->topic_filter, "estatetwin/muyanghu-estate/sensors/+");
  EXPECT_EQ(o->client_id, "estatetwin-live-muyanghu-estate");
  EXPECT_EQ(parse_mqtt_url("mqtt://h:1/a/b/#", "x")->topic_filter, "a/b/#");
  EXPECT_FALSE(parse_mqtt_url("mqtt://127.0.0.1:99999", "x").ok());
  EXPECT_FALSE(parse_mqtt_url("http://127.0.0.1:1883", "x").ok());
  EXPECT_EQ(sensor_from_topic("estatetwin/x/sensors/S-P01"), "S-P01");
}

// Broker down at start, started later, then restarted mid-run: the feed reconnects and,
// thanks to QoS 1 and the persistent session, everything published is accepted.
TEST(LiveMqtt, BrokerDownThenRestartedLosesNothing) {
  ASSERT_TRUE(Broker::installed()) << "mosquitto is not installed (apt-get install mosquitto)";
  const int port = test::free_port();
  ASSERT_GT(port, 0);
  Broker broker(port);
  LiveState state(test::numbered_sensors(2), AlarmRuleSet{});
  auto feed = MqttFeed::start(options(port, "et-test-restart"));
  ASSERT_TRUE(feed.ok()) << feed.error().message;
  MqttPump pump;
  auto pump_until = [&](const std::function<bool()>& done, double s) {
    return wait_for([&] { pump.pump(**feed, state, 0.0); return done(); }, s);
  };
  pump_until([] { return false; }, 1.0);
  EXPECT_NE((*feed)->state(), ConnState::kConnected);
  EXPECT_FALSE((*feed)->last_error().empty());

  ASSERT_TRUE(broker.start());
  ASSERT_TRUE(pump_until([&] { return (*feed)->state() == ConnState::kConnected; }, 8.0));
  const int n = 300;
  {
    Publisher pub(port);
    ASSERT_TRUE(pub.ok());
    for (int i = 0; i < n; ++i) pub.publish(topic(i % 2 ? "S-1" : "S-2"), reading(i, 0.3), 1);
    ASSERT_TRUE(pub.wait_acked(5.0));
  }
  ASSERT_TRUE(pump_until([&] { return state.counters().accepted >= std::uint64_t(n); }, 5.0));

  broker.stop();
  ASSERT_TRUE(pump_until([&] { return (*feed)->state() != ConnState::kConnected; }, 5.0));
  ASSERT_TRUE(broker.start());
  EXPECT_NE((*feed)->state(), ConnState::kConnected);  // still backing off
  {
    // Published while the twin is still backing off: the broker queues them for its session.
    Publisher pub(port);
    ASSERT_TRUE(pub.ok());
    for (int i = n; i < 2 * n; ++i) pub.publish(topic(i % 2 ? "S-1" : "S-2"), reading(i, 0.3), 1);
    ASSERT_TRUE(pub.wait_acked(5.0));
  }
  ASSERT_TRUE(pump_until([&] { return state.counters().accepted >= std::uint64_t(2 * n); }, 8.0))
      << "accepted " << state.counters().accepted;
  EXPECT_EQ((*feed)->state(), ConnState::kConnected);
  EXPECT_GE((*feed)->connections(), 2);
  EXPECT_EQ(state.counters().accepted, std::uint64_t(2 * n));
  // QoS 1 is at least once: the restarted broker may redeliver a few messages it had not
  // seen acknowledged. They are turned away as duplicates or out of order, never accepted twice.
  const Counters& c = state.counters();
  EXPECT_EQ(c.rejected_total(), c.rejected[size_t(Reject::kDuplicate)] + c.rejected[size_t(Reject::kOutOfOrder)]);
  (*feed)->stop();
}

// 10,000 readings a second for three seconds: memory stays bounded (histories are fixed,
// the queue drops its oldest when the main thread falls behind).
TEST(LiveMqtt, FloodKeepsMemoryBounded) {
  ASSERT_TRUE(Broker::installed()) << "mosquitto is not installed (apt-get install mosquitto)";
  const int port = test::free_port();
  Broker broker(port);
  ASSERT_TRUE(broker.start());
  LiveOptions lo;
  lo.history.recent_capacity = 256;
  LiveState state(test::numbered_sensors(10), AlarmRuleSet{}, lo);
  const std::size_t history_bytes = state.memory_bytes();
  MqttOptions o = options(port, "et-test-flood");
  o.queue_capacity = 1000;  // a quarter of what arrives between two of those frames
  auto feed = MqttFeed::start(o);
  ASSERT_TRUE(feed.ok());
  MqttPump pump;
  ASSERT_TRUE(wait_for([&] { return (*feed)->state() == ConnState::kConnected; }, 5.0));
  const long rss0 = rss_kib();
  Publisher pub(port);
  ASSERT_TRUE(pub.ok());
  const auto start = std::chrono::steady_clock::now();
  int sent = 0;
  for (int ms = 0; ms < 3000; ms += 10) {
    for (int k = 0; k < 100; ++k, ++sent)
      pub.publish(topic("S-" + std::to_string(1 + sent % 10)), reading(sent * 1e-4, 0.3 + (sent % 7) * 0.01), 0);
    std::this_thread::sleep_until(start + std::chrono::milliseconds(ms + 10));
    if (ms % 250 == 0) pump.pump(**feed, state, 0.0);  // a stalled main thread: 4 frames a second
  }
  wait_for([&] { pump.pump(**feed, state, 0.0); return (*feed)->received() >= std::uint64_t(sent); }, 5.0);
  pump.pump(**feed, state, 0.0);
  const long rss1 = rss_kib();
  const Counters& c = state.counters();
  EXPECT_EQ(c.accepted + c.rejected_total(), (*feed)->received());
  EXPECT_GT(c.accepted, std::uint64_t(sent) / 20);
  EXPECT_GT(c.rejected[size_t(Reject::kQueueFull)], 0u) << "the queue should have overflowed";
  for (int i = 0; i < 10; ++i) EXPECT_LE(state.history(i).size(), 256u);
  EXPECT_EQ(state.memory_bytes(), history_bytes);
  EXPECT_LT(rss1 - rss0, 64 * 1024) << "RSS grew from " << rss0 << " to " << rss1 << " KiB";
  std::printf("flood: sent %d, received %llu, accepted %llu, queue drops %llu, RSS +%ld KiB\n", sent,
              (unsigned long long)(*feed)->received(), (unsigned long long)c.accepted,
              (unsigned long long)c.rejected[size_t(Reject::kQueueFull)], rss1 - rss0);
}

TEST(LiveMqtt, MalformedPayloadsCountedAndSkipped) {
  ASSERT_TRUE(Broker::installed()) << "mosquitto is not installed (apt-get install mosquitto)";
  const int port = test::free_port();
  Broker broker(port);
  ASSERT_TRUE(broker.start());
  LiveState state(test::numbered_sensors(1), AlarmRuleSet{});
  auto feed = MqttFeed::start(options(port, "et-test-malformed"));
  ASSERT_TRUE(feed.ok());
  MqttPump pump;
  ASSERT_TRUE(wait_for([&] { return (*feed)->state() == ConnState::kConnected; }, 5.0));
  Publisher pub(port);
  ASSERT_TRUE(pub.ok());
  const std::string bad[] = {"not json", "[1, 2]", "{\"t\": 1}", "", std::string(5000, '{')};
  for (const std::string& p : bad) pub.publish(topic("S-1"), p, 1);                 // malformed: 5
  pub.publish(topic("S-1"), "{\"t\": 1, \"value\": \"NaN\"}", 1);                   // not_a_number
  pub.publish(topic("S-1"), "{\"t\": 1, \"value\": null}", 1);                      // not_a_number
  pub.publish(topic("S-1"), "{\"t\": -4, \"value\": 0.3}", 1);                      // bad_time
  pub.publish(topic("S-1"), "{\"t\": \"25:99\", \"value\": 0.3}", 1);               // bad_time
  pub.publish(topic("S-1"), "{\"t\": 2, \"value\": 99}", 1);                        // out_of_range
  pub.publish(topic("S-404"), "{\"t\": 2, \"value\": 0.3}", 1);                     // unknown_sensor
  pub.publish(topic("S-1"), "{\"t\": 10, \"value\": 0.3}", 1);                      // accepted
  pub.publish(topic("S-1"), "{\"t\": 5, \"value\": 0.3}", 1);                       // out_of_order
  pub.publish(topic("S-1"), "{\"value\": 0.31}", 1);                                // accepted, t = now
  ASSERT_TRUE(pub.wait_acked(5.0));
  ASSERT_TRUE(wait_for([&] { pump.pump(**feed, state, 20.0); return (*feed)->received() >= 14; }, 5.0));
  pump.pump(**feed, state, 20.0);
  const Counters& c = state.counters();
  EXPECT_EQ(c.accepted, 2u);
  EXPECT_EQ(c.rejected[size_t(Reject::kMalformed)], 5u);
  EXPECT_EQ(c.rejected[size_t(Reject::kNotANumber)], 2u);
  EXPECT_EQ(c.rejected[size_t(Reject::kBadTime)], 2u);
  EXPECT_EQ(c.rejected[size_t(Reject::kOutOfRange)], 1u);
  EXPECT_EQ(c.rejected[size_t(Reject::kUnknownSensor)], 1u);
  EXPECT_EQ(c.rejected[size_t(Reject::kOutOfOrder)], 1u);
  EXPECT_DOUBLE_EQ(state.history(0).latest().t, 20.0);
}

}  // namespace
}  // namespace et::live
