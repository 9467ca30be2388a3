// Meeting mode and languages in the window (issue 7, points 5 and 6): the language the UI
// starts in, the UI scale from the monitor, the presenter layout (F5) and its keys, and
// frame time figures for scripted runs. view_loop.cpp calls in at a few hook points.
#pragma once

#include <string>
#include <vector>

#include "et/app/plan_view.h"
#include "et/app/script.h"
#include "et/core/error.h"
#include "et/scene/scene.h"
#include "et/ui/overlay_panel.h"

struct GLFWwindow;

namespace et::app {

// Loads the translation tables and sets the language from --lang ("" keeps English). A bad
// name is an error (usage); tables that fail to load are one warning line, and English.
Status setup_language(const std::string& lang);

// The scene's own names (scene, bookmarks, plans, tours), whose glyphs the font must hold.
std::string scene_glyph_text(const Scene& scene, const PlanSet* plans = nullptr);

class Meeting {
 public:
  // `ui_scale` <= 0: take it from the window's content scale (and follow changes of it).
  Meeting(const Scene& scene, GLFWwindow* window, float& ui_scale, bool presenter);

  bool presenter() const { return presenter_; }
  // F5 toggles the presenter layout; Space plays or pauses the clock (the schedule when a
  // plan is staged). Each prints a line for scripts.
  void keys(const InputState& in, const InputState& prev, bool& playing);
  // The presenter layout: the caption and the large legend.
  void draw(const ViewState& view, const PlanView& pv, const ui::Legend& legend);
  // True once after the language changed (the caller rebuilds translated legends).
  bool language_changed();
  // Once a frame, with the real (not scripted) frame time; applies content-scale changes.
  void frame(double real_dt_s);
  // "frame times: N frames, median ... p99 ..." (scripted runs print it at the end).
  void report_frame_times() const;

 private:
  const Scene& scene_;
  bool presenter_ = false;
  bool auto_scale_ = false;
  float scale_ = 1.0f;
  int language_ = 0;
  std::vector<double> frame_ms_;
};

}  // namespace et::app
