// libmosquitto client for the MQTT feed. Callbacks run on libmosquitto's network thread
// (MqttFeed::run); they touch only the queue, atomics and the error string.
#include "et/live/mqtt_feed.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <mutex>

#include <mosquitto.h>

namespace et::live {
namespace {

// mosquitto_lib_init is process-wide and not thread safe: do it once.
void lib_init_once() {
  static std::once_flag once;
  std::call_once(once, [] { mosquitto_lib_init(); });
}

}  // namespace

const char* conn_state_name(ConnState s) {
  switch (s) {
    case ConnState::kConnected: return "connected";
    case ConnState::kConnecting: return "connecting";
    default: return "down";
  }
}

std::string scene_slug(const std::string& name) {
  std::string slug;
  for (unsigned char c : name) {
    if (std::isalnum(c)) slug += char(std::tolower(c));
    else if (!slug.empty() && slug.back() != '-') slug += '-';
  }
  while (!slug.empty() && slug.back() == '-') slug.pop_back();
  return slug.empty() ? "scene" : slug;
}

std::string sensor_from_topic(const std::string& topic) {
  const size_t slash = topic.rfind('/');
  return slash == std::string::npos ? topic : topic.substr(slash + 1);
}

Result<MqttOptions> parse_mqtt_url(const std::string& url, const std::string& scene_name) {
  const std::string scheme = "mqtt://";
  auto bad = [&](const std::string& what) {
    return Error{"--source " + url + ": " + what + " (expected mqtt://HOST:PORT[/TOPIC])"};
  };
  if (url.rfind(scheme, 0) != 0) return bad("not an mqtt:// address");
  std::string rest = url.substr(scheme.size());
  const size_t slash = rest.find('/');
  std::string hostport = rest.substr(0, slash);
  MqttOptions o;
  const std::string slug = scene_slug(scene_name);
  o.topic_filter = slash == std::string::npos ? "" : rest.substr(slash + 1);
  if (o.topic_filter.empty()) {
    o.topic_filter = "estatetwin/";
    o.topic_filter += slug;
    o.topic_filter += "/sensors/+";
  }
  o.client_id = "estatetwin-live-";
  o.client_id += slug;
  const size_t colon = hostport.rfind(':');
  o.host = hostport.substr(0, colon);
  if (o.host.empty()) return bad("no host");
  if (colon != std::string::npos) {
    const std::string port = hostport.substr(colon + 1);
    if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string::npos)
      return bad("bad port '" + port + "'");
    o.port = std::stoi(port);
    if (o.port < 1 || o.port > 65535) return bad("port out of range");
  }
  return o;
}

MqttFeed::MqttFeed(const MqttOptions& options)
    : options_(options), queue_(options.queue_capacity) {}

Result<std::unique_ptr<MqttFeed>> MqttFeed::start(const MqttOptions& options) {
  lib_init_once();
  std::unique_ptr<MqttFeed> f(new MqttFeed(options));
  // clean_session = false: the broker keeps our subscription and queues QoS 1 messages
  // while we are away; that is what makes a reconnect lose nothing.
  f->mosq_ = mosquitto_new(options.client_id.c_str(), false, f.get());
  if (!f->mosq_) return Error{"mqtt: cannot create a client (out of memory or bad client id)"};
  mosquitto_threaded_set(f->mosq_, true);  // our own network thread, below
  mosquitto_connect_callback_set(f->mosq_, &MqttFeed::on_connect);
  mosquitto_disconnect_callback_set(f->mosq_, &MqttFeed::on_disconnect);
  mosquitto_message_callback_set(f->mosq_, &MqttFeed::on_message);
  mosquitto_reconnect_delay_set(f->mosq_, options.reconnect_min_s, options.reconnect_max_s, true);
  f->thread_ = std::thread([p = f.get()] { p->run(); });
  return f;
}

// libmosquitto's own thread (mosquitto_loop_start) gives up when the very first connection
// is refused, and a twin started before its broker must not. So: connect with back-off
// here; once connected, mosquitto_loop_forever reconnects by itself (same back-off) and
// returns only when we disconnect or on a fatal error, which sends us round again.
void MqttFeed::run() {
  unsigned delay = std::max(1u, options_.reconnect_min_s);
  while (!stopping_) {
    state_ = ConnState::kConnecting;
    int rc = mosquitto_connect(mosq_, options_.host.c_str(), options_.port, options_.keepalive_s);
    if (rc == MOSQ_ERR_SUCCESS) {
      if (stopping_) {  // stop() came while connecting: its disconnect found no connection
        mosquitto_disconnect(mosq_);
        break;
      }
      delay = std::max(1u, options_.reconnect_min_s);
      rc = mosquitto_loop_forever(mosq_, 100, 1);
      if (stopping_) break;
    }
    if (rc != MOSQ_ERR_SUCCESS)
      set_error(rc == MOSQ_ERR_ERRNO ? std::string("connect: ") + std::strerror(errno) : mosquitto_strerror(rc));
    state_ = ConnState::kConnecting;
    std::unique_lock<std::mutex> lock(stop_mutex_);
    stop_cv_.wait_for(lock, std::chrono::seconds(delay), [&] { return stopping_.load(); });
    delay = std::min(delay * 2, std::max(delay, options_.reconnect_max_s));
  }
  state_ = ConnState::kDown;
}

void MqttFeed::stop() {
  if (!thread_.joinable()) return;
  {
    std::lock_guard<std::mutex> lock(stop_mutex_);
    stopping_ = true;
  }
  stop_cv_.notify_all();
  mosquitto_disconnect(mosq_);  // ends mosquitto_loop_forever
  thread_.join();
  state_ = ConnState::kDown;
}

MqttFeed::~MqttFeed() {
  stop();
  if (mosq_) mosquitto_destroy(mosq_);
}

std::string MqttFeed::last_error() const {
  std::lock_guard<std::mutex> lock(error_mutex_);
  return last_error_;
}

void MqttFeed::set_error(const std::string& e) {
  std::lock_guard<std::mutex> lock(error_mutex_);
  last_error_ = e;
}

void MqttFeed::on_connect(struct mosquitto* m, void* self, int rc) {
  auto* f = static_cast<MqttFeed*>(self);
  if (rc != 0) {
    f->state_ = ConnState::kConnecting;  // refused (e.g. not authorised); back-off retries
    f->set_error(std::string("connack: ") + mosquitto_connack_string(rc));
    return;
  }
  // Subscribing again is harmless with a persistent session and needed without one.
  int s = mosquitto_subscribe(m, nullptr, f->options_.topic_filter.c_str(), f->options_.qos);
  if (s != MOSQ_ERR_SUCCESS) f->set_error(std::string("subscribe: ") + mosquitto_strerror(s));
  f->connections_.fetch_add(1);
  f->state_ = ConnState::kConnected;
}

void MqttFeed::on_disconnect(struct mosquitto*, void* self, int rc) {
  auto* f = static_cast<MqttFeed*>(self);
  if (rc == 0) {
    f->state_ = ConnState::kDown;  // we asked for it
    return;
  }
  f->state_ = ConnState::kConnecting;
  f->set_error("connection lost; reconnecting");
}

void MqttFeed::on_message(struct mosquitto*, void* self, const struct mosquitto_message* m) {
  auto* f = static_cast<MqttFeed*>(self);
  f->received_.fetch_add(1);
  MqttMessage msg;
  msg.topic = m->topic ? m->topic : "";
  if (m->payloadlen < 0 || size_t(m->payloadlen) > f->options_.max_payload) msg.too_large = true;
  else if (m->payloadlen > 0) msg.payload.assign(static_cast<const char*>(m->payload), size_t(m->payloadlen));
  f->queue_.push(std::move(msg));
}

std::size_t MqttPump::pump(MqttFeed& feed, LiveState& state, double now) {
  batch_.clear();
  feed.drain(batch_);
  RawReading r;
  for (const MqttMessage& m : batch_) {
    const Reject why = m.too_large ? Reject::kMalformed
                                   : parse_reading_payload(m.payload, sensor_from_topic(m.topic), now, r);
    if (why != Reject::kCount) state.reject(why);
    else state.push(r);
  }
  const std::uint64_t dropped = feed.dropped();
  state.reject(Reject::kQueueFull, dropped - dropped_seen_);
  dropped_seen_ = dropped;
  return batch_.size();
}

}  // namespace et::live
