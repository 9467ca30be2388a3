// estatetwin view: the interactive window. Without a display it falls back to rendering
// the scene's overview to estatetwin-overview.png and says so, so that the default
// command does something useful on a headless machine too.
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "et/app/frame_setup.h"
#include "et/app/world_builder.h"
#include "et/core/file_io.h"
#include "et/render/monitors.h"
#include "et/render/renderer.h"
#include "meeting.h"
#include "verbs.h"
#include "view_loop.h"

namespace et::app {

static const char* kViewHelp =
    "usage: estatetwin [view] [SCENE] [--view BOOKMARK | --camera ...] [--size WxH]\n"
    "                  [--script FILE] [--no-vsync] [--ui-scale S] [--lang zh|en]\n"
    "                  [--fullscreen] [--monitor N] [--presenter]\n"
    "Opens the scene (default scenes/muyanghu) in a window.\n"
    "  Orbit camera: left-drag rotates, right/middle-drag pans, wheel zooms.\n"
    "  Fly camera (Tab or the panel): WASD/arrows move, Q/E down/up, Shift runs,\n"
    "  drag looks around, wheel changes speed. Esc quits.\n"
    "  --live mqtt://HOST:PORT[/TOPIC]  take sensor readings from an MQTT broker (QoS 1)\n"
    "                 instead of the scene's recorded day\n"
    "  --script FILE  replay input from FILE (key, mouse, click, drag, scroll, wait,\n"
    "                 screenshot FILE.png, quit; see README)\n"
    "  --lang zh|en   the UI's language (also switchable in the main panel)\n"
    "  --ui-scale S   UI scale 0.5..4; default: the monitor's content scale\n"
    "  --fullscreen   fill the monitor at its current video mode; --monitor N picks it (0-based)\n"
    "  --presenter    start in the presenter layout (F5 toggles): large caption and legend,\n"
    "                 no panels; Space plays/pauses the clock, P next plan, B split\n"
    "With no display, renders the overview to estatetwin-overview.png instead.\n";

int verb_view(const Argv& argv) {
  auto args = parse_args(argv, view_value_options({"size", "script", "ui-scale", "live", "lang", "monitor"}),
                         view_flag_options({"no-vsync", "fullscreen", "presenter"}));
  if (!args) return fail(args.error(), 2);
  if (args->has("help")) return std::printf("%s%s", kViewHelp, kViewOptionsHelp), 0;
  if (args->positional.size() > 1) return fail("view: expected at most one SCENE", 2);
  std::string path = args->positional.empty() ? kDefaultScene : args->positional[0];
  auto size = parse_size(args->get("size", "1280x720"), "--size");
  if (!size) return fail(size.error(), 2);
  auto ui_scale = parse_double(args->get("ui-scale", "1"), 0.5, 4.0, "--ui-scale");
  if (!ui_scale) return fail(ui_scale.error(), 2);
  // -1 (no --monitor): the desktop's primary monitor.
  auto monitor = args->has("monitor") ? parse_double(args->get("monitor"), 0, 64, "--monitor")
                                      : Result<double>(-1.0);
  if (!monitor || *monitor != std::floor(*monitor)) return fail("--monitor: expected a monitor number 0, 1, ...", 2);
  if (Status s = setup_language(args->get("lang")); !s) return fail(s.error(), 2);

  ViewOptions o;
  o.width = size->x;
  o.height = size->y;
  o.vsync = !args->has("no-vsync");
  o.ui_scale = args->has("ui-scale") ? float(*ui_scale) : 0.0f;  // 0: the monitor's
  o.monitor = int(*monitor);
  o.fullscreen = args->has("fullscreen");
  o.presenter = args->has("presenter");
  o.live_url = args->get("live");
  o.bookmark = args->get("view");
  if (args->has("script")) {
    auto text = read_text_file(args->get("script"));
    if (!text) return fail(text.error());
    auto steps = parse_script(*text, args->get("script"));
    if (!steps) return fail(steps.error());
    o.script = std::make_unique<ScriptPlayer>(std::move(*steps));
  }

  auto scene = load_scene(path);
  if (!scene) return fail(scene.error());
  auto view = view_from_args(*scene, *args);
  if (!view) return fail(view.error());

  const char* display = std::getenv("DISPLAY");
  const char* wayland = std::getenv("WAYLAND_DISPLAY");
  bool headless = (!display || !*display) && (!wayland || !*wayland);
  if (!headless && o.monitor >= 0) {  // a usage error, before any window opens
    auto monitors = render::list_monitors();
    if (monitors && o.monitor >= int(monitors->size()))
      return fail("--monitor " + std::to_string(o.monitor) + ": no such monitor (have: " +
                      render::describe_monitors(*monitors) + ")", 2);
  }
  if (!headless || o.script) {
    auto rc = run_view(*scene, *view, o);
    if (rc) return *rc;
    if (o.script || !headless) return fail(rc.error());
  }

  // No display: the overview, headless.
  const std::string out = "estatetwin-overview.png";
  std::printf("no display: rendering the overview of %s to %s instead\n", scene->name.c_str(),
              out.c_str());
  render::RendererOptions ropts;
  ropts.validation = render::validation_requested();
  auto r = render::Renderer::create_offscreen(o.width, o.height, ropts);
  if (!r) return fail(r.error());
  SceneWorld sw = build_world(*scene);
  (*r)->set_world(sw.world);
  auto image = (*r)->draw(prepare_frame(**r, *scene, sw, *view), true);
  if (!image) return fail(image.error());
  if (Status s = write_png(out, *image); !s) return fail(s.error());
  std::printf("wrote %s (%dx%d)\n", out.c_str(), o.width, o.height);
  return 0;
}

}  // namespace et::app
