// The window's main panel: frame time, camera mode, layers, ground opacity, bookmarks,
// and the scene's warnings (optional layers that failed to load).
#pragma once

#include <string>
#include <vector>

#include <glm/glm.hpp>

#include "et/scene/view_state.h"

namespace et::ui {

struct OverlayModel {
  // Shown.
  std::string scene_name;
  std::string device;
  int msaa = 1;
  int buildings = 0;
  int households = 0;
  float frame_ms = 0.0f;
  const std::vector<Bookmark>* bookmarks = nullptr;
  const std::vector<std::string>* warnings = nullptr;
  // Edited.
  ViewState* view = nullptr;
  enum class CameraMode { kOrbit, kFly, kWalk };
  CameraMode camera_mode = CameraMode::kOrbit;  // Tab cycles; the panel's radio buttons
  float fly_speed = 10.0f;  // m/s
  bool vsync = true;
  int goto_bookmark = -1;   // set when the user picks a bookmark; the caller applies it
  struct BookmarkUi* bookmark_ui = nullptr;  // the Bookmarks section (et/ui/bookmark_panel.h)
  bool depth_labels = false;
  std::vector<std::string> overlays;  // overlay names the combo offers
  // The scenario clock (view->time_s): play/pause and speed (scenario seconds per second).
  bool playing = false;
  float clock_speed = 600.0f;
  bool flow_arrows = true;
};

void draw_overlay(OverlayModel& m);

struct LegendEntry {
  std::string name;
  glm::u8vec3 color;  // sRGB
  std::string note;   // e.g. "1.35 km"
};
// What the legend shows: categories with swatches, or a colour ramp from lo to hi.
struct Legend {
  std::string title;
  std::vector<LegendEntry> entries;
  bool ramp = false;
  double lo = 0.0, hi = 1.0;
  std::string unit;
  std::vector<glm::u8vec3> stops;
};
// The legend (bottom-right).
void draw_legend(const Legend& legend);

struct SensorPlot {
  std::string label;          // "S-P01 (m)"
  std::vector<float> values;  // one a minute since midnight, up to the clock
};

struct InspectorModel {
  std::string title;  // e.g. "link W-P-012"
  std::vector<std::pair<std::string, std::string>> rows;
  std::vector<std::string> actions;  // buttons under the title ("Close valve", ...)
  std::vector<SensorPlot> plots;     // recent history of the element's sensors
};

struct AlarmRow {
  double t = 0.0;
  std::string text;
  int level = 2;  // 1 warning, 2 alarm
  int utility = 0;
  std::string element;
};
// The alarms panel (bottom centre): the live feed's status line and the alarms raised so far,
// newest first. Returns the index of the alarm clicked (to fly there), or -1.
int draw_alarms(const std::string& status, const std::vector<AlarmRow>& alarms);
// The inspector for the clicked element (right side); `hover` is shown small at the cursor.
// Returns the index of the action button pressed this frame, or -1.
int draw_inspector(const InspectorModel* selected, const std::string& hover);

struct OutageModel {
  std::vector<std::string> closed;     // valve and link ids
  std::vector<std::string> buildings;  // that lost supply
  int households = 0;
  std::string error;
};
// The outage list (under the inspector). Returns true when "Clear" was pressed.
bool draw_outage(const OutageModel& m);

struct ScreenLabel {
  float x, y;
  std::string text;
};
void draw_labels(const std::vector<ScreenLabel>& labels);

}  // namespace et::ui
