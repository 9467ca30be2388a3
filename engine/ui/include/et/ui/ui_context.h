// Creates the ImGui context and its GLFW platform backend for a window.
#pragma once

#include <string>

struct GLFWwindow;
struct ImFont;

namespace et::ui {

// `extra_text`: strings the font must hold besides the translation tables (the scene's
// names), so that the atlas carries only the Chinese glyphs in use.
void imgui_create(GLFWwindow* window, float ui_scale, const std::string& extra_text = "");
// An ImGui context with no platform window, for UI drawn into headless renders (legends).
void imgui_create_headless(int width, int height, float ui_scale, const std::string& extra_text = "");
// A new UI scale (the window moved to a screen with another content scale).
void imgui_rescale(float ui_scale);
// The presenter layout's large font (captions, legends).
ImFont* imgui_large_font();
// Starts a headless UI frame (fixed 1/60 s step, no input).
void imgui_begin_frame_headless();
struct ScriptedMouse {
  double x = 0, y = 0;
  bool left = false, right = false, middle = false;
  bool enter = false, backspace = false;  // keys text fields need (a script's `key press`)
};
// Starts a UI frame; call after the renderer's imgui_new_frame(). With `scripted`, that
// mouse state replaces the platform's for this frame (input replay with --script).
void imgui_begin_frame(const ScriptedMouse* scripted = nullptr);
void imgui_end_frame();  // ImGui::Render()
void imgui_destroy();  // also for headless contexts
// True when ImGui wants the mouse/keyboard (the pointer is over a panel, a field is active):
// camera controls then leave the input alone.
bool imgui_wants_mouse();
bool imgui_wants_keyboard();

}  // namespace et::ui
