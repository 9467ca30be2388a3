#include <cstring>

#include "target.h"

namespace et::render {
namespace {

// sRGB so that shading happens in linear space and the PNG holds display values.
constexpr VkFormat kOffscreenFormat = VK_FORMAT_R8G8B8A8_SRGB;

class OffscreenTarget final : public Target {
 public:
  OffscreenTarget(Context& ctx, VkExtent2D extent, VkSampleCountFlagBits samples)
      : ctx_(ctx),
        image_(ctx, extent, kOffscreenFormat, VK_SAMPLE_COUNT_1_BIT,
               VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT,
               VK_IMAGE_ASPECT_COLOR_BIT),
        readback_(ctx, VkDeviceSize(extent.width) * extent.height * 4,
                  VK_BUFFER_USAGE_TRANSFER_DST_BIT, true) {
    attachments_.create(ctx, kOffscreenFormat, extent, samples,
                        VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, {image_.view});
  }
  ~OffscreenTarget() override { vkDeviceWaitIdle(ctx_.device); }

  Attachments& attachments() override { return attachments_; }
  bool acquire(uint32_t& index) override {
    index = 0;
    return true;
  }
  void record_readback(VkCommandBuffer cmd, uint32_t) override {
    VkBufferImageCopy region{};
    region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
    region.imageExtent = {attachments_.extent.width, attachments_.extent.height, 1};
    vkCmdCopyImageToBuffer(cmd, image_.image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL,
                           readback_.buffer, 1, &region);
    VkBufferMemoryBarrier b{VK_STRUCTURE_TYPE_BUFFER_MEMORY_BARRIER};
    b.srcAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT;
    b.dstAccessMask = VK_ACCESS_HOST_READ_BIT;
    b.srcQueueFamilyIndex = b.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    b.buffer = readback_.buffer;
    b.size = VK_WHOLE_SIZE;
    vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_HOST_BIT, 0, 0,
                         nullptr, 1, &b, 0, nullptr);
  }
  void submit(VkCommandBuffer cmd, uint32_t, VkFence fence) override {
    VkSubmitInfo si{VK_STRUCTURE_TYPE_SUBMIT_INFO};
    si.commandBufferCount = 1;
    si.pCommandBuffers = &cmd;
    vk_check(vkQueueSubmit(ctx_.queue, 1, &si, fence), "submit");
  }
  Image read_back() override {
    Image img;
    img.width = static_cast<int>(attachments_.extent.width);
    img.height = static_cast<int>(attachments_.extent.height);
    img.rgba.resize(size_t(img.width) * img.height * 4);
    std::memcpy(img.rgba.data(), readback_.mapped, img.rgba.size());
    return img;
  }

 private:
  Context& ctx_;
  GpuImage image_;
  GpuBuffer readback_;
  Attachments attachments_;
};

}  // namespace

std::unique_ptr<Target> make_offscreen_target(Context& ctx, VkExtent2D extent,
                                              VkSampleCountFlagBits samples) {
  return std::make_unique<OffscreenTarget>(ctx, extent, samples);
}

}  // namespace et::render
