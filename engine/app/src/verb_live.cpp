// estatetwin live: runs a sensor feed with no window (a replay file, or an MQTT broker)
// through the scene's sensors and alarm rules, and writes every alarm raised as CSV.
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <limits>
#include <thread>

#include "et/core/file_io.h"
#include "et/live/live_state.h"
#include "et/live/mqtt_feed.h"
#include "et/live/replay.h"
#include "et/live/scene_live.h"
#include "verbs.h"

namespace et::app {

static const char* kLiveHelp =
    "usage: estatetwin live SCENE [--source FILE.jsonl | mqtt://HOST:PORT[/TOPIC]]\n"
    "                             [--until SECONDS] --alarms ALARMS.csv\n"
    "Feeds sensor readings through the scene's sensors and alarm rules (scene.json keys\n"
    "\"sensors\", \"alarm_rules\") with no window, writes every alarm raised, and prints how\n"
    "many readings were accepted and how many rejected, by reason.\n"
    "  --source FILE.jsonl   replay a readings file (default: the scene's \"live_log\")\n"
    "  --source mqtt://HOST:PORT[/TOPIC]   subscribe (QoS 1, persistent session) to TOPIC,\n"
    "                        default estatetwin/<scene-slug>/sensors/+\n"
    "  --until SECONDS       replay: ignore readings after this scenario time (or HH:MM);\n"
    "                        mqtt: stop after this many seconds of wall time (else on\n"
    "                        SIGINT/SIGTERM); either way what was raised is written\n"
    "  --alarms FILE.csv     time_s,time,sensor,element,utility,rule,value,limit (atomic)\n";

namespace {

volatile std::sig_atomic_t g_stop = 0;
extern "C" void on_stop_signal(int) { g_stop = 1; }

// Seconds since local midnight of today: the clock for MQTT payloads that carry no "t".
double local_clock_now() {
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  localtime_r(&now, &tm);
  return tm.tm_hour * 3600.0 + tm.tm_min * 60.0 + tm.tm_sec;
}

int run_mqtt(live::LiveState& state, const live::MqttOptions& opts, double until_s) {
  auto feed = live::MqttFeed::start(opts);
  if (!feed) return fail(feed.error());
  std::printf("mqtt: %s:%d topic %s, client id %s\n", opts.host.c_str(), opts.port,
              opts.topic_filter.c_str(), opts.client_id.c_str());
  std::fflush(stdout);
  auto old_int = std::signal(SIGINT, on_stop_signal);
  auto old_term = std::signal(SIGTERM, on_stop_signal);
  using clock = std::chrono::steady_clock;
  const auto start = clock::now();
  const double clock0 = local_clock_now();
  auto data_wall = start;  // wall time of the last accepted reading
  double data_clock = std::numeric_limits<double>::quiet_NaN();
  live::MqttPump pump;
  live::ConnState shown = live::ConnState::kDown;
  auto drain = [&] {
    const auto now = clock::now();
    const std::uint64_t before = state.counters().accepted;
    pump.pump(**feed, state, clock0 + std::chrono::duration<double>(now - start).count());
    // The clock runs on from the last reading's time at wall speed, so stale-data rules
    // fire even when the whole feed goes quiet.
    if (state.counters().accepted != before) data_clock = state.clock(), data_wall = now;
    else if (!std::isnan(data_clock)) state.advance(data_clock + std::chrono::duration<double>(now - data_wall).count());
  };
  while (!g_stop && std::chrono::duration<double>(clock::now() - start).count() < until_s) {
    std::this_thread::sleep_for(std::chrono::milliseconds(16));  // one frame
    drain();
    if (live::ConnState s = (*feed)->state(); s != shown) {
      shown = s;
      std::string err = s == live::ConnState::kConnected ? "" : (*feed)->last_error();
      std::printf("mqtt: %s%s%s\n", live::conn_state_name(s), err.empty() ? "" : ": ", err.c_str());
      std::fflush(stdout);
    }
  }
  (*feed)->stop();
  drain();  // what arrived before the disconnect was acknowledged: keep it
  std::signal(SIGINT, old_int);
  std::signal(SIGTERM, old_term);
  if (g_stop) std::printf("mqtt: stopped by signal\n");
  std::printf("mqtt: %llu messages received, %d connection%s\n",
              (unsigned long long)(*feed)->received(), (*feed)->connections(),
              (*feed)->connections() == 1 ? "" : "s");
  return 0;
}

}  // namespace

int verb_live(const Argv& argv) {
  auto args = parse_args(argv, {"source", "until", "alarms"}, {"help"});
  if (!args) return fail(args.error(), 2);
  if (args->has("help")) return std::fputs(kLiveHelp, stdout), 0;
  if (args->positional.size() != 1) return fail("live: expected one SCENE (see --help)", 2);
  if (!args->has("alarms")) return fail("live: --alarms FILE.csv is required (see --help)", 2);
  const std::string source = args->get("source");
  const bool mqtt = source.rfind("mqtt://", 0) == 0;
  double until = std::numeric_limits<double>::infinity();
  if (args->has("until")) {
    const std::string u = args->get("until");
    auto secs = u.find(':') == std::string::npos && !mqtt ? parse_double(u, 0.0, live::kMaxTime, "--until")
                : mqtt ? parse_double(u, 0.0, 1e9, "--until")
                       : parse_clock(u);
    if (!secs) return fail(secs.error(), 2);
    until = *secs;
  }

  auto scene = load_scene(args->positional[0]);
  if (!scene) return fail(scene.error());
  auto files = live::load_scene_live(*scene);
  if (!files) return fail(files.error());
  live::LiveState state(files->sensors, files->rules);

  if (mqtt) {
    auto opts = live::parse_mqtt_url(source, scene->name);
    if (!opts) return fail(opts.error(), 2);
    if (int rc = run_mqtt(state, *opts, until); rc != 0) return rc;
  } else {
    std::string path = source.empty() ? files->log_path : source;
    if (path.empty()) return fail("live: the scene names no live log; give --source FILE.jsonl", 2);
    auto stats = live::replay_file(
        path, until, [&](const live::RawReading& r) { state.push(r); },
        [&](live::Reject why) { state.reject(why); });
    if (!stats) return fail(stats.error());
    if (!stats->first_malformed.empty()) std::printf("first bad line: %s\n", stats->first_malformed.c_str());
    if (stats->after_until) std::printf("after --until: %llu readings not fed\n", (unsigned long long)stats->after_until);
  }
  state.settle();

  const auto& events = state.alarms().events();
  Status written = write_text_atomic(args->get("alarms"), live::alarms_csv(events, state.sensors(), state.rules()));
  if (!written) return fail(written.error());
  const live::Counters& c = state.counters();
  std::printf("accepted %llu\n", (unsigned long long)c.accepted);
  std::printf("rejected %llu\n", (unsigned long long)c.rejected_total());
  for (size_t i = 0; i < c.rejected.size(); ++i)
    std::printf("rejected %s %llu\n", live::reject_name(live::Reject(i)), (unsigned long long)c.rejected[i]);
  std::printf("alarms %zu -> %s\n", events.size(), args->get("alarms").c_str());
  return 0;
}

}  // namespace et::app
