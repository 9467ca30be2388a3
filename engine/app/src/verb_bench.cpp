// estatetwin bench render: frame times of the scene, and in the same run of a frame that
// only clears the same target, so that results compare as a ratio across machines.
#include <algorithm>
#include <chrono>
#include <cstdio>

#include <sys/resource.h>

#include "et/app/frame_setup.h"
#include "et/app/world_builder.h"
#include "et/render/renderer.h"
#include "verbs.h"

namespace et::app {

static const char* kBenchHelp =
    "usage: estatetwin bench render SCENE [--view BOOKMARK | --camera ...] --size WxH\n"
    "                               [--frames N] [--warmup N]\n"
    "       estatetwin bench load SCENE [--runs N]\n"
    "       estatetwin bench hydraulics NET.inp [--runs N]   (see bench hydraulics --help)\n"
    "       estatetwin bench live SCENE                      (see bench live --help)\n"
    "render: N offscreen frames of the scene, then N frames that only clear the same\n"
    "target; prints median and p95 frame time (ms) of both and their ratio. A frame is\n"
    "timed from submit to the GPU finishing it (no read-back).\n"
    "load: loads the scene (manifest, models, networks) and builds its render world N times;\n"
    "prints the median time of each step and the process's peak memory.\n";

namespace {

struct Stats {
  double median_ms, p95_ms;
};

Stats stats(std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  auto at = [&](double q) { return ms[std::min(ms.size() - 1, size_t(q * double(ms.size() - 1) + 0.5))]; };
  return {at(0.5), at(0.95)};
}

std::vector<double> time_frames(render::Renderer& r, const render::FrameParams& f, int warmup,
                                int frames) {
  std::vector<double> ms;
  for (int i = 0; i < warmup + frames; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    auto img = r.draw(f, false);
    r.finish();
    auto t1 = std::chrono::steady_clock::now();
    if (i >= warmup) ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
  }
  return ms;
}

}  // namespace

namespace {

int bench_load(const Argv& argv) {
  auto args = parse_args(argv, {"runs"}, {"help"});
  if (!args) return fail(args.error(), 2);
  if (args->has("help")) return std::fputs(kBenchHelp, stdout), 0;
  if (args->positional.size() != 1) return fail("bench load: expected one SCENE", 2);
  auto runs = parse_int(args->get("runs", "5"), 1, 1000, "--runs");
  if (!runs) return fail(runs.error(), 2);
  std::vector<double> load_ms, world_ms;
  size_t instances = 0, links = 0, nodes = 0;
  for (int i = 0; i < *runs; ++i) {
    auto t0 = std::chrono::steady_clock::now();
    auto scene = load_scene(args->positional[0]);
    if (!scene) return fail(scene.error());
    auto t1 = std::chrono::steady_clock::now();
    SceneWorld sw = build_world(*scene);
    auto t2 = std::chrono::steady_clock::now();
    load_ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
    world_ms.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
    instances = sw.world.instances.size();
    links = nodes = 0;
    for (const Network& n : scene->networks) links += n.links.size(), nodes += n.nodes.size();
  }
  Stats l = stats(load_ms), w = stats(world_ms);
  struct rusage ru {};
  getrusage(RUSAGE_SELF, &ru);
  std::printf("bench load: %s, %d runs\n", args->positional[0].c_str(), *runs);
  std::printf("scene: %zu links, %zu nodes, %zu instances\n", links, nodes, instances);
  std::printf("%-12s %10s %10s\n", "step", "median_ms", "p95_ms");
  std::printf("%-12s %10.1f %10.1f\n", "load", l.median_ms, l.p95_ms);
  std::printf("%-12s %10.1f %10.1f\n", "build_world", w.median_ms, w.p95_ms);
  std::printf("peak_rss_mib %.1f\n", double(ru.ru_maxrss) / 1024.0);
  return 0;
}

}  // namespace

int verb_bench(const Argv& argv) {
  if (argv.empty() || argv[0] == "--help") return std::fputs(kBenchHelp, stdout), argv.empty() ? 2 : 0;
  if (argv[0] == "load") return bench_load(Argv(argv.begin() + 1, argv.end()));
  if (argv[0] == "hydraulics") return verb_bench_hydraulics(Argv(argv.begin() + 1, argv.end()));
  if (argv[0] == "live") return verb_bench_live(Argv(argv.begin() + 1, argv.end()));
  if (argv[0] != "render") return fail("bench: unknown benchmark '" + argv[0] + "' (have: render, load)", 2);
  auto args = parse_args(Argv(argv.begin() + 1, argv.end()),
                         view_value_options({"size", "frames", "warmup"}), view_flag_options({}));
  if (!args) return fail(args.error(), 2);
  if (args->has("help")) return std::fputs(kBenchHelp, stdout), 0;
  if (args->positional.size() != 1) return fail("bench render: expected one SCENE", 2);
  auto size = parse_size(args->get("size", "1280x720"), "--size");
  if (!size) return fail(size.error(), 2);
  auto frames = parse_int(args->get("frames", "60"), 1, 100000, "--frames");
  if (!frames) return fail(frames.error(), 2);
  auto warmup = parse_int(args->get("warmup", "5"), 0, 100000, "--warmup");
  if (!warmup) return fail(warmup.error(), 2);

  auto t_load = std::chrono::steady_clock::now();
  auto scene = load_scene(args->positional[0]);
  if (!scene) return fail(scene.error());
  double load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t_load).count();
  auto view = view_from_args(*scene, *args);
  if (!view) return fail(view.error());
  render::RendererOptions opts;
  opts.validation = render::validation_requested();
  auto renderer = render::Renderer::create_offscreen(size->x, size->y, opts);
  if (!renderer) return fail(renderer.error());
  SceneWorld sw = build_world(*scene);
  (*renderer)->set_world(sw.world);
  size_t tris = 0;
  for (const render::Instance& i : sw.world.instances) tris += sw.world.meshes[i.mesh].indices.size() / 3;

  render::FrameParams f = prepare_frame(**renderer, *scene, sw, *view);
  Stats scene_s = stats(time_frames(**renderer, f, *warmup, *frames));
  f.clear_only = true;
  Stats clear_s = stats(time_frames(**renderer, f, *warmup, *frames));

  std::printf("bench render: %s, %dx%d, %dx MSAA, %d frames, device %s\n", scene->name.c_str(),
              size->x, size->y, (*renderer)->msaa_samples(), *frames,
              (*renderer)->device_name().c_str());
  std::printf("scene: %zu instances, %zu triangles, loaded in %.0f ms\n",
              sw.world.instances.size(), tris, load_ms);
  std::printf("%-12s %10s %10s\n", "frame", "median_ms", "p95_ms");
  std::printf("%-12s %10.3f %10.3f\n", "scene", scene_s.median_ms, scene_s.p95_ms);
  std::printf("%-12s %10.3f %10.3f\n", "clear-only", clear_s.median_ms, clear_s.p95_ms);
  std::printf("ratio scene/clear-only: median %.2f, p95 %.2f\n",
              scene_s.median_ms / std::max(clear_s.median_ms, 1e-6),
              scene_s.p95_ms / std::max(clear_s.p95_ms, 1e-6));
  return 0;
}

}  // namespace et::app
