// The MQTT feed: a libmosquitto client subscribed to the estate's sensor topics
// (estatetwin/<scene-slug>/sensors/<sensor-id>, payload {"t": ..., "value": ...}) with
// QoS 1 and a persistent session (clean_session = false, a fixed client id), so the broker
// keeps what arrives while the twin is disconnected and hands it over on reconnection.
// The network thread only queues messages; the main thread drains them once a frame.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "et/core/error.h"
#include "et/live/bounded_queue.h"
#include "et/live/live_state.h"

struct mosquitto;
struct mosquitto_message;

namespace et::live {

enum class ConnState { kDown, kConnecting, kConnected };
const char* conn_state_name(ConnState s);  // "down", "connecting", "connected"

struct MqttOptions {
  std::string host = "127.0.0.1";
  int port = 1883;
  std::string topic_filter;  // e.g. estatetwin/muyanghu/sensors/+
  std::string client_id;     // fixed, so the broker finds the session again
  int keepalive_s = 30;
  int qos = 1;
  std::size_t queue_capacity = 65536;
  std::size_t max_payload = 1024;  // larger payloads are malformed (counted, not queued)
  unsigned reconnect_min_s = 1, reconnect_max_s = 30;  // exponential back-off
};

// "estatetwin/<slug>/sensors/" of a scene name: lower case, runs of other characters -> '-'.
std::string scene_slug(const std::string& scene_name);
// mqtt://HOST:PORT[/TOPIC-FILTER]; without a topic, estatetwin/<slug>/sensors/+. The
// client id is estatetwin-live-<slug>.
Result<MqttOptions> parse_mqtt_url(const std::string& url, const std::string& scene_name);
// The sensor id in a topic: its last level.
std::string sensor_from_topic(const std::string& topic);

struct MqttMessage {
  std::string topic;
  std::string payload;
  bool too_large = false;
};

class MqttFeed {
 public:
  // Starts the network thread and the (asynchronous) connection. A broker that is down is
  // not an error: the client keeps retrying with back-off and state() says so.
  static Result<std::unique_ptr<MqttFeed>> start(const MqttOptions& options);
  ~MqttFeed();
  MqttFeed(const MqttFeed&) = delete;
  MqttFeed& operator=(const MqttFeed&) = delete;

  // Moves what arrived since the last call to `out` (main thread, once a frame).
  std::size_t drain(std::vector<MqttMessage>& out) { return queue_.drain(out); }
  // Disconnects and joins the network thread; what was queued stays there to drain.
  void stop();
  ConnState state() const { return state_.load(); }
  std::string last_error() const;
  std::uint64_t dropped() const { return queue_.dropped(); }  // queue full, oldest dropped
  std::uint64_t received() const { return received_.load(); }
  int connections() const { return connections_.load(); }  // successful (re)connections
  const MqttOptions& options() const { return options_; }

 private:
  explicit MqttFeed(const MqttOptions& options);
  static void on_connect(struct mosquitto*, void* self, int rc);
  static void on_disconnect(struct mosquitto*, void* self, int rc);
  static void on_message(struct mosquitto*, void* self, const struct mosquitto_message* m);
  void set_error(const std::string& e);
  void run();  // the network thread


  MqttOptions options_;
  struct mosquitto* mosq_ = nullptr;
  BoundedQueue<MqttMessage> queue_;
  std::atomic<ConnState> state_{ConnState::kConnecting};
  std::atomic<std::uint64_t> received_{0};
  std::atomic<int> connections_{0};
  mutable std::mutex error_mutex_;
  std::string last_error_;
  std::thread thread_;
  std::mutex stop_mutex_;
  std::condition_variable stop_cv_;
  std::atomic<bool> stopping_{false};
};

// The once-a-frame step on the main thread: drains `feed`, parses each payload (sensor id
// from the topic; readings without "t" are stamped `now`), pushes it into `state`, and
// counts bad payloads and the queue's drops there. Returns the messages handled.
class MqttPump {
 public:
  std::size_t pump(MqttFeed& feed, LiveState& state, double now);

 private:
  std::vector<MqttMessage> batch_;
  std::uint64_t dropped_seen_ = 0;
};

}  // namespace et::live
