// Creates the GLFW window the window target presents to (GLFW initialised, no client API).
#pragma once

#include <string>

struct GLFWwindow;

namespace et::render {

struct WindowPlacement {
  int monitor = -1;  // -1: wherever the window manager puts it (fullscreen: the primary)
  bool fullscreen = false;
};

// Null with `error` set when the monitor does not exist or the window cannot be made.
GLFWwindow* open_window(const std::string& title, int width, int height, const WindowPlacement& p,
                        std::string& error);

}  // namespace et::render
