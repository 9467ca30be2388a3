// Render pass and attachments shared by both targets: MSAA colour + depth, resolved into
// the target's final images (an offscreen image, or the swapchain's images).
#pragma once

#include <vector>

#include "gpu_buffer.h"

namespace et::render {

constexpr VkFormat kDepthFormat = VK_FORMAT_D32_SFLOAT;

class Attachments {
 public:
  Attachments() = default;
  // `finals`: views of the single-sampled images the frame ends up in, one framebuffer each.
  // `final_layout`: their layout after the pass (TRANSFER_SRC offscreen, PRESENT_SRC window).
  void create(Context& ctx, VkFormat format, VkExtent2D extent, VkSampleCountFlagBits samples,
              VkImageLayout final_layout, const std::vector<VkImageView>& finals);
  // Keeps the render pass (pipelines stay valid) and rebuilds images and framebuffers.
  void resize(VkExtent2D extent, const std::vector<VkImageView>& finals);
  void destroy();
  ~Attachments() { destroy(); }

  VkRenderPass render_pass = VK_NULL_HANDLE;
  std::vector<VkFramebuffer> framebuffers;
  VkExtent2D extent{};
  VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_1_BIT;
  VkFormat format = VK_FORMAT_UNDEFINED;

 private:
  void create_framebuffers(const std::vector<VkImageView>& finals);
  void destroy_framebuffers();
  Context* ctx_ = nullptr;
  GpuImage msaa_color_;
  GpuImage depth_;
};

// Begins the render pass on framebuffer `index`, clearing to `clear` (linear RGB).
void begin_pass(VkCommandBuffer cmd, const Attachments& a, uint32_t index, const float clear[4]);

}  // namespace et::render
