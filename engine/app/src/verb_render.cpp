// estatetwin render: one ViewState to a PNG, with no display at all.
#include <algorithm>
#include <cstdio>

#include "et/app/frame_setup.h"
#include "et/app/plan_view.h"
#include "et/app/world_builder.h"
#include "et/render/renderer.h"
#include "et/ui/plan_panel.h"
#include "et/ui/ui_context.h"
#include "scenario_setup.h"
#include "meeting.h"
#include "annotation_view.h"
#include "ui_models.h"
#include "verbs.h"

namespace et::app {

static const char* kRenderHelp =
    "usage: estatetwin render SCENE (--view BOOKMARK | --camera EX,EY,EZ,TX,TY,TZ)\n"
    "                         [view options] --size WxH --out FILE.png\n"
    "Renders the scene headless (offscreen Vulkan; no display needed) and writes a PNG.\n"
    "  --size WxH          image size in pixels, e.g. 1280x720\n"
    "  --out FILE.png      written atomically (nothing is left behind on failure)\n"
    "  --legend            draw the utility colour legend, as in the window\n"
    "  --labels            label the nearest links with their depth of cover\n"
    "  --notes             draw the scene's notes (annotations.json), as in the window\n"
    "  --lang zh|en        the legend's and labels' language (default en)\n"
    "With --plan-b the picture is split: --plan (or as found) on the left, --plan-b on the\n"
    "right, one camera, each half labelled with its plan.\n";

int verb_render(const Argv& argv) {
  auto args = parse_args(argv, view_value_options({"size", "out", "lang"}), view_flag_options({"legend", "labels", "notes"}));
  if (!args) return fail(args.error(), 2);
  if (Status s = setup_language(args->get("lang")); !s) return fail(s.error(), 2);
  if (args->has("help")) return std::printf("%s%s", kRenderHelp, kViewOptionsHelp), 0;
  if (args->positional.size() != 1) return fail("render: expected one SCENE (see --help)", 2);
  if (!args->has("size") || !args->has("out"))
    return fail("render: --size WxH and --out FILE.png are required (see --help)", 2);
  auto size = parse_size(args->get("size"), "--size");
  if (!size) return fail(size.error(), 2);

  auto scene = load_scene(args->positional[0]);
  if (!scene) return fail(scene.error());
  auto view = view_from_args(*scene, *args);
  if (!view) return fail(view.error());
  auto plans = load_plans_for(*scene, *view);
  if (!plans) return fail(plans.error());
  PlanView pv(*scene, std::move(*plans));
  if (auto checked = pv.update(*view); !checked) return fail(checked.error());
  const SceneWorld& sw = pv.left();

  render::RendererOptions opts;
  opts.validation = render::validation_requested();
  auto renderer = render::Renderer::create_offscreen(size->x, size->y, opts);
  if (!renderer) return fail(renderer.error());
  OverlayData data;
  if (auto breaks = default_break_model(scene->dir)) data.breaks = std::move(*breaks);
  else return fail(breaks.error());
  // Time-dependent overlays and flow arrows come from the scene's scenario (simulation,
  // sensor replay) at --time; a source that cannot start is an error here, since the
  // picture asked for needs it.
  std::vector<std::string> warnings;
  std::unique_ptr<Scenario> scenario = make_scenario(*scene, warnings);
  if (!warnings.empty()) return fail(warnings.front());
  OverlayMode mode = OverlayMode::kUtility;
  overlay_from_name(view->overlay, mode);
  if (mode >= OverlayMode::kPressure && !scenario->values(mode, view->time_s, data))
    return fail(scene->path + ": the " + view->overlay + " overlay needs " +
                (mode >= OverlayMode::kLive ? "a live log (\"live_log\" in the scene)"
                                            : "a hydraulic model of the water network"));
  ui::Legend legend;
  auto prepared = pv.prepare(**renderer, *view, &data, &legend);
  if (!prepared) return fail(prepared.error());
  render::FrameParams frame = *prepared;
  // Flow arrows frozen at the scenario time, so the same view gives the same picture.
  ValueMap velocity = scenario->velocities(view->time_s);
  if (!velocity.empty()) (*renderer)->set_dynamic_instances(pv.dynamic_instances(*view, velocity, view->time_s));
  const bool ui_overlay = args->has("legend") || args->has("labels") || args->has("notes") || pv.split();
  if (ui_overlay) {
    // ImGui with no window: a few frames let auto-sized panels settle before the real one.
    ui::imgui_create_headless(size->x, size->y, std::max(1.0f, float(size->y) / 720.0f), scene_glyph_text(*scene));
    if (Status s = (*renderer)->enable_imgui(); !s) return fail(s.error());
    for (int i = 0; i < 3; ++i) {
      (*renderer)->imgui_new_frame();
      ui::imgui_begin_frame_headless();
      if (args->has("legend")) ui::draw_legend(legend);
      if (args->has("notes"))  // the window's labels, from the same code (annotation_view.h)
        ui::draw_note_labels(note_labels(*scene, pv, scene->annotations, *view, size->x, size->y));
      if (args->has("labels") && !pv.split())
        ui::draw_labels(depth_labels(sw.networks, *view, size->x, size->y, sw.far_m));
      if (pv.split())
        ui::draw_split_labels(plan_title(pv.plans(), view->plan), plan_title(pv.plans(), view->plan_b),
                            view->plan.empty() ? "as found" : view->plan, view->plan_b);
      ui::imgui_end_frame();
    }
  }
  auto image = (*renderer)->draw(frame, true);
  if (ui_overlay) {
    (*renderer)->disable_imgui();
    ui::imgui_destroy();
  }
  if (!image) return fail(image.error());
  Status written = write_png(args->get("out"), *image);
  if (!written) return fail(written.error());
  std::printf("wrote %s (%dx%d)\n", args->get("out").c_str(), size->x, size->y);
  return 0;
}

}  // namespace et::app
