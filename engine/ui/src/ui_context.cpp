#include "et/ui/ui_context.h"

#include "et/ui/color.h"
#include "et/ui/i18n.h"
#include "fonts.h"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

namespace et::ui {

namespace {
bool g_headless = false;
ImGuiStyle g_base_style;  // unscaled, so that a new scale starts from it

void create_context(float ui_scale, bool with_cjk, const std::string& extra_text) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layouts come from code, not from a file beside the binary
  ImGui::StyleColorsDark();
  ImGuiStyle& style = ImGui::GetStyle();
  // The style is authored in sRGB; the render targets are sRGB and encode on write.
  for (ImVec4& c : style.Colors) c = linear_color(c);
  style.WindowRounding = 4.0f;
  g_base_style = style;
  ImGui::GetStyle().ScaleAllSizes(ui_scale);
  io.FontGlobalScale = ui_scale;
  build_fonts(ui_scale, with_cjk, extra_text);
}
}  // namespace

void imgui_rescale(float ui_scale) {
  ImGui::GetStyle() = g_base_style;
  ImGui::GetStyle().ScaleAllSizes(ui_scale);
  // The atlas keeps the pixel size it was built at (rebuilding it means a new GPU texture):
  // the fonts' Scale stays 1/built, so the glyphs stretch by ui_scale/built until the next start.
  ImGui::GetIO().FontGlobalScale = ui_scale;
}

ImFont* imgui_large_font() { return large_font(); }

void imgui_create_headless(int width, int height, float ui_scale, const std::string& extra_text) {
  // Headless pictures carry Chinese only when asked for it: English renders stay as they were.
  create_context(ui_scale, language() == Language::kChinese, extra_text);
  ImGuiIO& io = ImGui::GetIO();
  io.DisplaySize = ImVec2(float(width), float(height));
  io.DeltaTime = 1.0f / 60.0f;
  g_headless = true;
}

void imgui_begin_frame_headless() {
  ImGui::GetIO().DeltaTime = 1.0f / 60.0f;
  ImGui::NewFrame();
}

void imgui_create(GLFWwindow* window, float ui_scale, const std::string& extra_text) {
  create_context(ui_scale, true, extra_text);  // the window can switch language at any time
  g_headless = false;
  ImGui_ImplGlfw_InitForVulkan(window, true);
}

void imgui_begin_frame(const ScriptedMouse* scripted) {
  ImGui_ImplGlfw_NewFrame();
  if (scripted) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = ImVec2(float(scripted->x), float(scripted->y));
    io.MouseDown[0] = scripted->left;
    io.MouseDown[1] = scripted->right;
    io.MouseDown[2] = scripted->middle;
    // This ImGui (Debian's) reads keys from KeysDown, indexed by the backend's key codes.
    io.KeysDown[io.KeyMap[ImGuiKey_Enter]] = scripted->enter;
    io.KeysDown[io.KeyMap[ImGuiKey_Backspace]] = scripted->backspace;
  }
  ImGui::NewFrame();
}

void imgui_end_frame() { ImGui::Render(); }

void imgui_destroy() {
  if (!g_headless) ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
}

bool imgui_wants_mouse() { return ImGui::GetIO().WantCaptureMouse; }
bool imgui_wants_keyboard() { return ImGui::GetIO().WantCaptureKeyboard; }

}  // namespace et::ui
