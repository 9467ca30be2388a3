// estatetwin bench live: how fast readings go into the live history (with alarm rules),
// and what recomputing a live overlay costs per frame (values at time T -> colours), on
// the scene's own sensors and live log.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <limits>

#include "et/app/frame_setup.h"
#include "et/app/world_builder.h"
#include "et/live/live_state.h"
#include "et/live/replay.h"
#include "live_overlay.h"
#include "verbs.h"

namespace et::app {

static const char* kBenchLiveHelp =
    "usage: estatetwin bench live SCENE [--frames N] [--runs N]\n"
    "ingest: the scene's live log parsed once, then pushed N runs times through a fresh\n"
    "LiveState (sensor checks, bounded history, alarm rules); prints readings per second.\n"
    "overlay: N frames at scenario times spread over the log's day, each computing the\n"
    "live, alarm and staleness overlays: values at T (live_overlay), then element colours\n"
    "(compute_overlay); median and p95 of each and of both (ms).\n";

namespace {

using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}
double quantile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0.0 : v[std::min(v.size() - 1, size_t(q * double(v.size() - 1) + 0.5))];
}

}  // namespace

int verb_bench_live(const Argv& argv) {
  auto args = parse_args(argv, {"frames", "runs"}, {"help"});
  if (!args) return fail(args.error(), 2);
  if (args->has("help")) return std::fputs(kBenchLiveHelp, stdout), 0;
  if (args->positional.size() != 1) return fail("bench live: expected one SCENE", 2);
  auto frames = parse_int(args->get("frames", "60"), 1, 100000, "--frames");
  if (!frames) return fail(frames.error(), 2);
  auto runs = parse_int(args->get("runs", "3"), 1, 1000, "--runs");
  if (!runs) return fail(runs.error(), 2);

  auto scene = load_scene(args->positional[0]);
  if (!scene) return fail(scene.error());
  auto t_load = Clock::now();
  auto src = LiveOverlaySource::load(*scene);
  if (!src) return fail(src.error());
  const double timeline_ms = ms_since(t_load);
  const live::SceneLive& files = src->files();

  // Ingest: parse once (file parsing is the feed's cost, reported apart), then push.
  std::vector<live::RawReading> readings;
  auto t_parse = Clock::now();
  auto stats = live::replay_file(
      files.log_path, std::numeric_limits<double>::infinity(),
      [&](const live::RawReading& r) { readings.push_back(r); }, [](live::Reject) {});
  if (!stats) return fail(stats.error());
  const double parse_ms = ms_since(t_parse);
  std::vector<double> push_ms;
  std::size_t history_bytes = 0, alarms = 0;
  for (int i = 0; i < *runs; ++i) {
    live::LiveState state(files.sensors, files.rules);
    auto t0 = Clock::now();
    for (const live::RawReading& r : readings) state.push(r);
    state.settle();
    push_ms.push_back(ms_since(t0));
    history_bytes = state.memory_bytes();
    alarms = state.alarms().events().size();
  }
  const double push_med = quantile(push_ms, 0.5);

  // Overlay: the per-frame part of a live view, without the GPU upload.
  SceneWorld sw = build_world(*scene);
  const double t_lo = src->timeline().start(), t_hi = t_lo + 86400.0;
  std::printf("bench live: %s, %zu sensors, %zu rules, %zu readings, %zu elements\n",
              scene->name.c_str(), files.sensors.size(), files.rules.rules.size(), readings.size(),
              sw.elements.size());
  std::printf("timeline (load + replay for overlays): %.1f ms\n", timeline_ms);
  std::printf("ingest: parse %.0f readings/s, push %.0f readings/s (median of %d), history %.1f MiB, %zu alarms\n",
              double(readings.size()) / std::max(parse_ms, 1e-6) * 1000.0,
              double(readings.size()) / std::max(push_med, 1e-6) * 1000.0, *runs,
              double(history_bytes) / (1024.0 * 1024.0), alarms);
  std::printf("%-10s %16s %16s %16s\n", "overlay", "values med/p95", "colours med/p95", "frame med/p95");
  for (const char* mode : {"live", "alarm", "staleness"}) {
    ViewState v;
    v.overlay = mode;
    std::vector<double> values_ms, colours_ms, frame_ms;
    for (int f = 0; f < *frames; ++f) {
      const double t = t_lo + (t_hi - t_lo) * double(f) / double(*frames);
      auto t0 = Clock::now();
      OverlayData data;
      LiveValues vals = src->values_at(mode, t);
      data.link_values = std::move(vals.link_values);
      data.node_values = std::move(vals.node_values);
      data.unit = vals.unit;
      values_ms.push_back(ms_since(t0));
      auto t1 = Clock::now();
      OverlayResult o = overlay_for(*scene, sw, v, &data);
      colours_ms.push_back(ms_since(t1));
      frame_ms.push_back(ms_since(t0));
      if (o.elements.size() != sw.elements.size()) return fail("bench live: overlay size mismatch");
    }
    std::printf("%-10s %7.3f /%7.3f %7.3f /%7.3f %7.3f /%7.3f\n", mode, quantile(values_ms, 0.5),
                quantile(values_ms, 0.95), quantile(colours_ms, 0.5), quantile(colours_ms, 0.95),
                quantile(frame_ms, 0.5), quantile(frame_ms, 0.95));
  }
  return 0;
}

}  // namespace et::app
