// The interactive window: camera controls, the UI overlay, and input replay.
#pragma once

#include <memory>
#include <string>

#include "et/app/script.h"
#include "et/scene/scene.h"

namespace et::app {

struct ViewOptions {
  int width = 1280;
  int height = 720;
  bool vsync = true;
  float ui_scale = 1.0f;  // <= 0: from the monitor's content scale (meeting.h)
  int monitor = -1;        // --monitor N; -1 the window manager's choice
  bool fullscreen = false;
  bool presenter = false;  // start in the presenter layout (F5 toggles)
  std::unique_ptr<ScriptPlayer> script;  // null: live input
  std::string bookmark;  // the bookmark the window opens at (--view), if any
  std::string live_url;                   // mqtt://HOST:PORT[/TOPIC]: a real feed, else the replay
};

// Returns the exit code. Errors (no display) come back as an Error instead.
// `scene` is not const: the Bookmarks section edits (and saves) scene.bookmarks.
Result<int> run_view(Scene& scene, const ViewState& initial, ViewOptions& options);

}  // namespace et::app
