#include "view_loop.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "et/app/camera.h"
#include "et/app/camera_transition.h"
#include "et/app/frame_setup.h"
#include "et/app/overlay.h"
#include "et/app/picking.h"
#include "et/app/plan_view.h"
#include "et/app/walk.h"
#include "et/app/world_builder.h"
#include "et/render/renderer.h"
#include "et/ui/ui_context.h"
#include "et/ui/overlay_panel.h"
#include "outage_view.h"
#include "live_session.h"
#include "meeting.h"
#include "tour_panel.h"
#include "annotation_view.h"
#include "bookmark_controls.h"
#include "plan_controls.h"
#include "scenario_setup.h"
#include "ui_models.h"
#include "view_tools.h"

namespace et::app {
namespace {

double g_scroll = 0.0;  // GLFW delivers the wheel as a callback; summed per frame
void on_scroll(GLFWwindow*, double, double dy) { g_scroll += dy; }

void read_live_input(GLFWwindow* w, InputState& in) {
  glfwGetCursorPos(w, &in.mouse_x, &in.mouse_y);
  in.buttons[0] = glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS;
  in.buttons[1] = glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_RIGHT) == GLFW_PRESS;
  in.buttons[2] = glfwGetMouseButton(w, GLFW_MOUSE_BUTTON_MIDDLE) == GLFW_PRESS;
  in.keys.clear();
  for (int k : {GLFW_KEY_W, GLFW_KEY_A, GLFW_KEY_S, GLFW_KEY_D, GLFW_KEY_Q, GLFW_KEY_E,
                GLFW_KEY_LEFT_SHIFT, GLFW_KEY_TAB, GLFW_KEY_ESCAPE, GLFW_KEY_UP, GLFW_KEY_DOWN,
                GLFW_KEY_LEFT, GLFW_KEY_RIGHT, GLFW_KEY_B, GLFW_KEY_P, GLFW_KEY_SPACE, GLFW_KEY_F5,
                GLFW_KEY_R, GLFW_KEY_PAGE_UP, GLFW_KEY_PAGE_DOWN, GLFW_KEY_HOME, GLFW_KEY_END})
    if (glfwGetKey(w, k) == GLFW_PRESS) in.keys.insert(k);
  in.scroll = g_scroll;
  g_scroll = 0.0;
}

}  // namespace

Result<int> run_view(Scene& scene, const ViewState& initial, ViewOptions& o) {
  render::RendererOptions ropts;
  ropts.validation = render::validation_requested();
  ropts.vsync = o.vsync;
  ropts.monitor = o.monitor;
  ropts.fullscreen = o.fullscreen;
  auto created = render::Renderer::create_window("EstateTwin - " + scene.name, o.width, o.height,
                                                 ropts);
  if (!created) return created.error();
  render::Renderer& r = **created;
  GLFWwindow* window = r.window();
  glfwSetScrollCallback(window, on_scroll);  // before ImGui, which chains to it
  Meeting meeting(scene, window, o.ui_scale, o.presenter);  // presenter layout, keys, UI scale
  ui::imgui_create(window, o.ui_scale, scene_glyph_text(scene));
  // ImGui's backends go down before the window does, on every way out of this function.
  struct ImGuiScope {
    render::Renderer& r;
    ~ImGuiScope() {
      r.disable_imgui();
      ui::imgui_destroy();
    }
  } imgui_scope{r};
  Status imgui = r.enable_imgui();
  if (!imgui) return imgui.error();

  // The worlds drawn: as found, or the view's plans on its date, split A | B (plan_view.h).
  // A plan file that fails to load is a warning: the scene still opens without plans.
  auto plan_set = load_plan_set(scene);
  PlanView pv(scene, plan_set ? std::move(*plan_set) : PlanSet{});
  PlanControls plan_controls(pv);
  if (auto ok = pv.update(initial); !ok) return ok.error();
  r.set_world(pv.render_world());
  int hovered = -1, selected = -1;
  nlohmann::json selected_info;
  ui::InspectorModel selected_model;
  std::string applied_palette;
  Excavation applied_excavation;
  applied_excavation.enabled = false;
  std::vector<render::Element> base_colors;
  ui::Legend legend;
  std::vector<std::string> warnings = scene.warnings;
  std::unique_ptr<Scenario> scenario = make_scenario(scene, warnings);
  TourPanel tours(scene, warnings);  // build, preview, save and record tours
  BookmarkControls bookmark_controls(scene, tours);  // edits scene.bookmarks, saves them
  bookmark_controls.start_at(o.bookmark);
  AnnotationView notes(scene);                       // the Notes tool and the notes drawn
  ViewTools tools(scene);            // measure, section plane, dig (view_tools.h)
  if (!plan_set) warnings.push_back("plans not loaded: " + plan_set.error().message);
  // Live data for the alarms panel and the sensor plots: the recorded day, or MQTT.
  std::unique_ptr<LiveSession> live;
  if (!o.live_url.empty()) {
    auto s = LiveSession::mqtt(scene, o.live_url);
    if (!s) return s.error();
    live = std::move(*s);
  } else if (!scene.sensors_file.empty()) {
    auto s = LiveSession::replay(scene);
    if (s) live = std::move(*s);
    else warnings.push_back("live data not loaded: " + s.error().message);
  }
  double anim_s = 0.0, applied_time = -1.0;
  OutageControls outage(scene);  // valves closed and links cut in the window
  OverlayData overlay_data;
  if (auto breaks = default_break_model(scene.dir)) overlay_data.breaks = std::move(*breaks);
  else return breaks.error();
  int applied_hover = -2, applied_selected = -2;
  double press_x = 0, press_y = 0;

  ViewState view = initial;
  OrbitCamera orbit = OrbitCamera::from(view.camera);
  using CameraMode = ui::OverlayModel::CameraMode;
  WalkWorldCache walk_geometry;  // the world drawn, built when first walked in
  CameraTransition glide;        // UI jumps of the camera are drawn as a glide
  WalkState walk;
  ui::OverlayModel overlay;
  overlay.scene_name = scene.name;
  overlay.device = r.device_name();
  overlay.msaa = r.msaa_samples();
  overlay.buildings = int(scene.buildings.size());
  overlay.households = scene.total_households();
  overlay.bookmarks = &scene.bookmarks;
  overlay.bookmark_ui = &bookmark_controls.ui();
  overlay.warnings = &warnings;
  overlay.view = &view;
  overlay.vsync = o.vsync;
  for (int i = 0; i < int(OverlayMode::kCount); ++i) overlay.overlays.push_back(overlay_name(OverlayMode(i)));

  InputState input, prev;
  bool tab_was_down = false;
  auto last = std::chrono::steady_clock::now();
  float frame_ms = 0.0f;
  int exit_code = 0;
  while (!glfwWindowShouldClose(window)) {
    glfwPollEvents();
    std::string screenshot;
    bool quit = false;
    prev = input;
    if (o.script) {
      o.script->advance(input, screenshot, quit);
      g_scroll = 0.0;
    } else {
      read_live_input(window, input);
    }
    auto now = std::chrono::steady_clock::now();
    double dt = std::chrono::duration<double>(now - last).count();
    last = now;
    meeting.frame(dt);  // real frame times, before scripts fix the step
    frame_ms = frame_ms == 0.0f ? float(dt * 1000.0) : frame_ms * 0.9f + float(dt * 1000.0) * 0.1f;
    // Scripted runs step the camera by a fixed 1/60 s so that replays are repeatable.
    if (o.script) dt = 1.0 / 60.0;

    r.imgui_new_frame();
    ui::ScriptedMouse sm{input.mouse_x, input.mouse_y, input.buttons[0], input.buttons[1],
                         input.buttons[2], input.keys.count(GLFW_KEY_ENTER) > 0,
                         input.keys.count(GLFW_KEY_BACKSPACE) > 0};
    ui::imgui_begin_frame(o.script ? &sm : nullptr);
    if (!input.text.empty()) ui::type_text(input.text);  // a script's `type`, before the widgets
    overlay.frame_ms = frame_ms;
    overlay.goto_bookmark = -1;
    const CameraMode was_mode = overlay.camera_mode;
    if (meeting.presenter()) meeting.draw(view, pv, legend);  // no panels, large caption
    else ui::draw_overlay(overlay), ui::draw_legend(legend);
    if (!meeting.presenter() && tours.draw(view, dt)) orbit = OrbitCamera::from(view.camera);  // a tour preview moved it
    const Camera before_ui = view.camera;  // tour previews move it every frame: not a jump
    if (!meeting.presenter() && plan_controls.draw(view, overlay.playing)) orbit = OrbitCamera::from(view.camera);
    if (!meeting.presenter()) tools.draw(view, pv, r.width(), r.height());
    if (pv.split())
      ui::draw_split_labels(plan_title(pv.plans(), view.plan), plan_title(pv.plans(), view.plan_b),
                            view.plan.empty() ? "as found" : view.plan, view.plan_b);
    std::string hover_text;
    if (hovered >= 0) {
      nlohmann::json hj = pv.describe(hovered);
      const std::string kind = hj["kind"];
      if (kind == "link" || kind == "node" || kind == "building" || kind == "trench" ||
          kind == "tunnel")
        hover_text = hj["kind"].get<std::string>() + " " + hj.value("id", std::string());
    }
    if (live) {
      live->frame();
      std::vector<ui::AlarmRow> rows = live->alarms_until(view.time_s);
      int a = meeting.presenter() ? -1 : ui::draw_alarms(live->status(), rows);
      glm::dvec3 where;
      if (a >= 0 && element_position(scene, Utility(rows[size_t(a)].utility), rows[size_t(a)].element, where)) {
        // Fly there: look at the element from the south-east, close enough to read it.
        view.camera.target = where;
        view.camera.eye = where + glm::dvec3(18.0, -26.0, 22.0);
        orbit = OrbitCamera::from(view.camera);
        std::printf("fly to %s\n", rows[size_t(a)].element.c_str());
      }
      if (live->is_mqtt()) applied_time = -1.0;  // new readings: recolour the live overlays
    }
    if (selected >= 0 && live) {
      int local = 0;
      const SceneWorld& w = pv.world_of(selected, local);
      const ElementRef& e = w.elements[size_t(local)];
      if (e.kind == ElementRef::Kind::kLink || e.kind == ElementRef::Kind::kNode) {
        const Network& net = element_network(scene, w, e);
        const std::string& id = e.kind == ElementRef::Kind::kLink ? net.links[size_t(e.index)].id
                                                                  : net.nodes[size_t(e.index)].id;
        selected_model.plots = live->plots_for(net.utility, id, view.time_s);
      }
    }
    int action = meeting.presenter() ? -1
                 : ui::draw_inspector(selected >= 0 ? &selected_model : nullptr, hover_text);
    if (action >= 0 && size_t(action) < selected_model.actions.size())
      outage.act(pv, selected, selected_model.actions[size_t(action)]);
    if (!meeting.presenter()) outage.draw_panel();
    if (overlay.depth_labels)
      ui::draw_labels(depth_labels(pv.left().networks, view, pv.split() ? r.width() / 2 : r.width(),
                                   r.height(), pv.left().far_m));
    if (notes.draw(pv, view, r.width(), r.height(), !meeting.presenter())) orbit = OrbitCamera::from(view.camera);
    ui::imgui_end_frame();

    // Camera input, unless the UI has the pointer or the keyboard.
    auto key = [&](int k) { return input.keys.count(k) > 0; };
    bool tab = key(GLFW_KEY_TAB);
    if (tab && !tab_was_down && !ui::imgui_wants_keyboard())
      overlay.camera_mode = CameraMode((int(overlay.camera_mode) + 1) % 3);  // orbit, fly, walk
    tab_was_down = tab;
    if (key(GLFW_KEY_ESCAPE) && !o.script) glfwSetWindowShouldClose(window, GLFW_TRUE);
    if (!ui::imgui_wants_keyboard()) plan_controls.keys(input, prev, view);
    if (!ui::imgui_wants_keyboard()) meeting.keys(input, prev, overlay.playing);
    if (int b = bookmark_controls.update(view, input, prev, !ui::imgui_wants_keyboard()); b >= 0)
      overlay.goto_bookmark = b;  // the section's go-to, PageDown/PageUp/Home/End
    if (overlay.goto_bookmark >= 0) {
      view = scene.bookmarks[size_t(overlay.goto_bookmark)].view;
      orbit = OrbitCamera::from(view.camera);
      if (overlay.camera_mode == CameraMode::kWalk) {  // a walker arrives on his feet
        walk_land(walk_geometry.get(pv.left(), view.excavation), view.camera);
        walk = {};
      }
    }
    if (overlay.camera_mode != was_mode) {
      static constexpr const char* kModeNames[] = {"orbit", "fly", "walk"};
      std::printf("camera %s\n", kModeNames[int(overlay.camera_mode)]);  // for scripts
      if (overlay.camera_mode == CameraMode::kOrbit) orbit = OrbitCamera::from(view.camera);
      if (overlay.camera_mode == CameraMode::kWalk) {
        walk_land(walk_geometry.get(pv.left(), view.excavation), view.camera);
        walk = {};
      }
    }
    const bool jumped = camera_jumped(before_ui, view.camera);  // panels, keys, bookmarks
    double dx = input.mouse_x - prev.mouse_x, dy = input.mouse_y - prev.mouse_y;
    bool mouse_free = !ui::imgui_wants_mouse();
    bool dragging_l = input.buttons[0] && prev.buttons[0] && mouse_free && !tools.owns_left();
    bool dragging_r = (input.buttons[1] && prev.buttons[1]) || (input.buttons[2] && prev.buttons[2]);
    dragging_r = dragging_r && mouse_free;
    if (overlay.camera_mode == CameraMode::kWalk) {
      if (dragging_l || dragging_r) fly_look(view.camera, dx, dy);
      WalkInput wi;
      if (!ui::imgui_wants_keyboard())
        wi = {key(GLFW_KEY_W) || key(GLFW_KEY_UP), key(GLFW_KEY_S) || key(GLFW_KEY_DOWN),
              key(GLFW_KEY_A) || key(GLFW_KEY_LEFT), key(GLFW_KEY_D) || key(GLFW_KEY_RIGHT),
              key(GLFW_KEY_LEFT_SHIFT)};
      walk_move(walk_geometry.get(pv.left(), view.excavation), walk, view.camera, wi, dt);  // gravity acts with no key held too
    } else if (overlay.camera_mode == CameraMode::kFly) {
      if (dragging_l || dragging_r) fly_look(view.camera, dx, dy);
      if (mouse_free && input.scroll != 0.0)
        overlay.fly_speed = float(std::clamp(overlay.fly_speed * std::pow(1.2, input.scroll), 0.5, 500.0));
      if (!ui::imgui_wants_keyboard()) {
        FlyInput fi{key(GLFW_KEY_W) || key(GLFW_KEY_UP), key(GLFW_KEY_S) || key(GLFW_KEY_DOWN),
                    key(GLFW_KEY_A) || key(GLFW_KEY_LEFT), key(GLFW_KEY_D) || key(GLFW_KEY_RIGHT),
                    key(GLFW_KEY_E), key(GLFW_KEY_Q), key(GLFW_KEY_LEFT_SHIFT)};
        fly_move(view.camera, fi, overlay.fly_speed, dt);
      }
    } else {
      int h = r.height();
      if (dragging_l) orbit.rotate(dx, dy);
      if (dragging_r) orbit.pan(dx, dy, h, view.camera.fov_deg);
      if (mouse_free && input.scroll != 0.0) orbit.zoom(input.scroll);
      orbit.apply(view.camera);
    }
    // Hover follows the pointer; a click (press and release without a drag) selects.
    if (mouse_free) {
      if (input.mouse_x != prev.mouse_x || input.mouse_y != prev.mouse_y || applied_hover == -2)
        hovered = pv.pick(view, r.width(), r.height(), input.mouse_x, input.mouse_y);
      if (input.buttons[0] && !prev.buttons[0]) press_x = input.mouse_x, press_y = input.mouse_y;
      if (!input.buttons[0] && prev.buttons[0] && !tools.owns_left() && !notes.pinning() &&
          std::hypot(input.mouse_x - press_x, input.mouse_y - press_y) < 4.0) {
        selected = hovered;
        if (selected >= 0) {
          selected_info = pv.describe(selected);
          selected_model = inspector_model(selected_info);
          selected_model.actions = OutageControls::actions(pv, selected);
          std::printf("selected %s\n", selected_info.dump().c_str());
        }
      }
    } else {
      hovered = -1;
    }
    notes.click(pv, view, input, prev, mouse_free && !tools.owns_left(), r.width(), r.height());
    tools.input(view, pv, input, prev, mouse_free, !ui::imgui_wants_keyboard(), r.width(), r.height());
    // The scenario clock: playing advances it (wrapping at 24 h, the day kept; a staged plan
    // runs in days over its schedule); arrows move in real time.
    if (overlay.playing && !plan_controls.advance_clock(view, overlay.playing, dt)) {
      double day_s = std::floor(view.time_s / 86400.0) * 86400.0;
      view.time_s = day_s + std::fmod(view.time_s - day_s + dt * overlay.clock_speed, 86400.0);
    }
    anim_s += dt;
    // The plans and date drawn: a new world when a plan, the split or a task's state changed.
    if (auto changed = pv.update(view); !changed) {
      warnings.push_back(changed.error().message);
      view.plan.clear();
      view.plan_b.clear();
    } else if (*changed) {
      r.set_world(pv.render_world());
      hovered = selected = -1;
      applied_palette.clear();
      applied_excavation.enabled = !view.excavation.enabled;  // re-sends the dynamic instances
      walk_geometry.invalidate();
    }
    OverlayMode mode = OverlayMode::kUtility;
    overlay_from_name(view.overlay, mode);
    const bool timed = mode >= OverlayMode::kPressure;
    if (timed && view.time_s != applied_time) {
      overlay_data.link_values.clear();
      overlay_data.node_values.clear();
      overlay_data.unit.clear();
      if (!(live && live->is_mqtt() && live->values(mode, overlay_data)))
        scenario->values(mode, view.time_s, overlay_data);
      applied_palette.clear();  // recolour below
      applied_time = view.time_s;
    }
    if (outage.update()) applied_palette.clear();
    if (meeting.language_changed()) applied_palette.clear();  // legends in the new language
    if (view.palette + "/" + view.overlay != applied_palette) {
      OverlayResult ov = pv.overlay(view, &overlay_data);
      base_colors = outage.colour(pv, std::move(ov.elements));
      legend = std::move(ov.legend);
      applied_palette = view.palette + "/" + view.overlay;
      applied_hover = -3;  // force an update below
    }
    if (hovered != applied_hover || selected != applied_selected) {
      std::vector<render::Element> els = base_colors;
      if (hovered >= 0 && pv.element(hovered).kind != ElementRef::Kind::kGround)
        els[size_t(hovered)].flags |= render::kElementHighlight;
      if (selected >= 0 && pv.element(selected).kind != ElementRef::Kind::kGround)
        els[size_t(selected)].flags |= render::kElementSelected;
      r.set_elements(els);
      applied_hover = hovered;
      applied_selected = selected;
    }
    // Dynamic instances: the excavation pit and, with a simulation, the flow arrows.
    const Excavation& ex = view.excavation;
    ValueMap velocity = overlay.flow_arrows ? scenario->velocities(view.time_s) : ValueMap{};
    if (!velocity.empty() || ex.enabled != applied_excavation.enabled ||
        ex.min != applied_excavation.min || ex.max != applied_excavation.max) {
      r.set_dynamic_instances(pv.dynamic_instances(view, velocity, anim_s));
      applied_excavation = ex;
    }
    if (input.resize_w > 0) glfwSetWindowSize(window, input.resize_w, input.resize_h);
    if (overlay.vsync != o.vsync) r.set_vsync(o.vsync = overlay.vsync);

    ViewState drawn = view;
    drawn.camera = glide.frame(view.camera, jumped, dt);
    auto image = r.draw(pv.frame_params(drawn, r.width(), r.height()), !screenshot.empty());
    if (!image) return image.error();
    if (!screenshot.empty()) {
      if (image->width == 0) {
        std::fprintf(stderr, "estatetwin: screenshot %s skipped: window minimised\n",
                     screenshot.c_str());
      } else if (Status s = write_png(screenshot, *image); !s) {
        std::fprintf(stderr, "estatetwin: %s\n", s.error().message.c_str());
        exit_code = 1;
      } else {
        std::printf("screenshot %s (%dx%d)\n", screenshot.c_str(), image->width, image->height);
      }
    }
    if (quit || (o.script && o.script->done())) {
      // Where the camera ended, so that scripts can check where a walk stopped.
      const glm::dvec3& e = view.camera.eye;
      std::printf("camera at %.3f %.3f %.3f\n", e.x, e.y, e.z);
      break;
    }
  }
  r.finish();
  if (o.script) meeting.report_frame_times();
  return exit_code;
}

}  // namespace et::app
