// estatetwin render: one ViewState to a PNG, with no display at all.
#include <cstdio>

#include "et/app/frame_setup.h"
#include "et/app/world_builder.h"
#include "et/render/renderer.h"
#include "verbs.h"

namespace et::app {

static const char* kRenderHelp =
    "usage: estatetwin render SCENE (--view BOOKMARK | --camera EX,EY,EZ,TX,TY,TZ)\n"
    "                         [--ground-opacity A] [--fov DEG] --size WxH --out FILE.png\n"
    "Renders the scene headless (offscreen Vulkan; no display needed) and writes a PNG.\n"
    "  --view NAME         a bookmark of the scene (e.g. overview)\n"
    "  --camera ...        eye and target in scene metres (x east, y north, z up)\n"
    "  --ground-opacity A  0 (invisible) .. 1 (opaque); default: the bookmark's\n"
    "  --fov DEG           vertical field of view; default: the bookmark's (45)\n"
    "  --size WxH          image size in pixels, e.g. 1280x720\n"
    "  --out FILE.png      written atomically (nothing is left behind on failure)\n";

int verb_render(const Argv& argv) {
  auto args = parse_args(argv, {"view", "camera", "ground-opacity", "fov", "size", "out"},
                         {"help"});
  if (!args) return fail(args.error(), 2);
  if (args->has("help")) return std::fputs(kRenderHelp, stdout), 0;
  if (args->positional.size() != 1) return fail("render: expected one SCENE (see --help)", 2);
  if (!args->has("size") || !args->has("out"))
    return fail("render: --size WxH and --out FILE.png are required (see --help)", 2);
  auto size = parse_size(args->get("size"), "--size");
  if (!size) return fail(size.error(), 2);

  auto scene = load_scene(args->positional[0]);
  if (!scene) return fail(scene.error());
  auto view = view_from_args(*scene, *args);
  if (!view) return fail(view.error());

  render::RendererOptions opts;
  opts.validation = render::validation_requested();
  auto renderer = render::Renderer::create_offscreen(size->x, size->y, opts);
  if (!renderer) return fail(renderer.error());
  SceneWorld sw = build_world(*scene);
  (*renderer)->set_world(sw.world);
  auto image = (*renderer)->draw(frame_params(*view, size->x, size->y, sw.far_m), true);
  if (!image) return fail(image.error());
  Status written = write_png(args->get("out"), *image);
  if (!written) return fail(written.error());
  std::printf("wrote %s (%dx%d)\n", args->get("out").c_str(), size->x, size->y);
  return 0;
}

}  // namespace et::app
