// ImGui draws into the renderer's sRGB targets, which encode on write: colours handed to
// ImGui must be linear, or the whole UI looks washed out. These convert sRGB values.
#pragma once

#include <imgui.h>

#include <glm/glm.hpp>

namespace et::ui {

float srgb_to_linear(float c);
ImVec4 linear_color(ImVec4 srgb);                 // alpha unchanged
ImU32 linear_u32(glm::u8vec3 srgb, int alpha = 255);

}  // namespace et::ui
