// The window's main panel: frame time, camera mode, layers, ground opacity, bookmarks,
// and the scene's warnings (optional layers that failed to load).
#pragma once

#include <string>
#include <vector>

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
  bool fly_mode = false;
  float fly_speed = 10.0f;  // m/s
  bool vsync = true;
  int goto_bookmark = -1;   // set when the user picks a bookmark; the caller applies it
};

void draw_overlay(OverlayModel& m);

}  // namespace et::ui
