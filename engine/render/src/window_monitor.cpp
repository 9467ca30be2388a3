// Monitor listing and window creation for meeting mode. A fullscreen window takes the
// monitor's current video mode (no mode switch: the projector or 4K screen keeps what the
// desktop set, and GLFW makes it borderless fullscreen at that size).
#define GLFW_INCLUDE_NONE
#include <GLFW/glfw3.h>

#include <cstdio>

#include "et/render/monitors.h"
#include "window_open.h"

namespace et::render {

Result<std::vector<MonitorInfo>> list_monitors() {
  if (!glfwInit()) return Error{"cannot list monitors: no display (is DISPLAY set?)"};
  int n = 0;
  GLFWmonitor** monitors = glfwGetMonitors(&n);
  std::vector<MonitorInfo> out;
  for (int i = 0; i < n; ++i) {
    MonitorInfo m;
    const char* name = glfwGetMonitorName(monitors[i]);
    m.name = name ? name : "?";
    if (const GLFWvidmode* mode = glfwGetVideoMode(monitors[i])) m.width = mode->width, m.height = mode->height;
    glfwGetMonitorContentScale(monitors[i], &m.scale_x, &m.scale_y);
    out.push_back(m);
  }
  // GLFW stays initialised: the window that follows reuses it, and the renderer terminates it.
  return out;
}

std::string describe_monitors(const std::vector<MonitorInfo>& monitors) {
  std::string s;
  for (size_t i = 0; i < monitors.size(); ++i) {
    char buf[160];
    std::snprintf(buf, sizeof buf, "%s%zu: %s %dx%d", i ? ", " : "", i, monitors[i].name.c_str(),
                  monitors[i].width, monitors[i].height);
    s += buf;
  }
  return s.empty() ? "none" : s;
}

GLFWwindow* open_window(const std::string& title, int width, int height, const WindowPlacement& p,
                        std::string& error) {
  int n = 0;
  GLFWmonitor** monitors = glfwGetMonitors(&n);
  if (p.monitor >= n || (p.monitor < 0 && p.fullscreen && n == 0)) {
    auto list = list_monitors();
    error = "--monitor " + std::to_string(p.monitor) + ": no such monitor (have: " +
            (list ? describe_monitors(*list) : std::string("none")) + ")";
    return nullptr;
  }
  GLFWmonitor* monitor = p.monitor >= 0 ? monitors[p.monitor] : (n > 0 ? monitors[0] : nullptr);
  GLFWwindow* w = nullptr;
  if (p.fullscreen) {
    const GLFWvidmode* mode = glfwGetVideoMode(monitor);
    glfwWindowHint(GLFW_RED_BITS, mode->redBits);
    glfwWindowHint(GLFW_GREEN_BITS, mode->greenBits);
    glfwWindowHint(GLFW_BLUE_BITS, mode->blueBits);
    glfwWindowHint(GLFW_REFRESH_RATE, mode->refreshRate);
    w = glfwCreateWindow(mode->width, mode->height, title.c_str(), monitor, nullptr);
  } else {
    w = glfwCreateWindow(width, height, title.c_str(), nullptr, nullptr);
    if (w && p.monitor >= 0) {  // windowed on that monitor: centred in its work area
      int x = 0, y = 0, ww = 0, wh = 0;
      glfwGetMonitorWorkarea(monitor, &x, &y, &ww, &wh);
      glfwSetWindowPos(w, x + (ww - width) / 2, y + (wh - height) / 2);
    }
  }
  if (!w) error = "cannot create the window";
  return w;
}

}  // namespace et::render
