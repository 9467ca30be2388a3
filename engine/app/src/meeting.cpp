#include "meeting.h"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "et/core/date.h"
#include "et/ui/i18n.h"
#include "et/ui/presenter_panel.h"
#include "et/ui/ui_context.h"

namespace et::app {
namespace {

float g_content_scale = 0.0f;  // set by GLFW's callback when the window changes screens
void on_content_scale(GLFWwindow*, float x, float) { g_content_scale = x; }

bool pressed(const InputState& in, const InputState& prev, int key) {
  return in.keys.count(key) && !prev.keys.count(key);
}

// The bookmark the camera stands at (a bookmark jump copies its view), or null.
const Bookmark* bookmark_at(const Scene& scene, const ViewState& v) {
  for (const Bookmark& b : scene.bookmarks)
    if (glm::all(glm::lessThan(glm::abs(b.view.camera.eye - v.camera.eye), glm::dvec3(1e-6))) &&
        glm::all(glm::lessThan(glm::abs(b.view.camera.target - v.camera.target), glm::dvec3(1e-6))))
      return &b;
  return nullptr;
}

}  // namespace

Status setup_language(const std::string& lang) {
  ui::Language l = ui::Language::kEnglish;
  if (!lang.empty() && !ui::language_from_name(lang, l))
    return Error{"--lang: expected zh or en, got '" + lang + "'"};
  if (Status s = ui::load_translations(ui::translations_dir()); !s) {
    std::fprintf(stderr, "estatetwin: warning: %s; the UI stays in English\n", s.error().message.c_str());
    l = ui::Language::kEnglish;
  }
  ui::set_language(l);
  return Ok{};
}

std::string scene_glyph_text(const Scene& scene, const PlanSet* plans) {
  std::string s = scene.name;
  for (const Bookmark& b : scene.bookmarks) s += ui::tr(b.name) + b.name;
  if (plans)
    for (const plan::Plan& p : plans->plans) s += p.name + ui::tr(p.name);
  for (const std::string& w : scene.warnings) s += w;
  return s;
}

Meeting::Meeting(const Scene& scene, GLFWwindow* window, float& ui_scale, bool presenter)
    : scene_(scene), presenter_(presenter), language_(int(ui::language())) {
  if (ui_scale <= 0.0f) {
    // The desktop's scale for this screen (2 on a 4K screen set to 200%); 1 under Xvfb.
    float x = 1.0f, y = 1.0f;
    glfwGetWindowContentScale(window, &x, &y);
    ui_scale = std::clamp(x, 0.5f, 4.0f);
    auto_scale_ = true;
    glfwSetWindowContentScaleCallback(window, on_content_scale);
    std::printf("ui scale %.2f (from the monitor's content scale)\n", double(ui_scale));
  }
  scale_ = ui_scale;
  if (presenter_) std::printf("presenter on\n");
}

void Meeting::keys(const InputState& in, const InputState& prev, bool& playing) {
  if (pressed(in, prev, GLFW_KEY_F5)) {
    presenter_ = !presenter_;
    std::printf("presenter %s\n", presenter_ ? "on" : "off");
  }
  if (pressed(in, prev, GLFW_KEY_SPACE)) {
    playing = !playing;
    std::printf("clock %s\n", playing ? "playing" : "paused");
  }
}

void Meeting::draw(const ViewState& view, const PlanView& pv, const ui::Legend& legend) {
  std::vector<std::string> caption;
  std::string first = ui::tr(scene_.name);
  if (const Bookmark* b = bookmark_at(scene_, view)) first += " - " + ui::tr(b->name);
  caption.push_back(first);
  if (!view.plan.empty() || !view.plan_b.empty()) {
    std::string plans = ui::tr(plan_title(pv.plans(), view.plan));
    if (!view.plan_b.empty()) plans += "  |  " + ui::tr(plan_title(pv.plans(), view.plan_b));
    caption.push_back(plans);
  }
  const int minutes = int(std::fmod(view.time_s, 86400.0) / 60.0);
  char clock[16];
  std::snprintf(clock, sizeof clock, "%02d:%02d", (minutes / 60) % 24, minutes % 60);
  caption.push_back(view.staged ? format_date(view_day(scene_, view)) + "  " + clock : std::string(clock));
  ui::draw_presenter(caption, legend);
}

bool Meeting::language_changed() {
  if (int(ui::language()) == language_) return false;
  language_ = int(ui::language());
  std::printf("language %s\n", ui::language() == ui::Language::kChinese ? "zh" : "en");
  return true;
}

void Meeting::frame(double real_dt_s) {
  if (frame_ms_.size() < 1000000) frame_ms_.push_back(real_dt_s * 1000.0);
  if (auto_scale_ && g_content_scale > 0.0f && g_content_scale != scale_) {
    scale_ = std::clamp(g_content_scale, 0.5f, 4.0f);
    ui::imgui_rescale(scale_);
    std::printf("ui scale %.2f (content scale changed)\n", double(scale_));
  }
}

void Meeting::report_frame_times() const {
  // The first frames build pipelines and upload the world: steady state starts after them.
  if (frame_ms_.size() < 12) return;
  std::vector<double> t(frame_ms_.begin() + 10, frame_ms_.end());
  std::sort(t.begin(), t.end());
  auto at = [&](double q) { return t[std::min(t.size() - 1, size_t(q * double(t.size())))]; };
  std::printf("frame times: %zu frames, median %.2f ms, p99 %.2f ms, max %.2f ms\n", t.size(),
              at(0.5), at(0.99), t.back());
}

}  // namespace et::app
