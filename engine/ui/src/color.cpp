#include "et/ui/color.h"

#include <cmath>

namespace et::ui {

float srgb_to_linear(float c) {
  return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}

ImVec4 linear_color(ImVec4 c) {
  return ImVec4(srgb_to_linear(c.x), srgb_to_linear(c.y), srgb_to_linear(c.z), c.w);
}

ImU32 linear_u32(glm::u8vec3 c, int alpha) {
  ImVec4 l = linear_color(ImVec4(c.r / 255.0f, c.g / 255.0f, c.b / 255.0f, alpha / 255.0f));
  return ImGui::ColorConvertFloat4ToU32(l);
}

}  // namespace et::ui
