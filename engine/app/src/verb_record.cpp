// estatetwin record: a tour to an H.264 MP4 (and/or a PNG sequence), offline at a fixed
// step: every frame is rendered in full through PlanRenderer, so frame k is exactly what
// `estatetwin render --tour NAME --at T --legend` draws for T = start + k / fps.
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <tuple>

#include "et/app/overlay.h"
#include "et/plan/plan.h"
#include "et/scene/tour.h"
#include "plan_render.h"
#include "meeting.h"  // setup_language
#include "verbs.h"
#include "video_encoder.h"

namespace et::app {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

const char* kRecordHelp =
    "usage: estatetwin record SCENE --tour NAME --size WxH --fps N (--out FILE.mp4 | --frames DIR)\n"
    "                         [--range START-END]\n"
    "Renders a tour of the scene (README \"Tours\") headless at a fixed time step, every frame\n"
    "in full whatever the machine's speed, and encodes it with ffmpeg (H.264, yuv420p, MP4\n"
    "with faststart). Ctrl-C stops early and still leaves a playable file (exit 130).\n"
    "  --tour NAME         a tour in the scene's tours file\n"
    "  --size WxH          frame size (even numbers for the video), e.g. 1920x1080\n"
    "  --fps N             frames per second of tour time, 1..120\n"
    "  --out FILE.mp4      the video, written to FILE.mp4.part and renamed at the end\n"
    "  --frames DIR        also (or instead) write DIR/frame-00000.png, ... (DIR is created)\n"
    "  --range START-END   record only this part of the tour, seconds (e.g. 4-10.5)\n"
    "  --lang zh|en        the legend's language (default en)\n";

volatile sig_atomic_t g_stop = 0;
void on_interrupt(int) { g_stop = 1; }

std::string tour_names(const std::vector<Tour>& tours) {
  std::string names;
  for (const Tour& t : tours) names += (names.empty() ? "" : ", ") + t.name;
  return names.empty() ? "none" : names;
}

Result<std::pair<double, double>> parse_range(const std::string& text, double length) {
  size_t dash = text.find('-', 1);
  char what[96];
  std::snprintf(what, sizeof what, "--range: expected START-END in seconds within the tour's 0-%.2f", length);
  if (dash == std::string::npos) return Error{what + std::string(", got '") + text + "'"};
  auto a = parse_double(text.substr(0, dash), 0.0, length, "--range START");
  auto b = parse_double(text.substr(dash + 1), 0.0, length, "--range END");
  if (!a || !b || *b <= *a) return Error{what + std::string(", got '") + text + "'"};
  return std::make_pair(*a, *b);
}

std::string clock_mm_ss(double s) {
  char buf[32];
  long t = std::lround(std::max(0.0, s));
  std::snprintf(buf, sizeof buf, "%ld:%02ld", t / 60, t % 60);
  return buf;
}

// One line, redrawn in place; the window's Record button reads the "N/M frames" in it.
void progress(int done, int total, double elapsed_s) {
  const int width = 30, filled = total > 0 ? done * width / total : width;
  const double fps = elapsed_s > 0 ? done / elapsed_s : 0.0;
  const double left = fps > 0 ? (total - done) / fps : 0.0;
  std::fprintf(stderr, "\rrecording [%s%s] %3d%% %d/%d frames %.2f fps %s left ",
               std::string(size_t(filled), '#').c_str(), std::string(size_t(width - filled), '-').c_str(),
               total > 0 ? done * 100 / total : 100, done, total, fps, clock_mm_ss(left).c_str());
  std::fflush(stderr);
}

double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

}  // namespace

Result<const Tour*> find_tour(const std::vector<Tour>& tours, const Scene& scene,
                              const std::string& name) {
  for (const Tour& t : tours)
    if (t.name == name) return &t;
  return make_error(tours_path(scene), "/tours",
                    "unknown tour '" + name + "' (have: " + tour_names(tours) + ")");
}

Result<ViewState> tour_view_from_args(const Scene& scene, const Args& args) {
  auto tours = load_tours(scene);
  if (!tours) return tours.error();
  auto tour = find_tour(*tours, scene, args.get("tour"));
  if (!tour) return tour.error();
  auto at = parse_double(args.get("at", "0"), 0.0, (*tour)->length_s(), "--at (seconds into the tour)");
  if (!at) return at.error();
  return tour_view_at(**tour, *at);
}

int verb_record(const Argv& argv) {
  auto args = parse_args(argv, {"tour", "size", "fps", "out", "frames", "range", "lang"}, {"help"});
  if (!args) return fail(args.error(), 2);
  if (args->has("help")) return std::printf("%s", kRecordHelp), 0;
  if (Status s = setup_language(args->get("lang")); !s) return fail(s.error(), 2);
  if (args->positional.size() != 1) return fail("record: expected one SCENE (see --help)", 2);
  if (!args->has("tour") || !args->has("size") || !args->has("fps") ||
      !(args->has("out") || args->has("frames")))
    return fail("record: --tour, --size, --fps and --out or --frames are required (see --help)", 2);
  auto size = parse_size(args->get("size"), "--size");
  if (!size) return fail(size.error(), 2);
  auto fps = parse_int(args->get("fps"), 1, 120, "--fps");
  if (!fps) return fail(fps.error(), 2);
  const std::string out = args->get("out"), frames_dir = args->get("frames");
  if (!out.empty() && (size->x % 2 || size->y % 2))
    return fail("--size: H.264 in yuv420p needs an even width and height, got " + args->get("size"), 2);
  if (!out.empty()) {
    // The container is always MP4: a different name would mislead whoever opens the file.
    if (out.size() < 4 || out.compare(out.size() - 4, 4, ".mp4") != 0)
      return fail("--out: expected a FILE.mp4 (H.264 in MP4), got '" + out + "'", 2);
    const fs::path parent = fs::path(out).parent_path();
    if (!parent.empty() && !fs::is_directory(parent))
      return fail(out + ": the folder " + parent.string() + " does not exist");
  }

  auto scene = load_scene(args->positional[0]);
  if (!scene) return fail(scene.error());
  auto tours = load_tours(*scene);
  if (!tours) return fail(tours.error());
  auto found = find_tour(*tours, *scene, args->get("tour"));
  if (!found) return fail(found.error());
  const Tour& tour = **found;
  double start = 0.0, end = tour.length_s();
  if (args->has("range")) {
    auto r = parse_range(args->get("range"), tour.length_s());
    if (!r) return fail(r.error(), 2);
    std::tie(start, end) = *r;
  }
  // Everything the keys name is checked before anything is written.
  PlanSet plans;
  bool needs_plans = false;
  for (size_t i = 0; i < tour.keys.size(); ++i) {
    const ViewState& v = tour.keys[i].view;
    OverlayMode mode;
    if (!overlay_from_name(v.overlay, mode))
      return fail(tours_path(*scene) + ": tour '" + tour.name + "', key " + std::to_string(i) +
                  ": unknown overlay '" + v.overlay + "' (have: " + overlay_names() + ")");
    needs_plans = needs_plans || !v.plan.empty() || !v.plan_b.empty();
  }
  if (needs_plans) {
    auto loaded = load_plan_set(*scene);
    if (!loaded) return fail(loaded.error());
    plans = std::move(*loaded);
    for (size_t i = 0; i < tour.keys.size(); ++i)
      for (const std::string& id : {tour.keys[i].view.plan, tour.keys[i].view.plan_b}) {
        bool known = id.empty();
        for (const plan::Plan& p : plans.plans) known = known || p.id == id;
        if (!known)
          return fail(tours_path(*scene) + ": tour '" + tour.name + "', key " + std::to_string(i) +
                      ": unknown plan '" + id + "'");
      }
  }
  const int total = std::max(1, int(std::lround((end - start) * *fps)));

  auto renderer = PlanRenderer::create(*scene, std::move(plans), size->x, size->y);
  if (!renderer) return fail(renderer.error());
  if (!frames_dir.empty()) {
    std::error_code ec;
    fs::create_directories(frames_dir, ec);
    if (ec) return fail(frames_dir + ": cannot create the frames folder: " + ec.message());
  }
  const std::string part = out + ".part";
  std::unique_ptr<VideoEncoder> encoder;
  if (!out.empty()) {
    auto e = VideoEncoder::start(part, size->x, size->y, *fps);
    if (!e) return fail(e.error());
    encoder = std::move(*e);
  }
  int done = 0;
  auto discard = [&](const Error& e) {
    encoder.reset();
    std::remove(part.c_str());
    if (done > 0) std::fputc('\n', stderr);  // end the progress line
    return fail(e);
  };
  // Ctrl-C (and SIGTERM from the window's Stop) end the loop; the file is then finished.
  struct sigaction sa {};
  sa.sa_handler = on_interrupt;
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);

  const Clock::time_point t0 = Clock::now();
  double render_s = 0.0, write_s = 0.0, png_s = 0.0;
  for (; done < total && !g_stop; ++done) {
    const double t = start + double(done) / *fps;
    Clock::time_point a = Clock::now();
    auto image = (*renderer)->render(tour_view_at(tour, t));
    if (!image) return discard(image.error());
    render_s += since(a);
    if (encoder) {
      a = Clock::now();
      if (Status s = encoder->write(*image); !s) return discard(s.error());
      write_s += since(a);
    }
    if (!frames_dir.empty()) {
      a = Clock::now();
      char name[32];
      std::snprintf(name, sizeof name, "frame-%05d.png", done);
      if (Status s = write_png((fs::path(frames_dir) / name).string(), *image); !s)
        return discard(s.error());
      png_s += since(a);
    }
    progress(done + 1, total, since(t0));
  }
  std::fputc('\n', stderr);
  const bool interrupted = done < total;
  double encode_cpu_s = 0.0;
  if (encoder) {
    if (done == 0) return discard(Error{out + ": interrupted before the first frame; nothing written"});
    Clock::time_point a = Clock::now();
    if (Status s = encoder->finish(); !s) return discard(s.error());
    write_s += since(a);  // ffmpeg's tail: the last frames and the faststart rewrite
    encode_cpu_s = encoder->cpu_seconds();
    encoder.reset();
    std::error_code ec;
    fs::rename(part, out, ec);
    if (ec) return discard(Error{out + ": cannot rename " + part + " into place: " + ec.message()});
  }
  const double wall = since(t0), n = double(std::max(done, 1));
  std::printf("wrote %s%s%s: %d frames %dx%d at %d fps (%.2f s of tour from %.2f s)\n",
              out.c_str(), out.empty() || frames_dir.empty() ? "" : " and ",
              frames_dir.empty() ? "" : (frames_dir + "/frame-*.png").c_str(), done, size->x,
              size->y, *fps, done / double(*fps), start);
  std::printf("%.1f s: %.2f frames/s; per frame: render %.1f ms, encode %.1f ms (ffmpeg CPU), "
              "waiting on ffmpeg %.1f ms, png %.1f ms\n",
              wall, done / wall, 1e3 * render_s / n, 1e3 * encode_cpu_s / n, 1e3 * write_s / n,
              1e3 * png_s / n);
  if (interrupted) {
    std::fprintf(stderr, "estatetwin: interrupted: %d of %d frames recorded%s\n", done, total,
                 out.empty() ? "" : " (the video is complete up to there)");
    return 130;
  }
  return 0;
}

}  // namespace et::app
