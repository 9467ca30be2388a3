// Dear ImGui's Vulkan backend (compiled from libimgui-dev's sources), drawn inside the
// scene's render pass as its last step so the UI gets the same MSAA and sRGB target.
#pragma once

#include "context.h"

namespace et::render {

class ImGuiPass {
 public:
  Status init(Context& ctx, VkRenderPass pass, VkSampleCountFlagBits samples);
  void new_frame();
  // Records ImGui's current draw data, if a frame was rendered with ImGui::Render().
  void record(VkCommandBuffer cmd);
  void shutdown(Context& ctx);
  bool active() const { return active_; }

 private:
  bool active_ = false;
  VkDescriptorPool pool_ = VK_NULL_HANDLE;
};

}  // namespace et::render
