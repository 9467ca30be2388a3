// The screens GLFW sees, for meeting mode: `--monitor N` picks one, `--fullscreen` fills it
// with its current video mode. Listed here so that the CLI can reject a bad index with the
// list before any window or Vulkan device exists.
#pragma once

#include <string>
#include <vector>

#include "et/core/error.h"

namespace et::render {

struct MonitorInfo {
  std::string name;
  int width = 0, height = 0;           // current video mode, pixels
  float scale_x = 1.0f, scale_y = 1.0f;  // content scale (the desktop's UI scale)
};

// Every monitor, primary first. An error when there is no display.
Result<std::vector<MonitorInfo>> list_monitors();
// "0: Name 3840x2160, 1: ..." for error messages.
std::string describe_monitors(const std::vector<MonitorInfo>& monitors);

}  // namespace et::render
